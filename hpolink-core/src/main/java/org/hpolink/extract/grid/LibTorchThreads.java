package org.hpolink.extract.grid;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.hpolink.encode.EncoderOptions;

/**
 * LibTorch's intra-op thread count, which is one setting for the whole process: the engine's own (all processors
 * unless configured) for training; when several workers each run a grid model at once, {@link #shareAmong} gives each
 * worker its share, as {@link EncoderOptions#sharedBy} does for the encoders.
 */
public final class LibTorchThreads implements AutoCloseable {

    private final int before;

    private LibTorchThreads(int before) {
        this.before = before;
    }

    /**
     * Sets LibTorch's threads to each of {@code workers}' share of the processors (at least one) until the returned
     * object is closed, which puts back the count it found.
     */
    public static LibTorchThreads shareAmong(int workers) {
        int share = EncoderOptions.sharedBy(workers).intraOpThreads();
        // Starting the engine first applies its own configured count, which must not later replace this one.
        Engine.getEngine(GridTrainer.ENGINE);
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(share);
        return new LibTorchThreads(before);
    }

    @Override
    public void close() {
        JniUtils.setNumThreads(before);
    }
}
