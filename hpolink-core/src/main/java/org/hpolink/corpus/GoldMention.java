package org.hpolink.corpus;

import java.util.Objects;
import java.util.Optional;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Segment;

/**
 * A mention of a gold document ({@code ann/} line): where it is, the text the annotators wrote for it, its HPO id, and
 * whether it is tagged {@code Neg} (a finding the patient does not have). The span is empty when its offsets are
 * inverted or past the text: such a line counts at document level and can match no prediction at mention level.
 *
 * @param line    the 1-based line of the {@code ann/} file
 * @param problem what is wrong with the line's offsets (they do not cover the text written, or cannot be a span), or
 *                empty
 */
public record GoldMention(Optional<Segment> span, String text, HpoId id, boolean negated, int line, Optional<String> problem) {

    public GoldMention {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(problem, "problem");
    }
}
