package org.hpolink.corpus;

import static org.hpolink.corpus.Bc8Fixtures.ANY_ID;
import static org.hpolink.corpus.Bc8Fixtures.EARS;
import static org.hpolink.corpus.Bc8Fixtures.HEAD;
import static org.hpolink.corpus.Bc8Fixtures.NECK;
import static org.hpolink.corpus.Bc8Fixtures.OFFICIAL_HEADER;
import static org.hpolink.corpus.Bc8Fixtures.PUBLIC_FILE;
import static org.hpolink.corpus.Bc8Fixtures.PUBLIC_HEADER;
import static org.hpolink.corpus.Bc8Fixtures.bytes;
import static org.hpolink.corpus.Bc8Fixtures.key;
import static org.hpolink.corpus.Bc8Fixtures.normal;
import static org.hpolink.corpus.Bc8Fixtures.publicRow;
import static org.hpolink.corpus.Bc8Fixtures.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Bc8CorpusReaderTest {

    private final Bc8CorpusReader reader = new Bc8CorpusReader(ANY_ID);

    private Corpus read(List<String> lines) throws IOException {
        return reader.read(stream(lines), "t.tsv");
    }

    private CorpusFormatException failure(List<String> lines) {
        return assertThrows(CorpusFormatException.class, () -> read(lines));
    }

    private CorpusFormatException failure(byte[] bytes) {
        return assertThrows(CorpusFormatException.class, () -> reader.read(stream(bytes), "t.tsv"));
    }

    private static List<String> withRows(String header, String... rows) {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(List.of(rows));
        return lines;
    }

    @Test
    void readsEveryRowOfThePublicFormatAsAFinding() throws IOException {
        Corpus corpus = read(PUBLIC_FILE);

        assertEquals("t.tsv", corpus.source());
        assertEquals(List.of("obs-ears", "obs-head", "obs-neck"), corpus.observations().stream().map(AnnotatedObservation::id).toList());
        AnnotatedObservation ears = corpus.observations().get(0);
        assertEquals(Observation.of("obs-ears", EARS), ears.observation());
        assertEquals("EARS", ears.observation().sectionName());
        assertEquals(List.of(key("HP:0008551", "0-4,6-11"), key("HP:0000358", "0-4,13-32")), ears.findings());
        assertEquals(2, ears.firstLine());
        AnnotatedObservation head = corpus.observations().get(1);
        assertEquals(List.of(key("HP:0000311", "6-16"), normal("HP:0001357", "18-34")), head.findings());
        assertEquals(4, head.firstLine());
        AnnotatedObservation neck = corpus.observations().get(2);
        assertEquals(NECK, neck.text());
        assertEquals(List.of(), neck.findings());
        assertEquals(6, neck.firstLine());
    }

    @Test
    void hashesTheBytesRead() throws IOException {
        // Computed independently (Python hashlib) over the same bytes.
        assertEquals("6b716a2a210d05c3f62a9fa655f86360c8cac27fc28c2104b9870ec00efe6a5c", read(PUBLIC_FILE).sha256());
    }

    @Test
    void readsTheOfficialHeaderInAnyColumnOrderIgnoringExtraColumns() throws IOException {
        List<String> official = List.of(
                "Spans\tNote\tPolarity\tText\tHPO Term\tObservationID",
                "0-4,6-11\tfirst\tNA\t" + EARS + "\tHP:0008551\tobs-ears",
                "0-4,13-32\t\t\t" + EARS + "\tHP:0000358\tobs-ears",
                "6-16\t\tNA\t" + HEAD + "\tHP:0000311\tobs-head",
                "18-34\t\tX\t" + HEAD + "\tHP:0001357\tobs-head",
                "NA\t\tNA\t" + NECK + "\tNA\tobs-neck");

        assertEquals(contents(read(PUBLIC_FILE)), contents(read(official)));
    }

    private static List<Object> contents(Corpus corpus) {
        return corpus.observations().stream().map(o -> (Object) List.of(o.observation(), o.findings())).toList();
    }

    @Test
    void readsAFileAndNamesItByItsPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gold.tsv");
        Files.write(file, bytes(PUBLIC_FILE));

        Corpus corpus = reader.read(file);

        assertEquals(file.toString(), corpus.source());
        assertEquals(3, corpus.size());
    }

    @Test
    void acceptsAByteOrderMarkAndAMissingFinalLineFeed() throws IOException {
        String text = "\uFEFF" + String.join("\n", PUBLIC_FILE);

        Corpus corpus = reader.read(stream(text.getBytes(StandardCharsets.UTF_8)), "t.tsv");

        assertEquals(contents(read(PUBLIC_FILE)), contents(corpus));
    }

    @Test
    void rejectsAnIdTheOntologyDoesNotKnow() {
        Bc8CorpusReader strict = new Bc8CorpusReader(id -> !id.equals(HpoId.of("HP:0000358")));

        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> strict.read(stream(PUBLIC_FILE), "t.tsv"));

        assertEquals(3, e.line());
        assertEquals("Term", e.field());
        assertTrue(e.getMessage().contains("HP:0000358 is not in the ontology"), e.getMessage());
    }

    @Test
    void namesFileLineFieldAndExpectation() {
        CorpusFormatException e = failure(withRows(PUBLIC_HEADER, publicRow("a", EARS, "HP:0008551", "NA", "7-3")));

        assertEquals("t.tsv", e.source());
        assertEquals(2, e.line());
        assertEquals("Spans", e.field());
        assertEquals("t.tsv line 2, field Spans: '7-3': segment 7-3 is empty or inverted: expected start < end", e.getMessage());
    }

    @Test
    void namesTheColumnAsTheOfficialHeaderCallsIt() {
        CorpusFormatException e = failure(withRows(OFFICIAL_HEADER, "a\t" + EARS + "\tHP:0008551\tx\t6-11"));

        assertEquals("Polarity", e.field());
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                Arguments.of("empty header line", List.of(""), 1, CorpusFormatException.HEADER,
                        "no ObservationID or StringID column: expected a header with ObservationID or StringID; found an empty header line"),
                Arguments.of("no Spans column", withRows("StringID\tText\tTerm\tNegated"), 1, CorpusFormatException.HEADER,
                        "no Spans column: expected a header with Spans; found StringID, Text, Term, Negated"),
                Arguments.of("two id columns", withRows(PUBLIC_HEADER + "\tObservationID"), 1, CorpusFormatException.HEADER,
                        "both ObservationID and StringID"),
                Arguments.of("a column twice", withRows(PUBLIC_HEADER + "\tText"), 1, CorpusFormatException.HEADER, "column Text appears twice"),
                Arguments.of("too few fields", withRows(PUBLIC_HEADER, "a\t1\t" + EARS + "\tHP:0008551\tNA"), 2, CorpusFormatException.ROW,
                        "5 tab-separated fields: expected 6"),
                Arguments.of("blank line", withRows(PUBLIC_HEADER, publicRow("a", EARS, "HP:0008551", "NA", "6-11"), ""), 3,
                        CorpusFormatException.ROW, "1 tab-separated fields: expected 6"),
                Arguments.of("empty text", withRows(PUBLIC_HEADER, publicRow("a", "", "NA", "NA", "NA")), 2, "Text", "empty text"),
                Arguments.of("empty id", withRows(PUBLIC_HEADER, publicRow(" ", EARS, "NA", "NA", "NA")), 2, "StringID", "empty observation id"),
                Arguments.of("malformed id", withRows(PUBLIC_HEADER, publicRow("a", EARS, "HP:00358", "NA", "6-11")), 2, "Term",
                        "'HP:00358': expected NA or an HPO id"),
                Arguments.of("term neither NA nor id", withRows(PUBLIC_HEADER, publicRow("a", EARS, "small ears", "NA", "6-11")), 2, "Term",
                        "expected NA or an HPO id"),
                Arguments.of("unknown polarity", withRows(PUBLIC_HEADER, publicRow("a", EARS, "HP:0008551", "Y", "6-11")), 2, "Negated",
                        "'Y': expected X (a normal finding), NA or empty"),
                Arguments.of("X without a term", withRows(PUBLIC_HEADER, publicRow("a", EARS, "NA", "X", "NA")), 2, "Negated",
                        "expected NA or empty when the term is NA"),
                Arguments.of("spans without a term", withRows(PUBLIC_HEADER, publicRow("a", EARS, "NA", "NA", "6-11")), 2, "Spans",
                        "expected NA or empty when the term is NA"),
                Arguments.of("spans not parsable", withRows(PUBLIC_HEADER, publicRow("a", EARS, "HP:0008551", "NA", "6..11")), 2, "Spans",
                        "expected start-end[,start-end...]"),
                Arguments.of("overlapping segments", withRows(PUBLIC_HEADER, publicRow("a", EARS, "HP:0008551", "NA", "0-6,4-11")), 2, "Spans",
                        "overlap, touch or are out of order"),
                Arguments.of("spans past the text", withRows(PUBLIC_HEADER, publicRow("a", EARS, "HP:0000358", "NA", "13-33")), 2, "Spans",
                        "past the end of the text (length 32)"),
                Arguments.of("key finding without spans", withRows(PUBLIC_HEADER, publicRow("a", EARS, "HP:0008551", "NA", "NA")), 2, "Spans",
                        "expected the spans of the finding"),
                Arguments.of("normal finding without spans", withRows(PUBLIC_HEADER, publicRow("a", EARS, "HP:0008551", "X", "")), 2, "Spans",
                        "expected the spans of the finding"),
                Arguments.of("NA row after an HP: row", withRows(PUBLIC_HEADER,
                        publicRow("a", EARS, "HP:0008551", "NA", "6-11"), publicRow("a", EARS, "NA", "NA", "NA")), 3, "Term",
                        "already has a row on line 2"),
                Arguments.of("HP: row after an NA row", withRows(PUBLIC_HEADER,
                        publicRow("a", EARS, "NA", "NA", "NA"), publicRow("a", EARS, "HP:0008551", "NA", "6-11")), 3, "Term",
                        "has an NA row on line 2"),
                Arguments.of("two NA rows", withRows(PUBLIC_HEADER,
                        publicRow("a", EARS, "NA", "NA", "NA"), publicRow("a", EARS, "NA", "NA", "NA")), 3, "Term",
                        "expected a single NA row"),
                Arguments.of("texts differ", withRows(PUBLIC_HEADER,
                        publicRow("a", EARS, "HP:0008551", "NA", "6-11"), publicRow("a", EARS + ".", "HP:0000358", "NA", "13-32")), 3, "Text",
                        "differs from that of observation a on line 2"),
                Arguments.of("rows not contiguous", withRows(PUBLIC_HEADER,
                        publicRow("a", EARS, "HP:0008551", "NA", "6-11"), publicRow("b", NECK, "NA", "NA", "NA"),
                        publicRow("a", EARS, "HP:0000358", "NA", "13-32")), 4, "StringID",
                        "observation a reappears after other observations (its rows start on line 2)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void rejects(String why, List<String> lines, int line, String field, String expected) {
        CorpusFormatException e = failure(lines);

        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void rejectsBytesThatAreNotUtf8NamingTheLineAndField() {
        byte[] valid = bytes(PUBLIC_FILE);
        byte[] latin1 = publicRow("c", "FACE: na\u00efve", "NA", "NA", "NA").getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[valid.length + latin1.length + 1];
        System.arraycopy(valid, 0, file, 0, valid.length);
        System.arraycopy(latin1, 0, file, valid.length, latin1.length);
        file[file.length - 1] = '\n';

        CorpusFormatException e = failure(file);

        assertEquals(7, e.line());
        assertEquals("Text", e.field());
        assertTrue(e.getMessage().contains("byte 0xEF at byte 13 of the line is not UTF-8"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyFile() {
        CorpusFormatException e = failure(new byte[0]);

        assertEquals(1, e.line());
        assertEquals(CorpusFormatException.HEADER, e.field());
        assertTrue(e.getMessage().contains("the file is empty"), e.getMessage());
    }

    @Test
    void rejectsBytesThatAreNotUtf8InTheHeader() {
        byte[] file = bytes(PUBLIC_FILE);
        file[3] = (byte) 0xFF;

        CorpusFormatException e = failure(file);

        assertEquals(1, e.line());
        assertEquals(CorpusFormatException.HEADER, e.field());
    }

    @Test
    void readsWindowsLineEndsAsUnixOnes() throws IOException {
        String windows = String.join("\r\n", PUBLIC_FILE) + "\r\n";

        Corpus corpus = reader.read(stream(windows.getBytes(StandardCharsets.UTF_8)), "t.tsv");

        assertEquals(contents(read(PUBLIC_FILE)), contents(corpus));
    }

    @Test
    void rejectsACarriageReturnInsideARow() {
        CorpusFormatException e = failure(withRows(PUBLIC_HEADER, publicRow("a", "EARS: small\rlow set", "NA", "NA", "NA")));

        assertEquals(2, e.line());
        assertEquals("Text", e.field());
        assertTrue(e.getMessage().contains("a CR character: expected no CR in a field (lines end with LF or CR LF)"), e.getMessage());
    }
}
