package org.hpolink.pipeline;

import static org.hpolink.model.ConfigChecks.requireNonNegative;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.hpolink.extract.Mention;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.normalize.Candidate;
import org.hpolink.normalize.Normalizer;
import org.hpolink.text.Observation;

/**
 * An extractor whose mentions take their id from a normalizer where the extractor is unsure: mentions without an
 * id, or whose score is below {@code trustFrom}, get the normalizer's best id; the others keep theirs. Spans, status
 * and scores are the extractor's. With {@code trustFrom} 0 only mentions without an id are normalized; above 1, all.
 * Where the normalizer ranks nothing (the sparse one, for a text sharing no n-gram with any name), a mention keeps
 * its own id, and one without an id is left out: a finding needs an id.
 */
public final class NormalizedExtractor implements MentionExtractor {

    private final MentionExtractor extractor;
    private final Normalizer normalizer;
    private final double trustFrom;

    public NormalizedExtractor(MentionExtractor extractor, Normalizer normalizer, double trustFrom) {
        requireNonNegative("trustFrom", trustFrom);
        this.extractor = extractor;
        this.normalizer = normalizer;
        this.trustFrom = trustFrom;
    }

    @Override
    public List<Mention> extract(Observation observation) {
        return extractAll(List.of(observation)).get(0);
    }

    /** The mentions to normalize, of all the observations, are ranked together. */
    @Override
    public List<List<Mention>> extractAll(List<Observation> observations) {
        List<List<Mention>> extracted = extractor.extractAll(observations);
        List<Normalizer.Query> queries = new ArrayList<>();
        for (int o = 0; o < observations.size(); o++) {
            for (Mention mention : extracted.get(o)) {
                if (!isTrusted(mention)) {
                    queries.add(new Normalizer.Query(observations.get(o), mention));
                }
            }
        }
        Iterator<List<Candidate>> ranked = normalizer.rankMentions(queries, 1).iterator();
        List<List<Mention>> results = new ArrayList<>(observations.size());
        for (List<Mention> mentions : extracted) {
            List<Mention> normalized = new ArrayList<>();
            for (Mention mention : mentions) {
                if (isTrusted(mention)) {
                    normalized.add(mention);
                    continue;
                }
                // A normalizer that knows no id for the text leaves the extractor's, or drops a mention that had none.
                Optional<Candidate> top = ranked.next().stream().findFirst();
                if (top.isPresent()) {
                    normalized.add(new Mention(mention.span(), Optional.of(top.get().id()), mention.status(), mention.score(), mention.source()));
                } else if (mention.id().isPresent()) {
                    normalized.add(mention);
                }
            }
            results.add(normalized);
        }
        return results;
    }

    private boolean isTrusted(Mention mention) {
        return mention.id().isPresent() && mention.score() >= trustFrom;
    }
}
