package org.hpolink.format;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.corpus.DocumentFinding;

/**
 * {@link OutputFormat#TSV}: a header, then one row a finding, every assertion included: document id, spans (BC8 form
 * {@code 0-4,6-13}), the text they cover, HPO id, label, assertion, score, source. Tabs and line breaks in the
 * covered text are written as spaces, so that each row stays one line of fields.
 */
public final class FindingTableWriter implements DocumentWriter {

    public static final List<String> HEADER = List.of("document", "spans", "text", "hpo", "label", "assertion", "score", "source");

    private final Writer out;

    public FindingTableWriter(Writer out) throws IOException {
        this.out = out;
        out.write(String.join("\t", HEADER));
        out.write('\n');
    }

    @Override
    public void write(AnnotatedDocument document) throws IOException {
        for (DocumentFinding finding : document.findings()) {
            out.write(document.id());
            out.write('\t');
            out.write(finding.span().toString());
            out.write('\t');
            out.write(oneLine(finding.coveredText(document.document().text())));
            out.write('\t');
            out.write(finding.id().toString());
            out.write('\t');
            out.write(oneLine(finding.label()));
            out.write('\t');
            out.write(finding.assertion().label());
            out.write('\t');
            out.write(JsonLinesDocumentWriter.rounded(finding.score()).toPlainString());
            out.write('\t');
            out.write(finding.source());
            out.write('\n');
        }
    }

    private static String oneLine(String field) {
        return field.replaceAll("[\\t\\r\\n]", " ");
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
