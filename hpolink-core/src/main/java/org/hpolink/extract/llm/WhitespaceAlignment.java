package org.hpolink.extract.llm;

import java.util.Optional;
import org.hpolink.text.Segment;

/**
 * Aligns a text an LLM copied back onto the original, whitespace aside (models re-flow spaces and line breaks): the
 * copy's other characters must be the original's, all of them or a stretch that occurs once.
 */
final class WhitespaceAlignment {

    private WhitespaceAlignment() {
    }

    /**
     * For each character of {@code copy}, its offset in {@code text}, or -1 for whitespace; empty when the copy's
     * characters other than whitespace are not those of the text or of exactly one stretch of it.
     */
    static Optional<int[]> offsets(String text, String copy) {
        int[] textOffsets = new int[text.length()];
        String textCompact = compact(text, textOffsets);
        int[] copyOffsets = new int[copy.length()];
        String copyCompact = compact(copy, copyOffsets);
        if (copyCompact.isEmpty()) {
            return Optional.empty();
        }
        int at = textCompact.indexOf(copyCompact);
        if (at < 0 || textCompact.indexOf(copyCompact, at + 1) >= 0) {
            return Optional.empty();
        }
        int[] offsets = new int[copy.length()];
        int k = 0;
        for (int i = 0; i < copy.length(); i++) {
            offsets[i] = Character.isWhitespace(copy.charAt(i)) ? -1 : textOffsets[at + k++];
        }
        return Optional.of(offsets);
    }

    /** The text's segment for the copy's characters {@code from..to} (end-exclusive), whitespace at its ends left out. */
    static Optional<Segment> segment(String text, int[] offsets, int from, int to) {
        int first = from;
        while (first < to && offsets[first] < 0) {
            first++;
        }
        int last = to - 1;
        while (last >= first && offsets[last] < 0) {
            last--;
        }
        if (first > last) {
            return Optional.empty();
        }
        return Optional.of(new Segment(offsets[first], offsets[last] + 1));
    }

    /** {@code s} without whitespace; {@code offsets[k]} receives the offset in {@code s} of the k-th character kept. */
    private static String compact(String s, int[] offsets) {
        StringBuilder compact = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                offsets[compact.length()] = i;
                compact.append(c);
            }
        }
        return compact.toString();
    }
}
