package org.hpolink.encode;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * How a {@link TextEncoder} runs.
 *
 * @param intraOpThreads threads ONNX Runtime uses inside one batch (the machine's cores, or fewer to share them)
 * @param batchSize      texts per call of the network; texts are sorted by length first, so a batch pads little
 * @param batchPieces    pieces per call of the network, padding included (the texts times the longest one's
 *                       pieces; a longer text is a batch alone): short texts go {@code batchSize} to a batch, long
 *                       ones fewer, so that a batch's tensors stay in the processor's caches
 */
public record EncoderOptions(int intraOpThreads, int batchSize, int batchPieces) {

    /**
     * The default bound of {@link #batchPieces()}: 32 texts of up to 32 pieces. Measured against unbounded batches of
     * 32, with the grid network's own bound, the ensemble annotated 1.3 to 1.4 times as many observations a second
     * (docs/RESULTS.md); with a quantized encoder, whose vectors depend slightly on their batch mates, it changed one
     * key finding of the 2,249 predicted on the training file.
     */
    public static final int DEFAULT_BATCH_PIECES = 1_024;

    public EncoderOptions {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads is " + intraOpThreads + ": expected 1 or more");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize is " + batchSize + ": expected 1 or more");
        }
        if (batchPieces < 1) {
            throw new IllegalArgumentException("batchPieces is " + batchPieces + ": expected 1 or more");
        }
    }

    /** Batches of at most {@value #DEFAULT_BATCH_PIECES} pieces. */
    public EncoderOptions(int intraOpThreads, int batchSize) {
        this(intraOpThreads, batchSize, DEFAULT_BATCH_PIECES);
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

    /** ONNX Runtime's settings for a session run this way (the caller closes them once the session is made). */
    public OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions();
        try {
            sessionOptions.setIntraOpNumThreads(intraOpThreads);
            sessionOptions.setInterOpNumThreads(1);
            sessionOptions.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // Idle pool threads sleep instead of spinning: on two cores shared with the JVM and other processes,
            // spinning threads take the cores from the work (measured 1.4 to 1.9 times slower with them).
            sessionOptions.addConfigEntry("session.intra_op.allow_spinning", "0");
            // Without the arena, memory freed after a batch goes back to the system rather than staying reserved for
            // the largest batch shape seen (ensemble prediction on the training file: 0.9 GB resident instead of 1.1 GB,
            // as fast).
            sessionOptions.setCPUArenaAllocator(false);
            return sessionOptions;
        } catch (OrtException | RuntimeException e) {
            sessionOptions.close();
            throw e;
        }
    }
}
