package org.hpolink.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into word, number and punctuation tokens that keep their offsets into the raw text. Hyphens and
 * slashes are tokens of their own, so {@code low-set} and {@code low set} give the same words. Whitespace, control
 * characters and Unicode format characters (soft hyphen, zero-width space) separate tokens and are never part of
 * one. Combining marks stay in their word, and the normalized form is NFC, so decomposed {@code cafe\u0301} reads
 * as {@code café}. Stateless and thread-safe.
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
                    if (Character.isLetterOrDigit(c) || isMark(c)) {
                        // A mark (an accent of decomposed text) makes the token more than digits, like a letter.
                        hasLetter |= !Character.isDigit(c);
                        i += Character.charCount(c);
                    } else if (isInnerApostrophe(text, i, c)) {
                        i += Character.charCount(c);
                    } else {
                        break;
                    }
                }
                String surface = text.substring(start, i);
                String normalized = Normalizer.normalize(surface.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
                tokens.add(new Token(start, i, surface, normalized, hasLetter ? Token.Kind.WORD : Token.Kind.NUMBER));
            } else if (isSeparator(cp)) {
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

    private static boolean isSeparator(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT || type == Character.CONTROL;
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** An apostrophe between two letters stays inside the word ("cupid's"); an accent may end the first one. */
    private static boolean isInnerApostrophe(String text, int i, int c) {
        if (c != '\'' && c != '\u2019') {
            return false;
        }
        int next = i + Character.charCount(c);
        return i > 0 && (Character.isLetter(text.codePointBefore(i)) || isMark(text.codePointBefore(i))) && next < text.length() && Character.isLetter(text.codePointAt(next));
    }
}
