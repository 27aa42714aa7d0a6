package org.hpolink.extract.lexical;

/**
 * One unit of analysed text, covering tokens {@code firstToken..lastToken} (inclusive): a content word (two
 * tokens when the dictionary writes them as one word, {@code eye brows} -> {@code eyebrow}), a function word or
 * modifier, a comma, or a break ({@code . ; : ( ) [ ]}).
 *
 * @param stemId the vocabulary id of a content word's stem, or {@link Vocabulary#UNKNOWN}
 */
record Unit(int firstToken, int lastToken, Kind kind, int stemId) {

    enum Kind {
        CONTENT,
        /** Function words, modifiers and punctuation that may sit inside a mention. */
        FUNCTION,
        COMMA,
        BREAK
    }

    boolean isContent() {
        return kind == Kind.CONTENT;
    }

    boolean isKnownContent() {
        return kind == Kind.CONTENT && stemId != Vocabulary.UNKNOWN;
    }

    boolean endsClause() {
        return kind == Kind.COMMA || kind == Kind.BREAK;
    }
}
