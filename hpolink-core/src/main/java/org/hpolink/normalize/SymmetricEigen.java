package org.hpolink.normalize;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix by cyclic Jacobi rotations (Golub and Van Loan, 8.5):
 * exact to rounding, and fast enough for the few hundred dimensions of a sentence encoder.
 */
final class SymmetricEigen {

    private static final int MAX_SWEEPS = 100;

    private final double[] values;
    /** [eigen][component], eigenvalues descending. */
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * @throws IllegalArgumentException if the matrix is not square and symmetric
     */
    static SymmetricEigen of(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("row " + i + " has " + matrix[i].length + " columns in a " + n + "-row matrix");
            }
            a[i] = matrix[i].clone();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (a[i][j] != a[j][i]) {
                    throw new IllegalArgumentException("the matrix is not symmetric at (" + i + ", " + j + ")");
                }
            }
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(a) > 1e-22 * Math.max(1e-300, diagonal(a)); sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(a, v, p, q);
                }
            }
        }
        double[] diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            diagonal[i] = a[i][i];
        }
        int[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble((Integer i) -> -diagonal[i]))
                .mapToInt(Integer::intValue).toArray();
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int e = 0; e < n; e++) {
            values[e] = diagonal[order[e]];
            for (int i = 0; i < n; i++) {
                vectors[e][i] = v[i][order[e]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** The {@code rank}-th largest eigenvalue. */
    double value(int rank) {
        return values[rank];
    }

    /** A copy of the unit eigenvector of the {@code rank}-th largest eigenvalue. */
    double[] vector(int rank) {
        return vectors[rank].clone();
    }

    /** Zeroes a[p][q] by a rotation applied on both sides of a, accumulated into the columns of v. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double apq = a[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * apq);
        double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double offDiagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (i != j) {
                    sum += a[i][j] * a[i][j];
                }
            }
        }
        return sum;
    }

    private static double diagonal(double[][] a) {
        return IntStream.range(0, a.length).mapToDouble(i -> a[i][i] * a[i][i]).sum();
    }
}
