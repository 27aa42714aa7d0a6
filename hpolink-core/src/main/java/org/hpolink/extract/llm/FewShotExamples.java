package org.hpolink.extract.llm;

import static org.hpolink.model.ConfigChecks.requireRange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.normalize.CharNgramIndex;
import org.hpolink.text.Observation;

/**
 * Picks the annotated observations a prompt shows as examples: those of the same section first (an {@code EYES}
 * observation learns most from other {@code EYES} ones), then the most similar by the cosine of their character
 * 2- and 3-gram TF-IDF vectors, as the sparse normalizer scores names; ties go to the earlier observation.
 */
public final class FewShotExamples {

    private static final int MIN_GRAM = 2;
    private static final int MAX_GRAM = 3;

    private final List<AnnotatedObservation> pool;
    private final CharNgramIndex index;
    private final int count;

    /** @param count examples a prompt shows, 0 to 100 */
    public FewShotExamples(List<AnnotatedObservation> pool, int count) {
        requireRange("examples", count, 0, 100);
        this.pool = List.copyOf(pool);
        this.index = new CharNgramIndex(this.pool.stream().map(AnnotatedObservation::text).toList(), MIN_GRAM, MAX_GRAM);
        this.count = count;
    }

    public int count() {
        return count;
    }

    /**
     * The examples for {@code observation}, least similar first, so that the closest stands next to the question. An
     * annotated observation with the observation's own id is never its example: its answer would be given away.
     */
    public List<AnnotatedObservation> similarTo(Observation observation) {
        if (count == 0 || pool.isEmpty()) {
            return List.of();
        }
        float[] scores = index.scores(observation.text());
        String section = observation.sectionName();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            order.add(i);
        }
        Comparator<Integer> sameSectionFirst = Comparator.comparing(i -> section.isEmpty() || !pool.get(i).observation().sectionName().equals(section));
        order.removeIf(i -> pool.get(i).id().equals(observation.id()));
        order.sort(sameSectionFirst.thenComparing(i -> -scores[i]).thenComparing(i -> i));
        List<AnnotatedObservation> chosen = new ArrayList<>();
        for (int i = Math.min(count, order.size()) - 1; i >= 0; i--) {
            chosen.add(pool.get(order.get(i)));
        }
        return chosen;
    }
}
