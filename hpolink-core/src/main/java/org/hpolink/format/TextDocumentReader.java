package org.hpolink.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import org.hpolink.corpus.CorpusFormatException;
import org.hpolink.text.Document;

/** Plain-text documents, each the whole of one file or stream: {@link InputFormat#TEXT}, {@link InputFormat#FOLDER}. */
final class TextDocumentReader implements DocumentReader {

    /** Opens the bytes of one document. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** A document to read: its id, the name errors give its source by, and how to open it. */
    record Source(String id, String name, Opener opener) {
    }

    private final Iterator<Source> sources;
    private final int maxChars;

    TextDocumentReader(List<Source> sources, int maxChars) {
        this.sources = List.copyOf(sources).iterator();
        this.maxChars = maxChars;
    }

    @Override
    public Document next() throws IOException {
        if (!sources.hasNext()) {
            return null;
        }
        Source source = sources.next();
        String problem = Document.idProblem(source.id());
        if (problem != null) {
            throw new CorpusFormatException(source.name(), 0, "id", "the document id '" + source.id() + "' (its file name) " + problem);
        }
        // A UTF-8 character takes at most 3 bytes a UTF-16 unit: more bytes than that cannot fit the limit.
        long maxBytes = 3L * maxChars + 3;
        byte[] bytes;
        try (InputStream in = source.opener().open()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            throw DocumentText.tooLong(source.name(), 0, DocumentText.FIELD, source.id(), maxChars + 1L, maxChars);
        }
        return new Document(source.id(), DocumentText.decode(bytes, source.name(), source.id(), maxChars));
    }

    @Override
    public void close() {
        // Each source is closed once read.
    }
}
