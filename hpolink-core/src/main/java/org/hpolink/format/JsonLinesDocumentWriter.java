package org.hpolink.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.corpus.DocumentFinding;
import org.hpolink.text.Segment;

/**
 * {@link OutputFormat#JSONL}: a line a document, {@code {"id": "...", "findings": [{"hpo": "HP:0000369", "label":
 * "Low-set ears", "spans": [[0, 4], [6, 13]], "text": "EARS low set", "assertion": "present", "score": 0.93,
 * "source": "lexical"}]}}; every finding is written, whatever its assertion. Scores have four decimals.
 */
public final class JsonLinesDocumentWriter implements DocumentWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;

    public JsonLinesDocumentWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(AnnotatedDocument document) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            json.writeStringField("id", document.id());
            json.writeArrayFieldStart("findings");
            for (DocumentFinding finding : document.findings()) {
                json.writeStartObject();
                json.writeStringField("hpo", finding.id().toString());
                json.writeStringField("label", finding.label());
                json.writeArrayFieldStart("spans");
                for (Segment segment : finding.span().segments()) {
                    json.writeStartArray();
                    json.writeNumber(segment.start());
                    json.writeNumber(segment.end());
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeStringField("text", finding.coveredText(document.document().text()));
                json.writeStringField("assertion", finding.assertion().label());
                json.writeNumberField("score", rounded(finding.score()));
                json.writeStringField("source", finding.source());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    /** A score to four decimals: more would say more than a score knows. */
    public static BigDecimal rounded(double score) {
        return BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
