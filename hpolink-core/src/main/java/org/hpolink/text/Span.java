package org.hpolink.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where a mention lies in its observation text: one or more segments (discontinuous mentions have several), in
 * text order, neither overlapping nor touching. Offsets are 0-based and end-exclusive, as in BC8 files, whose
 * form {@code 0-4,11-18} {@link #parse} reads and {@link #toString} writes.
 */
public record Span(List<Segment> segments) implements Comparable<Span> {

    private static final Pattern BC8_FORM = Pattern.compile("((?:0|[1-9]\\d*)-(?:0|[1-9]\\d*),)*(?:0|[1-9]\\d*)-(?:0|[1-9]\\d*)");

    /** Orders spans by their segments, left to right, then the shorter first. */
    private static final Comparator<Span> ORDER = (a, b) -> {
        int n = Math.min(a.segments.size(), b.segments.size());
        for (int i = 0; i < n; i++) {
            int c = a.segments.get(i).compareTo(b.segments.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.segments.size(), b.segments.size());
    };

    public Span {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a span needs at least one segment");
        }
        for (int i = 1; i < segments.size(); i++) {
            Segment previous = segments.get(i - 1);
            Segment next = segments.get(i);
            if (next.start() <= previous.end()) {
                throw new IllegalArgumentException("segments " + previous + " and " + next
                        + " overlap, touch or are out of order: expected each to start after the previous one ends");
            }
        }
    }

    public static Span of(int start, int end) {
        return new Span(List.of(new Segment(start, end)));
    }

    public static Span of(Segment... segments) {
        return new Span(List.of(segments));
    }

    /**
     * The span covering the union of the given segments: overlapping or touching segments are merged, so the
     * result is always valid.
     */
    public static Span covering(Collection<Segment> pieces) {
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("a span needs at least one segment");
        }
        List<Segment> merged = new ArrayList<>();
        for (Segment piece : new TreeSet<>(pieces)) {
            if (!merged.isEmpty() && piece.start() <= merged.get(merged.size() - 1).end()) {
                Segment last = merged.remove(merged.size() - 1);
                merged.add(new Segment(last.start(), Math.max(last.end(), piece.end())));
            } else {
                merged.add(piece);
            }
        }
        return new Span(merged);
    }

    /**
     * Parses the BC8 form {@code a-b[,c-d...]}. Offsets with leading zeros are refused: the official scorer
     * compares span strings, so {@code 06-13} would not match {@code 6-13} there.
     *
     * @throws IllegalArgumentException naming what is wrong with the string
     */
    public static Span parse(String bc8Form) {
        if (bc8Form == null || !BC8_FORM.matcher(bc8Form).matches()) {
            throw new IllegalArgumentException("'" + bc8Form + "' is not a span: expected start-end[,start-end...] such as 0-4,11-18, offsets without leading zeros");
        }
        List<Segment> segments = new ArrayList<>();
        for (String piece : bc8Form.split(",")) {
            int dash = piece.indexOf('-');
            try {
                segments.add(new Segment(Integer.parseInt(piece.substring(0, dash)), Integer.parseInt(piece.substring(dash + 1))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + bc8Form + "' has an offset too large for a span", e);
            }
        }
        return new Span(segments);
    }

    public int start() {
        return segments.get(0).start();
    }

    public int end() {
        return segments.get(segments.size() - 1).end();
    }

    public boolean isDiscontinuous() {
        return segments.size() > 1;
    }

    /** Number of characters covered. */
    public int coveredLength() {
        int length = 0;
        for (Segment segment : segments) {
            length += segment.length();
        }
        return length;
    }

    /**
     * Checks that the span lies inside a text of the given length.
     *
     * @throws IllegalArgumentException if a segment ends past the text
     */
    public Span requireWithin(int textLength) {
        if (end() > textLength) {
            throw new IllegalArgumentException("span " + this + " ends at " + end() + ", past the end of the text (length " + textLength + ")");
        }
        return this;
    }

    /** The covered text, segments joined by a single space. */
    public String coveredText(CharSequence text) {
        StringBuilder sb = new StringBuilder();
        for (Segment segment : segments) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(text, segment.start(), segment.end());
        }
        return sb.toString();
    }

    /** Whether any character is covered by both spans. */
    public boolean overlaps(Span other) {
        for (Segment a : segments) {
            for (Segment b : other.segments) {
                if (a.intersects(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether every character of {@code other} is covered by this span. */
    public boolean contains(Span other) {
        // loops, not streams: overlap resolution asks this of every pair of candidates
        for (Segment b : other.segments) {
            if (!containsSegment(b)) {
                return false;
            }
        }
        return true;
    }

    private boolean containsSegment(Segment b) {
        for (Segment a : segments) {
            if (a.contains(b)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int compareTo(Span other) {
        return ORDER.compare(this, other);
    }

    /**
     * The span as words can express it: each segment without the whitespace at its ends, and segments that only
     * whitespace separates made one. Annotators sometimes left a space inside a segment's offsets or split a phrase at
     * a space; no word-level model reproduces either, so the grid model and the LLM extractor give the canonical span.
     *
     * @throws IllegalArgumentException if a segment holds only whitespace
     */
    public Span canonical(String text) {
        List<Segment> trimmed = new ArrayList<>();
        for (Segment segment : segments) {
            int start = segment.start();
            int end = segment.end();
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (start == end) {
                throw new IllegalArgumentException("segment " + segment + " holds only whitespace");
            }
            Segment last = trimmed.isEmpty() ? null : trimmed.get(trimmed.size() - 1);
            if (last != null && text.substring(last.end(), start).isBlank()) {
                trimmed.set(trimmed.size() - 1, new Segment(last.start(), end));
            } else {
                trimmed.add(new Segment(start, end));
            }
        }
        return new Span(trimmed);
    }

    /** The BC8 form, e.g. {@code 0-4,11-18}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Segment segment : segments) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(segment);
        }
        return sb.toString();
    }
}
