package org.hpolink.corpus;

import java.util.List;
import java.util.Objects;
import org.hpolink.text.Document;

/** A document and its findings, sorted by span then id: the unit every document writer writes. */
public record AnnotatedDocument(Document document, List<DocumentFinding> findings) {

    public AnnotatedDocument {
        Objects.requireNonNull(document, "document");
        findings = List.copyOf(findings);
        for (DocumentFinding finding : findings) {
            try {
                finding.span().requireWithin(document.text().length());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("document " + document.id() + ", finding " + finding.id() + ": " + e.getMessage(), e);
            }
        }
    }

    public String id() {
        return document.id();
    }
}
