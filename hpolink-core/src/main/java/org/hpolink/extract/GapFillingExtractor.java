package org.hpolink.extract;

import static org.hpolink.model.ConfigChecks.requireScore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hpolink.text.Observation;

/**
 * A primary extractor whose gaps a secondary one fills: all the primary's mentions, plus each of the secondary's
 * scored at least {@code secondaryFrom} whose span shares no character with any of the primary's. Sorted by span.
 * Immutable and thread-safe if both extractors are.
 */
public final class GapFillingExtractor implements MentionExtractor {

    private final MentionExtractor primary;
    private final MentionExtractor secondary;
    private final double secondaryFrom;

    public GapFillingExtractor(MentionExtractor primary, MentionExtractor secondary, double secondaryFrom) {
        requireScore("secondaryFrom", secondaryFrom);
        this.primary = primary;
        this.secondary = secondary;
        this.secondaryFrom = secondaryFrom;
    }

    @Override
    public List<Mention> extract(Observation observation) {
        return extractAll(List.of(observation)).get(0);
    }

    @Override
    public List<List<Mention>> extractAll(List<Observation> observations) {
        List<List<Mention>> first = primary.extractAll(observations);
        List<List<Mention>> second = secondary.extractAll(observations);
        List<List<Mention>> results = new ArrayList<>(observations.size());
        for (int o = 0; o < observations.size(); o++) {
            List<Mention> kept = new ArrayList<>(first.get(o));
            for (Mention candidate : second.get(o)) {
                if (candidate.score() >= secondaryFrom && first.get(o).stream().noneMatch(m -> m.span().overlaps(candidate.span()))) {
                    kept.add(candidate);
                }
            }
            kept.sort(Comparator.comparing(Mention::span));
            results.add(List.copyOf(kept));
        }
        return results;
    }
}
