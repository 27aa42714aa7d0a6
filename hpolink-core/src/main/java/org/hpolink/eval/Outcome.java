package org.hpolink.eval;

/** What one alignment decision adds to the counts of one metric. */
public enum Outcome {
    TRUE_POSITIVE,
    FALSE_POSITIVE,
    FALSE_NEGATIVE
}
