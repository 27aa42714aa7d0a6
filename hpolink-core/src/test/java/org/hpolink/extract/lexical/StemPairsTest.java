package org.hpolink.extract.lexical;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StemPairsTest {

    @Test
    void holdsEveryPairOfAKeyInEitherOrderAndNoOther() {
        StemPairs pairs = new StemPairs(List.of(TermKey.of(3, 1, 7), TermKey.of(2, 5)));

        assertTrue(pairs.contains(1, 3));
        assertTrue(pairs.contains(3, 1));
        assertTrue(pairs.contains(7, 1));
        assertTrue(pairs.contains(3, 7));
        assertTrue(pairs.contains(5, 2));
        assertFalse(pairs.contains(1, 2), "1 and 2 are in different keys");
        assertFalse(pairs.contains(1, 1), "no key holds 1 twice");
        assertFalse(pairs.contains(0, 0));
    }

    @Test
    void aStemTwiceInOneKeyIsAPair() {
        StemPairs pairs = new StemPairs(List.of(TermKey.of(4, 4, 9)));

        assertTrue(pairs.contains(4, 4));
        assertFalse(pairs.contains(9, 9));
    }

    @Test
    void agreesWithTheKeysOnManyPairs() {
        Random random = new Random(7);
        List<TermKey> keys = new ArrayList<>();
        Set<Long> expected = new HashSet<>();
        for (int k = 0; k < 2_000; k++) {
            int[] stems = random.ints(2 + random.nextInt(3), 0, 500).toArray();
            keys.add(TermKey.of(stems));
            for (int a = 0; a < stems.length; a++) {
                for (int b = a + 1; b < stems.length; b++) {
                    expected.add((long) Math.min(stems[a], stems[b]) << 32 | Math.max(stems[a], stems[b]));
                }
            }
        }
        StemPairs pairs = new StemPairs(keys);

        for (int a = 0; a < 500; a++) {
            for (int b = a; b < 500; b++) {
                boolean inKeys = expected.contains((long) a << 32 | b);
                if (pairs.contains(a, b) != inKeys || pairs.contains(b, a) != inKeys) {
                    throw new AssertionError("pair " + a + ", " + b + ": expected " + inKeys);
                }
            }
        }
    }

    @Test
    void noKeysNoPairs() {
        assertFalse(new StemPairs(List.of()).contains(0, 1));
    }
}
