package org.hpolink.server;

import java.util.List;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.text.Document;

/** What the service calls to annotate a request's documents: a {@code DocumentAnnotator}'s {@code annotate}. Thread-safe. */
@FunctionalInterface
public interface DocumentAnnotating {

    /** The findings of each document, in the order given. */
    List<AnnotatedDocument> annotate(List<Document> documents);
}
