package org.hpolink.extract.lexical;

import java.util.Arrays;

/**
 * A dictionary key: the sorted multiset of the content-word stem ids of a name, so that word order does not
 * matter ({@code ears low set} meets {@code low set ears}). Immutable; equal by content.
 */
final class TermKey implements Comparable<TermKey> {

    private final int[] stemIds;
    private final int hash;

    private TermKey(int[] sortedStemIds) {
        this.stemIds = sortedStemIds;
        this.hash = Arrays.hashCode(sortedStemIds);
    }

    static TermKey of(int[] stemIds, int length) {
        int[] sorted = Arrays.copyOf(stemIds, length);
        Arrays.sort(sorted);
        return new TermKey(sorted);
    }

    static TermKey of(int... stemIds) {
        return of(stemIds, stemIds.length);
    }

    int size() {
        return stemIds.length;
    }

    int stemId(int i) {
        return stemIds[i];
    }

    boolean contains(int stemId) {
        return Arrays.binarySearch(stemIds, stemId) >= 0;
    }

    TermKey with(int stemId) {
        int[] more = Arrays.copyOf(stemIds, stemIds.length + 1);
        more[stemIds.length] = stemId;
        Arrays.sort(more);
        return new TermKey(more);
    }

    /** This key less one occurrence of {@code stemId}. */
    TermKey without(int stemId) {
        int at = Arrays.binarySearch(stemIds, stemId);
        if (at < 0) {
            return this;
        }
        int[] fewer = new int[stemIds.length - 1];
        System.arraycopy(stemIds, 0, fewer, 0, at);
        System.arraycopy(stemIds, at + 1, fewer, at, stemIds.length - at - 1);
        return new TermKey(fewer);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermKey other && hash == other.hash && Arrays.equals(stemIds, other.stemIds);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(TermKey other) {
        return Arrays.compare(stemIds, other.stemIds);
    }

    @Override
    public String toString() {
        return Arrays.toString(stemIds);
    }
}
