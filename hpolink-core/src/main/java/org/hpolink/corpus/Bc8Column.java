package org.hpolink.corpus;

import java.util.List;

/** A column of BC8 files, with the header names it goes by in the official files and in the public release. */
enum Bc8Column {
    ID("ObservationID", "StringID"),
    TEXT("Text"),
    TERM("HPO Term", "Term"),
    POLARITY("Polarity", "Negated"),
    SPANS("Spans");

    private final List<String> headerNames;

    Bc8Column(String... headerNames) {
        this.headerNames = List.of(headerNames);
    }

    List<String> headerNames() {
        return headerNames;
    }

    /** The accepted names as a phrase for messages: {@code ObservationID or StringID}. */
    String describe() {
        return String.join(" or ", headerNames);
    }
}
