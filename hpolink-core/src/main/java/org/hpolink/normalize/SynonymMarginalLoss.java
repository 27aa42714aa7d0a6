package org.hpolink.normalize;

/**
 * BioSyn's synonym marginalization loss for one query: the negative log of the summed softmax probability of the
 * candidates that carry the gold id, {@code -log sum_{c gold} softmax(s)_c}, and its gradient with respect to the
 * scores, {@code p_c - [c gold] p_c / P_gold}.
 */
final class SynonymMarginalLoss {

    /** The loss and its gradient with respect to each candidate's score. */
    record Value(double loss, double[] gradient) {
    }

    private SynonymMarginalLoss() {
    }

    /**
     * @param scores the candidates' scores
     * @param gold   which candidates carry the gold id; at least one must
     * @throws IllegalArgumentException if the arrays differ in length or no candidate is gold
     */
    static Value of(double[] scores, boolean[] gold) {
        if (scores.length != gold.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + gold.length + " gold flags");
        }
        double max = Double.NEGATIVE_INFINITY;
        boolean anyGold = false;
        for (int c = 0; c < scores.length; c++) {
            max = Math.max(max, scores[c]);
            anyGold |= gold[c];
        }
        if (!anyGold) {
            throw new IllegalArgumentException("no candidate carries the gold id: the loss is undefined");
        }
        // Shifted by the maximum so that exp cannot overflow; the shift cancels in the ratios.
        double total = 0;
        double goldTotal = 0;
        double[] weights = new double[scores.length];
        for (int c = 0; c < scores.length; c++) {
            weights[c] = Math.exp(scores[c] - max);
            total += weights[c];
            if (gold[c]) {
                goldTotal += weights[c];
            }
        }
        double[] gradient = new double[scores.length];
        for (int c = 0; c < scores.length; c++) {
            double probability = weights[c] / total;
            gradient[c] = probability - (gold[c] ? weights[c] / goldTotal : 0);
        }
        return new Value(Math.log(total) - Math.log(goldTotal), gradient);
    }
}
