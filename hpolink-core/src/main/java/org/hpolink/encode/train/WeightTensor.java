package org.hpolink.encode.train;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * One float32 weight of the encoder, row-major, in the layout of the DJL block and of Hugging Face: dense weights
 * are [out, in]. Immutable: values are handed out as a read-only view.
 */
public final class WeightTensor {

    private final int[] shape;
    private final float[] values;

    private WeightTensor(int[] shape, float[] values) {
        long size = 1;
        for (int dim : shape) {
            if (dim <= 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + ": every dimension must be positive");
            }
            size *= dim;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + size + " values, got " + values.length);
        }
        this.shape = shape;
        this.values = values;
    }

    /** A tensor holding copies of {@code shape} and {@code values}. */
    public static WeightTensor of(int[] shape, float[] values) {
        return new WeightTensor(shape.clone(), values.clone());
    }

    /** Takes the arrays without copying: only for arrays nobody else holds. */
    static WeightTensor owning(int[] shape, float[] values) {
        return new WeightTensor(shape, values);
    }

    public int[] shape() {
        return shape.clone();
    }

    /** A read-only view of the values, positioned at 0. */
    public FloatBuffer values() {
        return FloatBuffer.wrap(values).asReadOnlyBuffer();
    }

    public boolean hasShape(int... expected) {
        return Arrays.equals(shape, expected);
    }

    /** The transpose of a matrix: ONNX stores dense weights [in, out], the block [out, in]. */
    WeightTensor transposed() {
        if (shape.length != 2) {
            throw new IllegalStateException("only a matrix can be transposed, this tensor has shape " + Arrays.toString(shape));
        }
        int rows = shape[0];
        int cols = shape[1];
        float[] t = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = values[r * cols + c];
            }
        }
        return new WeightTensor(new int[] {cols, rows}, t);
    }

    @Override
    public String toString() {
        return "WeightTensor" + Arrays.toString(shape);
    }
}
