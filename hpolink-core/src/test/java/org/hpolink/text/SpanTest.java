package org.hpolink.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpanTest {

    private static final String TEXT = "EYES: mild hooding and epicanthus";

    @Test
    void pinsTheBc8ConventionOnAHandMadeObservation() {
        Span epicanthus = Span.parse("23-33");
        Span hoodedEyelid = Span.parse("0-4,11-18");

        assertEquals("epicanthus", epicanthus.coveredText(TEXT));
        assertEquals("EYES hooding", hoodedEyelid.coveredText(TEXT));
        assertEquals(List.of(new Segment(0, 4), new Segment(11, 18)), hoodedEyelid.segments());
        assertTrue(hoodedEyelid.isDiscontinuous());
        assertFalse(epicanthus.isDiscontinuous());
        assertEquals(0, hoodedEyelid.start());
        assertEquals(18, hoodedEyelid.end());
        assertEquals(11, hoodedEyelid.coveredLength());
        assertEquals(Span.of(23, 33), epicanthus);
        assertEquals(Span.of(new Segment(0, 4), new Segment(11, 18)), hoodedEyelid);
        assertEquals("0-4,11-18", hoodedEyelid.toString());
    }

    @Test
    void requireWithinAcceptsASpanEndingAtTheTextEndAndRefusesOnePast() {
        Span epicanthus = Span.of(23, 33);

        assertSame(epicanthus, epicanthus.requireWithin(TEXT.length()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> epicanthus.requireWithin(32));
        assertEquals("span 23-33 ends at 33, past the end of the text (length 32)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Span.parse("0-4,30-34").requireWithin(TEXT.length()));
    }

    static Stream<Arguments> malformed() {
        String form = " is not a span: expected start-end[,start-end...] such as 0-4,11-18, offsets without leading zeros";
        String order = " overlap, touch or are out of order: expected each to start after the previous one ends";
        return Stream.of(
                Arguments.of("", "''" + form),
                Arguments.of(" 0-4", "' 0-4'" + form),
                Arguments.of("0-4 ", "'0-4 '" + form),
                Arguments.of("0-4,", "'0-4,'" + form),
                Arguments.of(",0-4", "',0-4'" + form),
                Arguments.of("0-4, 11-18", "'0-4, 11-18'" + form),
                Arguments.of("0-4;11-18", "'0-4;11-18'" + form),
                Arguments.of("a-b", "'a-b'" + form),
                Arguments.of("4", "'4'" + form),
                Arguments.of("-1-4", "'-1-4'" + form),
                Arguments.of("0-4-8", "'0-4-8'" + form),
                Arguments.of("06-13", "'06-13'" + form),
                Arguments.of("6-013", "'6-013'" + form),
                Arguments.of("\u0661-\u0664", "'\u0661-\u0664'" + form),
                Arguments.of("7-3", "segment 7-3 is empty or inverted: expected start < end"),
                Arguments.of("4-4", "segment 4-4 is empty or inverted: expected start < end"),
                Arguments.of("0-4,4-8", "segments 0-4 and 4-8" + order),
                Arguments.of("5-9,0-3", "segments 5-9 and 0-3" + order),
                Arguments.of("0-4,2-8", "segments 0-4 and 2-8" + order),
                Arguments.of("0-4,0-4", "segments 0-4 and 0-4" + order),
                Arguments.of("0-99999999999", "'0-99999999999' has an offset too large for a span"),
                Arguments.of("2147483647-2147483648", "'2147483647-2147483648' has an offset too large for a span"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void parseRejectsMalformedSpansSayingWhy(String bc8Form, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Span.parse(bc8Form)).getMessage());
    }

    @Test
    void parseRejectsNullAndAcceptsTheLargestOffset() {
        assertEquals("'null' is not a span: expected start-end[,start-end...] such as 0-4,11-18, offsets without leading zeros",
                assertThrows(IllegalArgumentException.class, () -> Span.parse(null)).getMessage());
        assertEquals(Span.of(0, Integer.MAX_VALUE), Span.parse("0-2147483647"));
        assertEquals(Span.of(0, 1), Span.parse("0-1"));
    }

    @Test
    void constructorRefusesNoSegmentsAndCopiesItsList() {
        assertEquals("a span needs at least one segment",
                assertThrows(IllegalArgumentException.class, () -> new Span(List.of())).getMessage());
        List<Segment> segments = new ArrayList<>(List.of(new Segment(0, 4)));
        Span span = new Span(segments);
        segments.add(new Segment(11, 18));

        assertEquals(Span.of(0, 4), span);
        assertThrows(UnsupportedOperationException.class, () -> span.segments().add(new Segment(20, 21)));
    }

    @Test
    void overlapsAndContainsFollowCoveredCharacters() {
        Span hoodedEyelid = Span.parse("0-4,11-18");

        assertTrue(hoodedEyelid.overlaps(Span.of(2, 3)));
        assertTrue(hoodedEyelid.overlaps(Span.of(17, 20)));
        assertTrue(hoodedEyelid.overlaps(Span.parse("5-6,17-20")));
        assertFalse(hoodedEyelid.overlaps(Span.of(4, 11)), "the gap between the segments");
        assertFalse(hoodedEyelid.overlaps(Span.of(18, 20)), "touching the end");
        assertTrue(hoodedEyelid.contains(hoodedEyelid));
        assertTrue(hoodedEyelid.contains(Span.of(11, 18)));
        assertTrue(hoodedEyelid.contains(Span.parse("1-2,12-13")));
        assertFalse(hoodedEyelid.contains(Span.of(0, 18)), "the gap is not covered");
        assertFalse(hoodedEyelid.contains(Span.of(3, 12)));
        assertTrue(Span.of(0, 18).contains(hoodedEyelid));
    }

    @Test
    void coveringMergesOverlappingTouchingAndRepeatedSegments() {
        assertEquals(Span.parse("0-6,11-18"),
                Span.covering(List.of(new Segment(11, 18), new Segment(0, 4), new Segment(2, 6))));
        assertEquals(Span.of(0, 8), Span.covering(List.of(new Segment(4, 8), new Segment(0, 4))));
        assertEquals(Span.of(0, 10), Span.covering(List.of(new Segment(0, 10), new Segment(2, 3), new Segment(0, 10))));
        assertEquals(Span.of(0, 9), Span.covering(List.of(new Segment(0, 3), new Segment(6, 9), new Segment(2, 7))));
        assertEquals("a span needs at least one segment",
                assertThrows(IllegalArgumentException.class, () -> Span.covering(List.of())).getMessage());
    }

    @Test
    void ordersBySegmentsLeftToRightThenShorterFirst() {
        List<Span> expected = Stream.of("0-2", "0-4", "0-4,6-8", "0-4,6-8,10-12", "0-4,11-18", "0-5", "1-2", "23-33")
                .map(Span::parse).toList();
        List<Span> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.sort(null);

        assertEquals(expected, shuffled);
    }

    @Property(tries = 500)
    void parseReadsWhatToStringWrites(@ForAll("spans") Span span) {
        String bc8Form = span.toString();

        assertTrue(bc8Form.matches("(0|[1-9]\\d*)-(0|[1-9]\\d*)(,(0|[1-9]\\d*)-(0|[1-9]\\d*))*"), bc8Form);
        assertEquals(span, Span.parse(bc8Form));
        assertEquals(bc8Form, Span.parse(bc8Form).toString());
    }

    @Property(tries = 500)
    void coveringCoversExactlyTheUnionOfItsPieces(@ForAll("pieces") List<Segment> pieces) {
        Span span = Span.covering(pieces);
        BitSet union = new BitSet();
        pieces.forEach(s -> union.set(s.start(), s.end()));

        assertEquals(union, characters(span));
        assertEquals(union.cardinality(), span.coveredLength());
        assertEquals(span, Span.covering(span.segments()), "a valid span covers itself");
    }

    // Pairs of spans have more edge-case combinations than tries; the round trip above already covers the edges.
    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void relationsAndOrderAgreeWithCoveredCharacters(@ForAll("spans") Span a, @ForAll("spans") Span b) {
        BitSet inA = characters(a);
        BitSet inB = characters(b);
        BitSet bOutsideA = (BitSet) inB.clone();
        bOutsideA.andNot(inA);

        assertEquals(inA.intersects(inB), a.overlaps(b));
        assertEquals(a.overlaps(b), b.overlaps(a));
        assertEquals(bOutsideA.isEmpty(), a.contains(b));
        assertEquals(a.equals(b), a.compareTo(b) == 0);
        assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)));
        if (a.start() != b.start()) {
            assertEquals(Integer.signum(Integer.compare(a.start(), b.start())), Integer.signum(a.compareTo(b)));
        }
    }

    /** Valid spans of one to four segments, each at least one character after the previous one. */
    @Provide
    Arbitrary<Span> spans() {
        Arbitrary<Integer> gaps = Arbitraries.integers().between(1, 5);
        Arbitrary<Integer> lengths = Arbitraries.integers().between(1, 6);
        return Arbitraries.integers().between(0, 10).flatMap(first -> lengths.list().ofMinSize(1).ofMaxSize(4)
                .flatMap(ls -> gaps.list().ofSize(ls.size()).map(gs -> {
                    List<Segment> segments = new ArrayList<>();
                    int start = first;
                    for (int i = 0; i < ls.size(); i++) {
                        segments.add(new Segment(start, start + ls.get(i)));
                        start += ls.get(i) + gs.get(i);
                    }
                    return new Span(segments);
                })));
    }

    /** Any segments, overlapping, touching, nested or repeated, in any order. */
    @Provide
    Arbitrary<List<Segment>> pieces() {
        Arbitrary<Segment> segment = Arbitraries.integers().between(0, 25)
                .flatMap(start -> Arbitraries.integers().between(1, 6).map(length -> new Segment(start, start + length)));
        return segment.list().ofMinSize(1).ofMaxSize(6);
    }

    private static BitSet characters(Span span) {
        BitSet covered = new BitSet();
        span.segments().forEach(s -> covered.set(s.start(), s.end()));
        return covered;
    }

    @Test
    void canonicalSpansLoseEdgeWhitespaceAndJoinSegmentsOnlyWhitespaceSeparates() {
        String text = "HANDS: shortened hands";
        assertEquals(Span.parse("7-22"), Span.parse("6-16,17-22").canonical(text));
        assertEquals(Span.parse("0-5,7-16"), Span.parse("0-5,7-16").canonical(text), "a colon keeps segments apart");
        assertThrows(IllegalArgumentException.class, () -> Span.parse("16-17").canonical(text));
    }
}
