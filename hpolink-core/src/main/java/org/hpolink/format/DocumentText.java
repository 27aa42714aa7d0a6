package org.hpolink.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.hpolink.corpus.CorpusFormatException;

/**
 * The text of a document as hpolink reads it from any input: UTF-8, without a byte order mark, each CR LF line end
 * read as LF (so offsets are the same for a file saved on Windows or on Unix), and no longer than a limit. The service
 * reads texts the same way.
 */
public final class DocumentText {

    /** The field named by errors about a whole text file. */
    static final String FIELD = "text";

    private DocumentText() {
    }

    /**
     * The text of a file's bytes.
     *
     * @throws CorpusFormatException naming the line and byte of what is not UTF-8, or the document that is too long
     */
    static String decode(byte[] bytes, String source, String documentId, int maxChars) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
        } catch (CharacterCodingException e) {
            int bad = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new CorpusFormatException(source, line, FIELD, String.format("document %s: byte 0x%02X at byte %d of the line is not UTF-8: "
                    + "expected UTF-8 text", documentId, bytes[bad] & 0xFF, bad - lineStart + 1), e);
        }
        return checked(withoutCrLf(text), source, 0, FIELD, documentId, maxChars);
    }

    /** {@code text} with each CR LF as LF. */
    public static String withoutCrLf(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
    }

    /** {@code text}, once checked against the limit. */
    static String checked(String text, String source, int line, String field, String documentId, int maxChars) {
        if (text.length() > maxChars) {
            throw tooLong(source, line, field, documentId, text.length(), maxChars);
        }
        return text;
    }

    static CorpusFormatException tooLong(String source, int line, String field, String documentId, long chars, int maxChars) {
        return new CorpusFormatException(source, line, field, String.format("document %s has %,d characters or more: expected at most %,d "
                + "(raise --max-chars to annotate it)", documentId, chars, maxChars));
    }
}
