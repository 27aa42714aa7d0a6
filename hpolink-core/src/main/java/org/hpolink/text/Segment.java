package org.hpolink.text;

/**
 * One contiguous piece of a span: character offsets into the observation text, 0-based, {@code start} inclusive
 * and {@code end} exclusive (the BC8 convention), never empty.
 */
public record Segment(int start, int end) implements Comparable<Segment> {

    public Segment {
        if (start < 0) {
            throw new IllegalArgumentException("segment start " + start + " is negative");
        }
        if (end <= start) {
            throw new IllegalArgumentException("segment " + start + "-" + end + " is empty or inverted: expected start < end");
        }
    }

    public int length() {
        return end - start;
    }

    /** Whether the two segments share at least one character (end-exclusive offsets). */
    public boolean intersects(Segment other) {
        return start < other.end && other.start < end;
    }

    public boolean contains(Segment other) {
        return start <= other.start && other.end <= end;
    }

    public String coveredText(CharSequence text) {
        return text.subSequence(start, end).toString();
    }

    @Override
    public int compareTo(Segment other) {
        return start != other.start ? Integer.compare(start, other.start) : Integer.compare(end, other.end);
    }

    /** The BC8 form {@code start-end}. */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}
