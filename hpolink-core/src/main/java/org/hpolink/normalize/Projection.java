package org.hpolink.normalize;

import java.util.Arrays;

/**
 * A linear map from encoder vectors to the vectors the dense score compares ({@code W x}, W of {@code outputs} rows
 * and {@code inputs} columns), learned on top of a frozen encoder. Immutable: training works on a copy of the
 * weights.
 */
final class Projection {

    private final int outputs;
    private final int inputs;
    /** Row-major, {@code outputs x inputs}. */
    private final float[] weights;

    Projection(int outputs, int inputs, float[] weights) {
        if (outputs < 1 || inputs < 1 || weights.length != (long) outputs * inputs) {
            throw new IllegalArgumentException("a " + outputs + " x " + inputs + " projection needs " + (long) outputs * inputs
                    + " weights, got " + weights.length);
        }
        for (float w : weights) {
            if (!Float.isFinite(w)) {
                throw new IllegalArgumentException("a projection weight is " + w + ": expected finite numbers");
            }
        }
        this.outputs = outputs;
        this.inputs = inputs;
        this.weights = weights.clone();
    }

    /**
     * The map onto the {@code outputs} directions along which {@code vectors} vary most (the leading eigenvectors
     * of their uncentered second moments, so that dot products are kept as well as {@code outputs} dimensions can),
     * times {@code sqrt(scale)}, so that dot products come out times {@code scale}. With as many outputs as inputs it
     * is {@code sqrt(scale)} times the identity.
     */
    static Projection principal(float[][] vectors, int outputs, double scale) {
        int inputs = vectors[0].length;
        if (outputs > inputs) {
            throw new IllegalArgumentException(outputs + " outputs from " + inputs + " inputs: a projection cannot add dimensions");
        }
        float factor = (float) Math.sqrt(scale);
        float[] weights = new float[outputs * inputs];
        if (outputs == inputs) {
            for (int i = 0; i < inputs; i++) {
                weights[i * inputs + i] = factor;
            }
            return new Projection(outputs, inputs, weights);
        }
        double[][] moments = new double[inputs][inputs];
        for (float[] v : vectors) {
            for (int i = 0; i < inputs; i++) {
                double vi = v[i];
                double[] row = moments[i];
                for (int j = i; j < inputs; j++) {
                    row[j] += vi * v[j];
                }
            }
        }
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < i; j++) {
                moments[i][j] = moments[j][i];
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(moments);
        for (int o = 0; o < outputs; o++) {
            double[] direction = eigen.vector(o);
            for (int i = 0; i < inputs; i++) {
                weights[o * inputs + i] = (float) (factor * direction[i]);
            }
        }
        return new Projection(outputs, inputs, weights);
    }

    int outputs() {
        return outputs;
    }

    int inputs() {
        return inputs;
    }

    /** A copy of the weights, row-major. */
    float[] weights() {
        return weights.clone();
    }

    /** {@code W x}. */
    float[] apply(float[] x) {
        return apply(weights, outputs, x);
    }

    /** {@code W x} for row-major weights of {@code outputs} rows; the trainer calls it with the weights it is changing. */
    static float[] apply(float[] weights, int outputs, float[] x) {
        int inputs = x.length;
        if (weights.length != outputs * inputs) {
            throw new IllegalArgumentException("a vector of " + inputs + " dimensions for a projection of " + weights.length / outputs + " inputs");
        }
        float[] y = new float[outputs];
        for (int o = 0; o < outputs; o++) {
            int base = o * inputs;
            float sum = 0;
            for (int i = 0; i < inputs; i++) {
                sum += weights[base + i] * x[i];
            }
            y[o] = sum;
        }
        return y;
    }

    /** {@code W x} for each of {@code xs}. */
    float[][] applyAll(float[][] xs) {
        float[][] ys = new float[xs.length][];
        Arrays.parallelSetAll(ys, n -> apply(xs[n]));
        return ys;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Projection p && p.outputs == outputs && Arrays.equals(p.weights, weights);
    }

    @Override
    public int hashCode() {
        return 31 * outputs + Arrays.hashCode(weights);
    }
}
