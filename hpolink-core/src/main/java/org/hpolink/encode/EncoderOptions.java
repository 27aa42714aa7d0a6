package org.hpolink.encode;

/**
 * How a {@link TextEncoder} runs.
 *
 * @param intraOpThreads threads ONNX Runtime uses inside one batch (the machine's cores, or fewer to share them)
 * @param batchSize      texts per call of the network; texts are sorted by length first, so a batch pads little
 */
public record EncoderOptions(int intraOpThreads, int batchSize) {

    public EncoderOptions {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads is " + intraOpThreads + ": expected 1 or more");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize is " + batchSize + ": expected 1 or more");
        }
    }

    /** Two threads (the machines hpolink is tuned on have two cores), batches of 32. */
    public static EncoderOptions defaults() {
        return new EncoderOptions(2, 32);
    }

    /**
     * For {@code workers} threads that each run the encoder: the machine's processors shared among them (at least one
     * each), batches of 32, for the encoders and the grid network alike. On two cores, two workers of one thread each
     * annotated about 13% faster than two workers sharing two-thread pools.
     */
    public static EncoderOptions sharedBy(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers is " + workers + ": expected 1 or more");
        }
        return new EncoderOptions(Math.max(1, Runtime.getRuntime().availableProcessors() / workers), 32);
    }
}
