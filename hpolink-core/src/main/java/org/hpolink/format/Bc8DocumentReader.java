package org.hpolink.format;

import java.io.IOException;
import java.io.InputStream;
import org.hpolink.corpus.ObservationReader;
import org.hpolink.text.Document;
import org.hpolink.text.Observation;

/** A BC8 TSV, one document an observation, read as {@link ObservationReader} reads it, a row at a time. */
final class Bc8DocumentReader implements DocumentReader {

    private final ObservationReader.Observations observations;
    private final String source;
    private final int maxChars;

    Bc8DocumentReader(InputStream in, String source, int maxChars) throws IOException {
        // The text column and a few short ones; a UTF-8 character takes at most 3 bytes.
        this.observations = ObservationReader.open(in, source, 3L * maxChars + (1 << 16));
        this.source = source;
        this.maxChars = maxChars;
    }

    @Override
    public Document next() throws IOException {
        Observation observation = observations.next();
        if (observation == null) {
            return null;
        }
        DocumentText.checked(observation.text(), source, observations.firstLine(), "Text", observation.id(), maxChars);
        return new Document(observation.id(), observation.text());
    }

    @Override
    public void close() throws IOException {
        observations.close();
    }
}
