package org.hpolink.corpus;

import static org.hpolink.corpus.Bc8Fixtures.EARS;
import static org.hpolink.corpus.Bc8Fixtures.HEAD;
import static org.hpolink.corpus.Bc8Fixtures.NECK;
import static org.hpolink.corpus.Bc8Fixtures.goldCorpus;
import static org.hpolink.corpus.Bc8Fixtures.key;
import static org.hpolink.corpus.Bc8Fixtures.normal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class SubmissionWriterTest {

    private final SubmissionWriter writer = new SubmissionWriter();

    private String write(List<Observation> observations, Map<String, List<Finding>> findings) throws IOException {
        StringWriter out = new StringWriter();
        writer.write(out, observations, o -> findings.get(o.id()));
        return out.toString();
    }

    @Test
    void writesKeyFindingsSortedBySpanOnceEachAndNaForTheRest() throws IOException {
        List<Observation> observations = List.of(Observation.of("obs-head", HEAD), Observation.of("obs-ears", EARS), Observation.of("obs-neck", NECK));
        Map<String, List<Finding>> findings = Map.of(
                "obs-head", List.of(normal("HP:0001357", "18-34")),
                "obs-ears", List.of(key("HP:0000400", "6-11"), key("HP:0000358", "0-4,13-32"), key("HP:0008551", "0-4,6-11"),
                        key("HP:0000400", "6-11"), normal("HP:0000377", "0-4")),
                "obs-neck", List.of());

        assertEquals("ObservationID\tText\tHPO Term\tSpans\n"
                + "obs-head\t" + HEAD + "\tNA\tNA\n"
                + "obs-ears\t" + EARS + "\tHP:0008551\t0-4,6-11\n"
                + "obs-ears\t" + EARS + "\tHP:0000358\t0-4,13-32\n"
                + "obs-ears\t" + EARS + "\tHP:0000400\t6-11\n"
                + "obs-neck\t" + NECK + "\tNA\tNA\n", write(observations, findings));
    }

    @Test
    void rejectsTwoKeyFindingsAtOneSpanNamingTheObservation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> write(List.of(Observation.of("obs-ears", EARS)),
                Map.of("obs-ears", List.of(key("HP:0008551", "6-11"), key("HP:0000400", "6-11")))));

        assertTrue(e.getMessage().contains("observation obs-ears has key findings HP:0000400 and HP:0008551 at the same span 6-11"), e.getMessage());
    }

    @Test
    void rejectsASpanPastTheText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> write(List.of(Observation.of("obs-neck", NECK)),
                Map.of("obs-neck", List.of(key("HP:0000400", "6-13")))));

        assertTrue(e.getMessage().contains("observation obs-neck has key finding HP:0000400 at span 6-13, past the end of its text (length 12)"),
                e.getMessage());
    }

    @Test
    void rejectsTabsAndLineBreaksInTextsAndIds() {
        for (Observation observation : List.of(Observation.of("a", "EYES:\tdeep set"), Observation.of("a", "EYES: deep\nset"),
                Observation.of("a", "EYES: deep\rset"), Observation.of("a\tb", "EYES: deep set"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> write(List.of(observation), Map.of(observation.id(), List.of())));
            assertTrue(e.getMessage().contains("of observation " + observation.id() + " holds a tab or a line break"), e.getMessage());
        }
    }

    @Test
    void readsBackTheKeyFindingsOfACorpus() throws IOException {
        Corpus gold = goldCorpus();
        Submission submission = writeAndReadBack(gold);

        assertTrue(submission.withSpans());
        for (AnnotatedObservation observation : gold.observations()) {
            assertEquals(keyPairs(observation.findings()), predictedPairs(submission.findings(observation.id())), observation.id());
        }
    }

    @Property(tries = 200)
    void readsBackWhatItWrites(@ForAll("corpora") Corpus corpus) throws IOException {
        Submission submission = writeAndReadBack(corpus);

        for (AnnotatedObservation observation : corpus.observations()) {
            List<PredictedFinding> predicted = submission.findings(observation.id());
            assertEquals(keyPairs(observation.findings()), predictedPairs(predicted), observation.id());
            assertEquals(predicted.size(), predictedPairs(predicted).size(), "each finding is written once");
        }
    }

    private Submission writeAndReadBack(Corpus corpus) throws IOException {
        StringWriter out = new StringWriter();
        Map<String, AnnotatedObservation> byId = corpus.observations().stream().collect(Collectors.toMap(AnnotatedObservation::id, Function.identity()));
        writer.write(out, corpus.observations().stream().map(AnnotatedObservation::observation).toList(), o -> byId.get(o.id()).findings());
        return new SubmissionReader().read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), "written.tsv", corpus);
    }

    private static Set<List<Object>> keyPairs(List<Finding> findings) {
        return findings.stream().filter(Finding::isKey).map(f -> List.<Object>of(f.id(), f.span())).collect(Collectors.toSet());
    }

    private static Set<List<Object>> predictedPairs(List<PredictedFinding> findings) {
        return findings.stream().map(f -> List.<Object>of(f.id(), f.span().orElseThrow())).collect(Collectors.toSet());
    }

    @Provide
    Arbitrary<Corpus> corpora() {
        Arbitrary<AnnotatedObservation> observation = Arbitraries.strings().withChars("abcde :,-").ofMinLength(1).ofMaxLength(40)
                .flatMap(text -> findings(text.length()).map(findings -> Bc8Fixtures.annotated("id", text, findings.toArray(Finding[]::new))));
        return observation.list().ofMaxSize(6).map(observations -> {
            List<AnnotatedObservation> numbered = new ArrayList<>();
            for (AnnotatedObservation o : observations) {
                numbered.add(Bc8Fixtures.annotated("o" + numbered.size(), o.text(), o.findings().toArray(Finding[]::new)));
            }
            return new Corpus("random.tsv", "", numbered);
        });
    }

    /** Findings inside a text of the given length, no two key findings with different ids at one span. */
    private static Arbitrary<List<Finding>> findings(int textLength) {
        Arbitrary<Segment> segment = Combinators.combine(Arbitraries.integers().between(0, textLength - 1), Arbitraries.integers().between(1, 8))
                .as((start, length) -> new Segment(start, Math.min(textLength, start + length)));
        Arbitrary<Span> span = segment.list().ofMinSize(1).ofMaxSize(3).map(Span::covering);
        Arbitrary<HpoId> id = Arbitraries.integers().between(1, 5).map(i -> HpoId.of(String.format("HP:%07d", i)));
        Arbitrary<FindingStatus> status = Arbitraries.of(FindingStatus.class);
        return Combinators.combine(id, span, status).as(Finding::new).list().ofMaxSize(6).map(SubmissionWriterTest::oneIdPerKeySpan);
    }

    private static List<Finding> oneIdPerKeySpan(List<Finding> findings) {
        Set<Span> keySpans = new HashSet<>();
        Set<Finding> kept = new HashSet<>();
        List<Finding> result = new ArrayList<>();
        for (Finding finding : findings) {
            if (!finding.isKey() || kept.contains(finding) || keySpans.add(finding.span())) {
                kept.add(finding);
                result.add(finding);
            }
        }
        return result;
    }
}
