package org.hpolink.corpus;

import java.util.List;
import java.util.Objects;
import org.hpolink.text.Document;

/** A document of a gold set in the {@code corpus/} + {@code ann/} layout, with its annotated mentions in file order. */
public record GoldDocument(Document document, List<GoldMention> mentions) {

    public GoldDocument {
        Objects.requireNonNull(document, "document");
        mentions = List.copyOf(mentions);
    }

    public String id() {
        return document.id();
    }
}
