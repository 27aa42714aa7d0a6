package org.hpolink.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProjectionTest {

    @Test
    void asManyOutputsAsInputsIsTheScaledIdentity() {
        Projection projection = Projection.principal(new float[][] {{1, 0, 0}, {0, 1, 0}}, 3, 4);

        assertArrayEquals(new float[] {2, -4, 6}, projection.apply(new float[] {1, -2, 3}), 1e-6f);
    }

    /** Vectors lying in a plane of 4 dimensions keep their dot products (times the scale) in 2 principal outputs. */
    @Test
    void principalDirectionsKeepDotProductsWithinTheSpanOfTheData() {
        float[][] vectors = {{1, 1, 0, 0}, {1, -1, 0, 0}, {2, 0.5f, 0, 0}, {-0.5f, 1, 0, 0}};
        Projection projection = Projection.principal(vectors, 2, 9);
        for (float[] a : vectors) {
            for (float[] b : vectors) {
                assertEquals(9 * dot(a, b), dot(projection.apply(a), projection.apply(b)), 1e-4);
            }
        }
    }

    @Test
    void refusesMoreOutputsThanInputsAndBadWeights() {
        assertThrows(IllegalArgumentException.class, () -> Projection.principal(new float[][] {{1, 0}}, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new Projection(2, 2, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new Projection(1, 2, new float[] {1, Float.NaN}));
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
