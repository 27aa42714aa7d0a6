package org.hpolink.corpus;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpolink.text.Observation;

/**
 * Reads the observations to annotate from any BC8-style file: only the id ({@code ObservationID} or
 * {@code StringID}) and {@code Text} columns are read, so an annotated file, a blank test file or a submission
 * all serve. The rows of an observation (one per finding in annotated files) must be contiguous and repeat its
 * text; they give one observation. Thread-safe.
 */
public final class ObservationReader {

    /** The observations in file order. */
    public List<Observation> read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString());
    }

    /** The observations in file order. */
    public List<Observation> read(InputStream in, String sourceName) throws IOException {
        return read(in.readAllBytes(), sourceName);
    }

    private static List<Observation> read(byte[] bytes, String source) {
        TsvTable table = TsvTable.parse(bytes, source);
        return table.groupByObservation(table.require(Bc8Column.ID), table.require(Bc8Column.TEXT)).stream()
                .map(group -> Observation.of(group.id(), group.text()))
                .toList();
    }

    /**
     * The observations of a stream, read one at a time, with the checks of {@link #read}: memory holds one
     * observation's rows and the ids seen. The header is read here.
     *
     * @param maxLineBytes the most bytes a line may hold
     */
    public static Observations open(InputStream in, String source, long maxLineBytes) throws IOException {
        TsvTable table = TsvTable.open(in, source, maxLineBytes);
        return new Observations(in, table.groups(table.require(Bc8Column.ID), table.require(Bc8Column.TEXT)));
    }

    /** Observations read one at a time; closing closes the stream. */
    public static final class Observations implements Closeable {

        private final InputStream in;
        private final TsvTable.Groups groups;
        private int firstLine;

        private Observations(InputStream in, TsvTable.Groups groups) {
            this.in = in;
            this.groups = groups;
        }

        /** The next observation in file order, or null after the last. */
        public Observation next() throws IOException {
            TsvTable.Group group = groups.next();
            if (group == null) {
                return null;
            }
            firstLine = group.rows().get(0).line();
            return Observation.of(group.id(), group.text());
        }

        /** The line of the first row of the observation {@link #next} returned last. */
        public int firstLine() {
            return firstLine;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
