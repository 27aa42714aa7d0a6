package org.hpolink.eval;

/** The three BC8 Track 3 metrics. */
public enum Metric {
    /** Right HPO id, spans ignored (subtask 3a). */
    NORMALIZATION("normalization"),
    /** Right HPO id with the identical spans (subtask 3b). */
    EXACT("exact"),
    /** Right HPO id with overlapping spans (subtask 3b, lenient). */
    OVERLAP("overlap");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    /** The lower-case name used in tables. */
    public String label() {
        return label;
    }
}
