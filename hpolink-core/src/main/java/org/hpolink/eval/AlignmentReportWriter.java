package org.hpolink.eval;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.PredictedFinding;

/**
 * Writes alignment rows as a tab-separated report with a header, one line per row, for reading errors in a
 * spreadsheet: absent values are empty, spans are in the BC8 form, span texts join segments with a space.
 */
public final class AlignmentReportWriter {

    public static final List<String> HEADER = List.of("ObservationID", "Section", "Verdict",
            "GoldTerm", "GoldSpans", "GoldText", "PredictedTerm", "PredictedSpans", "PredictedText", "Text");

    private AlignmentReportWriter() {
    }

    /**
     * Writes the header and the rows, in their order.
     *
     * @throws IllegalArgumentException before writing anything, if a value contains a tab or a line break, which
     *     the TSV form cannot hold (BC8 files never have them)
     */
    public static void write(List<AlignmentRow> rows, Writer out) throws IOException {
        List<List<String>> lines = rows.stream().map(AlignmentReportWriter::fields).toList();
        out.write(String.join("\t", HEADER));
        out.write('\n');
        for (List<String> line : lines) {
            out.write(String.join("\t", line));
            out.write('\n');
        }
    }

    /** The report as a string. */
    public static String toTsv(List<AlignmentRow> rows) {
        StringWriter out = new StringWriter();
        try {
            write(rows, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static List<String> fields(AlignmentRow row) {
        Optional<Finding> gold = row.gold();
        Optional<PredictedFinding> predicted = row.predicted();
        List<String> fields = List.of(
                row.observationId(),
                row.section(),
                row.verdict().name(),
                gold.map(g -> g.id().value()).orElse(""),
                gold.map(g -> g.span().toString()).orElse(""),
                row.goldSpanText().orElse(""),
                predicted.map(p -> p.id().value()).orElse(""),
                predicted.flatMap(PredictedFinding::span).map(Object::toString).orElse(""),
                row.predictedSpanText().orElse(""),
                row.text());
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("observation " + row.observationId() + ": " + HEADER.get(i)
                        + " contains a tab or line break: expected single-line text without tabs");
            }
        }
        return fields;
    }
}
