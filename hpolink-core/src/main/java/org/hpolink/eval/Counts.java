package org.hpolink.eval;

/** True positives, false positives and false negatives of one metric, with the scores they give. */
public record Counts(int tp, int fp, int fn) {

    public static final Counts ZERO = new Counts(0, 0, 0);

    public Counts {
        if (tp < 0 || fp < 0 || fn < 0) {
            throw new IllegalArgumentException("counts tp=" + tp + " fp=" + fp + " fn=" + fn + ": expected none negative");
        }
    }

    /** A single decision: one true positive, false positive or false negative. */
    public static Counts of(Outcome outcome) {
        return switch (outcome) {
            case TRUE_POSITIVE -> new Counts(1, 0, 0);
            case FALSE_POSITIVE -> new Counts(0, 1, 0);
            case FALSE_NEGATIVE -> new Counts(0, 0, 1);
        };
    }

    public Counts plus(Counts other) {
        return new Counts(tp + other.tp, fp + other.fp, fn + other.fn);
    }

    /** TP / (TP + FP), 0 when nothing was predicted. */
    public double precision() {
        return ratio(tp, tp + fp);
    }

    /** TP / (TP + FN), 0 when there was nothing to find. */
    public double recall() {
        return ratio(tp, tp + fn);
    }

    /** 2PR / (P + R), 0 when P + R = 0. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
