package org.hpolink.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hpolink.corpus.CorpusFormatException;
import org.hpolink.text.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each input format, told by path and content or named, with BOM and CR LF, limits and clear errors. */
class DocumentReadersTest {

    private static final int MAX = 1_000;

    @TempDir
    Path folder;

    static List<Document> readAll(DocumentReader reader) throws IOException {
        List<Document> documents = new ArrayList<>();
        try (reader) {
            for (Document d = reader.next(); d != null; d = reader.next()) {
                documents.add(d);
            }
        }
        return documents;
    }

    private List<Document> read(Path path) throws IOException {
        return readAll(DocumentReaders.open(path.toString(), Optional.empty(), MAX, InputStream.nullInputStream()));
    }

    private static List<Document> readStandardInput(byte[] bytes) throws IOException {
        return readAll(DocumentReaders.open("-", Optional.empty(), MAX, new ByteArrayInputStream(bytes)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTextFileIsOneDocumentNamedByTheFileWithoutByteOrderMarkAndWithCrLfReadAsLf() throws IOException {
        Path note = Files.write(folder.resolve("note-1.txt"), utf8("\uFEFFEARS: low set\r\nEYES: epicanthus\r\n"));

        assertEquals(List.of(new Document("note-1.txt", "EARS: low set\nEYES: epicanthus\n")), read(note));
        assertEquals(InputFormat.TEXT, DocumentReaders.detect(note));
    }

    @Test
    void aFileThatIsNotUtf8FailsNamingFileLineAndByte() throws IOException {
        byte[] bytes = utf8("EARS: low set\nEYES: x");
        bytes[bytes.length - 1] = (byte) 0xE9;
        Path note = Files.write(folder.resolve("note"), bytes);

        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> read(note));

        assertEquals(note + " line 2, field text: document note: byte 0xE9 at byte 7 of the line is not UTF-8: expected UTF-8 text", e.getMessage());
    }

    @Test
    void aDocumentLongerThanTheLimitFailsNamingIt() throws IOException {
        Path note = Files.writeString(folder.resolve("long.txt"), "a".repeat(MAX + 1));
        Path huge = Files.writeString(folder.resolve("huge.txt"), "a".repeat(10 * MAX));

        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> read(note));
        assertTrue(e.getMessage().startsWith(note + ", field text: document long.txt has 1,001 characters or more: expected at most 1,000"),
                e.getMessage());
        CorpusFormatException fromSize = assertThrows(CorpusFormatException.class, () -> read(huge));
        assertTrue(fromSize.getMessage().contains("document huge.txt has 1,001 characters or more"), "refused by its size, unread: "
                + fromSize.getMessage());
    }

    @Test
    void aFolderIsADocumentAFileByNameHiddenFilesSkipped() throws IOException {
        Path notes = Files.createDirectories(folder.resolve("notes"));
        Files.writeString(notes.resolve("b.txt"), "second");
        Files.writeString(notes.resolve("a.txt"), "first");
        Files.writeString(notes.resolve(".DS_Store"), "hidden");

        assertEquals(List.of(new Document("a.txt", "first"), new Document("b.txt", "second")), read(notes));
        assertEquals(InputFormat.FOLDER, DocumentReaders.detect(notes));
    }

    @Test
    void aFolderInsideAFolderOfTextsIsAnErrorNotSkipped() throws IOException {
        Path notes = Files.createDirectories(folder.resolve("notes"));
        Files.writeString(notes.resolve("a.txt"), "first");
        Files.createDirectories(notes.resolve("more"));

        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> read(notes));

        assertTrue(e.getMessage().contains("not a regular file: expected only text files in " + notes), e.getMessage());
    }

    @Test
    void theCorpusLayoutReadsTheTextsOfItsCorpusFolder() throws IOException {
        Path gold = folder.resolve("gold");
        Files.writeString(Files.createDirectories(gold.resolve("corpus")).resolve("NBK1"), "Summary:\nShort stature.");
        Files.writeString(Files.createDirectories(gold.resolve("ann")).resolve("NBK1"), "9\t23\tShort stature\tHP:0004322\n");

        assertEquals(InputFormat.CORPUS, DocumentReaders.detect(gold));
        assertEquals(List.of(new Document("NBK1", "Summary:\nShort stature.")), read(gold));
    }

    @Test
    void jsonLinesGiveADocumentALineBlankLinesAside() throws IOException {
        Path file = Files.write(folder.resolve("notes.jsonl"), utf8("{\"id\": \"n1\", \"text\": \"EARS: low set\\r\\nok\", \"mrn\": 7}\r\n\r\n"
                + "{\"id\": 42, \"text\": \"EYES: epicanthus\"}"));

        assertEquals(List.of(new Document("n1", "EARS: low set\nok"), new Document("42", "EYES: epicanthus")), read(file));
        assertEquals(InputFormat.JSONL, DocumentReaders.detect(file));
    }

