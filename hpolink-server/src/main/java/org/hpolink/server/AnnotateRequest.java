package org.hpolink.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hpolink.format.DocumentText;
import org.hpolink.format.OutputFormat;
import org.hpolink.text.Document;

/**
 * A request to {@code POST /v1/annotate}: {@code {"text": "..."}} (optionally with an {@code "id"}) or
 * {@code {"documents": [{"id": "...", "text": "..."}, ...]}}, an optional {@code "format"} ({@code json}, the
 * default, {@code phenopacket}, {@code bioc}, {@code tsv} or {@code bc8}) and an optional {@code "pipeline"}, which
 * must be the one served. Texts are read as files are: each CR LF as
 * LF. Every problem is an {@link ApiError} naming the field.
 */
record AnnotateRequest(List<Document> documents, OutputFormat format) {

    /** The id of a document sent as {@code text} without an {@code id}. */
    static final String DEFAULT_ID = "text";
    static final String JSON_FORMAT = "json";

    static AnnotateRequest parse(JsonNode body, ServerLimits limits, String servedPipeline) {
        if (body == null || !body.isObject()) {
            throw new ApiError(400, "body", "expected a JSON object with text or documents");
        }
        requireOnly(body, "", Set.of("text", "id", "documents", "format", "pipeline"));
        if (body.has("pipeline") && !string(body.get("pipeline"), "pipeline").equals(servedPipeline)) {
            throw new ApiError(400, "pipeline", "'" + body.get("pipeline").asText() + "': this service serves '" + servedPipeline
                    + "' (hpolink serve --model NAME serves another)");
        }
        OutputFormat format = format(body.get("format"));
        boolean hasText = body.has("text");
        if (hasText == body.has("documents")) {
            throw new ApiError(400, hasText ? "documents" : "text", "expected text or documents, one of the two");
        }
        if (hasText) {
            String id = body.has("id") ? string(body.get("id"), "id") : DEFAULT_ID;
            return new AnnotateRequest(List.of(document(id, body.get("text"), "id", "text", limits)), format);
        }
        if (body.has("id")) {
            throw new ApiError(400, "id", "goes with text; each of the documents has its own id");
        }
        JsonNode array = body.get("documents");
        if (!array.isArray() || array.isEmpty()) {
            throw new ApiError(400, "documents", "expected a non-empty array of {\"id\", \"text\"} objects");
        }
        if (array.size() > limits.maxDocuments()) {
            throw new ApiError(413, "documents", String.format(Locale.ROOT, "%,d documents: at most %,d a request", array.size(),
                    limits.maxDocuments()));
        }
        List<Document> documents = new ArrayList<>(array.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "documents[" + i + "]";
            JsonNode item = array.get(i);
            if (!item.isObject()) {
                throw new ApiError(400, at, "expected an object {\"id\", \"text\"}");
            }
            requireOnly(item, at + ".", Set.of("id", "text"));
            if (!item.has("id")) {
                throw new ApiError(400, at + ".id", "is missing");
            }
            Document document = document(string(item.get("id"), at + ".id"), item.get("text"), at + ".id", at + ".text", limits);
            if (!ids.add(document.id())) {
                throw new ApiError(400, at + ".id", "'" + document.id() + "' is the id of an earlier document too");
            }
            documents.add(document);
        }
        return new AnnotateRequest(documents, format);
    }

    private static Document document(String id, JsonNode text, String idField, String textField, ServerLimits limits) {
        String problem = Document.idProblem(id);
        if (problem != null) {
            throw new ApiError(400, idField, problem);
        }
        if (text == null) {
            throw new ApiError(400, textField, "is missing");
        }
        String value = string(text, textField);
        if (value.length() > limits.maxTextChars()) {
            throw new ApiError(413, textField, String.format(Locale.ROOT, "%,d characters: at most %,d a text", value.length(),
                    limits.maxTextChars()));
        }
        return new Document(id, DocumentText.withoutCrLf(value));
    }

    private static OutputFormat format(JsonNode node) {
        if (node == null) {
            return OutputFormat.JSONL;
        }
        String name = string(node, "format");
        if (name.equals(JSON_FORMAT)) {
            return OutputFormat.JSONL;
        }
        for (OutputFormat format : OutputFormat.values()) {
            if (format != OutputFormat.JSONL && format.label().equals(name)) {
                return format;
            }
        }
        throw new ApiError(400, "format", "'" + name + "': expected json, phenopacket, bioc, tsv or bc8");
    }

    private static String string(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw new ApiError(400, field, "expected a string");
        }
        return node.asText();
    }

    private static void requireOnly(JsonNode object, String prefix, Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ApiError(400, prefix + name, "is not a field here; expected " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }
}
