package org.hpolink.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;

/**
 * Combines extractors by weighted voting over what they propose, as the pipeline we follow does: a mention (span, id
 * and status alike) scores the summed weights of the members proposing it over the summed weights of all members,
 * and is kept when that share reaches the threshold. A member proposing a mention twice votes once. Kept mentions
 * carry their share as score and {@link #SOURCE} as source, sorted by span. Immutable and thread-safe if the members
 * are.
 */
public final class EnsembleExtractor implements MentionExtractor {

    public static final String SOURCE = "ensemble";

    /** An extractor and the weight of its vote. */
    public record Member(MentionExtractor extractor, double weight) {
        public Member {
            Objects.requireNonNull(extractor, "extractor");
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("a member's weight is " + weight + ": expected a positive number");
            }
        }
    }

    private record Vote(Span span, Optional<HpoId> id, FindingStatus status) {
    }

    private final List<Member> members;
    private final double threshold;
    private final double totalWeight;

    /**
     * @param threshold the share of the total weight a mention needs, in (0, 1]
     */
    public EnsembleExtractor(List<Member> members, double threshold) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold is " + threshold + ": expected a share in (0, 1]");
        }
        this.members = List.copyOf(members);
        this.threshold = threshold;
        this.totalWeight = members.stream().mapToDouble(Member::weight).sum();
    }

    @Override
    public List<Mention> extract(Observation observation) {
        return extractAll(List.of(observation)).get(0);
    }

    /** Each member extracts from all the observations at once, then the votes are counted per observation. */
    @Override
    public List<List<Mention>> extractAll(List<Observation> observations) {
        List<List<List<Mention>>> proposals = members.stream().map(m -> m.extractor().extractAll(observations)).toList();
        List<List<Mention>> results = new ArrayList<>(observations.size());
        for (int o = 0; o < observations.size(); o++) {
            Map<Vote, Double> weights = new LinkedHashMap<>();
            for (int m = 0; m < members.size(); m++) {
                Set<Vote> votes = new LinkedHashSet<>();
                proposals.get(m).get(o).forEach(mention -> votes.add(new Vote(mention.span(), mention.id(), mention.status())));
                double weight = members.get(m).weight();
                votes.forEach(vote -> weights.merge(vote, weight, Double::sum));
            }
            results.add(kept(weights));
        }
        return results;
    }

    private List<Mention> kept(Map<Vote, Double> weights) {
        List<Mention> kept = new ArrayList<>();
        weights.forEach((vote, weight) -> {
            // Clamped: a sum of doubles may pass 1 by a rounding error.
            double share = Math.min(1, weight / totalWeight);
            if (share >= threshold) {
                kept.add(new Mention(vote.span(), vote.id(), vote.status(), share, SOURCE));
            }
        });
        kept.sort(Comparator.comparing(Mention::span));
        return List.copyOf(kept);
    }
}
