package org.hpolink.extract.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

class LibTorchThreadsTest {

    @Test
    void givesEachWorkerItsShareAndPutsBackTheCountItFound() {
        Engine.getEngine(GridTrainer.ENGINE);
        int before = JniUtils.getNumThreads();
        int processors = Runtime.getRuntime().availableProcessors();
        try (LibTorchThreads shared = LibTorchThreads.shareAmong(processors + 1)) {
            assertEquals(1, JniUtils.getNumThreads());
        }
        assertEquals(before, JniUtils.getNumThreads());
        try (LibTorchThreads shared = LibTorchThreads.shareAmong(1)) {
            assertEquals(processors, JniUtils.getNumThreads());
        }
        assertEquals(before, JniUtils.getNumThreads());
    }

    @Test
    void refusesNoWorkers() {
        assertThrows(IllegalArgumentException.class, () -> LibTorchThreads.shareAmong(0));
    }
}
