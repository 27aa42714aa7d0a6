package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hpolink.assertion.Assertion;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.corpus.DocumentFinding;
import org.hpolink.corpus.Finding;
import org.hpolink.extract.lexical.LexicalFixtures;
import org.hpolink.text.Document;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/** Documents through the lexical pipeline of {@link LexicalFixtures}: findings at offsets into the whole document. */
class DocumentAnnotatorTest {

    private static final Pipeline LEXICAL = ExtractionPipeline.lexical(LexicalFixtures.model(), LexicalFixtures.hpo());

    private final DocumentAnnotator annotator = new DocumentAnnotator(LEXICAL, LexicalFixtures.hpo(), Profile.EXAM);

    private static List<String> described(AnnotatedDocument document) {
        return document.findings().stream().map(f -> f.id() + " " + f.span() + " '" + f.coveredText(document.document().text()) + "' "
                + f.assertion().label()).toList();
    }

    @Test
    void aBc8ObservationGetsThePipelinesFindings() {
        String text = "EARS: low set, thin helices";

        AnnotatedDocument annotated = annotator.annotate(List.of(new Document("obs", text))).get(0);

        List<Finding> expected = LEXICAL.annotate(Observation.of("obs", text));
        assertEquals(expected, annotated.findings().stream().map(f -> Finding.key(f.id(), f.span())).toList());
        DocumentFinding lowSet = annotated.findings().get(0);
        assertEquals("Low-set ears", lowSet.label());
        assertEquals("lexical", lowSet.source());
        assertEquals("EARS low set", lowSet.coveredText(text));
    }

    @Test
    void findingsOfEachLineAreAtTheirOffsetsInTheDocumentHeadersIncluded() {
        String text = "Exam today.\nEARS: low set, thin helices\n\nHANDS: no clinodactyly\nNECK: supple";

        AnnotatedDocument annotated = annotator.annotate(List.of(new Document("note", text))).get(0);

        assertEquals(List.of(
                LexicalFixtures.LOW_SET_EARS + " 12-16,18-25 'EARS low set' present",
                LexicalFixtures.THIN_EAR_HELIX + " 27-39 'thin helices' present",
                LexicalFixtures.CLINODACTYLY + " 51-63 'clinodactyly' negated"), described(annotated));
    }

    @Test
    void aHeaderIsLentToTheLaterWindowsOfItsLine() {
        String text = "EARS: small. " + "Normal tone. ".repeat(60) + "Low set.";

        AnnotatedDocument annotated = annotator.annotate(List.of(new Document("long", text))).get(0);

        int lowSet = text.indexOf("Low set");
        assertEquals(List.of(LexicalFixtures.LOW_SET_EARS + " 0-4," + lowSet + "-" + (lowSet + 7) + " 'EARS Low set' present"), described(annotated));
        assertEquals(Span.parse("0-4," + lowSet + "-" + (lowSet + 7)), annotated.findings().get(0).span());
    }

    @Test
    void theNotesProfileAsksWhatTheNoteAssertsOfEachFindingFoundPresent() {
        DocumentAnnotator notes = new DocumentAnnotator(LEXICAL, LexicalFixtures.hpo(), Profile.NOTES);
        String text = "He has low set ears. Her mother has low set ears.\nRule out thin helices.\nHANDS: no clinodactyly\n"
                + "Family history:\nthin helices in a cousin.";

        AnnotatedDocument annotated = notes.annotate(List.of(new Document("note", text))).get(0);

        assertEquals(List.of("present", "family", "hypothetical", "negated", "family"),
                annotated.findings().stream().map(f -> f.assertion().label()).toList(), described(annotated).toString());
    }

    @Test
    void documentsComeBackInTheOrderGivenEachWithItsOwnFindings() {
        List<AnnotatedDocument> annotated = annotator.annotate(List.of(new Document("a", "NECK: supple"),
                new Document("b", "HANDS: no clinodactyly"), new Document("c", " "), new Document("d", "EARS: low set")));

        assertEquals(List.of("a", "b", "c", "d"), annotated.stream().map(AnnotatedDocument::id).toList());
        assertEquals(List.of(0, 1, 0, 1), annotated.stream().map(d -> d.findings().size()).toList());
        assertEquals(Assertion.NEGATED, annotated.get(1).findings().get(0).assertion());
    }

    @Test
    void theStepsAroundThePipelineGiveTheSameDocumentsOnThePipelinesThreads() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            documents.add(new Document("d" + i, "He has low set ears. Her mother has thin helices.\nHANDS: no clinodactyly. ".repeat(i % 7)
                    + "Rule out low set ears."));
        }
        List<AnnotatedDocument> sequential = new DocumentAnnotator(LEXICAL, LexicalFixtures.hpo(), Profile.NOTES)
                .annotate(documents);

        List<AnnotatedDocument> parallel;
        try (ParallelPipeline threads = new ParallelPipeline(LEXICAL, 3)) {
            parallel = new DocumentAnnotator(threads, LexicalFixtures.hpo(), Profile.NOTES, threads).annotate(documents);
        }

        assertEquals(sequential, parallel);
        assertTrue(sequential.stream().allMatch(d -> !d.findings().isEmpty()), "every document has findings to compare");
        assertEquals(Set.of(Assertion.PRESENT, Assertion.FAMILY, Assertion.NEGATED, Assertion.HYPOTHETICAL),
                sequential.stream().flatMap(d -> d.findings().stream()).map(DocumentFinding::assertion).collect(Collectors.toSet()));
    }
}
