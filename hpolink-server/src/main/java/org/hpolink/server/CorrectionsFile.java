package org.hpolink.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hpolink.assertion.Assertion;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;

/**
 * The corrections a curator saves from the review page, appended to an annotated BC8 file that {@code hpolink train
 * --corrections FILE} reads: a row a finding, present findings as key findings, negated ones as normal findings, and an
 * {@code NA} row for a text left without findings. Family, hypothetical and historical findings have no place in a BC8
 * file; they are counted as left out. A text's tabs and line breaks are written as spaces, one for one, so every
 * offset stays. Each saved text gets an id of its own ({@code correction:ID@TIME}), so a text saved twice is two
 * observations. Safe from several threads.
 */
final class CorrectionsFile {

    static final String HEADER = "ObservationID\tText\tHPO Term\tPolarity\tSpans";

    private final Path file;
    private long lastStamp;

    /** What one save wrote. */
    record Saved(int observations, int rows, int leftOut) {
    }

    private record Reviewed(String id, String text, List<String> rows, int leftOut) {
    }

    CorrectionsFile(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * Reads a corrections request, {@code {"documents": [{"id", "text", "findings": [{"hpo", "spans", "assertion"}]}]}}
     * (the page's export with each text), checks every field against {@code hpo} and {@code limits}, then appends it.
     */
    Saved save(JsonNode body, Hpo hpo, ServerLimits limits) throws IOException {
        if (body == null || !body.isObject() || !body.path("documents").isArray() || body.path("documents").isEmpty()) {
            throw new ApiError(400, "documents", "expected {\"documents\": [{\"id\", \"text\", \"findings\"}, ...]}");
        }
        JsonNode documents = body.get("documents");
        if (documents.size() > limits.maxDocuments()) {
            throw new ApiError(413, "documents", String.format(Locale.ROOT, "%,d documents: at most %,d a request", documents.size(),
                    limits.maxDocuments()));
        }
        List<Reviewed> reviewed = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            reviewed.add(reviewed(documents.get(d), "documents[" + d + "]", hpo, limits));
        }
        return append(reviewed);
    }

    private static Reviewed reviewed(JsonNode document, String at, Hpo hpo, ServerLimits limits) {
        String id = text(document.get("id"), at + ".id");
        String text = text(document.get("text"), at + ".text");
        if (text.isBlank()) {
            throw new ApiError(400, at + ".text", "is blank: a correction needs the text it corrects");
        }
        if (text.length() > limits.maxTextChars()) {
            throw new ApiError(413, at + ".text", String.format(Locale.ROOT, "%,d characters: at most %,d a text", text.length(), limits.maxTextChars()));
        }
        JsonNode findings = document.path("findings");
        if (!findings.isArray()) {
            throw new ApiError(400, at + ".findings", "expected an array of {\"hpo\", \"spans\", \"assertion\"}");
        }
        String oneLine = text.replaceAll("[\\t\\r\\n]", " ");
        List<String> rows = new ArrayList<>();
        int leftOut = 0;
        for (int f = 0; f < findings.size(); f++) {
            String field = at + ".findings[" + f + "]";
            JsonNode finding = findings.get(f);
            String given = text(finding.get("hpo"), field + ".hpo");
            if (!HpoId.isValid(given) || !hpo.isKnown(HpoId.of(given))) {
                throw new ApiError(400, field + ".hpo", "'" + given + "' is not an id of HPO " + hpo.release());
            }
            Span span = span(finding.get("spans"), field + ".spans", text.length());
            Assertion assertion = assertion(finding.get("assertion"), field + ".assertion");
            if (assertion != Assertion.PRESENT && assertion != Assertion.NEGATED) {
                leftOut++;
                continue;
            }
            rows.add(oneLine + "\t" + given + "\t" + (assertion == Assertion.NEGATED ? "X" : "NA") + "\t" + span);
        }
        if (rows.isEmpty()) {
            rows.add(oneLine + "\tNA\tNA\tNA");
        }
        return new Reviewed(id, oneLine, rows, leftOut);
    }

    private synchronized Saved append(List<Reviewed> documents) throws IOException {
        StringBuilder lines = new StringBuilder();
        if (!Files.exists(file) || Files.size(file) == 0) {
            lines.append(HEADER).append('\n');
        }
        int rows = 0;
        int leftOut = 0;
        for (Reviewed document : documents) {
            String id = "correction:" + document.id().replaceAll("\\s", "_") + "@" + stamp();
            for (String row : document.rows()) {
                lines.append(id).append('\t').append(row).append('\n');
                rows++;
            }
            leftOut += document.leftOut();
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // One write of whole lines, under this object's lock: saves never interleave.
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return new Saved(documents.size(), rows, leftOut);
    }

    /** A time in milliseconds, later than the one before, so that two saves in one millisecond get two ids. */
    private String stamp() {
        lastStamp = Math.max(lastStamp + 1, System.currentTimeMillis());
        return Instant.ofEpochMilli(lastStamp).toString();
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isTextual()) {
            throw new ApiError(400, field, node == null ? "is missing" : "expected a string");
        }
        return node.asText();
    }

    private static Span span(JsonNode node, String field, int length) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new ApiError(400, field, "expected [[start, end], ...]");
        }
        List<Segment> segments = new ArrayList<>();
        for (JsonNode pair : node) {
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).canConvertToInt() || !pair.get(1).canConvertToInt()) {
                throw new ApiError(400, field, "expected [[start, end], ...] with whole numbers");
            }
            int start = pair.get(0).asInt();
            int end = pair.get(1).asInt();
            if (start < 0 || end <= start || end > length) {
                throw new ApiError(400, field, "[" + start + ", " + end + "] is not a stretch of the text (length " + length + ")");
            }
            segments.add(new Segment(start, end));
        }
        try {
            return new Span(segments);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, field, e.getMessage());
        }
    }

    private static Assertion assertion(JsonNode node, String field) {
        String label = node == null ? Assertion.PRESENT.label() : text(node, field);
        for (Assertion assertion : Assertion.values()) {
            if (assertion.label().equals(label)) {
                return assertion;
            }
        }
        throw new ApiError(400, field, "'" + label + "': expected present, negated, family, hypothetical or historical");
    }
}
