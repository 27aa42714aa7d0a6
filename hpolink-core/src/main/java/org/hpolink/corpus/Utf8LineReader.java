package org.hpolink.corpus;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 text a line at a time, in a stream: lines end with LF or CR LF (Windows), neither part of the line; a
 * byte order mark opening the stream is skipped. Undecodable bytes are a {@link MalformedLineException} that says
 * where they are, for the caller to name the field. Not thread-safe.
 */
public final class Utf8LineReader implements Closeable {

    /** The largest array the JVM allocates everywhere. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Bytes that cannot be read as UTF-8, on line {@code line} at byte {@code byteInLine} (1-based). */
    public static final class MalformedLineException extends IOException {

        private final int line;
        private final int byteInLine;
        private final int tabsBefore;

        MalformedLineException(int line, int byteInLine, int badByte, int tabsBefore, Throwable cause) {
            super(String.format("byte 0x%02X at byte %d of the line is not UTF-8: expected UTF-8 text", badByte, byteInLine), cause);
            this.line = line;
            this.byteInLine = byteInLine;
            this.tabsBefore = tabsBefore;
        }

        public int line() {
            return line;
        }

        public int byteInLine() {
            return byteInLine;
        }

        /** The tab characters before the bad byte on its line: the index of its field in a TSV row. */
        public int tabsBefore() {
            return tabsBefore;
        }
    }

    private final InputStream in;
    private final String source;
    private final long maxLineBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer = new byte[256];
    private int line;
    private boolean started;

    /** @param maxLineBytes the most bytes a line may hold; a longer one is a {@link CorpusFormatException} */
    public Utf8LineReader(InputStream in, String source, long maxLineBytes) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        this.source = source;
        this.maxLineBytes = maxLineBytes;
    }

    /** The 1-based number of the line {@link #next} returned last (0 before the first). */
    public int line() {
        return line;
    }

    /**
     * The next line, without its line end, or null at the end of the stream. A stream ending with a line end has no
     * empty line after it.
     *
     * @throws MalformedLineException where the line is not UTF-8
     * @throws CorpusFormatException  when the line holds more than the most bytes allowed
     */
    public String next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        int length = 0;
        int b = in.read();
        if (b < 0) {
            return null;
        }
        line++;
        while (b >= 0 && b != '\n') {
            if (length >= maxLineBytes) {
                throw new CorpusFormatException(source, line, CorpusFormatException.ROW, "the line is longer than " + maxLineBytes
                        + " bytes: expected shorter lines (a longer document than the limit, or a file that is not line-based text)");
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(Math.min(maxLineBytes, MAX_ARRAY), 2L * length));
            }
            buffer[length++] = (byte) b;
            b = in.read();
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        return decode(length);
    }

    private void skipByteOrderMark() throws IOException {
        in.mark(BYTE_ORDER_MARK.length);
        byte[] start = in.readNBytes(BYTE_ORDER_MARK.length);
        if (!Arrays.equals(start, BYTE_ORDER_MARK)) {
            in.reset();
        }
    }

    private String decode(int length) throws MalformedLineException {
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
        try {
            return utf8.reset().decode(bytes).toString();
        } catch (CharacterCodingException e) {
            // The decoder leaves the buffer at the first byte it could not decode.
            int bad = bytes.position();
            int tabs = 0;
            for (int i = 0; i < bad; i++) {
                tabs += buffer[i] == '\t' ? 1 : 0;
            }
            throw new MalformedLineException(line, bad + 1, buffer[bad] & 0xFF, tabs, e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
