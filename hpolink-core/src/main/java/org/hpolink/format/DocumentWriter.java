package org.hpolink.format;

import java.io.Closeable;
import java.io.IOException;
import org.hpolink.corpus.AnnotatedDocument;

/**
 * Writes annotated documents one at a time in one of the {@link OutputFormat}s, so that memory holds one document
 * whatever the output's size. {@link #close} writes what ends the output (a closing tag) and flushes it; the stream
 * the writer was given stays open. Not thread-safe.
 */
public interface DocumentWriter extends Closeable {

    void write(AnnotatedDocument document) throws IOException;
}
