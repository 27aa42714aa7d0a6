package org.hpolink.encode.train;

import static org.hpolink.model.ConfigChecks.requireNonNegative;
import static org.hpolink.model.ConfigChecks.requirePositive;
import static org.hpolink.model.ConfigChecks.requireRange;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.hpolink.encode.Pooling;
import org.hpolink.model.Provenance;

/**
 * Fine-tunes a copy of a {@link DjlEncoder} by BioSyn's synonym marginalization ({@link MarginalLoss}): a query's
 * score for a candidate name is {@code scale * cos(query, name)} plus a fixed score the caller gives (the weighted
 * sparse score), and the loss asks the candidates of the gold id to hold the probability.
 *
 * <p>Each pass first encodes every name and every query with the current weights, without gradients; the caller's
 * {@link CandidatePicker} chooses each query's candidates from those vectors (so candidates are refreshed every
 * pass, as BioSyn does); the pass then steps over seeded batches of queries, encoded with gradients, against the
 * candidates' vectors of the pass. Unlike BioSyn, gradients reach the encoder through the queries only: through the
 * candidates too, a step would encode k + 1 sequences per query instead of one, about 20 times the work, which two
 * cores cannot afford. The names still move with the encoder at every refresh. Deterministic: the same base, texts,
 * picker and settings give the same losses and weights (no dropout; seeded order).
 */
public final class MarginalFineTuner {

    /** The component named in the provenance of an encoder tuned this way. */
    public static final String COMPONENT = "encoder-marginal-fine-tuning";
    /** Sequences encoded together when refreshing the vectors. */
    private static final int REFRESH_BATCH = 64;
    /** The score of a padding candidate: far below any real one, so that its probability is 0. */
    private static final float PADDING_SCORE = -1e4f;

    /**
     * @param seed          the order of the queries, and DJL's random seed
     * @param batchQueries  queries per AdamW step
     * @param learningRate  AdamW's learning rate
     * @param weightDecay   AdamW's decoupled weight decay
     * @param scale         multiplies the cosine similarity of query and candidate
     * @param frozen        the weights left alone
     */
    public record Settings(long seed, int batchQueries, double learningRate, double weightDecay, double scale, Frozen frozen) {
        public Settings {
            Objects.requireNonNull(frozen, "frozen");
            requireRange("batchQueries", batchQueries, 1, 100_000);
            requirePositive("learningRate", learningRate);
            requireNonNegative("weightDecay", weightDecay);
            requirePositive("scale", scale);
        }

        /** Every field by name, for the provenance. */
        @SuppressWarnings("unchecked")
        Map<String, Object> toMap() {
            return new ObjectMapper().convertValue(this, TreeMap.class);
        }
    }

    /**
     * A query's candidates for one pass: positions in the names, a fixed score added to each one's dense score, and
     * which carry the gold id (at least one must).
     */
    public record Candidates(int[] names, float[] fixedScores, boolean[] gold) {
        public Candidates {
            if (names.length != fixedScores.length || names.length != gold.length || names.length == 0) {
                throw new IllegalArgumentException(names.length + " candidates, " + fixedScores.length + " fixed scores, " + gold.length
                        + " gold flags: expected the same positive number");
            }
            if (!containsTrue(gold)) {
                throw new IllegalArgumentException("no candidate carries the gold id: the loss is undefined");
            }
        }

