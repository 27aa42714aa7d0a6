package org.hpolink.corpus;

import static org.hpolink.corpus.Bc8Fixtures.EARS;
import static org.hpolink.corpus.Bc8Fixtures.HEAD;
import static org.hpolink.corpus.Bc8Fixtures.NECK;
import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.hpolink.corpus.Bc8Fixtures.goldCorpus;
import static org.hpolink.corpus.Bc8Fixtures.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SubmissionReaderTest {

    private static final String HEADER = "ObservationID\tText\tHPO Term\tSpans";

    private final SubmissionReader reader = new SubmissionReader();

    private static String row(String id, String text, String term, String spans) {
        return String.join("\t", id, text, term, spans);
    }

    private static List<String> file(String header, String... rows) {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(List.of(rows));
        return lines;
    }

    private Submission read(List<String> lines) throws IOException {
        return reader.read(stream(lines), "pred.tsv", goldCorpus());
    }

    private static PredictedFinding predicted(String id, String span, int line) {
        return new PredictedFinding(HpoId.of(id), Optional.of(Span.parse(span)), line);
    }

    @Test
    void readsFindingsWithSpansInGoldOrderIgnoringDecoys() throws IOException {
        Submission submission = read(file(HEADER,
                row("obs-neck", NECK, "NA", "NA"),
                row("decoy", "not in the gold", "not even a term", "99-1"),
                row("obs-ears", EARS, "HP:0000358", "0-4,13-32"),
                row("obs-head", HEAD, "HP:0000311", "6-16"),
                row("obs-ears", EARS, "HP:0008551", "6-11")));

        assertTrue(submission.withSpans());
        assertEquals("pred.tsv", submission.source());
        assertEquals(Map.of(
                "obs-ears", List.of(predicted("HP:0000358", "0-4,13-32", 4), predicted("HP:0008551", "6-11", 6)),
                "obs-head", List.of(predicted("HP:0000311", "6-16", 5)),
                "obs-neck", List.of()), submission.findingsByObservation());
        assertEquals(List.of("obs-ears", "obs-head", "obs-neck"), List.copyOf(submission.findingsByObservation().keySet()));
    }

    @Test
    void readsIdsOnlyWhenThereIsNoSpansColumn() throws IOException {
        Submission submission = read(file("StringID\tText\tTerm",
                "obs-ears\t" + EARS + "\tHP:0008551",
                "obs-head\t" + HEAD + "\tHP:0000311",
                "obs-neck\t" + NECK + "\tNA"));

        assertFalse(submission.withSpans());
        assertEquals(List.of(new PredictedFinding(HpoId.of("HP:0008551"), Optional.empty(), 2)), submission.findings("obs-ears"));
    }

    @Test
    void readsIdsOnlyWhenNoRowHasSpans() throws IOException {
        Submission submission = read(file(HEADER,
                row("obs-ears", EARS, "HP:0008551", "NA"),
                row("obs-head", HEAD, "HP:0000311", ""),
                row("obs-neck", NECK, "NA", "NA")));

        assertFalse(submission.withSpans());
        assertEquals(Optional.empty(), submission.findings("obs-head").get(0).span());
    }

    @Test
    void checksSpansAgainstTheGoldTextNotThePredictedOne() throws IOException {
        String longer = HEAD + " and more words";

        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> read(file(HEADER,
                row("obs-ears", EARS, "HP:0008551", "6-11"),
                row("obs-head", longer, "HP:0000311", "21-40"),
                row("obs-neck", NECK, "NA", "NA"))));

        assertEquals(3, e.line());
        assertEquals("Spans", e.field());
        assertTrue(e.getMessage().contains("past the end of the text (length 34)"), e.getMessage());
    }

    @Test
    void namesTheMissingGoldObservations() {
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> read(file(HEADER,
                row("obs-head", HEAD, "NA", "NA"))));

        assertEquals(0, e.line());
        assertEquals("ObservationID", e.field());
        assertEquals("pred.tsv, field ObservationID: 2 of 3 gold observations have no row: obs-ears, obs-neck; "
                + "expected a row for each (NA when it has no key finding)", e.getMessage());
    }

    @Test
    void namesTheFirstFewMissingObservationsAndCountsThem() {
        Corpus gold = new Corpus("gold.tsv", "", IntStream.range(0, 8).mapToObj(i -> annotated("o" + i, NECK)).toList());

        CorpusFormatException e = assertThrows(CorpusFormatException.class,
                () -> reader.read(stream(file(HEADER, row("o7", NECK, "NA", "NA"))), "pred.tsv", gold));

        assertTrue(e.getMessage().contains("7 of 8 gold observations have no row: o0, o1, o2, o3, o4, ...;"), e.getMessage());
    }

    static Stream<Arguments> invalidFiles() {
        String neck = row("obs-neck", NECK, "NA", "NA");
        String head = row("obs-head", HEAD, "HP:0000311", "6-16");
        return Stream.of(
                Arguments.of("no term column", file("ObservationID\tText\tSpans", "obs-ears\t" + EARS + "\t6-11"), 1,
                        CorpusFormatException.HEADER, "no HPO Term or Term column"),
                Arguments.of("NA and HP: rows", file(HEADER, row("obs-ears", EARS, "HP:0008551", "6-11"), row("obs-ears", EARS, "NA", "NA"),
                        head, neck), 3, "HPO Term", "an NA row after the HP: row on line 2"),
                Arguments.of("HP: row after NA", file(HEADER, row("obs-ears", EARS, "NA", "NA"), head, row("obs-ears", EARS, "HP:0008551", "6-11"),
                        neck), 4, "HPO Term", "an HP: row after the NA row on line 2"),
                Arguments.of("term neither NA nor HP:", file(HEADER, row("obs-ears", EARS, "small ears", "6-11"), head, neck), 2, "HPO Term",
                        "'small ears': expected NA or an HPO id starting with HP:"),
                Arguments.of("malformed HP: id", file(HEADER, row("obs-ears", EARS, "HP:08551", "6-11"), head, neck), 2, "HPO Term",
                        "'HP:08551' is not an HPO id: expected HP: and seven digits"),
                Arguments.of("HP: row without spans", file(HEADER, row("obs-ears", EARS, "HP:0008551", "NA"), head, neck), 2, "Spans",
                        "expected spans on every HP: row"),
                Arguments.of("NA row with spans", file(HEADER, row("obs-ears", EARS, "HP:0008551", "6-11"), head,
                        row("obs-neck", NECK, "NA", "0-4")), 4, "Spans", "'0-4' on an NA row"),
                Arguments.of("span syntax", file(HEADER, row("obs-ears", EARS, "HP:0008551", "6-11 "), head, neck), 2, "Spans",
                        "is not a span"),
                Arguments.of("segments touching", file(HEADER, row("obs-ears", EARS, "HP:0008551", "0-4,4-11"), head, neck), 2, "Spans",
                        "overlap, touch or are out of order"),
                Arguments.of("segments inverted", file(HEADER, row("obs-ears", EARS, "HP:0008551", "11-6"), head, neck), 2, "Spans",
                        "expected start < end"),
                Arguments.of("duplicate rows", file(HEADER, head, row("obs-ears", EARS, "HP:0008551", "6-11"), neck, head), 5, "HPO Term",
                        "the row repeats line 2"),
                Arguments.of("duplicate NA rows", file(HEADER, neck, head, row("obs-ears", EARS, "HP:0008551", "6-11"), neck), 5, "HPO Term",
                        "the row repeats line 2"),
                Arguments.of("duplicate ids without spans", file("ObservationID\tText\tHPO Term", "obs-ears\t" + EARS + "\tHP:0008551",
                        "obs-head\t" + HEAD + "\tNA", "obs-neck\t" + NECK + "\tNA", "obs-ears\t" + EARS + "\tHP:0008551"), 5, "HPO Term",
                        "the row repeats line 2"),
                Arguments.of("two ids at one span", file(HEADER, row("obs-ears", EARS, "HP:0008551", "6-11"), head,
                        row("obs-ears", EARS, "HP:0000358", "6-11"), neck), 4, "Spans",
                        "spans 6-11 already have a term on line 2: expected one HPO id per span"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void rejects(String why, List<String> lines, int line, String field, String expected) {
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> read(lines));

        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
