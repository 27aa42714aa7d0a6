package org.hpolink.extract.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.hpolink.extract.llm.MarkedAnswerFormat.ParsedAnswer;
import org.hpolink.extract.llm.MarkedAnswerFormat.ProposedFinding;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class MarkedAnswerFormatTest {

    private static final String TEXT = "EYES: mild hooding and epicanthus";

    @Test
    void aLineMarksEachSegmentAndNamesTheTerm() {
        assertEquals("[EYES]: mild [hooding] and epicanthus => Hooded eyelid",
                MarkedAnswerFormat.line(TEXT, Span.parse("0-4,11-18"), "Hooded eyelid"));
    }

    @Test
    void readsContinuousAndDiscontinuousFindings() {
        ParsedAnswer parsed = MarkedAnswerFormat.parse(TEXT, """
                [EYES]: mild [hooding] and epicanthus => Hooded eyelid
                EYES: mild hooding and [epicanthus] => Epicanthus""");

        assertEquals(List.of(new ProposedFinding(Span.parse("0-4,11-18"), "Hooded eyelid"),
                new ProposedFinding(Span.parse("23-33"), "Epicanthus")), parsed.findings());
        assertEquals(0, parsed.rejectedLines());
        assertFalse(parsed.malformed());
    }

    @Test
    void whitespaceTheModelChangedDoesNotMatter() {
        ParsedAnswer parsed = MarkedAnswerFormat.parse("EYES:  mild\nhooding", "EYES: mild [ hooding ]  =>  Hooded eyelid");

        assertEquals(List.of(new ProposedFinding(Span.parse("12-19"), "Hooded eyelid")), parsed.findings());
    }

    @Test
    void piecesSplitAtASpaceAreOneSegment() {
        assertEquals(List.of(new ProposedFinding(Span.parse("0-4,6-13"), "Low-set ears")),
                MarkedAnswerFormat.parse("EARS: low set", "[EARS]: [low] [set] => Low-set ears").findings());
    }

    @Test
    void aStretchOfTheTextThatOccursOnceIsEnough() {
        assertEquals(List.of(new ProposedFinding(Span.parse("23-33"), "Epicanthus")),
                MarkedAnswerFormat.parse(TEXT, "and [epicanthus] => Epicanthus").findings());
        assertEquals(1, MarkedAnswerFormat.parse("small ears, small hands", "[small] => Small").rejectedLines(),
                "a stretch found twice could be either");
    }

    @Test
    void wordsNotInTheTextAreRejectedAndCounted() {
        ParsedAnswer parsed = MarkedAnswerFormat.parse(TEXT, """
                EYES: mild [ptosis] and epicanthus => Ptosis
                EYES: mild hooding and [epicanthus] => Epicanthus""");

        assertEquals(List.of(new ProposedFinding(Span.parse("23-33"), "Epicanthus")), parsed.findings());
        assertEquals(1, parsed.rejectedLines());
        assertFalse(parsed.malformed());
    }

    @Test
    void unbalancedNestedOrMissingMarkersAreRejected() {
        for (String line : List.of("EYES: mild [hooding and epicanthus", "EYES: mild [[hooding]] and epicanthus",
                "EYES: mild hooding] and epicanthus", "EYES: mild hooding and epicanthus => Epicanthus")) {
            ParsedAnswer parsed = MarkedAnswerFormat.parse(TEXT, line);
            assertEquals(List.of(), parsed.findings(), line);
            assertEquals(1, parsed.rejectedLines(), line);
            assertTrue(parsed.malformed(), line);
        }
    }

    @Test
    void noneEmptyAndMalformedAnswers() {
        ParsedAnswer none = MarkedAnswerFormat.parse(TEXT, "NONE");
        assertEquals(List.of(), none.findings());
        assertFalse(none.malformed());

        assertTrue(MarkedAnswerFormat.parse(TEXT, "").malformed());
        assertTrue(MarkedAnswerFormat.parse(TEXT, null).malformed());
        assertTrue(MarkedAnswerFormat.parse(TEXT, "{\"findings\": [").malformed());
    }

    @Test
    void codeFencesAndRepeatedLinesAreTolerated() {
        ParsedAnswer parsed = MarkedAnswerFormat.parse(TEXT, """
                ```
                EYES: mild hooding and [epicanthus] => Epicanthus
                EYES: mild hooding and [epicanthus] => Epicanthal folds
                ```""");

        assertEquals(List.of(new ProposedFinding(Span.parse("23-33"), "Epicanthus")), parsed.findings());
    }

    @Test
    void aTextWithSquareBracketsIsMarkedWithWhiteSquareBrackets() {
        String text = "HANDS: clinodactyly [5th fingers]";
        String line = MarkedAnswerFormat.line(text, Span.parse("7-19"), "Clinodactyly");

        assertEquals("HANDS: \u27E6clinodactyly\u27E7 [5th fingers] => Clinodactyly", line);
        assertEquals(List.of(new ProposedFinding(Span.parse("7-19"), "Clinodactyly")), MarkedAnswerFormat.parse(text, line).findings());
    }

    @Property
    void anyAnswerIsReadWithoutThrowing(@ForAll String text, @ForAll String answer) {
        ParsedAnswer parsed = MarkedAnswerFormat.parse(text, answer);
        for (ProposedFinding finding : parsed.findings()) {
            finding.span().requireWithin(text.length());
        }
    }
}
