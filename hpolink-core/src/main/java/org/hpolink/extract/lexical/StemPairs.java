package org.hpolink.extract.lexical;

import java.util.Arrays;
import java.util.Collection;

/**
 * The pairs of stems that occur together in some dictionary key. A window whose words hold a pair not in this set
 * is no key, and neither is any longer window that keeps both words: the extractor stops there instead of building
 * and looking up every such key, which is most of the work on prose. An open-addressing set of longs: there are
 * hundreds of thousands of pairs, and it is probed for most word pairs of every text.
 */
final class StemPairs {

    private static final long EMPTY = -1L;

    private final long[] slots;
    private final int mask;

    StemPairs(Collection<TermKey> keys) {
        int pairs = 0;
        for (TermKey key : keys) {
            pairs += key.size() * (key.size() - 1) / 2;
        }
        // at most half full, so that probes stay short
        int capacity = Integer.highestOneBit(Math.max(4, pairs) * 2 - 1) << 1;
        slots = new long[capacity];
        mask = capacity - 1;
        Arrays.fill(slots, EMPTY);
        for (TermKey key : keys) {
            for (int a = 0; a < key.size(); a++) {
                for (int b = a + 1; b < key.size(); b++) {
                    add(pair(key.stemId(a), key.stemId(b)));
                }
            }
        }
    }

    /** Whether some key holds both stems (twice the one stem, when they are equal). */
    boolean contains(int stemId, int otherStemId) {
        long pair = pair(stemId, otherStemId);
        for (int slot = slotOf(pair); ; slot = (slot + 1) & mask) {
            if (slots[slot] == pair) {
                return true;
            }
            if (slots[slot] == EMPTY) {
                return false;
            }
        }
    }

    private void add(long pair) {
        int slot = slotOf(pair);
        while (slots[slot] != EMPTY && slots[slot] != pair) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = pair;
    }

    private int slotOf(long pair) {
        long mixed = pair * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & mask;
    }

    /** Order-free: stem ids are not negative, so the pair of the smaller and the larger is never {@link #EMPTY}. */
    private static long pair(int stemId, int otherStemId) {
        int low = Math.min(stemId, otherStemId);
        int high = Math.max(stemId, otherStemId);
        return ((long) low << 32) | high;
    }
}
