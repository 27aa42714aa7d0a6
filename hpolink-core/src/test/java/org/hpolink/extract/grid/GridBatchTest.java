package org.hpolink.extract.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridBatchTest {

    @Test
    void distancesAreBucketedAsW2nerDoes() {
        assertEquals(19, GridBatch.distanceBucket(0));
        assertEquals(1, GridBatch.distanceBucket(1));
        assertEquals(2, GridBatch.distanceBucket(3));
        assertEquals(3, GridBatch.distanceBucket(4));
        assertEquals(9, GridBatch.distanceBucket(300));
        assertEquals(10, GridBatch.distanceBucket(-1));
        assertEquals(18, GridBatch.distanceBucket(-300));
    }

    /** Two observations of 3 and 1 words: the shorter is padded, its padding masked and left in place by the reversal. */
    @Test
    void padsReversesEachObservationWithinItsLengthAndMasksPadding() {
        float[][] three = {{1}, {2}, {3}};
        float[][] one = {{4}};
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDList inputs = GridBatch.ofFeatures(List.of(three, one), null).inputs(manager);

            assertArrayEquals(new float[] {1, 2, 3, 4, 0, 0}, inputs.get(0).toFloatArray());
            assertArrayEquals(new long[] {2, 1, 0, 0, 1, 2}, inputs.get(1).toLongArray());
            assertArrayEquals(new long[] {19, 10, 11, 1, 19, 10, 2, 1, 19}, java.util.Arrays.copyOf(inputs.get(2).toLongArray(), 9));
            assertArrayEquals(new long[] {2, 1, 1, 2, 2, 1, 2, 2, 2}, java.util.Arrays.copyOf(inputs.get(3).toLongArray(), 9));
            float[] secondMask = java.util.Arrays.copyOfRange(inputs.get(4).toFloatArray(), 9, 18);
            assertArrayEquals(new float[] {1, 0, 0, 0, 0, 0, 0, 0, 0}, secondMask);
        }
    }
}
