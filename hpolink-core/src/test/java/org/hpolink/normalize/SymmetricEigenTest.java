package org.hpolink.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void twoByTwoByHand() {
        // [[2, 1], [1, 2]] has eigenvalues 3 along (1, 1) and 1 along (1, -1).
        SymmetricEigen eigen = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});

        assertEquals(3, eigen.value(0), 1e-12);
        assertEquals(1, eigen.value(1), 1e-12);
        double[] first = eigen.vector(0);
        assertEquals(1, Math.abs(first[0] + first[1]) / Math.sqrt(2), 1e-12);
    }

    @Test
    void randomMatrixSatisfiesItsEigenEquationsInDescendingOrder() {
        int n = 12;
        SplittableRandom random = new SplittableRandom(5);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = random.nextDouble(-1, 1);
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(a);
        for (int e = 0; e < n; e++) {
            double[] v = eigen.vector(e);
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += a[i][j] * v[j];
                }
                assertEquals(eigen.value(e) * v[i], av, 1e-9, "A v = lambda v, eigenvalue " + e + ", row " + i);
                norm += v[i] * v[i];
            }
            assertEquals(1, norm, 1e-9);
            if (e > 0) {
                assertEquals(true, eigen.value(e) <= eigen.value(e - 1), "descending");
            }
        }
    }

    @Test
    void refusesAnAsymmetricMatrix() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}, {0, 1}}));
    }
}