        private static boolean containsTrue(boolean[] flags) {
            for (boolean flag : flags) {
                if (flag) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Chooses each query's candidates, given the unit vectors of the queries and of the names under the current weights. */
    @FunctionalInterface
    public interface CandidatePicker {
        List<Candidates> pick(float[][] queryVectors, float[][] nameVectors);
    }

    /** Passes over one set of queries, token id sequences each holding [CLS] ... [SEP]. */
    public record Phase(String name, List<long[]> queries, CandidatePicker picker, int passes) {
        public Phase {
            queries = List.copyOf(queries);
            Objects.requireNonNull(picker, "picker");
            if (passes < 0) {
                throw new IllegalArgumentException("passes is " + passes + ", expected 0 or more");
            }
        }
    }

    /** Told the mean loss after each pass. */
    @FunctionalInterface
    public interface Listener {
        void passEnded(String phase, int pass, int queries, double meanLoss);
    }

    private final Settings settings;

    public MarginalFineTuner(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Trains a copy of {@code base}, which is left unchanged, through the phases in order.
     *
     * @param pooling how the encoder's token states become a sentence vector
     * @param names   the names candidates are drawn from, token id sequences
     * @param source  what the names and queries came from, for the provenance
     */
    public TunedEncoder train(DjlEncoder base, Pooling pooling, List<long[]> names, List<Phase> phases, String source, Listener listener) {
        DjlEncoder encoder = FineTuning.trainableCopy(base, settings.seed(), settings.frozen());
        try {
            DefaultTrainingConfig training = FineTuning.adamW(new MarginalLoss(), settings.learningRate(), settings.weightDecay());
            SplittableRandom random = new SplittableRandom(settings.seed());
            try (Trainer trainer = encoder.model().newTrainer(training)) {
                for (Phase phase : phases) {
                    for (int pass = 1; pass <= phase.passes(); pass++) {
                        float[][] nameVectors = vectors(encoder, pooling, names);
                        float[][] queryVectors = vectors(encoder, pooling, phase.queries());
                        List<Candidates> candidates = phase.picker().pick(queryVectors, nameVectors);
                        double loss = pass(trainer, pooling, phase.queries(), candidates, nameVectors, random,
                                "phase " + phase.name() + ", pass " + pass);
                        listener.passEnded(phase.name(), pass, phase.queries().size(), loss);
                    }
                }
            }
            return new TunedEncoder(encoder, provenance(base.source(), names, phases, source));
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    /** Steps over seeded batches of the queries; the mean loss over the queries. */
    private double pass(Trainer trainer, Pooling pooling, List<long[]> queries, List<Candidates> candidates, float[][] nameVectors,
            SplittableRandom random, String where) {
        if (candidates.size() != queries.size()) {
            throw new IllegalStateException("the picker gave " + candidates.size() + " candidate sets for " + queries.size() + " queries");
        }
        int[] order = new int[queries.size()];
        Arrays.setAll(order, i -> i);
        FineTuning.shuffle(order, random);
        double lossSum = 0;
        for (int start = 0; start < order.length; start += settings.batchQueries()) {
            int[] batch = Arrays.copyOfRange(order, start, Math.min(order.length, start + settings.batchQueries()));
            float loss = step(trainer, pooling, batch, queries, candidates, nameVectors);
            if (!Float.isFinite(loss)) {
                throw new IllegalStateException("encoder fine-tuning diverged (loss " + loss + ") in " + where + ", at query "
                        + start + " of " + order.length + ", learning rate " + settings.learningRate() + ": try another learning rate");
            }
            lossSum += (double) loss * batch.length;
        }
        return queries.isEmpty() ? 0 : lossSum / queries.size();
    }

    /** One forward, backward and AdamW update over the batch; returns the loss before the update. */
    private float step(Trainer trainer, Pooling pooling, int[] batch, List<long[]> queries, List<Candidates> candidates, float[][] nameVectors) {
        int width = Arrays.stream(batch).map(q -> candidates.get(q).names().length).max().orElseThrow();
        int hidden = nameVectors[0].length;
        float[] candidateVectors = new float[batch.length * width * hidden];
        float[] fixed = new float[batch.length * width];
        float[] gold = new float[batch.length * width];
        List<long[]> sequences = new ArrayList<>(batch.length);
        for (int b = 0; b < batch.length; b++) {
            Candidates c = candidates.get(batch[b]);
            sequences.add(queries.get(batch[b]));
            Arrays.fill(fixed, b * width, (b + 1) * width, PADDING_SCORE);
            for (int k = 0; k < c.names().length; k++) {
                System.arraycopy(nameVectors[c.names()[k]], 0, candidateVectors, (b * width + k) * hidden, hidden);
                fixed[b * width + k] = c.fixedScores()[k];
                gold[b * width + k] = c.gold()[k] ? 1 : 0;
            }
        }
        // The step's inputs and intermediates live in a sub-manager, freed when the step ends.
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDList inputs = TokenBatch.padded(sequences).toNDList(manager);
            NDArray names = manager.create(candidateVectors, new Shape(batch.length, width, hidden));
            float loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray query = InBatchContrastiveLoss.unit(pool(trainer.forward(inputs).singletonOrThrow(), inputs.get(1), pooling));
                // Numbers the backward pass reads are arrays of the step's manager, not Java numbers: see BertEncoderBlock.
                NDArray dense = names.batchMatMul(query.expandDims(2)).squeeze(2).mul(manager.create((float) settings.scale()));
                NDArray scores = dense.add(manager.create(fixed, new Shape(batch.length, width)));
                NDArray value = trainer.getLoss().evaluate(new NDList(manager.create(gold, new Shape(batch.length, width))), new NDList(scores));
                collector.backward(value);
                loss = value.getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    /** The unit sentence vectors of the sequences under the encoder's current weights, without gradients. */
    static float[][] vectors(DjlEncoder encoder, Pooling pooling, List<long[]> sequences) {
        Integer[] byLength = new Integer[sequences.size()];
        Arrays.setAll(byLength, i -> i);
        // Sorted by length so that a batch pads little; a sequence's vector does not depend on its batch mates.
        Arrays.sort(byLength, Comparator.comparingInt(i -> sequences.get(i).length));
        float[][] vectors = new float[sequences.size()][];
        for (int start = 0; start < byLength.length; start += REFRESH_BATCH) {
            int end = Math.min(byLength.length, start + REFRESH_BATCH);
            List<long[]> batch = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                batch.add(sequences.get(byLength[i]));
            }
            try (NDManager manager = encoder.model().getNDManager().newSubManager()) {
                NDList inputs = TokenBatch.padded(batch).toNDList(manager);
                float[] pooled = InBatchContrastiveLoss.unit(pool(encoder.forward(manager, inputs), inputs.get(1), pooling)).toFloatArray();
                int hidden = pooled.length / batch.size();
                for (int i = start; i < end; i++) {
                    vectors[byLength[i]] = Arrays.copyOfRange(pooled, (i - start) * hidden, (i - start + 1) * hidden);
                }
            }
        }
        return vectors;
    }

    private static NDArray pool(NDArray states, NDArray mask, Pooling pooling) {
        return pooling == Pooling.CLS ? states.get(new NDIndex(":, 0, :")) : InBatchContrastiveLoss.meanPool(states, mask);
    }

    private Provenance provenance(EncoderSource base, List<long[]> names, List<Phase> phases, String source) {
        TreeMap<String, Object> described = new TreeMap<>(settings.toMap());
        described.put("names", names.size());
        List<Map<String, Object>> phaseList = new ArrayList<>();
        for (Phase phase : phases) {
            phaseList.add(Map.of("name", phase.name(), "queries", phase.queries().size(), "passes", phase.passes()));
        }
        described.put("phases", phaseList);
        return FineTuning.provenance(COMPONENT, settings.seed(), described, base, source, "none", names.size());
    }
}
