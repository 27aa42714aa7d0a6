package org.hpolink.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void scoresFollowTheMicroAveragedFormulas() {
        Counts c = new Counts(6, 2, 4);
        assertEquals(0.75, c.precision());
        assertEquals(0.6, c.recall());
        assertEquals(2 * 0.75 * 0.6 / (0.75 + 0.6), c.f1(), 1e-12);
    }

    @Test
    void undefinedScoresAreZero() {
        assertEquals(0.0, Counts.ZERO.precision());
        assertEquals(0.0, Counts.ZERO.recall());
        assertEquals(0.0, Counts.ZERO.f1());
        Counts nothingRight = new Counts(0, 3, 2);
        assertEquals(0.0, nothingRight.precision());
        assertEquals(0.0, nothingRight.recall());
        assertEquals(0.0, nothingRight.f1());
        assertEquals(1.0, new Counts(2, 0, 0).f1());
    }

    @Test
    void plusAddsEachCount() {
        assertEquals(new Counts(3, 5, 7), new Counts(1, 2, 3).plus(new Counts(2, 3, 4)));
    }

    @Test
    void ofCountsOneDecision() {
        assertEquals(new Counts(1, 0, 0), Counts.of(Outcome.TRUE_POSITIVE));
        assertEquals(new Counts(0, 1, 0), Counts.of(Outcome.FALSE_POSITIVE));
        assertEquals(new Counts(0, 0, 1), Counts.of(Outcome.FALSE_NEGATIVE));
    }

    @Test
    void negativeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Counts(0, -1, 0));
    }
}
