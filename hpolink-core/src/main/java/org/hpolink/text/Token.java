package org.hpolink.text;

/**
 * A token of an observation: its offsets into the raw text (end-exclusive), the text as written, and its
 * normalized form (lower case, accents and dashes folded: see {@link Tokenizer}). Offsets are set once by the
 * tokenizer and carried on unchanged.
 */
public record Token(int start, int end, String surface, String normalized, Kind kind) {

    /** What a token is made of. */
    public enum Kind {
        /** Letters, possibly with digits, combining marks or inner apostrophes ("hooding", "2nd", "cupid's"). */
        WORD,
        /** Digits only ("2", "1"). */
        NUMBER,
        /** A single punctuation or symbol character (",", "-", "/", "~"). */
        PUNCTUATION
    }

    public Token {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("token offsets " + start + "-" + end + " are invalid: expected 0 <= start < end");
        }
        if (surface.length() != end - start) {
            throw new IllegalArgumentException("token '" + surface + "' does not fit its offsets " + start + "-" + end);
        }
    }

    public Segment segment() {
        return new Segment(start, end);
    }

    public boolean isWord() {
        return kind != Kind.PUNCTUATION;
    }
}
