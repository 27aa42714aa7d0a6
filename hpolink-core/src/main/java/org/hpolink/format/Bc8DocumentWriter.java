package org.hpolink.format;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.hpolink.assertion.Assertion;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.corpus.DocumentFinding;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.SubmissionWriter;
import org.hpolink.text.Observation;

/**
 * {@link OutputFormat#BC8}: the official submission ({@link SubmissionWriter}), a document an observation, its present
 * findings as key findings. A document whose text holds a tab or a line break cannot be a BC8 row: it is an error.
 */
public final class Bc8DocumentWriter implements DocumentWriter {

    private final Writer out;
    private final SubmissionWriter submission = new SubmissionWriter();
    private long findingsWritten;
    private long documentsWithout;

    public Bc8DocumentWriter(Writer out) throws IOException {
        this.out = out;
        submission.writeHeader(out);
    }

    @Override
    public void write(AnnotatedDocument document) throws IOException {
        String text = document.document().text();
        if (text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("document " + document.id() + " holds a tab or a line break, which a BC8 submission "
                    + "cannot hold: expected one-line texts (write documents with --format jsonl, tsv, bioc or phenopacket)");
        }
        List<Finding> keys = new ArrayList<>();
        for (DocumentFinding finding : document.findings()) {
            if (finding.assertion() == Assertion.PRESENT) {
                keys.add(Finding.key(finding.id(), finding.span()));
            }
        }
        int written = submission.writeObservation(out, Observation.of(document.id(), text), keys);
        findingsWritten += written;
        documentsWithout += written == 0 ? 1 : 0;
    }

    /** The key-finding rows written so far. */
    public long findingsWritten() {
        return findingsWritten;
    }

    /** The documents written so far without a key finding (as an NA row). */
    public long documentsWithout() {
        return documentsWithout;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
