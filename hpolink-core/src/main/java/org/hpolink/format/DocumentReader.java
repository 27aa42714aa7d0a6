package org.hpolink.format;

import java.io.Closeable;
import java.io.IOException;
import org.hpolink.text.Document;

/**
 * Documents read one at a time from an input, so that memory holds one document (and the ids seen, to refuse a
 * duplicate), whatever the input's size. Every part of the input gives a document or a
 * {@link org.hpolink.corpus.CorpusFormatException} naming the file, line and field; nothing is skipped silently.
 */
public interface DocumentReader extends Closeable {

    /** The next document, or null after the last. */
    Document next() throws IOException;
}
