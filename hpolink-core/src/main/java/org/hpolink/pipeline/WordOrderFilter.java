package org.hpolink.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hpolink.corpus.Finding;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.Term;
import org.hpolink.text.Observation;

/**
 * Gives a finding the term whose name has its words in the order written, where HPO names two terms with the same
 * words in another order: the lexicon's keys are bags of words, so {@code left-to-right shunt} and {@code cone-rod
 * dystrophy} met Right-to-left shunt and Rod-cone dystrophy. A finding whose words, in order, are no such name keeps
 * its id. For prose (the notes profile).
 */
public final class WordOrderFilter implements FindingFilter {

    /** Words in order -> the one term with a name of those words in that order, for names another term shares the words of. */
    private final Map<List<String>, HpoId> byOrderedWords = new HashMap<>();
    /** The terms with such a name: only their findings are read again. */
    private final Set<HpoId> ordered = new HashSet<>();

    public WordOrderFilter(Hpo hpo) {
        Map<List<String>, Set<HpoId>> byOrder = new HashMap<>();
        Map<List<String>, Set<HpoId>> byBag = new HashMap<>();
        for (Term term : hpo.activeTerms()) {
            for (String name : term.names()) {
                List<String> words = NameWords.of(name, 1);
                if (words.size() > 1) {
                    byOrder.computeIfAbsent(words, w -> new TreeSet<>()).add(term.id());
                    byBag.computeIfAbsent(bag(words), w -> new TreeSet<>()).add(term.id());
                }
            }
        }
        byOrder.forEach((words, ids) -> {
            if (ids.size() == 1 && byBag.get(bag(words)).size() > 1) {
                byOrderedWords.put(words, ids.iterator().next());
            }
        });
        ordered.addAll(byOrderedWords.values());
    }

    private static List<String> bag(List<String> words) {
        return words.stream().sorted().collect(Collectors.toList());
    }

    @Override
    public List<ScoredFinding> apply(Observation observation, List<ScoredFinding> findings) {
        List<ScoredFinding> out = new ArrayList<>(findings.size());
        for (ScoredFinding scored : findings) {
            Finding finding = scored.finding();
            HpoId named = ordered.contains(finding.id())
                    ? byOrderedWords.get(NameWords.of(finding.span().coveredText(observation.text()), 1)) : null;
            out.add(named == null || named.equals(finding.id()) ? scored : scored.with(finding.withId(named)));
        }
        return out;
    }
}
