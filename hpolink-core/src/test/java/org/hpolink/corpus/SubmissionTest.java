package org.hpolink.corpus;

import static org.hpolink.corpus.Bc8Fixtures.EARS;
import static org.hpolink.corpus.Bc8Fixtures.HEAD;
import static org.hpolink.corpus.Bc8Fixtures.NECK;
import static org.hpolink.corpus.Bc8Fixtures.key;
import static org.hpolink.corpus.Bc8Fixtures.normal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class SubmissionTest {

    private static final Observation EARS_OBSERVATION = Observation.of("obs-ears", EARS);

    @Test
    void submittedFindingsAreTheKeyFindingsSortedBySpanThenIdEachPairOnce() {
        List<Finding> findings = List.of(
                key("HP:0000400", "6-11"),
                normal("HP:0000377", "0-4"),
                key("HP:0000358", "0-4,13-32"),
                key("HP:0008551", "0-4,6-11"),
                key("HP:0000400", "6-11"));

        assertEquals(List.of(key("HP:0008551", "0-4,6-11"), key("HP:0000358", "0-4,13-32"), key("HP:0000400", "6-11")),
                Submission.submittedFindings(EARS_OBSERVATION, findings));
    }

    @Test
    void aNormalFindingMayShareASpanWithAKeyFinding() {
        assertEquals(List.of(key("HP:0000400", "6-11")),
                Submission.submittedFindings(EARS_OBSERVATION, List.of(normal("HP:0000377", "6-11"), key("HP:0000400", "6-11"))));
    }

    @Test
    void twoKeyFindingsAtOneSpanAreRejectedNamingTheObservation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Submission.submittedFindings(EARS_OBSERVATION, List.of(key("HP:0008551", "6-11"), key("HP:0000400", "6-11"))));
        assertTrue(e.getMessage().contains("observation obs-ears has key findings HP:0000400 and HP:0008551 at the same span 6-11: "
                + "expected one id per span"), e.getMessage());
    }

    @Test
    void aSpanPastTheTextIsRejected() {
        Observation neck = Observation.of("obs-neck", NECK);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Submission.submittedFindings(neck, List.of(key("HP:0000400", "6-13"))));
        assertTrue(e.getMessage().contains("observation obs-neck has key finding HP:0000400 at span 6-13, past the end of its text (length 12)"),
                e.getMessage());
    }

    @Test
    void ofMakesWhatTheWriterWouldWriteInObservationOrder() {
        List<Observation> observations = List.of(Observation.of("obs-neck", NECK), EARS_OBSERVATION, Observation.of("obs-head", HEAD));
        Map<String, List<Finding>> findings = Map.of(
                "obs-neck", List.of(),
                "obs-ears", List.of(key("HP:0000358", "0-4,13-32"), key("HP:0008551", "0-4,6-11"), key("HP:0008551", "0-4,6-11")),
                "obs-head", List.of(normal("HP:0001357", "18-34")));

        Submission submission = Submission.of("predicted", observations, o -> findings.get(o.id()));

        assertEquals("predicted", submission.source());
        assertTrue(submission.withSpans());
        assertEquals(List.of("obs-neck", "obs-ears", "obs-head"), List.copyOf(submission.findingsByObservation().keySet()));
        assertEquals(List.of(predicted("HP:0008551", "0-4,6-11"), predicted("HP:0000358", "0-4,13-32")), submission.findings("obs-ears"));
        assertEquals(List.of(), submission.findings("obs-neck"));
        assertEquals(List.of(), submission.findings("obs-head"), "normal findings are never submitted");
        assertEquals(List.of(), submission.findings("obs-absent"));
    }

    @Test
    void ofRejectsTwoKeyFindingsAtOneSpan() {
        assertThrows(IllegalArgumentException.class, () -> Submission.of("predicted", List.of(EARS_OBSERVATION),
                o -> List.of(key("HP:0008551", "6-11"), key("HP:0000400", "6-11"))));
    }

    @Test
    void aSubmissionIsACopyThatCannotChange() {
        List<PredictedFinding> findings = new ArrayList<>(List.of(predicted("HP:0000400", "6-11")));
        Map<String, List<PredictedFinding>> byObservation = new LinkedHashMap<>(Map.of("obs-ears", findings));
        Submission submission = new Submission("file.tsv", true, byObservation);
        findings.clear();
        byObservation.put("obs-neck", List.of());

        assertEquals(List.of(predicted("HP:0000400", "6-11")), submission.findings("obs-ears"));
        assertEquals(1, submission.findingsByObservation().size());
        assertThrows(UnsupportedOperationException.class, () -> submission.findingsByObservation().put("obs-head", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> submission.findings("obs-ears").clear());
    }

    private static PredictedFinding predicted(String id, String span) {
        return new PredictedFinding(HpoId.of(id), Optional.of(Span.parse(span)), 0);
    }
}
