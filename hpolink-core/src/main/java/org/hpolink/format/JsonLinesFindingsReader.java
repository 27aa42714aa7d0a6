package org.hpolink.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpolink.assertion.Assertion;
import org.hpolink.corpus.CorpusFormatException;
import org.hpolink.corpus.DocumentFinding;
import org.hpolink.corpus.Utf8LineReader;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;

/**
 * Reads back what {@link JsonLinesDocumentWriter} writes: the findings of each document, by id, for scoring. Each
 * finding needs {@code hpo}, {@code spans} and {@code assertion}; {@code label}, {@code score} and {@code source} are
 * read when there. Anything else is an error naming the file, line and field.
 */
public final class JsonLinesFindingsReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLinesFindingsReader() {
    }

    public static Map<String, List<DocumentFinding>> read(Path file) throws IOException {
        Map<String, List<DocumentFinding>> documents = new LinkedHashMap<>();
        String source = file.toString();
        try (Utf8LineReader lines = new Utf8LineReader(Files.newInputStream(file), source, Integer.MAX_VALUE - 8)) {
            for (String line = next(lines, source); line != null; line = next(lines, source)) {
                if (line.isBlank()) {
                    continue;
                }
                int number = lines.line();
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new CorpusFormatException(source, number, CorpusFormatException.ROW, "not JSON (" + e.getOriginalMessage() + ")");
                }
                String id = text(node, "id", source, number);
                JsonNode findings = node.get("findings");
                if (findings == null || !findings.isArray()) {
                    throw new CorpusFormatException(source, number, "findings", "expected an array of findings");
                }
                List<DocumentFinding> read = new ArrayList<>();
                for (JsonNode finding : findings) {
                    read.add(finding(finding, source, number));
                }
                if (documents.put(id, read) != null) {
                    throw new CorpusFormatException(source, number, "id", "document " + id + " appears twice: expected distinct ids");
                }
            }
        }
        return documents;
    }

    private static String next(Utf8LineReader lines, String source) throws IOException {
        try {
            return lines.next();
        } catch (Utf8LineReader.MalformedLineException e) {
            throw new CorpusFormatException(source, e.line(), CorpusFormatException.ROW, e.getMessage(), e);
        }
    }

    private static DocumentFinding finding(JsonNode node, String source, int line) {
        String hpo = text(node, "hpo", source, line);
        if (!HpoId.isValid(hpo)) {
            throw new CorpusFormatException(source, line, "hpo", "'" + hpo + "': expected an HPO id, HP: and seven digits");
        }
        String assertion = text(node, "assertion", source, line);
        Assertion value;
        try {
            value = Assertion.valueOf(assertion.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CorpusFormatException(source, line, "assertion", "'" + assertion + "': expected present, negated, family, hypothetical or historical");
        }
        JsonNode score = node.get("score");
        if (score != null && !(score.isNumber() && score.asDouble() >= 0 && score.asDouble() <= 1)) {
            throw new CorpusFormatException(source, line, "score", score + ": expected a number from 0 to 1");
        }
        return new DocumentFinding(HpoId.of(hpo), node.has("label") ? node.get("label").asText() : "", span(node.get("spans"), source, line),
                value, score == null ? 1 : score.asDouble(), node.has("source") ? node.get("source").asText() : "");
    }

    private static Span span(JsonNode spans, String source, int line) {
        String expected = ": expected [[start, end], ...], segments in order, neither overlapping nor touching";
        if (spans == null || !spans.isArray() || spans.isEmpty()) {
            throw new CorpusFormatException(source, line, "spans", (spans == null ? "missing" : spans.toString()) + expected);
        }
        List<Segment> segments = new ArrayList<>();
        try {
            for (JsonNode pair : spans) {
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isInt() || !pair.get(1).isInt()) {
                    throw new IllegalArgumentException("not a pair of integers: " + pair);
                }
                segments.add(new Segment(pair.get(0).asInt(), pair.get(1).asInt()));
            }
            return new Span(segments);
        } catch (IllegalArgumentException e) {
            throw new CorpusFormatException(source, line, "spans", spans + " (" + e.getMessage() + ")" + expected);
        }
    }

    private static String text(JsonNode node, String field, String source, int line) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new CorpusFormatException(source, line, field, value == null ? "missing" : "expected a string, not " + value.getNodeType());
        }
        return value.asText();
    }
}
