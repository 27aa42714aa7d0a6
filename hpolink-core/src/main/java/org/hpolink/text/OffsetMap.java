package org.hpolink.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A text made of pieces of another text, with characters of its own between them (a section header lent to a later
 * sentence, then a space) and replacements (an abbreviation written out), and the ways back and forth:
 * {@link #toSource} maps a span of the made text to the characters of the source text it covers, as Lucene's
 * {@code CharFilter.correctOffset} does, and {@link #fromSource} a span of the source to the made text. Any part of a
 * replacement stands for the whole of what it replaced. Immutable.
 */
public final class OffsetMap {

    /**
     * A run of {@code length} characters that starts at {@code textStart} here and stands for the {@code sourceLength}
     * characters from {@code sourceStart} there: the same characters (a copy) or, for a replacement, others.
     */
    private record Piece(int textStart, int sourceStart, int length, int sourceLength, boolean replacement) {

        /** The other side's segment for this side's {@code start..end}, which overlaps the piece. */
        Segment map(int start, int end, int pieceStart, int pieceLength, int otherStart, int otherLength) {
            if (replacement) {
                return new Segment(otherStart, otherStart + otherLength);
            }
            int from = Math.max(start, pieceStart);
            int to = Math.min(end, pieceStart + pieceLength);
            return new Segment(from - pieceStart + otherStart, to - pieceStart + otherStart);
        }
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
                if (overlaps(segment, piece.textStart(), piece.length())) {
                    mapped.add(piece.map(segment.start(), segment.end(), piece.textStart(), piece.length(), piece.sourceStart(), piece.sourceLength()));
                }
            }
        }
        return mapped.isEmpty() ? Optional.empty() : Optional.of(Span.covering(mapped));
    }

    /**
     * The span of the made text that stands for {@code span} of the source: each segment mapped piece by piece,
     * touching results joined. Empty when the span covers only source characters the made text left out.
     */
    public Optional<Span> fromSource(Span span) {
        List<Segment> mapped = new ArrayList<>();
        for (Segment segment : span.segments()) {
            for (Piece piece : pieces) {
                if (overlaps(segment, piece.sourceStart(), piece.sourceLength())) {
                    mapped.add(piece.map(segment.start(), segment.end(), piece.sourceStart(), piece.sourceLength(), piece.textStart(), piece.length()));
                }
            }
        }
        return mapped.isEmpty() ? Optional.empty() : Optional.of(Span.covering(mapped));
    }

    private static boolean overlaps(Segment segment, int start, int length) {
        return Math.max(segment.start(), start) < Math.min(segment.end(), start + length);
    }

    /** Builds the made text left to right from pieces of the source and text of its own. */
    public static final class Builder {

        private final String source;
        private final StringBuilder text = new StringBuilder();
        private final List<Piece> pieces = new ArrayList<>();

        private Builder(String source) {
            this.source = source;
        }

        /** The text the made text is made of. */
        public String source() {
            return source;
        }

        /** Appends the source's characters {@code start} to {@code end} (end-exclusive). */
        public Builder copy(int start, int end) {
            if (start < 0 || end > source.length() || start > end) {
                throw new IllegalArgumentException("characters " + start + "-" + end + " are not in a source text of length " + source.length());
            }
            if (start < end) {
                pieces.add(new Piece(text.length(), start, end - start, end - start, false));
                text.append(source, start, end);
            }
            return this;
        }

        /** Appends {@code replacement}, which stands for the source's characters {@code start} to {@code end} as a whole. */
        public Builder replace(int start, int end, String replacement) {
            if (start < 0 || end > source.length() || start >= end || replacement.isEmpty()) {
                throw new IllegalArgumentException("characters " + start + "-" + end + " of a source text of length " + source.length()
                        + " cannot be replaced by '" + replacement + "'");
            }
            pieces.add(new Piece(text.length(), start, replacement.length(), end - start, true));
            text.append(replacement);
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
