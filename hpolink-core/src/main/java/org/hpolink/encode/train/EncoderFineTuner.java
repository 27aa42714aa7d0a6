package org.hpolink.encode.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fine-tunes a copy of a {@link DjlEncoder} so that paired sequences encode alike (see {@link FineTuneConfig}),
 * with DJL's trainer and AdamW on the CPU. Deterministic: the same base, pairs and config give the same losses and
 * weights (the pairs are visited in an order drawn from the seed, reshuffled every pass; no dropout).
 */
public final class EncoderFineTuner {

    /** The component named in the provenance of a tuned encoder. */
    public static final String COMPONENT = "encoder-fine-tuning";

    private final FineTuneConfig config;

    public EncoderFineTuner(FineTuneConfig config) {
        this.config = config;
    }

    public FineTuneConfig config() {
        return config;
    }

    /** Trains a copy of {@code base}, which is left unchanged, telling {@code listener} each step's loss. */
    public TunedEncoder train(DjlEncoder base, TrainingPairs data, FineTuneListener listener) {
        if (data.pairs().size() < config.batchPairs()) {
            throw new IllegalArgumentException(data.source() + ": a batch takes " + config.batchPairs() + " pairs, only "
                    + data.pairs().size() + " given");
        }
        DjlEncoder encoder = FineTuning.trainableCopy(base, config.seed(), config.frozen());
        try {
            DefaultTrainingConfig training = FineTuning.adamW(new InBatchContrastiveLoss((float) config.temperature()),
                    config.learningRate(), config.weightDecay());
            try (Trainer trainer = encoder.model().newTrainer(training)) {
                Batches batches = new Batches(data.pairs(), config.batchPairs(), new SplittableRandom(config.seed()));
                for (int step = 0; step < config.steps(); step++) {
                    listener.onStep(step, step(trainer, batches.next()));
                }
            }
            return new TunedEncoder(encoder, FineTuning.provenance(COMPONENT, config.seed(), config.toMap(), base.source(),
                    data.source(), data.sha256(), data.pairs().size()));
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    /** One forward, backward and AdamW update over the batch; returns the loss before the update. */
    private static float step(Trainer trainer, List<IdPair> pairs) {
        List<long[]> sequences = new ArrayList<>(pairs.size() * 2);
        pairs.forEach(pair -> sequences.add(pair.first()));
        pairs.forEach(pair -> sequences.add(pair.second()));
        // The step's inputs and intermediates live in a sub-manager, freed when the step ends.
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDList inputs = TokenBatch.padded(sequences).toNDList(manager);
            float loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray pooled = InBatchContrastiveLoss.meanPool(trainer.forward(inputs).singletonOrThrow(), inputs.get(1));
                NDArray value = trainer.getLoss().evaluate(new NDList(),
                        new NDList(pooled.get(new NDIndex("0:{}", pairs.size())), pooled.get(new NDIndex("{}:", pairs.size()))));
                collector.backward(value);
                loss = value.getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    /** Consecutive batches of an order of the pairs drawn from the seed; a new order each pass over them. */
    private static final class Batches {
        private final List<IdPair> pairs;
        private final int size;
        private final SplittableRandom random;
        private final int[] order;
        private int next;

        Batches(List<IdPair> pairs, int size, SplittableRandom random) {
            this.pairs = pairs;
            this.size = size;
            this.random = random;
            this.order = new int[pairs.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            shuffle();
        }

        List<IdPair> next() {
            if (next + size > order.length) {
                shuffle();
            }
            List<IdPair> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(pairs.get(order[next++]));
            }
            return batch;
        }

        private void shuffle() {
            FineTuning.shuffle(order, random);
            next = 0;
        }
    }
}
