package org.hpolink.encode.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.hpolink.model.Provenance;

/** What both encoder fine-tuners share: a seeded trainable copy, AdamW on the CPU, seeded shuffles, the provenance. */
final class FineTuning {

    private FineTuning() {
    }

    /** A copy of {@code base} to train, with the engine seeded first so that its initial state is reproducible. */
    static DjlEncoder trainableCopy(DjlEncoder base, long seed, Frozen frozen) {
        Engine.getEngine(DjlEncoder.ENGINE).setRandomSeed(Long.hashCode(seed));
        DjlEncoder encoder = DjlEncoder.of(base.shape(), base.weights(), base.source());
        if (frozen == Frozen.WORD_EMBEDDINGS) {
            encoder.block().freezeWordEmbeddings();
        }
        return encoder;
    }

    /** DJL's trainer settings: the loss, AdamW with a fixed learning rate and decoupled weight decay, the CPU. */
    static DefaultTrainingConfig adamW(Loss loss, double learningRate, double weightDecay) {
        return new DefaultTrainingConfig(loss)
                .optDevices(new Device[] {Device.cpu()})
                .optOptimizer(Optimizer.adamW()
                        .optLearningRateTracker(Tracker.fixed((float) learningRate))
                        .optWeightDecays((float) weightDecay)
                        .build());
    }

    /** Fisher-Yates shuffle of {@code order} in place, drawn from {@code random}. */
    static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** The provenance of a tuned encoder: its settings with the base encoder named, and what it was trained on. */
    static Provenance provenance(String component, long seed, Map<String, Object> settings, EncoderSource base, String source,
            String sourceSha256, int size) {
        TreeMap<String, Object> described = new TreeMap<>(settings);
        described.put("baseEncoder", base.name());
        described.put("baseEncoderSha256", base.sha256());
        return new Provenance(component, Provenance.currentVersion(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                seed, described, source, sourceSha256, "all", size, "none", "none",
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }
}
