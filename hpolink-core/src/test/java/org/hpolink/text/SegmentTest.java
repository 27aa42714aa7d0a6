package org.hpolink.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SegmentTest {

    private static final String TEXT = "EYES: mild hooding and epicanthus";

    @Test
    void offsetsAreZeroBasedAndEndExclusive() {
        Segment epicanthus = new Segment(23, 33);

        assertEquals("epicanthus", epicanthus.coveredText(TEXT));
        assertEquals(10, epicanthus.length());
        assertEquals(TEXT.length(), epicanthus.end(), "the last word ends at the text length");
        assertEquals("EYES", new Segment(0, 4).coveredText(TEXT));
        assertEquals("23-33", epicanthus.toString());
    }

    @Test
    void rejectsNegativeEmptyAndInvertedSegments() {
        assertEquals("segment start -1 is negative",
                assertThrows(IllegalArgumentException.class, () -> new Segment(-1, 3)).getMessage());
        assertEquals("segment 4-4 is empty or inverted: expected start < end",
                assertThrows(IllegalArgumentException.class, () -> new Segment(4, 4)).getMessage());
        assertEquals("segment 7-3 is empty or inverted: expected start < end",
                assertThrows(IllegalArgumentException.class, () -> new Segment(7, 3)).getMessage());
    }

    @Test
    void touchingSegmentsDoNotIntersect() {
        Segment eyes = new Segment(0, 4);

        assertFalse(eyes.intersects(new Segment(4, 8)));
        assertFalse(new Segment(4, 8).intersects(eyes));
        assertTrue(eyes.intersects(new Segment(3, 8)));
        assertTrue(eyes.intersects(new Segment(1, 2)));
        assertTrue(eyes.contains(new Segment(1, 2)));
        assertTrue(eyes.contains(eyes));
        assertFalse(eyes.contains(new Segment(3, 5)));
        assertFalse(new Segment(1, 2).contains(eyes));
    }

    @Test
    void ordersByStartThenEnd() {
        List<Segment> sorted = new ArrayList<>(List.of(new Segment(11, 18), new Segment(0, 4), new Segment(0, 2), new Segment(3, 4)));
        sorted.sort(null);

        assertEquals(List.of(new Segment(0, 2), new Segment(0, 4), new Segment(3, 4), new Segment(11, 18)), sorted);
    }

    /** Intersection and containment agree with the sets of characters the segments cover. */
    @Property(tries = 1000)
    void relationsMatchCoveredCharacters(@ForAll @IntRange(max = 20) int aStart, @ForAll @IntRange(min = 1, max = 6) int aLength,
                                         @ForAll @IntRange(max = 20) int bStart, @ForAll @IntRange(min = 1, max = 6) int bLength) {
        Segment a = new Segment(aStart, aStart + aLength);
        Segment b = new Segment(bStart, bStart + bLength);
        boolean shared = false;
        boolean allOfBInA = true;
        for (int i = b.start(); i < b.end(); i++) {
            boolean inA = a.start() <= i && i < a.end();
            shared |= inA;
            allOfBInA &= inA;
        }

        assertEquals(shared, a.intersects(b));
        assertEquals(shared, b.intersects(a));
        assertEquals(allOfBInA, a.contains(b));
        assertEquals(a.equals(b), a.compareTo(b) == 0);
        assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)));
    }
}
