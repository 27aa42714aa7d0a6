package org.hpolink.text;

import java.util.Objects;
import java.util.Optional;

/**
 * A section of a document: from its heading ({@code Family history:}, {@code PHYSICAL EXAMINATION},
 * {@code HEENT: ...}) to the next heading, or the text before the first heading, which has none.
 */
public record DocumentSection(Optional<Section> heading, Segment extent) {

    public DocumentSection {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(extent, "extent");
        heading.ifPresent(h -> {
            if (!extent.contains(h.segment())) {
                throw new IllegalArgumentException("the heading " + h.name() + " at " + h.segment() + " lies outside its section " + extent);
            }
        });
    }
}
