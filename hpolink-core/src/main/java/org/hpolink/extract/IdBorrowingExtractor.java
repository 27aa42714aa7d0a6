package org.hpolink.extract;

import java.util.ArrayList;
import java.util.List;
import org.hpolink.text.Observation;

/**
 * One extractor's mentions with another's ids: each mention of {@code spans} that has no id takes the id of a
 * mention of {@code ids} with the same span and status, if there is one; its span, status, score and source stay.
 * Immutable and thread-safe if both extractors are.
 */
public final class IdBorrowingExtractor implements MentionExtractor {

    private final MentionExtractor spans;
    private final MentionExtractor ids;

    public IdBorrowingExtractor(MentionExtractor spans, MentionExtractor ids) {
        this.spans = spans;
        this.ids = ids;
    }

    @Override
    public List<Mention> extract(Observation observation) {
        return extractAll(List.of(observation)).get(0);
    }

    @Override
    public List<List<Mention>> extractAll(List<Observation> observations) {
        List<List<Mention>> found = spans.extractAll(observations);
        List<List<Mention>> lenders = ids.extractAll(observations);
        List<List<Mention>> results = new ArrayList<>(observations.size());
        for (int o = 0; o < observations.size(); o++) {
            List<Mention> borrowed = new ArrayList<>();
            for (Mention mention : found.get(o)) {
                borrowed.add(mention.id().isPresent() ? mention : lenders.get(o).stream()
                        .filter(lender -> lender.id().isPresent() && lender.span().equals(mention.span()) && lender.status() == mention.status())
                        .findFirst()
                        .map(lender -> new Mention(mention.span(), lender.id(), mention.status(), mention.score(), mention.source()))
                        .orElse(mention));
            }
            results.add(List.copyOf(borrowed));
        }
        return results;
    }
}
