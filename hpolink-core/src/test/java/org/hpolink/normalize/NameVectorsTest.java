package org.hpolink.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NameVectorsTest {

    @Test
    void scoresAreDotProductsByNameAndRowsComeBack() {
        NameVectors vectors = NameVectors.of(new float[][] {{1, 0, 2}, {0, -1, 1}, {3, 3, 3}});

        assertArrayEquals(new float[] {7, 2, 15}, vectors.scores(new float[] {1, 1, 3}), 1e-6f);
        assertArrayEquals(new float[] {0, -1, 1}, vectors.row(1));
        assertEquals(3 * 3 * 4, vectors.bytes());
    }

    /** More names than one block: each query's scores are its dot products, whatever the batch. */
    @Test
    void batchedScoresAreEachQuerysDotProducts() {
        SplittableRandom random = new SplittableRandom(1);
        float[][] rows = new float[5_000][3];
        for (float[] row : rows) {
            for (int d = 0; d < 3; d++) {
                row[d] = (float) random.nextDouble(-1, 1);
            }
        }
        float[][] queries = {{1, 0, 0}, {0.5f, -2, 1}};
        float[][] batched = NameVectors.of(rows).scores(queries);
        for (int q = 0; q < queries.length; q++) {
            for (int n = 0; n < rows.length; n++) {
                float expected = 0;
                for (int d = 0; d < 3; d++) {
                    expected += queries[q][d] * rows[n][d];
                }
                assertEquals(expected, batched[q][n], 1e-5, "query " + q + ", name " + n);
            }
        }
    }

    @Test
    void refusesRaggedRowsNoRowsAndAQueryOfAnotherWidth() {
        assertThrows(IllegalArgumentException.class, () -> NameVectors.of(new float[][] {{1, 0}, {1}}));
        assertThrows(IllegalArgumentException.class, () -> NameVectors.of(new float[0][]));
        assertThrows(IllegalArgumentException.class, () -> NameVectors.of(new float[][] {{1, 0}}).scores(new float[] {1}));
    }
}
