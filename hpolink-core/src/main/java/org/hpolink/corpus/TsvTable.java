package org.hpolink.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.hpolink.text.Span;

/**
 * A tab-separated BC8 file split into a header and rows, checked for what every BC8 reader needs: UTF-8, LF or CR LF
 * line ends, and as many fields on each row as in the header. Columns are found by header name, so their order and
 * any extra columns do not matter. Errors are {@link CorpusFormatException}s naming the field by its header name.
 * A table is either {@link #parse parsed} whole or {@link #open opened} on a stream and read a row at a time.
 */
final class TsvTable {

    /** A data row and its 1-based line in the file. */
    record Row(int line, List<String> fields) {

        String get(int column) {
            return fields.get(column);
        }
    }

    /** The contiguous rows of one observation, with the id and text they all share. */
    record Group(String id, String text, List<Row> rows) {
    }

    private final String source;
    private final List<String> header;
    private final Utf8LineReader lines;
    private final List<Row> rows;

    private TsvTable(String source, List<String> header, Utf8LineReader lines, List<Row> rows) {
        this.source = source;
        this.header = header;
        this.lines = lines;
        this.rows = rows;
    }

    /** The whole table of a file's bytes. */
    static TsvTable parse(byte[] bytes, String source) {
        try {
            TsvTable stream = open(new ByteArrayInputStream(bytes), source, Long.MAX_VALUE);
            List<Row> rows = new ArrayList<>();
            for (Row row = stream.nextRow(); row != null; row = stream.nextRow()) {
                rows.add(row);
            }
            return new TsvTable(source, stream.header, null, List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bytes in memory", e);
        }
    }

    /**
     * The table of a stream, its header read: {@link #nextRow} reads the rows. Closing the stream is the caller's.
     *
     * @param maxLineBytes the most bytes a line may hold
     */
    static TsvTable open(InputStream in, String source, long maxLineBytes) throws IOException {
        Utf8LineReader lines = new Utf8LineReader(in, source, maxLineBytes);
        String headerLine = readLine(lines, source, null);
        if (headerLine == null) {
            throw new CorpusFormatException(source, 1, CorpusFormatException.HEADER, "the file is empty: expected a tab-separated header line");
        }
        return new TsvTable(source, readHeader(List.of(headerLine.split("\t", -1)), source), lines, List.of());
    }

    /** The next row of an opened table, or null after the last. */
    Row nextRow() throws IOException {
        String line = readLine(lines, source, header);
        if (line == null) {
            return null;
        }
        List<String> fields = List.of(line.split("\t", -1));
        if (fields.size() != header.size()) {
            throw new CorpusFormatException(source, lines.line(), CorpusFormatException.ROW, "the row has " + fields.size()
                    + " tab-separated fields: expected " + header.size() + ", as in the header (" + String.join(", ", header) + ")");
        }
        for (int column = 0; column < fields.size(); column++) {
            if (fields.get(column).indexOf('\r') >= 0) {
                throw new CorpusFormatException(source, lines.line(), header.get(column),
                        "a CR character: expected no CR in a field (lines end with LF or CR LF)");
            }
        }
        return new Row(lines.line(), fields);
    }

    private static String readLine(Utf8LineReader lines, String source, List<String> header) throws IOException {
        try {
            return lines.next();
        } catch (Utf8LineReader.MalformedLineException e) {
            String field = header == null ? CorpusFormatException.HEADER
                    : e.tabsBefore() < header.size() ? header.get(e.tabsBefore()) : CorpusFormatException.ROW;
            throw new CorpusFormatException(source, e.line(), field, e.getMessage(), e);
        }
    }

    private static List<String> readHeader(List<String> fields, String source) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String field : fields) {
            if (field.indexOf('\r') >= 0) {
                throw new CorpusFormatException(source, 1, CorpusFormatException.HEADER, "a CR character: expected no CR in the header (lines end with LF or CR LF)");
            }
            String name = field.trim();
            if (!name.isEmpty() && !seen.add(name)) {
                throw new CorpusFormatException(source, 1, CorpusFormatException.HEADER, "column " + name + " appears twice: expected each column once");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    String source() {
        return source;
    }

    /** The name of a column as written in the header. */
    String header(int column) {
        return header.get(column);
    }

    /** The rows of a {@link #parse parsed} table. */
    List<Row> rows() {
        if (lines != null) {
            throw new IllegalStateException("an opened table is read a row at a time");
        }
        return rows;
    }

    /** The index of the column, which the header must have under exactly one of its names. */
    int require(Bc8Column column) {
        return find(column).orElseThrow(() -> new CorpusFormatException(source, 1, CorpusFormatException.HEADER,
                "no " + column.describe() + " column: expected a header with " + column.describe() + "; found "
                        + (header.stream().allMatch(String::isEmpty) ? "an empty header line" : String.join(", ", header))));
    }

    /** The index of the column, if the header has it under one of its names. */
    OptionalInt find(Bc8Column column) {
        List<Integer> found = new ArrayList<>();
        for (String name : column.headerNames()) {
            int index = header.indexOf(name);
            if (index >= 0) {
                found.add(index);
            }
        }
        if (found.size() > 1) {
            throw new CorpusFormatException(source, 1, CorpusFormatException.HEADER,
                    "both " + header.get(found.get(0)) + " and " + header.get(found.get(1)) + ": expected one column named " + column.describe());
        }
        return found.isEmpty() ? OptionalInt.empty() : OptionalInt.of(found.get(0));
    }

    CorpusFormatException error(Row row, int column, String detail) {
        return new CorpusFormatException(source, row.line(), header.get(column), detail);
    }

    /**
     * The rows grouped by observation, in file order: the rows of an observation must be contiguous, have a
     * non-blank id and repeat the same non-blank text.
     */
    List<Group> groupByObservation(int idColumn, int textColumn) {
        Iterator<Row> each = rows.iterator();
        Groups groups = new Groups(idColumn, textColumn, () -> each.hasNext() ? each.next() : null);
        List<Group> all = new ArrayList<>();
        try {
            for (Group group = groups.next(); group != null; group = groups.next()) {
                all.add(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rows in memory", e);
        }
        return List.copyOf(all);
    }

    /** The rows of an opened table grouped by observation as they are read, as {@link #groupByObservation} does. */
    Groups groups(int idColumn, int textColumn) {
        return new Groups(idColumn, textColumn, this::nextRow);
    }

    /** Where a group's rows come from. */
    @FunctionalInterface
    interface RowSource {
        Row next() throws IOException;
    }

    /** Observations read a group at a time, a row ahead; only the ids seen are kept, to find one that reappears. */
    final class Groups {

        private final int idColumn;
        private final int textColumn;
        private final RowSource rows;
        private final Map<String, Integer> firstLines = new HashMap<>();
        private Row ahead;
        private boolean started;

        Groups(int idColumn, int textColumn, RowSource rows) {
            this.idColumn = idColumn;
            this.textColumn = textColumn;
            this.rows = rows;
        }

        /** The next observation's rows, or null after the last. */
        Group next() throws IOException {
            if (!started) {
                started = true;
                ahead = checked(rows.next());
            }
            if (ahead == null) {
                return null;
            }
            Row first = ahead;
            String id = first.get(idColumn);
            Integer firstLine = firstLines.putIfAbsent(id, first.line());
            if (firstLine != null) {
                throw error(first, idColumn, "observation " + id + " reappears after other observations (its rows start on line "
                        + firstLine + "): expected the rows of an observation to be contiguous");
            }
            List<Row> group = new ArrayList<>();
            group.add(first);
            for (ahead = checked(rows.next()); ahead != null && ahead.get(idColumn).equals(id); ahead = checked(rows.next())) {
                if (!first.get(textColumn).equals(ahead.get(textColumn))) {
                    throw error(ahead, textColumn, "the text differs from that of observation " + id + " on line " + first.line()
                            + ": expected every row of an observation to repeat its text");
                }
                group.add(ahead);
            }
            return new Group(id, first.get(textColumn), List.copyOf(group));
        }

        private Row checked(Row row) {
            if (row != null) {
                if (row.get(idColumn).isBlank()) {
                    throw error(row, idColumn, "empty observation id: expected the id of the observation");
                }
                if (row.get(textColumn).isBlank()) {
                    throw error(row, textColumn, "empty text: expected the observation text");
                }
            }
            return row;
        }
    }

    /** Parses the spans of a row and checks they lie inside a text of the given length. */
    Span span(Row row, int column, int textLength) {
        String value = row.get(column);
        try {
            return Span.parse(value).requireWithin(textLength);
        } catch (IllegalArgumentException e) {
            throw new CorpusFormatException(source, row.line(), header.get(column), "'" + value + "': " + e.getMessage(), e);
        }
    }

    /** Whether a spans or polarity value is absent: empty or {@code NA}. */
    static boolean isAbsent(String value) {
        return value.isEmpty() || value.equals("NA");
    }
}
