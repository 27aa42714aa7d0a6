package org.hpolink.extract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class MentionTest {

    private static final Span SPAN = Span.parse("0-4,6-13");

    @Test
    void aScoreMustLieInZeroOne() {
        assertDoesNotThrow(() -> new Mention(SPAN, Optional.empty(), FindingStatus.KEY, 0, "test"));
        assertDoesNotThrow(() -> new Mention(SPAN, Optional.of(HpoId.of("HP:0000369")), FindingStatus.NORMAL, 1, "test"));
        for (double score : new double[] {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Mention(SPAN, Optional.empty(), FindingStatus.KEY, score, "test"));
            assertTrue(e.getMessage().contains("mention score " + score + " is outside [0, 1]"), e.getMessage());
        }
    }

    @Test
    void everyPartIsRequired() {
        assertThrows(NullPointerException.class, () -> new Mention(null, Optional.empty(), FindingStatus.KEY, 0.5, "test"));
        assertThrows(NullPointerException.class, () -> new Mention(SPAN, null, FindingStatus.KEY, 0.5, "test"));
        assertThrows(NullPointerException.class, () -> new Mention(SPAN, Optional.empty(), null, 0.5, "test"));
        assertThrows(NullPointerException.class, () -> new Mention(SPAN, Optional.empty(), FindingStatus.KEY, 0.5, null));
    }
}
