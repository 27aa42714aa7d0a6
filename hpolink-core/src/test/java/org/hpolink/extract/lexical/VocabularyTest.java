package org.hpolink.extract.lexical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private final Vocabulary vocabulary = new Vocabulary(List.of("posterior", "rotat", "low", "set", "helix", "broad", "bread", "ear"), 5);

    @Test
    void numbersTheStemsInSortedOrder() {
        assertEquals(List.of("bread", "broad", "ear", "helix", "low", "posterior", "rotat", "set"), vocabulary.stems());
        assertEquals(8, vocabulary.size());
        assertEquals(5, vocabulary.id("posterior"));
        assertEquals("posterior", vocabulary.stem(5));
        assertEquals(Vocabulary.UNKNOWN, vocabulary.id("anterior"));
        assertTrue(vocabulary.contains("ear"));
        assertFalse(vocabulary.contains("ears"));
    }

    @Test
    void correctsAWordOneEditFromASingleStem() {
        assertEquals("posterior", vocabulary.correct("psterior"), "deletion");
        assertEquals("posterior", vocabulary.correct("posteriorr"), "insertion");
        assertEquals("posterior", vocabulary.correct("postarior"), "substitution");
        assertEquals("posterior", vocabulary.correct("psoterior"), "transposition");
        assertEquals("rotat", vocabulary.correct("rotta"), "transposition in a short stem");
    }

    @Test
    void leavesKnownWordsAsTheyAre() {
        assertEquals("posterior", vocabulary.correct("posterior"));
        assertEquals("set", vocabulary.correct("set"));
    }

    @Test
    void leavesAWordTwoStemsAwayUntouched() {
        // One substitution from both "broad" and "bread".
        assertEquals("braad", vocabulary.correct("braad"));
    }

    @Test
    void leavesWordsShorterThanTheMinimumUntouched() {
        assertEquals("helx", vocabulary.correct("helx"), "one deletion from helix, but 4 letters");
        assertEquals("helix", new Vocabulary(List.of("helix"), 4).correct("helx"), "the minimum is configured");
    }

    @Test
    void neverChangesTheFirstLetter() {
        assertEquals("costerior", vocabulary.correct("costerior"));
        assertEquals("osterior", vocabulary.correct("osterior"));
    }

    @Test
    void leavesWordsWithOtherThanLettersUntouched() {
        assertEquals("poster1or", vocabulary.correct("poster1or"));
    }

    @Test
    void shortStemsAreNeverCorrectionTargets() {
        // "ear" is shorter than four letters, so no typo maps to it, however short the configured minimum.
        assertEquals("eaxr", new Vocabulary(List.of("ear"), 1).correct("eaxr"));
    }
}
