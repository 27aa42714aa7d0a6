package org.hpolink.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.hpolink.corpus.CorpusFormatException;
import org.hpolink.corpus.Utf8LineReader;
import org.hpolink.text.Document;

/**
 * JSON Lines, one document a line: {@code {"id": "note-1", "text": "..."}}. The id is a string or an integer, the text
 * a string; other members are ignored, and blank lines are not documents. Ids must be distinct.
 */
final class JsonLinesDocumentReader implements DocumentReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Utf8LineReader lines;
    private final String source;
    private final int maxChars;
    private final Map<String, Integer> idLines = new HashMap<>();

    JsonLinesDocumentReader(InputStream in, String source, int maxChars) {
        // A character may take six bytes as a JSON escape (\u00e9); the id and the braces need some more.
        this.lines = new Utf8LineReader(in, source, 6L * maxChars + (1 << 16));
        this.source = source;
        this.maxChars = maxChars;
    }

    @Override
    public Document next() throws IOException {
        String line;
        do {
            line = readLine();
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        int number = lines.line();
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw error(number, CorpusFormatException.ROW, "not JSON (" + e.getOriginalMessage() + "): expected an object such as "
                    + "{\"id\": \"note-1\", \"text\": \"...\"}");
        }
        if (node == null || !node.isObject()) {
            throw error(number, CorpusFormatException.ROW, "expected a JSON object such as {\"id\": \"note-1\", \"text\": \"...\"}");
        }
        JsonNode id = node.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            throw error(number, "id", id == null ? "missing: expected the document id, a string" : "expected a string, not " + id.getNodeType());
        }
        String documentId = id.asText();
        String problem = Document.idProblem(documentId);
        if (problem != null) {
            throw error(number, "id", "'" + documentId + "' " + problem);
        }
        Integer earlier = idLines.putIfAbsent(documentId, number);
        if (earlier != null) {
            throw error(number, "id", "document " + documentId + " is already on line " + earlier + ": expected distinct ids");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw error(number, "text", text == null ? "missing: expected the document text, a string" : "expected a string, not " + text.getNodeType());
        }
        return new Document(documentId, DocumentText.checked(DocumentText.withoutCrLf(text.asText()), source, number, "text", documentId, maxChars));
    }

    private String readLine() throws IOException {
        try {
            return lines.next();
        } catch (Utf8LineReader.MalformedLineException e) {
            throw error(e.line(), CorpusFormatException.ROW, e.getMessage());
        }
    }

    private CorpusFormatException error(int line, String field, String detail) {
        return new CorpusFormatException(source, line, field, detail);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
