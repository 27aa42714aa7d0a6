package org.hpolink.corpus;

/** Whether a finding is a key (abnormal) finding, scored in BC8, or a normal one ({@code X}), never output. */
public enum FindingStatus {
    KEY,
    NORMAL
}
