package org.hpolink.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hpolink.corpus.Finding;
import org.hpolink.extract.Mention;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.extract.lexical.LexicalMentionExtractor;
import org.hpolink.extract.lexical.LexicalModel;
import org.hpolink.ontology.Hpo;
import org.hpolink.text.Observation;

/**
 * The pipeline wired in one place: an extractor whose mentions carry their ids, then the filters in order.
 * Mentions are taken best score first, so filters that keep the first of a conflict keep the best.
 */
public final class ExtractionPipeline implements Pipeline {

    private final MentionExtractor extractor;
    private final List<FindingFilter> filters;

    public ExtractionPipeline(MentionExtractor extractor, List<FindingFilter> filters) {
        this.extractor = extractor;
        this.filters = List.copyOf(filters);
    }

    /** hpolink's lexical mode: the lexical extractor, ids mapped to primary ids, one finding per span. */
    public static ExtractionPipeline lexical(LexicalModel model, Hpo hpo) {
        return of(new LexicalMentionExtractor(model), hpo);
    }

    /**
     * {@code extractor}, whose mentions carry their ids (the lexical, grid or ensemble one, a normalizer behind it
     * where needed), then the filters every pipeline uses: ids mapped to primary ids, one finding per span.
     */
    public static ExtractionPipeline of(MentionExtractor extractor, Hpo hpo) {
        return new ExtractionPipeline(extractor, List.of(new PrimaryIdFilter(hpo), new DistinctSpanFilter()));
    }

    /** The extractor works on all the observations at once. */
    @Override
    public List<List<ScoredFinding>> annotateScored(List<Observation> observations) {
        List<List<Mention>> extracted = extractor.extractAll(observations);
        List<List<ScoredFinding>> results = new ArrayList<>(observations.size());
        for (int o = 0; o < observations.size(); o++) {
            results.add(findings(observations.get(o), extracted.get(o)));
        }
        return results;
    }

    private List<ScoredFinding> findings(Observation observation, List<Mention> extracted) {
        List<Mention> mentions = new ArrayList<>(extracted);
        mentions.sort(Comparator.comparingDouble(Mention::score).reversed());
        List<ScoredFinding> findings = new ArrayList<>();
        for (Mention mention : mentions) {
            Finding finding = new Finding(mention.id().orElseThrow(() -> new IllegalStateException("observation " + observation.id()
                    + ": the " + mention.source() + " extractor gave no id for the mention at " + mention.span()
                    + " and this pipeline has no normalizer")), mention.span(), mention.status());
            findings.add(new ScoredFinding(finding, mention.score(), mention.source()));
        }
        for (FindingFilter filter : filters) {
            findings = filter.apply(observation, findings);
        }
        List<ScoredFinding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing((ScoredFinding f) -> f.finding().span()).thenComparing(f -> f.finding().id()));
        return List.copyOf(sorted);
    }
}
