package org.hpolink.encode;

import java.util.Arrays;
import java.util.Objects;

/**
 * The output of the encoder for one text: its pieces (unpadded) and the last hidden state of each, a row of
 * {@link #width()} floats per piece, in the order of the pieces. Immutable.
 */
public final class TokenStates {

    private final Encoding encoding;
    private final int width;
    private final float[] values;

    /** @param values the rows one after the other; owned by this object from now on */
    TokenStates(Encoding encoding, int width, float[] values) {
        if (values.length != encoding.length() * width) {
            throw new IllegalArgumentException(values.length + " values for " + encoding.length() + " pieces of width " + width);
        }
        this.encoding = encoding;
        this.width = width;
        this.values = values;
    }

    public Encoding encoding() {
        return encoding;
    }

    /** Pieces, special tokens included. */
    public int length() {
        return encoding.length();
    }

    /** Floats per piece. */
    public int width() {
        return width;
    }

    /** The state of one piece (a copy). */
    public float[] state(int piece) {
        Objects.checkIndex(piece, length());
        return Arrays.copyOfRange(values, piece * width, (piece + 1) * width);
    }

    /** All states, one row per piece (a copy). */
    public float[][] states() {
        float[][] rows = new float[length()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = state(i);
        }
        return rows;
    }

    /** The mean state of pieces {@code from} to {@code to} (exclusive), e.g. the pieces of one word or mention. */
    public float[] mean(int from, int to) {
        if (from < 0 || to > length() || from >= to) {
            throw new IllegalArgumentException("pieces " + from + "-" + to + " are not a non-empty range of 0-" + length());
        }
        if (to - from == 1) {
            // Most words are one piece: the mean is the state itself (exactly what the sum below would give).
            return state(from);
        }
        // Summed in double so that the mean does not depend on the order of a long sum of floats.
        double[] sum = new double[width];
        for (int i = from; i < to; i++) {
            for (int j = 0; j < width; j++) {
                sum[j] += values[i * width + j];
            }
        }
        float[] mean = new float[width];
        for (int j = 0; j < width; j++) {
            mean[j] = (float) (sum[j] / (to - from));
        }
        return mean;
    }

    /** One vector for the whole text. */
    public float[] pooled(Pooling pooling, VectorNorm norm) {
        return norm.apply(pooling == Pooling.CLS ? state(0) : mean(0, length()));
    }
}
