package org.hpolink.encode.train;

/**
 * Two token id sequences (each [CLS] ... [SEP]) meant to encode alike, such as two names of one HPO term.
 * Immutable: holds and hands out copies.
 */
public final class IdPair {

    private final long[] first;
    private final long[] second;

    private IdPair(long[] first, long[] second) {
        this.first = first;
        this.second = second;
    }

    public static IdPair of(long[] first, long[] second) {
        if (first.length == 0 || second.length == 0) {
            throw new IllegalArgumentException("both sequences of a pair need tokens, got " + first.length + " and " + second.length);
        }
        return new IdPair(first.clone(), second.clone());
    }

    public long[] first() {
        return first.clone();
    }

    public long[] second() {
        return second.clone();
    }
}
