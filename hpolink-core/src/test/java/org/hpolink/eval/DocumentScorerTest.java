package org.hpolink.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hpolink.assertion.Assertion;
import org.hpolink.corpus.CorpusFormatException;
import org.hpolink.corpus.DocumentFinding;
import org.hpolink.corpus.GoldDocument;
import org.hpolink.corpus.GoldFolderReader;
import org.hpolink.corpus.GoldMention;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Document;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Document-level and mention-level scores as spec/notes-scoring.md defines them, on hand-made documents. */
class DocumentScorerTest {

    private static final Hpo HPO = TinyHpo.build();
    private static final String TEXT = "Epicanthus and low set ears. Low set ears again. No epicanthus.";

    private static GoldMention gold(int start, int end, org.hpolink.ontology.HpoId id, boolean negated) {
        return new GoldMention(Optional.of(new Segment(start, end)), TEXT.substring(start, end), id, negated, 1, Optional.empty());
    }

    private static DocumentFinding predicted(String span, org.hpolink.ontology.HpoId id, Assertion assertion) {
        return new DocumentFinding(id, "", Span.parse(span), assertion, 1, "test");
    }

    private static final GoldDocument DOCUMENT = new GoldDocument(new Document("d1", TEXT), List.of(
            gold(0, 10, TinyHpo.EPICANTHUS, false),
            gold(15, 27, TinyHpo.LOW_SET_EARS, false),
            gold(29, 41, TinyHpo.LOW_SET_EARS, false),
            gold(52, 62, TinyHpo.EPICANTHUS, true)));

    private static DocumentEvaluation score(DocumentFinding... findings) {
        return DocumentScorer.score(List.of(DOCUMENT), Map.of("d1", List.of(findings)), HPO, "test");
    }

    @Test
    void theGoldSetScoredAgainstItselfIsPerfectAtEveryLevel() {
        DocumentEvaluation evaluation = score(predicted("0-10", TinyHpo.EPICANTHUS, Assertion.PRESENT),
                predicted("15-27", TinyHpo.LOW_SET_EARS, Assertion.PRESENT), predicted("29-41", TinyHpo.LOW_SET_EARS, Assertion.PRESENT));

        assertEquals(new Counts(2, 0, 0), evaluation.documentLevel());
        assertEquals(new Counts(3, 0, 0), evaluation.mentionOverlap());
        assertEquals(new Counts(3, 0, 0), evaluation.mentionExact());
        assertEquals(List.of(), evaluation.errors());
    }

    @Test
    void droppingAMentionLowersDocumentRecallOnlyWhereItsIdHasNoOtherMention() {
        DocumentEvaluation secondEarsDropped = score(predicted("0-10", TinyHpo.EPICANTHUS, Assertion.PRESENT),
                predicted("15-27", TinyHpo.LOW_SET_EARS, Assertion.PRESENT));
        DocumentEvaluation epicanthusDropped = score(predicted("15-27", TinyHpo.LOW_SET_EARS, Assertion.PRESENT),
                predicted("29-41", TinyHpo.LOW_SET_EARS, Assertion.PRESENT));

        assertEquals(new Counts(2, 0, 0), secondEarsDropped.documentLevel());
        assertEquals(new Counts(2, 0, 1), secondEarsDropped.mentionOverlap());
        assertEquals(new Counts(1, 0, 1), epicanthusDropped.documentLevel());
        assertEquals(List.of(new DocumentError("d1", DocumentError.Kind.MISSED_ID, TinyHpo.EPICANTHUS, "Epicanthus", ""),
                new DocumentError("d1", DocumentError.Kind.MISSED_MENTION, TinyHpo.EPICANTHUS, "Epicanthus", "0-10")), epicanthusDropped.errors());
    }

    @Test
    void negatedGoldAndPredictionsThatAreNotPresentAreLeftOut() {
        DocumentEvaluation evaluation = score(predicted("52-62", TinyHpo.EPICANTHUS, Assertion.NEGATED),
                predicted("0-10", TinyHpo.EPICANTHUS, Assertion.PRESENT));

        assertEquals(new Counts(1, 0, 1), evaluation.documentLevel(), "low-set ears missed; the negated epicanthus is neither side's");
        assertEquals(new Counts(1, 0, 2), evaluation.mentionOverlap());
    }

