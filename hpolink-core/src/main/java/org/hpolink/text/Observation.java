package org.hpolink.text;

import java.util.Objects;
import java.util.Optional;

/**
 * One examination observation: its identifier, its text (header included, as in BC8 files) and the header
 * found at its start, if any.
 */
public record Observation(String id, String text, Optional<Section> section) {

    public Observation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(section, "section");
        if (id.isBlank()) {
            throw new IllegalArgumentException("an observation id cannot be blank");
        }
        // Callers cut mentions from the header's segment, so it must be the header's text in this observation.
        section.ifPresent(s -> {
            if (s.segment().end() > text.length() || !s.segment().coveredText(text).equals(s.name())) {
                throw new IllegalArgumentException("observation " + id + ": section " + s.name() + " at " + s.segment()
                        + " is not in its text: expected the segment to cover the name");
            }
        });
    }

    /** An observation whose section header is read from the start of its text. */
    public static Observation of(String id, String text) {
        return new Observation(id, text, Section.find(text));
    }

    /** The section name, or an empty string when the text has no header. */
    public String sectionName() {
        return section.map(Section::name).orElse("");
    }
}
