package org.hpolink.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NameVectorsTest {

    @Test
    void scoresAreDotProductsByNameAndRowsComeBack() {
        NameVectors vectors = NameVectors.of(new float[][] {{1, 0, 2}, {0, -1, 1}, {3, 3, 3}});

        assertArrayEquals(new float[] {7, 2, 15}, vectors.scores(new float[] {1, 1, 3}), 1e-6f);
        assertArrayEquals(new float[] {0, -1, 1}, vectors.row(1));
        assertEquals(3 * 3 * 4, vectors.bytes());
    }

    @Test
    void refusesRaggedRowsNoRowsAndAQueryOfAnotherWidth() {
        assertThrows(IllegalArgumentException.class, () -> NameVectors.of(new float[][] {{1, 0}, {1}}));
        assertThrows(IllegalArgumentException.class, () -> NameVectors.of(new float[0][]));
        assertThrows(IllegalArgumentException.class, () -> NameVectors.of(new float[][] {{1, 0}}).scores(new float[] {1}));
    }
}
