package org.hpolink.format;

import java.util.Locale;

/** The formats {@code annotate} writes. */
public enum OutputFormat {
    /** One JSON object a document a line, {@code {"id": ..., "findings": [...]}}: every finding, whatever its assertion. */
    JSONL,
    /** A Phenopacket v2 a document (JSON): the patient's findings, negated ones as excluded features. */
    PHENOPACKET,
    /** BioC XML: a document a document, an annotation a finding. */
    BIOC,
    /** A table, one row a finding: the one a person opens in a spreadsheet. */
    TSV,
    /** The official BC8 submission: the present findings only. */
    BC8;

    /** The name on the command line: {@code jsonl}, {@code phenopacket}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
