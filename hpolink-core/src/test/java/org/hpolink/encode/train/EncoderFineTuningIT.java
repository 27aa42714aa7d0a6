package org.hpolink.encode.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpolink.RealDataFolder;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoJsonReader;
import org.hpolink.ontology.Synonym;
import org.hpolink.ontology.SynonymScope;
import org.hpolink.ontology.Term;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tiny fine-tuning: 200 steps of 16 HPO (label, exact synonym) pairs, tokenized by DJL's Hugging Face
 * tokenizer over the model jar's tokenizer.json, word embeddings frozen. Run twice with one seed: the same losses;
 * the loss on held-out pairs falls. Also times one training step over 32 phrases of 12 tokens. Figures are printed.
 */
class EncoderFineTuningIT {

    private static TrainingPairs training;
    private static List<IdPair> heldOut;

    @BeforeAll
    static void synonymPairs() throws IOException {
        Path file = RealDataFolder.hpoFile();
        Hpo hpo = new HpoJsonReader().read(file);
        List<IdPair> all = new ArrayList<>();
        try (InputStream json = MiniLm.class.getClassLoader().getResourceAsStream(MiniLm.TOKENIZER_RESOURCE);
             HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "false"))) {
            for (Term term : hpo.activeTerms()) {
                for (Synonym synonym : term.synonyms()) {
                    if (synonym.scope() == SynonymScope.EXACT
                            && !synonym.text().toLowerCase(Locale.ROOT).equals(term.label().toLowerCase(Locale.ROOT))) {
                        all.add(IdPair.of(ids(tokenizer, term.label()), ids(tokenizer, synonym.text())));
                    }
                }
            }
        }
        // Every 25th pair is held out: 16 batches of 16 whose loss is compared before and after tuning.
        List<IdPair> train = new ArrayList<>();
        heldOut = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (i % 25 == 0 && heldOut.size() < 256 ? heldOut : train).add(all.get(i));
        }
        training = new TrainingPairs(file.getFileName() + ": (label, exact synonym) pairs of active terms, every 25th held out", train);
        System.out.printf("EncoderFineTuningIT: %d training pairs, %d held out%n", train.size(), heldOut.size());
    }

    private static long[] ids(HuggingFaceTokenizer tokenizer, String text) {
        Encoding encoding = tokenizer.encode(text);
        long real = Arrays.stream(encoding.getAttentionMask()).sum();
        return Arrays.copyOf(encoding.getIds(), Math.toIntExact(real));
    }

    @Test
    void sameSeedTwiceSameFallingLosses() {
        FineTuneConfig config = FineTuneConfig.DEFAULTS;
        double baseLoss = heldOutLoss(MiniLm.encoder(), config.temperature());
        List<Float> first = new ArrayList<>();
        long start = System.nanoTime();
        double tunedLoss;
        try (TunedEncoder tuned = new EncoderFineTuner(config).train(MiniLm.encoder(), training, (step, loss) -> first.add(loss))) {
            tunedLoss = heldOutLoss(tuned.encoder(), config.temperature());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Float> second = new ArrayList<>();
        new EncoderFineTuner(config).train(MiniLm.encoder(), training, (step, loss) -> second.add(loss)).close();

        System.out.printf("EncoderFineTuningIT: %d steps of %d pairs in %.1f s; training loss, mean of the first 20 steps %.4f, "
                        + "of the last 20 %.4f (step 0 %.4f, step %d %.4f); held-out loss %.4f before, %.4f after%n",
                config.steps(), config.batchPairs(), seconds, mean(first.subList(0, 20)), mean(first.subList(first.size() - 20, first.size())),
                first.get(0), first.size() - 1, first.get(first.size() - 1), baseLoss, tunedLoss);
        assertEquals(config.steps(), first.size());
        assertEquals(first, second, "same seed, same losses");
        assertTrue(mean(first.subList(first.size() - 20, first.size())) < mean(first.subList(0, 20)), "training loss falls: " + first);
        assertTrue(tunedLoss < baseLoss, "held-out loss falls: " + baseLoss + " -> " + tunedLoss);
    }

    /** One training step over 16 pairs = 32 phrases of 12 tokens: median of 10 steps after one to warm up. */
    @Test
    void timesATrainingStep() {
        List<MiniLm.Sequence> twelve = MiniLm.sequences(600, 12).stream().filter(s -> s.ids().length == 12).limit(32).toList();
        List<IdPair> pairs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            pairs.add(IdPair.of(twelve.get(i).ids(), twelve.get(i + 16).ids()));
        }
        TrainingPairs batch = new TrainingPairs("32 made-up phrases of 12 tokens", pairs);
        for (Frozen frozen : Frozen.values()) {
            double[] ms = new double[11];
            long[] last = {System.nanoTime()};
            new EncoderFineTuner(FineTuneConfig.DEFAULTS.withSteps(11).withFrozen(frozen)).train(MiniLm.encoder(), batch, (step, loss) -> {
                long now = System.nanoTime();
                ms[step] = (now - last[0]) / 1e6;
                last[0] = now;
            }).close();
            double[] timed = Arrays.copyOfRange(ms, 1, ms.length);
            Arrays.sort(timed);
            System.out.printf("EncoderFineTuningIT: training step (forward, backward, AdamW), 32 phrases x 12 tokens, 2 threads, frozen %s: "
                    + "median %.0f ms, min %.0f ms, max %.0f ms%n", frozen, (timed[4] + timed[5]) / 2, timed[0], timed[9]);
        }
    }

    /** The in-batch loss of the held-out pairs, computed here apart from the trainer's code: mean pooling, cosine, InfoNCE. */
    private static double heldOutLoss(DjlEncoder encoder, double temperature) {
        double total = 0;
        int batches = 0;
        for (int from = 0; from + 16 <= heldOut.size(); from += 16) {
            List<IdPair> pairs = heldOut.subList(from, from + 16);
            List<long[]> sequences = new ArrayList<>();
            pairs.forEach(p -> sequences.add(p.first()));
            pairs.forEach(p -> sequences.add(p.second()));
            TokenBatch batch = TokenBatch.padded(sequences);
            HiddenStates states = encoder.lastHiddenState(batch);
            double[][] pooled = new double[batch.size()][];
            for (int row = 0; row < batch.size(); row++) {
                pooled[row] = unitMean(states, batch, row);
            }
            double loss = 0;
            for (int i = 0; i < 16; i++) {
                double[] forward = new double[16];
                double[] backward = new double[16];
                for (int j = 0; j < 16; j++) {
                    forward[j] = dot(pooled[i], pooled[16 + j]) / temperature;
                    backward[j] = dot(pooled[j], pooled[16 + i]) / temperature;
                }
                loss += logSumExp(forward) - forward[i] + logSumExp(backward) - backward[i];
            }
            total += loss / 32;
            batches++;
        }
        return total / batches;
    }

    private static double[] unitMean(HiddenStates states, TokenBatch batch, int row) {
        double[] mean = new double[states.hidden()];
        int count = 0;
        for (int t = 0; t < batch.length(); t++) {
            if (batch.isReal(row, t)) {
                for (int h = 0; h < mean.length; h++) {
                    mean[h] += states.get(row, t, h);
                }
                count++;
            }
        }
        double norm = 0;
        for (int h = 0; h < mean.length; h++) {
            mean[h] /= count;
            norm += mean[h] * mean[h];
        }
        double length = Math.sqrt(norm);
        for (int h = 0; h < mean.length; h++) {
            mean[h] /= length;
        }
        return mean;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double logSumExp(double[] values) {
        double max = Arrays.stream(values).max().orElseThrow();
        return max + Math.log(Arrays.stream(values).map(v -> Math.exp(v - max)).sum());
    }

    private static double mean(List<Float> values) {
        return values.stream().mapToDouble(Float::doubleValue).average().orElseThrow();
    }
}
