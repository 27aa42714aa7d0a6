package org.hpolink.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into word, number and punctuation tokens that keep their offsets into the raw text. Hyphens and
 * slashes are tokens of their own, so {@code low-set} and {@code low set} give the same words. Whitespace, control
 * characters and Unicode format characters (soft hyphen, zero-width space) separate tokens and are never part of
 * one. Combining marks stay in their word. The normalized form folds what HPO's ASCII names do not write: accents
 * ({@code café}, decomposed or not, reads as {@code cafe}), the Greek letters of biochemistry ({@code α} as
 * {@code alpha}) and the typographic hyphens and dashes of a word or range ({@code low–set}, {@code 3–4}) as
 * {@code -}. Stateless and thread-safe.
 */
public final class Tokenizer {

    /** Hyphen, non-breaking hyphen, figure dash, en dash, minus sign: written for "-" inside words and ranges. */
    private static final String HYPHENS = "\u2010\u2011\u2012\u2013\u2212";
    /** The Greek letters of enzyme, protein and immunoglobulin names, which HPO spells out. */
    private static final String GREEK_LETTERS = "\u03b1\u03b2\u03b3\u03b4\u03ba\u03bb";
    private static final List<String> GREEK_NAMES = List.of("alpha", "beta", "gamma", "delta", "kappa", "lambda");

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
                tokens.add(new Token(start, i, surface, foldWord(surface), hasLetter ? Token.Kind.WORD : Token.Kind.NUMBER));
            } else if (isSeparator(cp)) {
                i += Character.charCount(cp);
            } else {
                int start = i;
                i += Character.charCount(cp);
                String surface = text.substring(start, i);
                tokens.add(new Token(start, i, surface, HYPHENS.indexOf(cp) >= 0 ? "-" : surface, Token.Kind.PUNCTUATION));
            }
        }
        return tokens;
    }

    /** Lower case, without accents, Greek letters spelled out. */
    private static String foldWord(String surface) {
        String lower = surface.toLowerCase(Locale.ROOT);
        if (isAscii(lower)) {
            return lower; // nearly every word: nothing to fold, and this runs for every token of every text
        }
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int greek = GREEK_LETTERS.indexOf(c);
            if (greek >= 0) {
                folded.append(GREEK_NAMES.get(greek));
            } else if (!isMark(c)) {
                folded.appendCodePoint(c);
            }
        }
        return folded.toString();
    }

    private static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
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
