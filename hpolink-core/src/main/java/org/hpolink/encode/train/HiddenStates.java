package org.hpolink.encode.train;

import java.util.Arrays;

/** The last hidden state of an encoder for a {@link TokenBatch}: [batch, length, hidden] floats. Immutable. */
public final class HiddenStates {

    private final int size;
    private final int length;
    private final int hidden;
    private final float[] values;

    HiddenStates(int size, int length, int hidden, float[] values) {
        if ((long) size * length * hidden != values.length) {
            throw new IllegalArgumentException("[" + size + ", " + length + ", " + hidden + "] needs "
                    + (long) size * length * hidden + " values, got " + values.length);
        }
        this.size = size;
        this.length = length;
        this.hidden = hidden;
        this.values = values;
    }

    public int size() {
        return size;
    }

    public int length() {
        return length;
    }

    public int hidden() {
        return hidden;
    }

    public float get(int row, int token, int dimension) {
        return values[(row * length + token) * hidden + dimension];
    }

    /** The state of one token, a copy. */
    public float[] token(int row, int token) {
        int start = (row * length + token) * hidden;
        return Arrays.copyOfRange(values, start, start + hidden);
    }
}
