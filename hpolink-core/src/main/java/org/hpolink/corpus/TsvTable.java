package org.hpolink.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.hpolink.text.Span;

/**
 * A tab-separated BC8 file split into a header and rows, checked for what every BC8 reader needs: UTF-8, LF line
 * ends, and as many fields on each row as in the header. Columns are found by header name, so their order and
 * any extra columns do not matter. Errors are {@link CorpusFormatException}s naming the field by its header name.
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

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final String source;
    private final List<String> header;
    private final List<Row> rows;

    private TsvTable(String source, List<String> header, List<Row> rows) {
        this.source = source;
        this.header = header;
        this.rows = rows;
    }

    static TsvTable parse(byte[] bytes, String source) {
        if (bytes.length == 0) {
            throw new CorpusFormatException(source, 1, CorpusFormatException.HEADER, "the file is empty: expected a tab-separated header line");
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        int line = 1;
        int start = 0;
        // Splitting on the LF byte is safe before decoding: 0x0A never occurs inside a multi-byte UTF-8 sequence.
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            List<String> fields = List.of(decodeLine(utf8, bytes, start, end, source, line, header).split("\t", -1));
            if (header == null) {
                header = readHeader(fields, source);
            } else if (fields.size() != header.size()) {
                throw new CorpusFormatException(source, line, CorpusFormatException.ROW, "the row has " + fields.size()
                        + " tab-separated fields: expected " + header.size() + ", as in the header (" + String.join(", ", header) + ")");
            } else {
                rows.add(new Row(line, fields));
            }
            start = end + 1;
            line++;
        }
        return new TsvTable(source, header, List.copyOf(rows));
    }

    private static String decodeLine(CharsetDecoder utf8, byte[] bytes, int start, int end, String source, int line, List<String> header) {
        for (int i = start; i < end; i++) {
            if (bytes[i] == '\r') {
                String detail = i == end - 1 && end < bytes.length
                        ? "the line ends with CR LF (Windows): expected LF (Unix) line ends"
                        : "a CR character: expected LF (Unix) line ends and no CR in the text";
                throw new CorpusFormatException(source, line, fieldAt(bytes, start, i, header), detail);
            }
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, start, end - start);
        try {
            return utf8.reset().decode(in).toString();
        } catch (CharacterCodingException e) {
            // The decoder leaves the buffer at the first byte it could not decode.
            int bad = in.position();
            throw new CorpusFormatException(source, line, fieldAt(bytes, start, bad, header), String.format(
                    "byte 0x%02X at byte %d of the line is not UTF-8: expected UTF-8 text", bytes[bad] & 0xFF, bad - start + 1), e);
        }
    }

    /** The header name of the field holding byte {@code at}, found by counting the tab bytes before it. */
    private static String fieldAt(byte[] bytes, int lineStart, int at, List<String> header) {
        if (header == null) {
            return CorpusFormatException.HEADER;
        }
        int column = 0;
        for (int i = lineStart; i < at; i++) {
            if (bytes[i] == '\t') {
                column++;
            }
        }
        return column < header.size() ? header.get(column) : CorpusFormatException.ROW;
    }

    private static List<String> readHeader(List<String> fields, String source) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String field : fields) {
            String name = (names.isEmpty() && field.startsWith(BYTE_ORDER_MARK) ? field.substring(1) : field).trim();
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

    List<Row> rows() {
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
        List<Group> groups = new ArrayList<>();
        Map<String, Integer> firstLines = new HashMap<>();
        List<Row> current = new ArrayList<>();
        for (Row row : rows) {
            String id = row.get(idColumn);
            String text = row.get(textColumn);
            if (id.isBlank()) {
                throw error(row, idColumn, "empty observation id: expected the id of the observation");
            }
            if (text.isBlank()) {
                throw error(row, textColumn, "empty text: expected the observation text");
            }
            if (!current.isEmpty() && current.get(0).get(idColumn).equals(id)) {
                Row first = current.get(0);
                if (!first.get(textColumn).equals(text)) {
                    throw error(row, textColumn, "the text differs from that of observation " + id + " on line " + first.line()
                            + ": expected every row of an observation to repeat its text");
                }
            } else {
                Integer firstLine = firstLines.putIfAbsent(id, row.line());
                if (firstLine != null) {
                    throw error(row, idColumn, "observation " + id + " reappears after other observations (its rows start on line "
                            + firstLine + "): expected the rows of an observation to be contiguous");
                }
                close(current, idColumn, textColumn, groups);
            }
            current.add(row);
        }
        close(current, idColumn, textColumn, groups);
        return List.copyOf(groups);
    }

    private static void close(List<Row> current, int idColumn, int textColumn, List<Group> groups) {
        if (!current.isEmpty()) {
            Row first = current.get(0);
            groups.add(new Group(first.get(idColumn), first.get(textColumn), List.copyOf(current)));
            current.clear();
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
