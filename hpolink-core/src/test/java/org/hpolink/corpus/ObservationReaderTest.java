package org.hpolink.corpus;

import static org.hpolink.corpus.Bc8Fixtures.EARS;
import static org.hpolink.corpus.Bc8Fixtures.EYES;
import static org.hpolink.corpus.Bc8Fixtures.HEAD;
import static org.hpolink.corpus.Bc8Fixtures.NECK;
import static org.hpolink.corpus.Bc8Fixtures.PUBLIC_FILE;
import static org.hpolink.corpus.Bc8Fixtures.bytes;
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
import org.hpolink.text.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObservationReaderTest {

    private final ObservationReader reader = new ObservationReader();

    private CorpusFormatException failure(List<String> lines) {
        return assertThrows(CorpusFormatException.class, () -> reader.read(stream(lines), "in.tsv"));
    }

    @Test
    void collapsesTheRowsOfAnAnnotatedFileToObservationsInFileOrder() throws IOException {
        List<Observation> observations = reader.read(stream(PUBLIC_FILE), "in.tsv");

        assertEquals(List.of(Observation.of("obs-ears", EARS), Observation.of("obs-head", HEAD), Observation.of("obs-neck", NECK)), observations);
        assertEquals("HEAD", observations.get(1).sectionName());
    }

    @Test
    void readsOnlyTheIdAndTextColumnsOfAnyBc8File(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("test.tsv");
        Files.write(file, bytes(List.of("Text\tObservationID\tHPO Term", EYES + "\tz\tnot read", NECK + "\ty\t")));

        assertEquals(List.of(Observation.of("z", EYES), Observation.of("y", NECK)), reader.read(file));
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                Arguments.of("no id column", List.of("Id\tText", "a\t" + EARS), 1, CorpusFormatException.HEADER,
                        "no ObservationID or StringID column: expected a header with ObservationID or StringID; found Id, Text"),
                Arguments.of("no Text column", List.of("StringID\tBody", "a\t" + EARS), 1, CorpusFormatException.HEADER,
                        "no Text column: expected a header with Text; found StringID, Body"),
                Arguments.of("empty text", List.of("StringID\tText", "a\t "), 2, "Text", "empty text"),
                Arguments.of("empty id", List.of("StringID\tText", "\t" + EARS), 2, "StringID", "empty observation id"),
                Arguments.of("texts differ", List.of("StringID\tText", "a\t" + EARS, "a\t" + HEAD), 3, "Text",
                        "expected every row of an observation to repeat its text"),
                Arguments.of("repeat not contiguous", List.of("ObservationID\tText", "a\t" + EARS, "b\t" + HEAD, "a\t" + EARS), 4,
                        "ObservationID", "expected the rows of an observation to be contiguous"));
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
    void rejectsBytesThatAreNotUtf8() {
        byte[] file = "StringID\tText\na\tFACE: na\u00efve\n".getBytes(StandardCharsets.ISO_8859_1);

        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> reader.read(stream(file), "in.tsv"));

        assertEquals(2, e.line());
        assertEquals("Text", e.field());
        assertTrue(e.getMessage().contains("is not UTF-8"), e.getMessage());
    }

    @Test
    void readsWindowsLineEndsAndAByteOrderMarkAsUnixOnes() throws IOException {
        byte[] file = ("\uFEFFStringID\tText\r\na\t" + EARS + "\r\nb\t" + NECK).getBytes(StandardCharsets.UTF_8);

        assertEquals(List.of(Observation.of("a", EARS), Observation.of("b", NECK)), reader.read(stream(file), "in.tsv"));
    }

    @Test
    void streamsObservationsOneAtATimeWithTheSameChecks() throws IOException {
        List<Observation> read = new ArrayList<>();
        try (ObservationReader.Observations observations = ObservationReader.open(stream(PUBLIC_FILE), "in.tsv", 1 << 20)) {
            for (Observation o = observations.next(); o != null; o = observations.next()) {
                read.add(o);
            }
        }
        assertEquals(reader.read(stream(PUBLIC_FILE), "in.tsv"), read);

        byte[] reappearing = bytes(List.of("StringID\tText", "a\t" + EARS, "b\t" + NECK, "a\t" + EARS));
        try (ObservationReader.Observations observations = ObservationReader.open(stream(reappearing), "in.tsv", 1 << 20)) {
            assertEquals("a", observations.next().id());
            assertEquals(2, observations.firstLine());
            assertEquals("b", observations.next().id());
            CorpusFormatException e = assertThrows(CorpusFormatException.class, observations::next);
            assertEquals(4, e.line());
            assertTrue(e.getMessage().contains("reappears after other observations"), e.getMessage());
        }
    }

    @Test
    void aLineLongerThanTheLimitIsAClearError() {
        byte[] file = bytes(List.of("StringID\tText", "a\t" + "x".repeat(100)));

        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> ObservationReader.open(stream(file), "in.tsv", 50).next());

        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("the line is longer than 50 bytes"), e.getMessage());
    }
}
