package org.hpolink.extract.lexical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TermKeyTest {

    @Test
    void wordOrderDoesNotMatter() {
        TermKey lowSetEars = TermKey.of(3, 1, 2);

        assertEquals(lowSetEars, TermKey.of(2, 3, 1));
        assertEquals(lowSetEars.hashCode(), TermKey.of(1, 2, 3).hashCode());
        assertEquals(0, lowSetEars.compareTo(TermKey.of(1, 3, 2)));
        assertEquals("[1, 2, 3]", lowSetEars.toString());
    }

    @Test
    void aRepeatedWordCounts() {
        assertNotEquals(TermKey.of(1, 2), TermKey.of(1, 2, 2));
        assertEquals(TermKey.of(2, 1, 2), TermKey.of(1, 2, 2));
    }

    @Test
    void takesAPrefixOfAnArrayWithoutChangingIt() {
        int[] window = {7, 3, 5, 9};

        assertEquals(TermKey.of(3, 7), TermKey.of(window, 2));
        assertEquals(List.of(7, 3, 5, 9), List.of(window[0], window[1], window[2], window[3]));
    }

    @Test
    void withAndWithoutAddAndRemoveOneOccurrence() {
        TermKey key = TermKey.of(5, 1);

        assertEquals(TermKey.of(1, 3, 5), key.with(3));
        assertEquals(TermKey.of(1, 5, 5), key.with(5));
        assertEquals(TermKey.of(5), key.without(1));
        assertEquals(TermKey.of(1, 5), key.with(5).without(5));
        assertSame(key, key.without(4), "removing an absent id gives the key itself");
        assertEquals(TermKey.of(1, 5), key, "keys are immutable");
    }

    @Test
    void containsAndSize() {
        TermKey key = TermKey.of(4, 2, 2);

        assertEquals(3, key.size());
        assertEquals(List.of(2, 2, 4), List.of(key.stemId(0), key.stemId(1), key.stemId(2)));
        assertTrue(key.contains(4));
        assertFalse(key.contains(3));
    }

    @Test
    void ordersByTheSortedIds() {
        TreeSet<TermKey> keys = new TreeSet<>(List.of(TermKey.of(2), TermKey.of(1, 3), TermKey.of(1), TermKey.of(3, 1)));

        assertEquals("[[1], [1, 3], [2]]", keys.toString());
    }
}
