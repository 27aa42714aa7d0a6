package org.hpolink.encode;

import java.util.Arrays;

/**
 * The word pieces of one text as a BERT model takes them: vocabulary ids, token type ids, attention mask, and for
 * every piece its character offsets into the original text ({@code String} indices, end-exclusive), so that pieces
 * map back to words and spans. Special tokens ({@code [CLS]}, {@code [SEP]}) and padding have the empty offsets
 * {@code 0-0}, as in Hugging Face's tokenizers; {@link #isSpecial} tells them from pieces of the text.
 *
 * <p>Immutable: the array accessors return copies.
 */
public final class Encoding {

    private final int[] ids;
    private final int[] typeIds;
    private final int[] attentionMask;
    private final int[] starts;
    private final int[] ends;
    private final boolean[] special;

    Encoding(int[] ids, int[] typeIds, int[] attentionMask, int[] starts, int[] ends, boolean[] special) {
        int n = ids.length;
        if (typeIds.length != n || attentionMask.length != n || starts.length != n || ends.length != n || special.length != n) {
            throw new IllegalArgumentException("encoding arrays differ in length: ids " + n + ", typeIds " + typeIds.length
                    + ", attentionMask " + attentionMask.length + ", starts " + starts.length + ", ends " + ends.length
                    + ", special " + special.length);
        }
        this.ids = ids;
        this.typeIds = typeIds;
        this.attentionMask = attentionMask;
        this.starts = starts;
        this.ends = ends;
        this.special = special;
    }

    /** Pieces in all, padding included. */
    public int length() {
        return ids.length;
    }

    /** Pieces that are not padding (attention mask 1); they come first. */
    public int unpaddedLength() {
        int n = 0;
        while (n < attentionMask.length && attentionMask[n] == 1) {
            n++;
        }
        return n;
    }

    public int id(int piece) {
        return ids[piece];
    }

    /** Start offset of a piece in the original text; 0 for special tokens and padding. */
    public int start(int piece) {
        return starts[piece];
    }

    /** End offset (exclusive) of a piece in the original text; 0 for special tokens and padding. */
    public int end(int piece) {
        return ends[piece];
    }

    /** Whether a piece was added by the tokenizer ({@code [CLS]}, {@code [SEP]}, padding) rather than read from the text. */
    public boolean isSpecial(int piece) {
        return special[piece];
    }

    public int[] ids() {
        return ids.clone();
    }

    public int[] typeIds() {
        return typeIds.clone();
    }

    public int[] attentionMask() {
        return attentionMask.clone();
    }

    public int[] starts() {
        return starts.clone();
    }

    public int[] ends() {
        return ends.clone();
    }

    /** This encoding followed by padding pieces up to {@code length}; itself when it is that long already. */
    Encoding padTo(int length, int padId) {
        int n = ids.length;
        if (length < n) {
            throw new IllegalArgumentException("cannot pad an encoding of " + n + " pieces to " + length);
        }
        if (length == n) {
            return this;
        }
        boolean[] paddedSpecial = Arrays.copyOf(special, length);
        Arrays.fill(paddedSpecial, n, length, true);
        int[] paddedIds = Arrays.copyOf(ids, length);
        Arrays.fill(paddedIds, n, length, padId);
        return new Encoding(paddedIds, Arrays.copyOf(typeIds, length), Arrays.copyOf(attentionMask, length),
                Arrays.copyOf(starts, length), Arrays.copyOf(ends, length), paddedSpecial);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Encoding e && Arrays.equals(ids, e.ids) && Arrays.equals(typeIds, e.typeIds)
                && Arrays.equals(attentionMask, e.attentionMask) && Arrays.equals(starts, e.starts)
                && Arrays.equals(ends, e.ends) && Arrays.equals(special, e.special);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(starts);
    }

    /** The pieces as {@code id@start-end}, for test failures. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Encoding[");
        for (int i = 0; i < ids.length; i++) {
            s.append(i == 0 ? "" : " ").append(ids[i]).append('@').append(starts[i]).append('-').append(ends[i]);
            if (attentionMask[i] == 0) {
                s.append("(pad)");
            }
        }
        return s.append(']').toString();
    }
}
