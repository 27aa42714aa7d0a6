package org.hpolink.encode;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Hugging Face's {@code BertNormalizer} and {@code BertPreTokenizer}, character by character, keeping for every
 * output character the offsets of the original character it came from.
 *
 * <p>Every step maps one character to zero or more, so they compose per character, in Hugging Face's order:
 * clean text (drop NUL, U+FFFD and control and format characters, turn whitespace into a space), put spaces around
 * CJK ideographs, strip accents (NFD, then drop non-spacing marks), lower-case. Character classes follow the Rust
 * crate's definitions, which differ from Java's {@link Character#isWhitespace} and friends (see the methods).
 */
final class BertNormalizer {

    /**
     * Code point ranges (first, last) that Java 17 (Unicode 13.0) puts in a category that matters here (control,
     * format, punctuation, non-spacing mark) but that Hugging Face's crate does not know: it classifies with tables
     * of Unicode 8.0 and sees these later additions as ordinary characters. Found by comparing every code point
     * with Hugging Face's tokenizer; the parity test repeats that comparison.
     */
    private static final int[] NEWER_THAN_UNICODE_8 = {
        0x7FD, 0x7FD, 0x8D3, 0x8E2, 0x9FD, 0x9FE, 0xA76, 0xA76, 0xAFA, 0xAFF, 0xB55, 0xB55, 0xC04, 0xC04, 0xC77, 0xC77,
        0xC84, 0xC84, 0xD00, 0xD00, 0xD3B, 0xD3C, 0xD81, 0xD81, 0xEBA, 0xEBA, 0x1885, 0x1886, 0x1ABF, 0x1AC0, 0x1DF6, 0x1DFB,
        0x2E43, 0x2E52, 0xA82C, 0xA82C, 0xA8C5, 0xA8C5, 0xA8FF, 0xA8FF, 0xA9BD, 0xA9BD, 0x10D24, 0x10F59, 0x110CD, 0x110CD,
        0x111C9, 0x111C9, 0x111CF, 0x111CF, 0x1123E, 0x1123E, 0x1133B, 0x1133B, 0x11438, 0x1145E, 0x11660, 0x1166C,
        0x1182F, 0x11FFF, 0x13430, 0x13438, 0x16E97, 0x16F4F, 0x16FE2, 0x16FE4, 0x1E000, 0x1E2EF, 0x1E944, 0x1E95F,
    };

    /** CANADIAN SYLLABICS CHI SIGN: punctuation (Po) in Unicode 8.0, a symbol (So) since Unicode 12.0. */
    private static final int CHI_SIGN = 0x166D;
    /** SHARADA SANDHI MARK: punctuation (Po) in Unicode 8.0, a non-spacing mark (Mn) since Unicode 12.0. */
    private static final int SANDHI_MARK = 0x111C9;

    private final boolean cleanText;
    private final boolean handleChineseChars;
    private final boolean stripAccents;
    private final boolean lowercase;

    BertNormalizer(boolean cleanText, boolean handleChineseChars, boolean stripAccents, boolean lowercase) {
        this.cleanText = cleanText;
        this.handleChineseChars = handleChineseChars;
        this.stripAccents = stripAccents;
        this.lowercase = lowercase;
    }

    /** A normalizer that changes nothing, for tokenizer files without one. */
    static BertNormalizer identity() {
        return new BertNormalizer(false, false, false, false);
    }

    /**
     * Normalizes {@code text[from, to)} and splits it into words: runs of non-whitespace, each punctuation
     * character a word of its own.
     */
    Words words(String text, int from, int to) {
        Words words = new Words(to - from);
        int i = from;
        while (i < to) {
            int cp = text.codePointAt(i);
            int end = i + Character.charCount(cp);
            normalize(cp, i, end, words);
            i = end;
        }
        words.endWord();
        return words;
    }

    private void normalize(int cp, int start, int end, Words out) {
        int c = cp;
        if (cleanText) {
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                return;
            }
            if (isWhitespace(c)) {
                c = ' ';
            }
        }
        // The spaces put around an ideograph only split words, which the whitespace rule below does anyway.
        if (handleChineseChars && isChinese(c)) {
            out.endWord();
        }
        if (stripAccents) {
            String decomposed = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD);
            for (int k = 0; k < decomposed.length(); ) {
                int d = decomposed.codePointAt(k);
                k += Character.charCount(d);
                if (!isNonSpacingMark(d)) {
                    lowercased(d, start, end, out);
                }
            }
        } else {
            lowercased(c, start, end, out);
        }
        if (handleChineseChars && isChinese(c)) {
            out.endWord();
        }
    }

    private void lowercased(int c, int start, int end, Words out) {
        if (!lowercase) {
            out.add(c, start, end);
            return;
        }
        // String lower-casing gives the full mapping (U+0130 to two characters), as Rust's char::to_lowercase does.
        String lower = new String(Character.toChars(c)).toLowerCase(Locale.ROOT);
        for (int k = 0; k < lower.length(); ) {
            int l = lower.codePointAt(k);
            k += Character.charCount(l);
            out.add(l, start, end);
        }
    }

    /** Rust's {@code char::is_whitespace} (the Unicode White_Space property); Java's own leaves out no-break spaces. */
    static boolean isWhitespace(int c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** Control, format, private-use and surrogate characters, except tab and line breaks (which count as whitespace). */
    static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r' || newerThanUnicode8(c)) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    /** ASCII punctuation (which includes symbols such as $, + and ^) or any Unicode punctuation category. */
    static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        if (c == CHI_SIGN || c == SANDHI_MARK) {
            return true;
        }
        if (newerThanUnicode8(c)) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    static boolean isNonSpacingMark(int c) {
        return Character.getType(c) == Character.NON_SPACING_MARK && !newerThanUnicode8(c);
    }

    private static boolean newerThanUnicode8(int c) {
        if (c < NEWER_THAN_UNICODE_8[0]) {
            return false;
        }
        // The last range whose first code point is <= c: ranges are sorted and disjoint.
        int low = 0;
        int high = NEWER_THAN_UNICODE_8.length / 2 - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (NEWER_THAN_UNICODE_8[2 * mid] <= c) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return c <= NEWER_THAN_UNICODE_8[2 * low + 1];
    }

    /** The CJK blocks of the original BERT code, with the Rust crate's bounds (its fourth range starts at U+2B920). */
    static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }

    /**
     * Normalized words as code points, each with the original offsets of the character it came from. Words are
     * held end to end in shared arrays; {@code wordStart(w)} to {@code wordStart(w + 1)} indexes word {@code w}.
     */
    static final class Words {
        private int[] codePoints;
        private int[] originalStarts;
        private int[] originalEnds;
        private int size;
        private int[] wordStarts = new int[8];
        private int wordCount;
        private int currentStart;

        Words(int capacity) {
            int n = Math.max(capacity, 4);
            codePoints = new int[n];
            originalStarts = new int[n];
            originalEnds = new int[n];
        }

        /** Adds a normalized character: whitespace ends the current word, punctuation is a word of its own. */
        void add(int c, int originalStart, int originalEnd) {
            if (isWhitespace(c)) {
                endWord();
                return;
            }
            boolean punctuation = isPunctuation(c);
            if (punctuation) {
                endWord();
            }
            if (size == codePoints.length) {
                int n = size * 2;
                codePoints = Arrays.copyOf(codePoints, n);
                originalStarts = Arrays.copyOf(originalStarts, n);
                originalEnds = Arrays.copyOf(originalEnds, n);
            }
            codePoints[size] = c;
            originalStarts[size] = originalStart;
            originalEnds[size] = originalEnd;
            size++;
            if (punctuation) {
                endWord();
            }
        }

        void endWord() {
            if (size == currentStart) {
                return;
            }
            if (wordCount + 1 >= wordStarts.length) {
                wordStarts = Arrays.copyOf(wordStarts, wordStarts.length * 2);
            }
            wordStarts[wordCount] = currentStart;
            wordCount++;
            wordStarts[wordCount] = size;
            currentStart = size;
        }

        int count() {
            return wordCount;
        }

        int wordStart(int word) {
            return wordStarts[word];
        }

        int wordEnd(int word) {
            return wordStarts[word + 1];
        }

        int codePoint(int index) {
            return codePoints[index];
        }

        int originalStart(int index) {
            return originalStarts[index];
        }

        int originalEnd(int index) {
            return originalEnds[index];
        }
    }
}
