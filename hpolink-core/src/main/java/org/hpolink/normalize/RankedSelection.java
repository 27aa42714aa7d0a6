package org.hpolink.normalize;

import java.util.Arrays;

/** Picks the positions of the k highest scores, best first; ties go to the smaller position. */
final class RankedSelection {

    private RankedSelection() {
    }

    /**
     * The positions of at most {@code k} highest scores above {@code floor}, best first. Positions are visited in
     * ascending order and only a strictly better score moves one up, so ties keep the smaller position first.
     */
    static int[] top(float[] scores, int k, float floor) {
        // The k best so far, kept by insertion: most positions fail the first test once k are kept.
        int[] top = new int[Math.min(k, scores.length)];
        int kept = 0;
        for (int i = 0; i < scores.length; i++) {
            float score = scores[i];
            if (score <= floor || kept == top.length && score <= scores[top[kept - 1]]) {
                continue;
            }
            int at = kept < top.length ? kept++ : kept - 1;
            while (at > 0 && scores[top[at - 1]] < score) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }
        return Arrays.copyOf(top, kept);
    }
}
