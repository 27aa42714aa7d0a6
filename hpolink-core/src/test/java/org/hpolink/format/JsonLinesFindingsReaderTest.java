package org.hpolink.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hpolink.corpus.CorpusFormatException;
import org.hpolink.corpus.DocumentFinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFindingsReaderTest {

    @TempDir
    Path folder;

    @Test
    void readsBackWhatTheJsonLinesWriterWrites() throws IOException {
        StringWriter out = new StringWriter();
        JsonLinesDocumentWriter writer = new JsonLinesDocumentWriter(out);
        writer.write(DocumentWritersTest.NOTE);
        writer.write(DocumentWritersTest.EMPTY);
        writer.close();
        Path file = Files.writeString(folder.resolve("pred.jsonl"), out.toString());

        Map<String, List<DocumentFinding>> read = JsonLinesFindingsReader.read(file);

        assertEquals(List.of("note-1", "note-2"), List.copyOf(read.keySet()));
        List<DocumentFinding> expected = DocumentWritersTest.NOTE.findings();
        for (int i = 0; i < expected.size(); i++) {
            DocumentFinding back = read.get("note-1").get(i);
            assertEquals(expected.get(i).id(), back.id());
            assertEquals(expected.get(i).span(), back.span());
            assertEquals(expected.get(i).assertion(), back.assertion());
            assertEquals(expected.get(i).label(), back.label());
            assertEquals(expected.get(i).score(), back.score(), 5e-5);
        }
        assertEquals(List.of(), read.get("note-2"));
    }

    @Test
    void aMalformedFindingFailsNamingLineAndField() throws IOException {
        assertError("{\"id\": \"a\", \"findings\": [{\"hpo\": \"HP:0000369\", \"spans\": [[4, 2]], \"assertion\": \"present\"}]}", "spans");
        assertError("{\"id\": \"a\", \"findings\": [{\"hpo\": \"HP:0000369\", \"spans\": [[0, 2]], \"assertion\": \"maybe\"}]}", "assertion");
        assertError("{\"id\": \"a\", \"findings\": [{\"hpo\": \"369\", \"spans\": [[0, 2]], \"assertion\": \"present\"}]}", "hpo");
        assertError("{\"id\": \"a\", \"findings\": [{\"hpo\": \"HP:0000369\", \"spans\": [[0, 2]], \"assertion\": \"present\", \"score\": 2}]}", "score");
        assertError("{\"id\": \"a\"}", "findings");
    }

    private void assertError(String line, String field) throws IOException {
        Path file = Files.writeString(folder.resolve("bad.jsonl"), "{\"id\": \"ok\", \"findings\": []}\n" + line + "\n");
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> JsonLinesFindingsReader.read(file));
        assertEquals(2, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
    }
}
