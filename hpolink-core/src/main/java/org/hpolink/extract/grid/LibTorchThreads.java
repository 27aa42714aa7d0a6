package org.hpolink.extract.grid;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * LibTorch's intra-op thread count, which is one setting for the whole process. Training uses all of the machine's
 * processors; when several workers each run a grid model at once, {@link #shareAmong} gives each worker its share,
 * so that their thread pools do not wait on each other (on two cores, with the encoder shared the same way, two
 * workers of one thread each annotated about 15% faster).
 */
public final class LibTorchThreads implements AutoCloseable {

    private final int before;

    private LibTorchThreads(int before) {
        this.before = before;
    }

    /**
     * Sets LibTorch's threads to the machine's processors divided among {@code workers} (at least one) until the
     * returned object is closed, which puts back the count it found.
     */
    public static LibTorchThreads shareAmong(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers is " + workers + ": expected 1 or more");
        }
        // Starting the engine first applies its own configured count, which must not later replace this one.
        Engine.getEngine(GridTrainer.ENGINE);
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors() / workers));
        return new LibTorchThreads(before);
    }

    @Override
    public void close() {
        JniUtils.setNumThreads(before);
    }
}