    @Test
    void aBadJsonLineFailsNamingLineAndField() throws IOException {
        assertJsonError("{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\"}", 2, "text", "missing: expected the document text, a string");
        assertJsonError("{\"text\": \"x\"}", 1, "id", "missing: expected the document id, a string");
        assertJsonError("{\"id\": [1], \"text\": \"x\"}", 1, "id", "expected a string, not ARRAY");
        assertJsonError("{\"id\": \"a\\tb\", \"text\": \"x\"}", 1, "id", "'a\tb' holds a control character (tab or line break): expected one line of text");
        assertJsonError("{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}", 2, "id", "document a is already on line 1: expected distinct ids");
        assertJsonError("[1, 2]", 1, CorpusFormatException.ROW, "expected a JSON object");
        assertJsonError("{\"id\": \"a\", \"text\": \"" + "x".repeat(MAX + 1) + "\"}", 1, "text", "document a has 1,001 characters or more");
        CorpusFormatException notJson = jsonError("{\"id\": \"a\", \"text\": }");
        assertEquals(CorpusFormatException.ROW, notJson.field());
        assertTrue(notJson.getMessage().contains("not JSON ("), notJson.getMessage());
    }

    private void assertJsonError(String content, int line, String field, String detail) throws IOException {
        CorpusFormatException e = jsonError(content);
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }

    private CorpusFormatException jsonError(String content) throws IOException {
        Path file = Files.writeString(folder.resolve("bad.jsonl"), content);
        return assertThrows(CorpusFormatException.class, () -> read(file));
    }

    @Test
    void aBc8FileIsADocumentAnObservationWithWindowsLineEndsAndAByteOrderMark() throws IOException {
        Path file = Files.write(folder.resolve("test.tsv"), utf8("\uFEFFObservationID\tText\r\na\tEARS: low set\r\na\tEARS: low set\r\nb\tNECK: supple\r\n"));

        assertEquals(List.of(new Document("a", "EARS: low set"), new Document("b", "NECK: supple")), read(file));
        assertEquals(InputFormat.BC8, DocumentReaders.detect(file));
    }

    @Test
    void aLongBc8ObservationIsReadLikeAnyOther() throws IOException {
        String text = "EARS: " + "low set, ".repeat(30_000);
        Path file = Files.writeString(folder.resolve("long.tsv"), "ObservationID\tText\nlong\t" + text + "\n");

        List<Document> documents = readAll(DocumentReaders.open(file.toString(), Optional.empty(), 1_000_000, InputStream.nullInputStream()));

        assertEquals(List.of(new Document("long", text)), documents);
    }

    @Test
    void aBc8ErrorNamesFileLineAndField() throws IOException {
        Path file = Files.writeString(folder.resolve("test.tsv"), "ObservationID\tText\na\tEARS: low set\nb\t\n");

        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> read(file));

        assertEquals(file + " line 3, field Text: empty text: expected the observation text", e.getMessage());
    }

    @Test
    void standardInputIsToldByItsFirstBytes() throws IOException {
        assertEquals(List.of(new Document("stdin", "EARS: low set\n")), readStandardInput(utf8("EARS: low set\r\n")));
        assertEquals(List.of(new Document("a", "x")), readStandardInput(utf8("\n {\"id\": \"a\", \"text\": \"x\"}\n")));
        assertEquals(List.of(new Document("o1", "EYES: epicanthus")), readStandardInput(utf8("StringID\tText\to1\r\n".replace("\to1", "")
                + "o1\tEYES: epicanthus\n")));
    }

    @Test
    void aNamedFormatOverridesDetection() throws IOException {
        Path file = Files.writeString(folder.resolve("notes.tsv"), "{\"id\": \"a\", \"text\": \"x\"}\n");

        assertEquals(List.of(new Document("notes.tsv", "{\"id\": \"a\", \"text\": \"x\"}\n")),
                readAll(DocumentReaders.open(file.toString(), Optional.of(InputFormat.TEXT), MAX, InputStream.nullInputStream())));
        assertEquals(List.of(new Document("a", "x")),
                readAll(DocumentReaders.open(file.toString(), Optional.of(InputFormat.JSONL), MAX, InputStream.nullInputStream())));
    }

    @Test
    void aMissingInputOrAWrongKindOfPathIsAClearError() {
        assertThrows(NoSuchFileException.class, () -> read(folder.resolve("none.txt")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DocumentReaders.open(folder.toString(), Optional.of(InputFormat.JSONL), MAX, InputStream.nullInputStream()));
        assertEquals(folder + " is a folder: a jsonl input is a file", e.getMessage());
        IllegalArgumentException corpus = assertThrows(IllegalArgumentException.class,
                () -> DocumentReaders.open(folder.toString(), Optional.of(InputFormat.CORPUS), MAX, InputStream.nullInputStream()));
        assertTrue(corpus.getMessage().contains("a corpus input is a folder holding corpus/"), corpus.getMessage());
    }
}
