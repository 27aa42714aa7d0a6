package org.hpolink.encode.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * The three inputs of a BERT encoder for a batch of token id sequences, padded to one length: {@code inputIds},
 * {@code attentionMask} (1 for a real token, 0 for padding) and {@code tokenTypeIds}, each [batch, length].
 * Immutable: built from copies, handed out as copies.
 */
public final class TokenBatch {

    /** The id of [PAD] in BERT vocabularies. */
    public static final long PAD = 0;

    private final int size;
    private final int length;
    private final long[] inputIds;
    private final long[] attentionMask;
    private final long[] tokenTypeIds;

    private TokenBatch(int size, int length, long[] inputIds, long[] attentionMask, long[] tokenTypeIds) {
        this.size = size;
        this.length = length;
        this.inputIds = inputIds;
        this.attentionMask = attentionMask;
        this.tokenTypeIds = tokenTypeIds;
    }

    /**
     * A batch of already padded inputs.
     *
     * @throws IllegalArgumentException when the batch is empty, rows differ in length, the three arrays differ in
     *                                  shape, a mask value is not 0 or 1, or a row has no real token
     */
    public static TokenBatch of(long[][] inputIds, long[][] attentionMask, long[][] tokenTypeIds) {
        if (inputIds.length == 0 || inputIds[0].length == 0) {
            throw new IllegalArgumentException("a token batch needs at least one non-empty row");
        }
        int size = inputIds.length;
        int length = inputIds[0].length;
        long[] ids = flatten("inputIds", inputIds, size, length);
        long[] mask = flatten("attentionMask", attentionMask, size, length);
        long[] types = flatten("tokenTypeIds", tokenTypeIds, size, length);
        for (int row = 0; row < size; row++) {
            long real = 0;
            for (int t = 0; t < length; t++) {
                long m = mask[row * length + t];
                if (m != 0 && m != 1) {
                    throw new IllegalArgumentException("attentionMask[" + row + "][" + t + "] is " + m + ", expected 0 or 1");
                }
                real += m;
            }
            if (real == 0) {
                throw new IllegalArgumentException("attentionMask[" + row + "] masks every token: expected at least one real token");
            }
        }
        return new TokenBatch(size, length, ids, mask, types);
    }

    /**
     * Token id sequences (each already holding [CLS] ... [SEP]) padded with {@link #PAD} to the longest, masked,
     * all of token type 0.
     */
    public static TokenBatch padded(List<long[]> sequences) {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("a token batch needs at least one sequence");
        }
        int length = sequences.stream().mapToInt(s -> s.length).max().orElseThrow();
        long[][] ids = new long[sequences.size()][length];
        long[][] mask = new long[sequences.size()][length];
        for (int row = 0; row < sequences.size(); row++) {
            long[] sequence = sequences.get(row);
            if (sequence.length == 0) {
                throw new IllegalArgumentException("sequence " + row + " is empty");
            }
            System.arraycopy(sequence, 0, ids[row], 0, sequence.length);
            Arrays.fill(mask[row], 0, sequence.length, 1);
        }
        return of(ids, mask, new long[sequences.size()][length]);
    }

    private static long[] flatten(String field, long[][] rows, int size, int length) {
        if (rows.length != size) {
            throw new IllegalArgumentException(field + " has " + rows.length + " rows, expected " + size);
        }
        long[] flat = new long[size * length];
        for (int row = 0; row < size; row++) {
            if (rows[row].length != length) {
                throw new IllegalArgumentException(field + "[" + row + "] has " + rows[row].length + " tokens, expected " + length);
            }
            System.arraycopy(rows[row], 0, flat, row * length, length);
        }
        return flat;
    }

    /** Sequences in the batch. */
    public int size() {
        return size;
    }

    /** Tokens per sequence, padding included. */
    public int length() {
        return length;
    }

    public long[][] inputIds() {
        return rows(inputIds);
    }

    public long[][] attentionMask() {
        return rows(attentionMask);
    }

    public long[][] tokenTypeIds() {
        return rows(tokenTypeIds);
    }

    /** Whether token {@code t} of sequence {@code row} is real (not padding). */
    public boolean isReal(int row, int t) {
        return attentionMask[row * length + t] == 1;
    }

    private long[][] rows(long[] flat) {
        long[][] rows = new long[size][];
        for (int row = 0; row < size; row++) {
            rows[row] = Arrays.copyOfRange(flat, row * length, (row + 1) * length);
        }
        return rows;
    }

    /** The block's input: ids, mask and token types as int64 arrays of {@code manager}. */
    NDList toNDList(NDManager manager) {
        Shape shape = new Shape(size, length);
        return new NDList(manager.create(inputIds, shape), manager.create(attentionMask, shape), manager.create(tokenTypeIds, shape));
    }
}
