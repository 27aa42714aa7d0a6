package org.hpolink.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.format.DocumentReader;
import org.hpolink.format.DocumentWriter;
import org.hpolink.text.Document;

/**
 * Annotates the documents of a reader into a writer, a batch at a time: documents are read until a batch holds
 * {@code batchChars} characters (or one document, however long), annotated together, and written in input order. The
 * memory this needs depends on the batch and the longest document, not on the input's size; the batches do not depend
 * on the threads a pipeline runs on, so neither does the output.
 */
public final class DocumentStream {

    /** Enough characters for a few full chunks of windows, few enough that a batch takes little memory. */
    public static final int DEFAULT_BATCH_CHARS = 1 << 18;

    private final DocumentAnnotator annotator;
    private final int batchChars;

    public DocumentStream(DocumentAnnotator annotator, int batchChars) {
        if (batchChars < 1) {
            throw new IllegalArgumentException("batchChars " + batchChars + ": expected 1 or more");
        }
        this.annotator = annotator;
        this.batchChars = batchChars;
    }

    public DocumentStream(DocumentAnnotator annotator) {
        this(annotator, DEFAULT_BATCH_CHARS);
    }

    /**
     * Reads, annotates and writes every document; {@code afterEach} sees each annotated document once it is written.
     *
     * @throws IOException or the reader's, pipeline's or writer's exception, as it is, at the first failure
     */
    public void run(DocumentReader reader, DocumentWriter writer, Consumer<AnnotatedDocument> afterEach) throws IOException {
        List<Document> batch = new ArrayList<>();
        long chars = 0;
        for (Document document = reader.next(); document != null; document = reader.next()) {
            batch.add(document);
            chars += document.text().length();
            if (chars >= batchChars) {
                annotate(batch, writer, afterEach);
                batch.clear();
                chars = 0;
            }
        }
        annotate(batch, writer, afterEach);
    }

    private void annotate(List<Document> batch, DocumentWriter writer, Consumer<AnnotatedDocument> afterEach) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        for (AnnotatedDocument document : annotator.annotate(batch)) {
            writer.write(document);
            afterEach.accept(document);
        }
    }
}
