package org.hpolink.extract.lexical;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LexicalConfigTest {

    @Test
    void rejectsCountsBelowOneNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LexicalConfig(false, false, 0, 8, 3, 0.5, 5, 2, 3, 1, 3, 2.0, true, 0.5, 17L));
        assertTrue(e.getMessage().contains("maxWindowTokens must be positive, was 0"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> new LexicalConfig(false, false, 12, 8, 3, 0.5, -1, 2, 3, 1, 3, 2.0, true, 0.5, 17L));
        assertTrue(e.getMessage().contains("typoMinLength must be positive, was -1"), e.getMessage());
    }

    @Test
    void rejectsNegativeWindowsAndRatiosAndAPrecisionOutsideZeroOne() {
        assertThrows(IllegalArgumentException.class, () -> new LexicalConfig(false, false, 12, 8, 3, 0.5, 5, 2, -1, 1, 3, 2.0, true, 0.5, 17L));
        assertThrows(IllegalArgumentException.class, () -> new LexicalConfig(false, false, 12, 8, 3, 0.5, 5, 2, 3, -1, 3, 2.0, true, 0.5, 17L));
        assertThrows(IllegalArgumentException.class, () -> new LexicalConfig(false, false, 12, 8, 3, -0.1, 5, 2, 3, 1, 3, 2.0, true, 0.5, 17L));
        assertThrows(IllegalArgumentException.class, () -> new LexicalConfig(false, false, 12, 8, 3, 0.5, 5, 2, 3, 1, 3, -2.0, true, 0.5, 17L));
        assertThrows(IllegalArgumentException.class, () -> new LexicalConfig(false, false, 12, 8, 3, 0.5, 5, 2, 3, 1, 3, 2.0, true, 1.5, 17L));
        assertThrows(IllegalArgumentException.class, () -> new LexicalConfig(false, false, 12, 8, 3, 0.5, 5, 2, 3, 1, 3, 2.0, true, -0.5, 17L));
    }

    @Test
    void rejectsNotANumber() {
        assertThrows(IllegalArgumentException.class, () -> new LexicalConfig(false, false, 12, 8, 3, Double.NaN, 5, 2, 3, 1, 3, 2.0, true, 0.5, 17L));
        assertThrows(IllegalArgumentException.class, () -> new LexicalConfig(false, false, 12, 8, 3, 0.5, 5, 2, 3, 1, 3, Double.NaN, true, 0.5, 17L));
        assertThrows(IllegalArgumentException.class, () -> new LexicalConfig(false, false, 12, 8, 3, 0.5, 5, 2, 3, 1, 3, 2.0, true, Double.NaN, 17L));
    }

    @Test
    void zeroWindowsAndTheEndsOfTheRangesAreAllowed() {
        assertDoesNotThrow(() -> new LexicalConfig(false, false, 12, 8, 3, 0.0, 5, 2, 0, 0, 3, 0.0, true, 0.0, 17L));
        assertDoesNotThrow(() -> new LexicalConfig(true, false, 1, 1, 1, 0.5, 1, 1, 3, 1, 1, 2.0, true, 1.0, 0L));
    }
}
