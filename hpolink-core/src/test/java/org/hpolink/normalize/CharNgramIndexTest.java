package org.hpolink.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Character n-grams and their TF-IDF cosine on a three-name index whose scores are worked out by hand. */
class CharNgramIndexTest {

    /** Smoothed idf of a gram held by {@code df} of the 3 names: ln((1 + 3) / (1 + df)) + 1. */
    private static double idf(int df) {
        return Math.log(4.0 / (1 + df)) + 1;
    }

    @Test
    void gramsArePaddedWithASpaceAndComeShorterFirstInTextOrder() {
        CharNgramIndex index = new CharNgramIndex(List.of(), 2, 3);

        assertEquals(List.of(" a", "ab", "b ", " ab", "ab "), index.grams("ab"));
    }

    @Test
    void gramsIgnoreCaseAndTurnRunsOfPunctuationAndSpaceIntoOneSpace() {
        CharNgramIndex index = new CharNgramIndex(List.of(), 2, 3);

        List<String> plain = index.grams("low set ears");
        assertEquals(plain, index.grams("Low-set, EARS!"));
        assertEquals(plain, index.grams("  (low) -- set\tears "));
        assertEquals(List.of(" 5", "5t", "th", "h ", " 5t", "5th", "th "), index.grams("5TH"));
        assertEquals(List.of(" é", "éa", "a ", " éa", "éa "), index.grams("ÉA"), "letters beyond ASCII are letters too");
    }

    @Test
    void aTextWithoutLettersOrDigitsHasNoGrams() {
        CharNgramIndex index = new CharNgramIndex(List.of(), 2, 3);

        assertEquals(List.of(), index.grams(""));
        assertEquals(List.of(), index.grams(" -- ,; "));
        assertFalse(CharNgramIndex.hasLetterOrDigit(" -- ,; "));
        assertTrue(CharNgramIndex.hasLetterOrDigit("-- 4 --"));
    }

    @Test
    void gramLengthsMustBeAtLeastOneAndInOrder() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new CharNgramIndex(List.of("a"), 0, 2));
        assertEquals("n-gram lengths 0 to 2: expected 1 <= minimum <= maximum", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CharNgramIndex(List.of("a"), 3, 2));
    }

    /**
     * Names "ab", "abb" and "cb" as bigrams: " a" "ab" "b " / " a" "ab" "bb" "b " / " c" "cb" "b ". Document
     * frequencies: " a" 2, "ab" 2, "b " 3, "bb" 1, " c" 1, "cb" 1. The query "abab" has " a" once, "ab" twice, "b "
     * once and "ba", which no name has and so is dropped.
     */
    @Test
    void scoresAreTheTfIdfCosineWorkedOutByHand() {
        CharNgramIndex index = new CharNgramIndex(List.of("ab", "abb", "cb"), 2, 2);
        double i1 = idf(1);
        double i2 = idf(2);
        double i3 = idf(3);
        assertEquals(1.0, i3, 1e-12, "a gram every name holds still counts, with idf 1");

        double query = Math.sqrt(i2 * i2 + (2 * i2) * (2 * i2) + i3 * i3);
        double ab = Math.sqrt(i2 * i2 + i2 * i2 + i3 * i3);
        double abb = Math.sqrt(i2 * i2 + i2 * i2 + i1 * i1 + i3 * i3);
        double cb = Math.sqrt(i1 * i1 + i1 * i1 + i3 * i3);
        double shared = i2 * i2 + 2 * i2 * i2 + i3 * i3;
        double[] expected = {shared / (query * ab), shared / (query * abb), i3 * i3 / (query * cb)};

        float[] scores = index.scores("abab");

        assertEquals(3, scores.length);
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], scores[i], 1e-6, "name " + i);
        }
        // about 0.943, 0.731 and 0.126
        assertTrue(expected[0] > expected[1] && expected[1] > expected[2], () -> java.util.Arrays.toString(expected));
    }

    @Test
    void anIndexedTextScoresOneAgainstItself() {
        List<String> names = List.of("Low-set ears", "Thin ear helix", "Hooded eyelid", "low set");
        CharNgramIndex index = new CharNgramIndex(names, 2, 3);

        for (int i = 0; i < names.size(); i++) {
            assertEquals(1.0, index.scores(names.get(i))[i], 1e-6, names.get(i));
        }
        assertEquals(1.0, index.scores("LOW SET EARS")[0], 1e-6, "case and punctuation do not count");
    }

    @Test
    void aQueryWithoutKnownGramsScoresZeroEverywhere() {
        CharNgramIndex index = new CharNgramIndex(List.of("ab", "cb"), 2, 2);

        assertArrayEquals(new float[] {0, 0}, index.scores("xyz"));
        assertArrayEquals(new float[] {0, 0}, index.scores("--"));
    }

    @Test
    void aNameWithoutLettersOrDigitsMatchesNothing() {
        CharNgramIndex index = new CharNgramIndex(List.of("--", "ab"), 2, 2);

        assertArrayEquals(new float[] {0, 1}, index.scores("ab"), 1e-6f);
    }
}
