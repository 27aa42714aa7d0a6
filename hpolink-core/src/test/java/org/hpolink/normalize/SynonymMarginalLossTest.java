package org.hpolink.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The loss and its gradient on a hand-computed example, against finite differences, and its edge cases. */
class SynonymMarginalLossTest {

    /**
     * Scores 1, 2, 0; the first and third carry the gold id. softmax = (e, e^2, 1) / (e + e^2 + 1); the gold mass is
     * (e + 1) / (e + e^2 + 1), so the loss is ln(e + e^2 + 1) - ln(e + 1) = ln(11.107337) - ln(3.718282) = 1.094344.
     * The gradient p_c - [gold] w_c / (e + 1) is (0.244728 - 0.731059, 0.665241, 0.090031 - 0.268941).
     */
    @Test
    void threeCandidatesByHand() {
        SynonymMarginalLoss.Value value = SynonymMarginalLoss.of(new double[] {1, 2, 0}, new boolean[] {true, false, true});

        assertEquals(1.0943442769261573, value.loss(), 1e-12);
        assertArrayEquals(new double[] {-0.4863301075752072, 0.6652409557748219, -0.17891084819961464}, value.gradient(), 1e-12);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        double[] scores = {0.3, -1.2, 2.5, 0.9, 0.0};
        boolean[] gold = {false, true, false, true, false};
        double[] gradient = SynonymMarginalLoss.of(scores, gold).gradient();
        double h = 1e-6;
        for (int c = 0; c < scores.length; c++) {
            double[] up = scores.clone();
            double[] down = scores.clone();
            up[c] += h;
            down[c] -= h;
            double numeric = (SynonymMarginalLoss.of(up, gold).loss() - SynonymMarginalLoss.of(down, gold).loss()) / (2 * h);
            assertEquals(numeric, gradient[c], 1e-6, "candidate " + c);
        }
    }

    @Test
    void allGoldCostsNothingAndLargeScoresDoNotOverflow() {
        assertEquals(0, SynonymMarginalLoss.of(new double[] {3, 1}, new boolean[] {true, true}).loss(), 1e-12);
        SynonymMarginalLoss.Value huge = SynonymMarginalLoss.of(new double[] {1000, 999}, new boolean[] {false, true});
        assertEquals(Math.log(1 + Math.E), huge.loss(), 1e-9);
        assertTrue(Double.isFinite(huge.gradient()[0]));
    }

    @Test
    void noGoldCandidateOrMismatchedLengthsAreRefused() {
        IllegalArgumentException noGold = assertThrows(IllegalArgumentException.class,
                () -> SynonymMarginalLoss.of(new double[] {1, 2}, new boolean[] {false, false}));
        assertTrue(noGold.getMessage().contains("no candidate carries the gold id"), noGold.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SynonymMarginalLoss.of(new double[] {1, 2}, new boolean[] {true}));
    }
}
