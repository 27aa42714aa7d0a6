package org.hpolink.encode.train;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How {@link EncoderFineTuner} trains: AdamW at a fixed learning rate for a number of steps over batches of pairs,
 * with an in-batch contrastive loss on mean-pooled vectors (each pair's second sequence is the positive of its
 * first; the other pairs of the batch are the negatives).
 *
 * @param seed          the order of the pairs, and DJL's random seed
 * @param steps         optimizer steps
 * @param batchPairs    pairs per step (so twice as many sequences)
 * @param learningRate  AdamW's learning rate
 * @param weightDecay   AdamW's decoupled weight decay
 * @param temperature   divides the cosine similarities before the softmax
 * @param frozen        the weights left alone
 */
public record FineTuneConfig(long seed, int steps, int batchPairs, double learningRate, double weightDecay, double temperature,
                             Frozen frozen) {

    /** 200 steps of 16 pairs at 5e-5, decay 0.01, temperature 0.05, word embeddings frozen, seed 17. */
    public static final FineTuneConfig DEFAULTS = new FineTuneConfig(17, 200, 16, 5e-5, 0.01, 0.05, Frozen.WORD_EMBEDDINGS);

    public FineTuneConfig {
        Objects.requireNonNull(frozen, "frozen");
        if (steps <= 0) {
            throw new IllegalArgumentException("steps is " + steps + ", expected at least 1");
        }
        if (batchPairs < 2) {
            throw new IllegalArgumentException("batchPairs is " + batchPairs + ", expected at least 2 (the other pairs are the negatives)");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate is " + learningRate + ", expected a positive number");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay is " + weightDecay + ", expected 0 or more");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature is " + temperature + ", expected a positive number");
        }
    }

    public FineTuneConfig withSeed(long newSeed) {
        return new FineTuneConfig(newSeed, steps, batchPairs, learningRate, weightDecay, temperature, frozen);
    }

    public FineTuneConfig withSteps(int newSteps) {
        return new FineTuneConfig(seed, newSteps, batchPairs, learningRate, weightDecay, temperature, frozen);
    }

    public FineTuneConfig withBatchPairs(int newBatchPairs) {
        return new FineTuneConfig(seed, steps, newBatchPairs, learningRate, weightDecay, temperature, frozen);
    }

    public FineTuneConfig withFrozen(Frozen newFrozen) {
        return new FineTuneConfig(seed, steps, batchPairs, learningRate, weightDecay, temperature, newFrozen);
    }

    /** Every field by name, for the provenance. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new TreeMap<>();
        map.put("seed", seed);
        map.put("steps", steps);
        map.put("batchPairs", batchPairs);
        map.put("learningRate", learningRate);
        map.put("weightDecay", weightDecay);
        map.put("temperature", temperature);
        map.put("frozen", frozen.name());
        return map;
    }
}
