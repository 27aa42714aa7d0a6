package org.hpolink.corpus;

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
}
