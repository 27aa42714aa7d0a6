package org.hpolink.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OffsetMapTest {

    private static final String SOURCE = "EARS: low set. Thin helices.";

    @Test
    void theIdentityOfARunShiftsItsOffsets() {
        OffsetMap map = OffsetMap.of(SOURCE, 15, 27);

        assertEquals("Thin helices", map.text());
        assertEquals(Optional.of(Span.parse("15-27")), map.toSource(Span.parse("0-12")));
    }

    @Test
    void piecesAreMappedApartAndTheMadeTextsOwnCharactersAreLeftOut() {
        OffsetMap map = OffsetMap.builder(SOURCE).copy(0, 5).insert(" ").copy(15, 27).build();

        assertEquals("EARS: Thin helices", map.text());
        assertEquals(Optional.of(Span.parse("0-4,15-27")), map.toSource(Span.parse("0-4,6-18")));
        assertEquals(Optional.of(Span.parse("0-5,15-19")), map.toSource(Span.parse("0-10")), "a segment across pieces is cut");
        assertEquals(Optional.empty(), map.toSource(Span.parse("5-6")));
    }

    @Test
    void piecesThatTouchInTheSourceAreJoined() {
        OffsetMap map = OffsetMap.builder(SOURCE).copy(0, 4).copy(4, 13).build();

        assertEquals(Optional.of(Span.parse("0-13")), map.toSource(Span.parse("0-13")));
    }

    @Test
    void aPieceMustLieInTheSource() {
        assertThrows(IllegalArgumentException.class, () -> OffsetMap.builder(SOURCE).copy(20, 40));
        assertThrows(IllegalArgumentException.class, () -> OffsetMap.builder(SOURCE).copy(5, 4));
    }
}
