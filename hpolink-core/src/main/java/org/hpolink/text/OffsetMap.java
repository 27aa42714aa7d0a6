package org.hpolink.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A text made of pieces of another text, with characters of its own between them (a section header lent to a later
 * sentence, then a space), and the way back: {@link #toSource} maps a span of the made text to the characters of the
 * source text it covers, as Lucene's {@code CharFilter.correctOffset} does. Immutable.
 */
public final class OffsetMap {

    /** A run of {@code length} characters that starts at {@code textStart} here and at {@code sourceStart} there. */
    private record Piece(int textStart, int sourceStart, int length) {
    }

    private final String text;
    private final List<Piece> pieces;

    private OffsetMap(String text, List<Piece> pieces) {
        this.text = text;
        this.pieces = List.copyOf(pieces);
    }

    /** The identity map of {@code source}'s characters {@code start} to {@code end}, shifted to start at 0. */
    public static OffsetMap of(String source, int start, int end) {
        return builder(source).copy(start, end).build();
    }

    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** The made text. */
    public String text() {
        return text;
    }

    /**
     * The span of the source text that {@code span} of the made text covers: each segment cut where the pieces it
     * covers meet, characters that are the made text's own left out, and pieces that touch in the source joined. Empty
     * when the span covers only characters of the made text's own.
     */
    public Optional<Span> toSource(Span span) {
        List<Segment> mapped = new ArrayList<>();
        for (Segment segment : span.segments()) {
            for (Piece piece : pieces) {
                int start = Math.max(segment.start(), piece.textStart());
                int end = Math.min(segment.end(), piece.textStart() + piece.length());
                if (start < end) {
                    int shift = piece.sourceStart() - piece.textStart();
                    mapped.add(new Segment(start + shift, end + shift));
                }
            }
        }
        return mapped.isEmpty() ? Optional.empty() : Optional.of(Span.covering(mapped));
    }

    /** Builds the made text left to right from pieces of the source and text of its own. */
    public static final class Builder {

        private final String source;
        private final StringBuilder text = new StringBuilder();
        private final List<Piece> pieces = new ArrayList<>();

        private Builder(String source) {
            this.source = source;
        }

        /** Appends the source's characters {@code start} to {@code end} (end-exclusive). */
        public Builder copy(int start, int end) {
            if (start < 0 || end > source.length() || start > end) {
                throw new IllegalArgumentException("characters " + start + "-" + end + " are not in a source text of length " + source.length());
            }
            if (start < end) {
                pieces.add(new Piece(text.length(), start, end - start));
                text.append(source, start, end);
            }
            return this;
        }

        /** Appends characters that stand for nothing in the source. */
        public Builder insert(String own) {
            text.append(own);
            return this;
        }

        public OffsetMap build() {
            return new OffsetMap(text.toString(), pieces);
        }
    }
}
