package org.hpolink.assertion;

import java.util.List;
import java.util.Objects;

/** A ConText cue: its words (normalized tokens), what it signals, and the side of it its scope lies on. */
public record Cue(List<String> words, Kind kind, Direction direction) {

    /** What a cue signals. */
    public enum Kind {
        NEGATED(Assertion.NEGATED),
        FAMILY(Assertion.FAMILY),
        HYPOTHETICAL(Assertion.HYPOTHETICAL),
        HISTORICAL(Assertion.HISTORICAL),
        /** Words that look like a cue and are none ({@code no change in}): they hide the shorter cue inside them. */
        PSEUDO(null),
        /** Words that end a scope ({@code but}, {@code which}). */
        TERMINATION(null);

        private final Assertion assertion;

        Kind(Assertion assertion) {
            this.assertion = assertion;
        }

        /** The assertion of a finding in the scope, or null for a cue that has no scope. */
        public Assertion assertion() {
            return assertion;
        }
    }

    /** Where a cue's scope lies. */
    public enum Direction {
        /** The words after the cue, to the end of its clause. */
        FORWARD,
        /** The words before the cue, back to the start of its clause. */
        BACKWARD,
        /** A relative: forward, and backward too after "in" or "of" ({@code polydactyly in a maternal uncle}). */
        RELATIVE
    }

    public Cue {
        words = List.copyOf(words);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a cue needs at least one word");
        }
    }
}
