package org.hpolink.text;

import java.util.List;
import java.util.Objects;

/**
 * A document cut into sections, sentences and windows, all with offsets into its text: the sections cover the text
 * from the first heading or non-blank character on, the sentences and windows its non-blank runs, in text order.
 */
public record SegmentedDocument(Document document, List<DocumentSection> sections, List<Segment> sentences, List<Window> windows) {

    public SegmentedDocument {
        Objects.requireNonNull(document, "document");
        sections = List.copyOf(sections);
        sentences = List.copyOf(sentences);
        windows = List.copyOf(windows);
    }
}
