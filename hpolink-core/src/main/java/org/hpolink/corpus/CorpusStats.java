package org.hpolink.corpus;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hpolink.ontology.HpoId;

/**
 * Counts that describe an annotated corpus, for reports and for checking a file reads as documented.
 *
 * @param observationsWithoutFindings observations with neither key nor normal findings (a single NA row)
 * @param observationsWithoutKeyFindings observations with no key finding, whether or not they have normal ones
 * @param overlappingKeyPairs unordered pairs of key findings of one observation whose spans share at least one
 *     character ({@link org.hpolink.text.Span#overlaps}, end-exclusive offsets). On train.tsv this gives the
 *     documented 163, as does the official scorer's inclusive-bounds test (no two key spans there merely
 *     touch); comparing the hulls (first start to last end) of discontinuous spans would give 219.
 * @param keyFindingsBySection key findings per section name ({@code ""} for observations without a header), over
 *     every section name of the corpus, including those with no key finding
 */
public record CorpusStats(
        int observations,
        int keyFindings,
        int distinctKeyIds,
        int normalFindings,
        int discontinuousKeyFindings,
        int observationsWithoutFindings,
        int observationsWithoutKeyFindings,
        int overlappingKeyPairs,
        SortedMap<String, Integer> keyFindingsBySection) {

    public CorpusStats {
        keyFindingsBySection = Collections.unmodifiableSortedMap(new TreeMap<>(keyFindingsBySection));
    }

    public static CorpusStats of(Corpus corpus) {
        int keyFindings = 0;
        int normalFindings = 0;
        int discontinuous = 0;
        int withoutFindings = 0;
        int withoutKeyFindings = 0;
        int overlapping = 0;
        TreeSet<HpoId> keyIds = new TreeSet<>();
        TreeMap<String, Integer> bySection = new TreeMap<>();
        for (AnnotatedObservation observation : corpus.observations()) {
            List<Finding> keys = observation.keyFindings();
            keyFindings += keys.size();
            normalFindings += observation.normalFindings().size();
            withoutFindings += observation.findings().isEmpty() ? 1 : 0;
            withoutKeyFindings += keys.isEmpty() ? 1 : 0;
            bySection.merge(observation.observation().sectionName(), keys.size(), Integer::sum);
            for (int i = 0; i < keys.size(); i++) {
                Finding key = keys.get(i);
                keyIds.add(key.id());
                discontinuous += key.span().isDiscontinuous() ? 1 : 0;
                for (int j = i + 1; j < keys.size(); j++) {
                    overlapping += key.span().overlaps(keys.get(j).span()) ? 1 : 0;
                }
            }
        }
        return new CorpusStats(corpus.size(), keyFindings, keyIds.size(), normalFindings, discontinuous, withoutFindings,
                withoutKeyFindings, overlapping, bySection);
    }
}