    @Test
    void overlapMatchesAnySharedCharacterExactOnlyOneSegmentWithTheSameBoundsEachUsedOnce() {
        DocumentEvaluation evaluation = score(predicted("19-27", TinyHpo.LOW_SET_EARS, Assertion.PRESENT),
                predicted("15-18,23-27", TinyHpo.LOW_SET_EARS, Assertion.PRESENT), predicted("29-41", TinyHpo.LOW_SET_EARS, Assertion.PRESENT),
                predicted("29-41", TinyHpo.LOW_SET_EARS, Assertion.PRESENT));

        // The duplicate 29-41 counts once; 19-27 and 15-18,23-27 both overlap only 15-27, so one of them is left over;
        // the epicanthus at 0-10 is missed.
        assertEquals(new Counts(2, 1, 1), evaluation.mentionOverlap());
        assertEquals(new Counts(1, 2, 2), evaluation.mentionExact());
    }

    @Test
    void theLargestMatchingIsFoundNotTheFirstGreedyOne() {
        // Prediction 0 overlaps gold 0 and 1, prediction 1 only gold 0: greedy pairs 0-0 and leaves 1 alone.
        assertEquals(2, DocumentScorer.maximumMatching(new boolean[][] {{true, true}, {true, false}}, 2));
        assertEquals(1, DocumentScorer.maximumMatching(new boolean[][] {{true, false}, {true, false}}, 2));
        assertEquals(0, DocumentScorer.maximumMatching(new boolean[0][0], 0));
    }

    @Test
    void alternativeIdsOnEitherSideAreMappedToPrimaryIds() {
        DocumentEvaluation evaluation = score(predicted("0-10", TinyHpo.EPICANTHUS_ALTERNATIVE, Assertion.PRESENT));

        assertEquals(new Counts(1, 0, 1), evaluation.documentLevel());
    }

    @Test
    void aGoldDocumentWithoutPredictionsIsAnError() {
        CorpusFormatException e = assertThrows(CorpusFormatException.class,
                () -> DocumentScorer.score(List.of(DOCUMENT), new HashMap<>(), HPO, "pred.jsonl"));

        assertEquals("pred.jsonl, field id: no predictions for gold document d1: expected every document of the gold set", e.getMessage());
    }

    @Test
    void theGoldFolderReaderKeepsLinesWhoseOffsetsAreWrongAndSaysWhy(@TempDir Path folder) throws IOException {
        Files.writeString(Files.createDirectories(folder.resolve("corpus")).resolve("d1"), TEXT);
        Files.writeString(Files.createDirectories(folder.resolve("ann")).resolve("d1"), String.join("\n",
                "0\t10\tEpicanthus\tHP:0000286", "15\t27\tlow set earz\tHP:0000369", "40\t30\tlow set ears\tHP:0000369",
                "52\t62\tepicanthus\tHP:0000286\tNeg", ""));

        List<GoldDocument> read = new GoldFolderReader(HPO::isKnown).read(folder);

        List<String> described = new ArrayList<>();
        for (GoldMention m : read.get(0).mentions()) {
            described.add(m.span().map(Segment::toString).orElse("-") + " " + m.negated() + " " + m.problem().orElse("ok"));
        }
        assertEquals(List.of("0-10 false ok", "15-27 false the text at 15-27 is 'low set ears', not 'low set earz'",
                "- false offsets 40-30 are not a span of a text of 63 characters", "52-62 true ok"), described);
    }

    @Test
    void aMalformedGoldLineFailsNamingFileLineAndField(@TempDir Path folder) throws IOException {
        Files.writeString(Files.createDirectories(folder.resolve("corpus")).resolve("d1"), TEXT);
        Path ann = Files.writeString(Files.createDirectories(folder.resolve("ann")).resolve("d1"), "0\t10\tEpicanthus\tHP:0000286\nx\t10\ty\tHP:0000286\n");

        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> new GoldFolderReader(HPO::isKnown).read(folder));

        assertEquals(ann + " line 2, field start: 'x': expected a character offset, 0 or more", e.getMessage());
        Files.delete(ann);
        CorpusFormatException missing = assertThrows(CorpusFormatException.class, () -> new GoldFolderReader(HPO::isKnown).read(folder));
        assertTrue(missing.getMessage().startsWith(ann + ", field (file): missing"), missing.getMessage());
    }
}
