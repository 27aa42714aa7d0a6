package org.hpolink.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The abbreviations a text defines, found as Schwartz and Hearst (2003) find them: a short form in parentheses after
 * its long form ({@code autism spectrum disorder (ASD)}), or a long form in parentheses after its short form
 * ({@code ASD (atrial septal defect)}); each letter and digit of the short form is found in the long form in order,
 * its first at the start of a word. The long form is looked for within the sentence, over at most
 * {@code min(n + 5, 2n)} words for a short form of n characters. A short form has two to ten characters, at most two
 * words, a capital letter, and starts with a letter or digit, so {@code (n = 12)} or {@code (2019)} define nothing.
 */
public final class AbbreviationDefinitions {

    /** A short form, where this definition writes it, and the long form it stands for. */
    public record Definition(String shortForm, Span shortFormSpan, Span longForm) {
    }

    /** Characters {@code start} (inclusive) to {@code end}, possibly none, unlike a {@link Segment}. */
    private record Range(int start, int end) {
        int length() {
            return end - start;
        }

        String in(String text) {
            return text.substring(start, end);
        }

        Span span() {
            return Span.of(start, end);
        }
    }

    private static final int MAX_SHORT_FORM = 10;
    private static final int MAX_PARENTHESIS = 120;

    private AbbreviationDefinitions() {
    }

    /** The definitions of {@code text}, in text order. */
    public static List<Definition> find(String text) {
        List<Definition> found = new ArrayList<>();
        for (int open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
            int close = closing(text, open);
            if (close < 0) {
                continue;
            }
            // Schwartz and Hearst read only what comes before a comma or semicolon: (ASD; 12 patients).
            int contentEnd = open + 1;
            while (contentEnd < close && text.charAt(contentEnd) != ',' && text.charAt(contentEnd) != ';') {
                contentEnd++;
            }
            Range inside = trimmed(text, open + 1, contentEnd);
            if (inside.length() == 0) {
                continue;
            }
            String content = inside.in(text);
            int sentenceStart = sentenceStart(text, open);
            if (words(content) <= 2) {
                if (isShortForm(content)) {
                    Range before = trimmed(text, sentenceStart, open);
                    longForm(content, text, lastWords(text, before, maxLongFormWords(content)))
                            .ifPresent(longForm -> found.add(new Definition(content, inside.span(), longForm)));
                }
            } else {
                Range shortForm = lastWords(text, trimmed(text, sentenceStart, open), 1);
                String written = stripPunctuation(shortForm.in(text));
                if (isShortForm(written)) {
                    Span word = Span.of(shortForm.start(), shortForm.start() + written.length());
                    longForm(written, text, inside).ifPresent(longForm -> found.add(new Definition(written, word, longForm)));
                }
            }
        }
        return found;
    }

    /** The long form of {@code shortForm} within {@code candidate}: from the word its first character starts to the end. */
    private static Optional<Span> longForm(String shortForm, String text, Range candidate) {
        int s = shortForm.length() - 1;
        int l = candidate.end() - 1;
        while (s >= 0) {
            char c = Character.toLowerCase(shortForm.charAt(s));
            if (!Character.isLetterOrDigit(c)) {
                s--;
                continue;
            }
            while (l >= candidate.start() && (Character.toLowerCase(text.charAt(l)) != c
                    || (s == 0 && l > candidate.start() && Character.isLetterOrDigit(text.charAt(l - 1))))) {
                l--;
            }
            if (l < candidate.start()) {
                return Optional.empty();
            }
            l--;
            s--;
        }
        int start = l + 1;
        while (start > candidate.start() && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        Range longForm = new Range(start, candidate.end());
        return longForm.length() > shortForm.length() ? Optional.of(longForm.span()) : Optional.empty();
    }

    private static boolean isShortForm(String candidate) {
        return candidate.length() >= 2 && candidate.length() <= MAX_SHORT_FORM && words(candidate) <= 2
                && Character.isLetterOrDigit(candidate.charAt(0)) && candidate.chars().anyMatch(Character::isUpperCase);
    }

    private static int maxLongFormWords(String shortForm) {
        return Math.min(shortForm.length() + 5, 2 * shortForm.length());
    }

    /** The closing parenthesis of the one at {@code open}, if it comes within the sentence and nests nothing. */
    private static int closing(String text, int open) {
        for (int i = open + 1; i < text.length() && i <= open + MAX_PARENTHESIS; i++) {
            char c = text.charAt(i);
            if (c == ')') {
                return i;
            }
            if (c == '(' || c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** Where the sentence holding {@code position} starts: after the last stop, colon, line break or parenthesis. */
    private static int sentenceStart(String text, int position) {
        for (int i = position - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']'
                    || ((c == '.' || c == '!' || c == '?') && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1)))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The last {@code count} whitespace-separated words of {@code within}. */
    private static Range lastWords(String text, Range within, int count) {
        int start = within.end();
        for (int words = 0; words < count && start > within.start(); words++) {
            while (start > within.start() && !Character.isWhitespace(text.charAt(start - 1))) {
                start--;
            }
            if (words + 1 < count) {
                while (start > within.start() && Character.isWhitespace(text.charAt(start - 1))) {
                    start--;
                }
            }
        }
        return trimmed(text, start, within.end());
    }

    private static Range trimmed(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Range(start, end);
    }

    /** A word written before a parenthesis without its trailing punctuation ({@code ASD,} is {@code ASD}). */
    private static String stripPunctuation(String word) {
        int end = word.length();
        while (end > 0 && !Character.isLetterOrDigit(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(0, end);
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }
}
