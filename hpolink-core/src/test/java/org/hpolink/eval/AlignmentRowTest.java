package org.hpolink.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.PredictedFinding;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class AlignmentRowTest {

    private static final Observation EARS = Observation.of("o1", "EARS: low set");
    private static final Optional<Finding> GOLD = Optional.of(Finding.key(HpoId.of("HP:0000369"), Span.parse("0-4,6-13")));
    private static final Optional<PredictedFinding> SAME_ID =
            Optional.of(new PredictedFinding(HpoId.of("HP:0000369"), Optional.of(Span.parse("6-13")), 3));

    @Test
    void spanTextsComeFromTheObservationText() {
        AlignmentRow row = new AlignmentRow(EARS, Verdict.OVERLAP, GOLD, SAME_ID);
        assertEquals(Optional.of("EARS low set"), row.goldSpanText());
        assertEquals(Optional.of("low set"), row.predictedSpanText());
        assertEquals("EARS", row.section());
        assertEquals("o1", row.observationId());
    }

    @Test
    void theSidesMustFitTheVerdict() {
        assertThrows(IllegalArgumentException.class, () -> new AlignmentRow(EARS, Verdict.MISSED, GOLD, SAME_ID));
        assertThrows(IllegalArgumentException.class, () -> new AlignmentRow(EARS, Verdict.SPURIOUS, GOLD, SAME_ID));
        assertThrows(IllegalArgumentException.class, () -> new AlignmentRow(EARS, Verdict.EXACT, GOLD, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new AlignmentRow(EARS, Verdict.EXACT, Optional.empty(), SAME_ID));
    }

    @Test
    void alignedSidesMustShareTheirId() {
        Optional<PredictedFinding> otherId = Optional.of(new PredictedFinding(HpoId.of("HP:0000358"), Optional.of(Span.parse("6-13")), 3));
        assertThrows(IllegalArgumentException.class, () -> new AlignmentRow(EARS, Verdict.OVERLAP, GOLD, otherId));
    }
}
