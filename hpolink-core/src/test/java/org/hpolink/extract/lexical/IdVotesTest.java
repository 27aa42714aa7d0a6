package org.hpolink.extract.lexical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.hpolink.ontology.HpoId;
import org.junit.jupiter.api.Test;

class IdVotesTest {

    private static final HpoId SMALLER = HpoId.of("HP:0000369");
    private static final HpoId LARGER = HpoId.of("HP:0000411");

    @Test
    void theHeaviestIdWinsWithItsShareOfTheWeight() {
        IdVotes votes = new IdVotes(new TreeMap<>(Map.of(SMALLER, 3, LARGER, 10)));

        assertEquals(LARGER, votes.best());
        assertEquals(10.0 / 13, votes.confidence(), 1e-12);
        assertTrue(votes.names(SMALLER));
        assertFalse(votes.names(HpoId.of("HP:0000001")));
    }

    @Test
    void aTieGoesToTheSmallerId() {
        assertEquals(SMALLER, new IdVotes(new TreeMap<>(Map.of(LARGER, 2, SMALLER, 2))).best());
        assertEquals(0.5, new IdVotes(new TreeMap<>(Map.of(LARGER, 2, SMALLER, 2))).confidence());
    }

    @Test
    void needsAnId() {
        assertThrows(IllegalArgumentException.class, () -> new IdVotes(new TreeMap<>()));
    }
}
