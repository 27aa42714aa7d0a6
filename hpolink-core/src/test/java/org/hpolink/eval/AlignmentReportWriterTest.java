package org.hpolink.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.PredictedFinding;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class AlignmentReportWriterTest {

    private static final Observation EARS = Observation.of("o1", "EARS: low set, thin helices");
    private static final Finding LOW_SET = Finding.key(HpoId.of("HP:0000369"), Span.parse("0-4,6-13"));

    @Test
    void writesAHeaderAndOneLinePerRowWithEmptyAbsentValues() throws Exception {
        List<AlignmentRow> rows = List.of(
                new AlignmentRow(EARS, Verdict.OVERLAP, Optional.of(LOW_SET), Optional.of(predicted("HP:0000369", "6-13"))),
                new AlignmentRow(Observation.of("o2", "plain text"), Verdict.SPURIOUS, Optional.empty(),
                        Optional.of(predicted("HP:0009905", "0-5"))),
                new AlignmentRow(EARS, Verdict.MISSED, Optional.of(LOW_SET), Optional.empty()));
        StringWriter out = new StringWriter();
        AlignmentReportWriter.write(rows, out);
        assertEquals("""
                ObservationID\tSection\tVerdict\tGoldTerm\tGoldSpans\tGoldText\tPredictedTerm\tPredictedSpans\tPredictedText\tText
                o1\tEARS\tOVERLAP\tHP:0000369\t0-4,6-13\tEARS low set\tHP:0000369\t6-13\tlow set\tEARS: low set, thin helices
                o2\t\tSPURIOUS\t\t\t\tHP:0009905\t0-5\tplain\tplain text
                o1\tEARS\tMISSED\tHP:0000369\t0-4,6-13\tEARS low set\t\t\t\tEARS: low set, thin helices
                """, out.toString());
        assertEquals(out.toString(), AlignmentReportWriter.toTsv(rows));
    }

    @Test
    void predictionsWithoutSpansLeaveTheSpanColumnsEmpty() {
        AlignmentRow row = new AlignmentRow(EARS, Verdict.NORMALIZED, Optional.of(LOW_SET),
                Optional.of(new PredictedFinding(HpoId.of("HP:0000369"), Optional.empty(), 2)));
        assertEquals("o1\tEARS\tNORMALIZED\tHP:0000369\t0-4,6-13\tEARS low set\tHP:0000369\t\t\tEARS: low set, thin helices",
                AlignmentReportWriter.toTsv(List.of(row)).lines().toList().get(1));
    }

    @Test
    void aTabInATextIsRejectedBeforeAnythingIsWritten() {
        AlignmentRow row = new AlignmentRow(Observation.of("o3", "EARS:\tlow set"), Verdict.MISSED, Optional.of(LOW_SET), Optional.empty());
        StringWriter out = new StringWriter();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> AlignmentReportWriter.write(List.of(row), out));
        assertEquals("", out.toString());
        assertEquals(true, error.getMessage().contains("o3"), error.getMessage());
    }

    private static PredictedFinding predicted(String id, String spans) {
        return new PredictedFinding(HpoId.of(id), Optional.of(Span.parse(spans)), 0);
    }
}
