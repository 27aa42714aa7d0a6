package org.hpolink.extract.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class GridNetworkTest {

    /** 4 observations of 50 channels over a 3 x 3 grid of ones: each channel is all dropped or all scaled by 1 / 0.8. */
    @Test
    void channelDropoutDropsOrScalesWholeChannelsInTrainingOnly() {
        Engine.getEngine(GridTrainer.ENGINE).setRandomSeed(1);
        try (NDManager manager = NDManager.newBaseManager(GridTrainer.ENGINE)) {
            NDArray grid = manager.ones(new Shape(4, 50, 3, 3));
            float[] out = GridNetwork.channelDropout(grid, 0.2f, true).toFloatArray();
            int dropped = 0;
            for (int channel = 0; channel < 4 * 50; channel++) {
                float first = out[channel * 9];
                assertTrue(first == 0 || Math.abs(first - 1.25f) < 1e-6, "channel " + channel + ": " + first);
                for (int cell = 1; cell < 9; cell++) {
                    assertEquals(first, out[channel * 9 + cell], "channel " + channel + ", cell " + cell);
                }
                dropped += first == 0 ? 1 : 0;
            }
            // 40 expected, with a standard deviation of 5.7.
            assertTrue(dropped > 15 && dropped < 65, dropped + " of 200 channels dropped");
            assertSame(grid, GridNetwork.channelDropout(grid, 0.2f, false));
        }
    }
}
