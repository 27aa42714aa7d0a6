package org.hpolink.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A reviewed table shipped in the jar beside the class that reads it (the assertion cues, the clinical abbreviations):
 * tab-separated lines, blank lines and lines starting with {@code #} skipped.
 */
public final class BundledTable {

    /** A row: its 1-based line number in the file, for errors, and its tab-separated fields. */
    public record Row(int line, List<String> fields) {
        public Row {
            fields = List.copyOf(fields);
        }
    }

    private BundledTable() {
    }

    /** The lines of resource {@code name} in the package of {@code owner}. */
    public static List<String> lines(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(owner.getPackageName().replace('.', '/') + "/" + name + " is missing from the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The rows of {@code lines}, the blank and {@code #} lines left out. */
    public static List<Row> rows(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(new Row(i + 1, List.of(line.split("\t"))));
            }
        }
        return rows;
    }
}
