package org.hpolink.corpus;

/**
 * A BC8 file that breaks the format: names the file, the 1-based line, the field (the column name as written in
 * the file's header) and what was expected there. Errors not about one column name {@link #HEADER} or
 * {@link #ROW} as their field; an error about the file as a whole (a gold observation missing from a
 * submission) has line 0.
 */
public final class CorpusFormatException extends RuntimeException {

    /** The field of an error about the header line as a whole. */
    public static final String HEADER = "(header)";
    /** The field of an error about a row as a whole, such as its number of fields. */
    public static final String ROW = "(row)";

    private final String source;
    private final int line;
    private final String field;

    public CorpusFormatException(String source, int line, String field, String detail) {
        this(source, line, field, detail, null);
    }

    public CorpusFormatException(String source, int line, String field, String detail, Throwable cause) {
        super(location(source, line, field) + ": " + detail, cause);
        if (line < 0) {
            throw new IllegalArgumentException("line " + line + " is negative: expected 0 (whole file) or a 1-based line");
        }
        this.source = source;
        this.line = line;
        this.field = field;
    }

    private static String location(String source, int line, String field) {
        return line == 0 ? source + ", field " + field : source + " line " + line + ", field " + field;
    }

    /** The name of the file (or stream) read. */
    public String source() {
        return source;
    }

    /** The 1-based line of the error, or 0 when it is about the whole file. */
    public int line() {
        return line;
    }

    /** The column name as written in the header, or {@link #HEADER} or {@link #ROW}. */
    public String field() {
        return field;
    }
}
