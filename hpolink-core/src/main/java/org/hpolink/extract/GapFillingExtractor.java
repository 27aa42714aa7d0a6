package org.hpolink.extract;

import static org.hpolink.model.ConfigChecks.requireScore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hpolink.text.Observation;

/**
 * A primary extractor whose gaps a secondary one fills: all the primary's mentions, plus each of the secondary's
 * scored at least {@code secondaryFrom} whose span shares no character with any of the primary's. With a
 * {@link TextCoverage} (a cascade), the secondary reads only the observations where the primary's mentions leave
 * gaps. Sorted by span. Immutable and thread-safe if both extractors are.
 */
public final class GapFillingExtractor implements MentionExtractor {

    private final MentionExtractor primary;
    private final MentionExtractor secondary;
    private final double secondaryFrom;
    private final TextCoverage coverage;

    public GapFillingExtractor(MentionExtractor primary, MentionExtractor secondary, double secondaryFrom) {
        this(primary, secondary, secondaryFrom, null);
    }

    /** @param coverage what tells where the primary's mentions leave gaps; null to run the secondary everywhere */
    public GapFillingExtractor(MentionExtractor primary, MentionExtractor secondary, double secondaryFrom, TextCoverage coverage) {
        requireScore("secondaryFrom", secondaryFrom);
        this.primary = primary;
        this.secondary = secondary;
        this.secondaryFrom = secondaryFrom;
        this.coverage = coverage;
    }

    @Override
    public List<Mention> extract(Observation observation) {
        return extractAll(List.of(observation)).get(0);
    }

    @Override
    public List<List<Mention>> extractAll(List<Observation> observations) {
        List<List<Mention>> first = primary.extractAll(observations);
        List<Integer> gapped = new ArrayList<>();
        for (int o = 0; o < observations.size(); o++) {
            if (coverage == null || coverage.leavesGaps(observations.get(o), first.get(o))) {
                gapped.add(o);
            }
        }
        List<List<Mention>> second = gapped.isEmpty() ? List.of() : secondary.extractAll(gapped.stream().map(observations::get).toList());
        List<List<Mention>> results = new ArrayList<>(first);
        for (int g = 0; g < gapped.size(); g++) {
            int o = gapped.get(g);
            List<Mention> kept = new ArrayList<>(first.get(o));
            for (Mention candidate : second.get(g)) {
                if (candidate.score() >= secondaryFrom && first.get(o).stream().noneMatch(m -> m.span().overlaps(candidate.span()))) {
                    kept.add(candidate);
                }
            }
            results.set(o, kept);
        }
        results.replaceAll(mentions -> {
            List<Mention> sorted = new ArrayList<>(mentions);
            sorted.sort(Comparator.comparing(Mention::span));
            return List.copyOf(sorted);
        });
        return results;
    }
}
