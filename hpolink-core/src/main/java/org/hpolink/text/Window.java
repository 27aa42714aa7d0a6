package org.hpolink.text;

import java.util.Objects;

/**
 * A bounded part of a document, annotated as one observation: its text (a run of the document's sentences, with the
 * header of its line lent to it when it does not start the line) and the map of that text back to the document.
 */
public record Window(Observation observation, OffsetMap offsets) {

    public Window {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(offsets, "offsets");
        if (!observation.text().equals(offsets.text())) {
            throw new IllegalArgumentException("window " + observation.id() + ": its observation's text is not the text its offsets map");
        }
    }
}
