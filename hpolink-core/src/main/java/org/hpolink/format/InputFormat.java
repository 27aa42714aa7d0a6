package org.hpolink.format;

import java.util.Locale;

/** The kinds of input {@code annotate} reads. */
public enum InputFormat {
    /** One text file: one document, its id the file name. */
    TEXT,
    /** A folder of text files: one document each, its id the file name; hidden files are skipped. */
    FOLDER,
    /** JSON Lines: one {@code {"id": "...", "text": "..."}} object a line. */
    JSONL,
    /** A BC8 TSV: one document an observation. */
    BC8,
    /** A folder in the {@code corpus/} + {@code ann/} layout: the texts of {@code corpus/}. */
    CORPUS;

    /** The name on the command line: {@code text}, {@code folder}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
