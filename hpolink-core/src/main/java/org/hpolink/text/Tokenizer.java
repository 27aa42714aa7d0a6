package org.hpolink.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into word, number and punctuation tokens that keep their offsets into the raw text. Hyphens and
 * slashes are tokens of their own, so {@code low-set} and {@code low set} give the same words. Whitespace and
 * Unicode format characters (soft hyphen, zero-width space) separate tokens and are never part of one.
 * Stateless and thread-safe.
 */
public final class Tokenizer {

    public List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                int start = i;
                boolean hasLetter = false;
                while (i < n) {
                    int c = text.codePointAt(i);
                    if (Character.isLetterOrDigit(c)) {
                        hasLetter |= Character.isLetter(c);
                        i += Character.charCount(c);
                    } else if (isInnerApostrophe(text, i, c)) {
                        i += Character.charCount(c);
                    } else {
                        break;
                    }
                }
                String surface = text.substring(start, i);
                tokens.add(new Token(start, i, surface, surface.toLowerCase(Locale.ROOT), hasLetter ? Token.Kind.WORD : Token.Kind.NUMBER));
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT) {
                i += Character.charCount(cp);
            } else {
                int start = i;
                i += Character.charCount(cp);
                String surface = text.substring(start, i);
                tokens.add(new Token(start, i, surface, surface, Token.Kind.PUNCTUATION));
            }
        }
        return tokens;
    }

    /** An apostrophe between two letters stays inside the word ("cupid's"). */
    private static boolean isInnerApostrophe(String text, int i, int c) {
        if (c != '\'' && c != '\u2019') {
            return false;
        }
        int next = i + Character.charCount(c);
        return i > 0 && Character.isLetter(text.codePointBefore(i)) && next < text.length() && Character.isLetter(text.codePointAt(next));
    }
}
