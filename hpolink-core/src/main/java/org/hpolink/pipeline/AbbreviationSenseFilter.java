package org.hpolink.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hpolink.corpus.Finding;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoGraph;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.Synonym;
import org.hpolink.ontology.Term;
import org.hpolink.text.Observation;
import org.hpolink.text.Segment;

/**
 * Reads an abbreviation that HPO gives to several terms by the words around it: {@code ASD} is Atrial septal defect in
 * {@code Echo: small secundum ASD} or {@code ASD and VSD}, and Autistic behavior in {@code ASD with repetitive
 * behaviors}. Each sense has the words of its names, of its descendants' names and of its parents' and grandparents'
 * names, and the words by which notes point to its organ system without naming a term ({@code echo} for the heart;
 * {@link #SYSTEM_CUES}). The context is the window's words and the words of the other findings' labels there. The
 * sense whose words in the context weigh most wins, each word weighing the more the fewer HPO terms name it
 * ({@code secundum} much, {@code with} nearly nothing); a tie keeps the pipeline's sense. A document that defines
 * the abbreviation is read as it says later on ({@link DefinedAbbreviations}). For prose (the notes profile). In HPO
 * 2023-01-27 only {@code ASD} is such an abbreviation.
 */
public final class AbbreviationSenseFilter implements FindingFilter {

    /** How HPO writes an abbreviation among its synonyms: capitals and digits, from two to six of them. */
    private static final Pattern ABBREVIATION = Pattern.compile("[A-Z][A-Z0-9]{1,5}");
    /** Words too short to tell senses apart ({@code of}, {@code the}, other abbreviations' letters). */
    private static final int MIN_WORD_LENGTH = 4;
    /**
     * For an organ system, the tests, specialists and procedures by which notes point to it, words that HPO's names of
     * its terms seldom or never hold ({@code Echo showed a large ASD}); each weighs as a word of one name would. Of
     * the systems HPO's shared abbreviations fall in: the heart's (ASD) and behavior (ASD).
     */
    private static final Map<HpoId, List<String>> SYSTEM_CUES = Map.of(
            HpoId.of("HP:0001626"), List.of("echo", "echocardiogram", "echocardiography", "cardiology", "cardiologist", "catheterization",
                    "closure", "repair", "repaired"),
            HpoId.of("HP:0000708"), List.of("ados", "psychology", "psychologist", "psychiatry", "psychiatrist", "therapy", "spectrum"));

    private final Hpo hpo;
    private final Map<String, List<HpoId>> senses = new HashMap<>();
    private final Map<HpoId, Set<String>> senseWords = new HashMap<>();
    /** A word's weight: the log of the number of HPO's terms over the number whose names hold it. */
    private final Map<String, Double> weights = new HashMap<>();

    public AbbreviationSenseFilter(Hpo hpo) {
        this.hpo = hpo;
        Map<String, Set<HpoId>> byAbbreviation = new HashMap<>();
        Map<String, Integer> termsNaming = new HashMap<>();
        for (Term term : hpo.activeTerms()) {
            for (Synonym synonym : term.synonyms()) {
                if (ABBREVIATION.matcher(synonym.text()).matches()) {
                    byAbbreviation.computeIfAbsent(synonym.text(), a -> new TreeSet<>()).add(term.id());
                }
            }
            namesOf(term).forEach(word -> termsNaming.merge(word, 1, Integer::sum));
        }
        double terms = hpo.activeTerms().size();
        termsNaming.forEach((word, count) -> weights.put(word, Math.log(terms / count)));
        byAbbreviation.forEach((abbreviation, ids) -> {
            if (ids.size() > 1) {
                senses.put(abbreviation, List.copyOf(ids));
                ids.forEach(id -> senseWords.computeIfAbsent(id, sense -> wordsOfSense(hpo, sense)));
            }
        });
        senseWords.forEach((sense, words) -> SYSTEM_CUES.forEach((system, cues) -> {
            if (sense.equals(system) || HpoGraph.isDescendantOf(hpo, sense, system)) {
                for (String cue : cues) {
                    NameWords.of(cue, MIN_WORD_LENGTH).forEach(word -> {
                        words.add(word);
                        weights.putIfAbsent(word, Math.log(terms));
                    });
                }
            }
        }));
    }

    private Set<String> wordsOfSense(Hpo hpo, HpoId sense) {
        Set<HpoId> related = new HashSet<>(HpoGraph.descendants(hpo, sense));
        related.add(sense);
        for (HpoId parent : hpo.parents(sense)) {
            related.add(parent);
            related.addAll(hpo.parents(parent));
        }
        Set<String> words = new HashSet<>();
        for (HpoId id : related) {
            hpo.term(id).ifPresent(term -> words.addAll(namesOf(term)));
        }
        return words;
    }

    /** The words of a term's label and synonyms. */
    private static Set<String> namesOf(Term term) {
        Set<String> words = new HashSet<>();
        term.names().forEach(name -> words.addAll(NameWords.of(name, MIN_WORD_LENGTH)));
        return words;
    }

    /** The senses of the abbreviation that the finding's last segment is, or null when it is none. */
    private List<HpoId> sensesOf(ScoredFinding scored, String text) {
        List<Segment> segments = scored.finding().span().segments();
        return senses.get(segments.get(segments.size() - 1).coveredText(text));
    }

    @Override
    public List<ScoredFinding> apply(Observation observation, List<ScoredFinding> findings) {
        List<ScoredFinding> out = new ArrayList<>(findings.size());
        Set<String> context = null;
        for (ScoredFinding scored : findings) {
            List<HpoId> candidates = sensesOf(scored, observation.text());
            if (candidates == null || !candidates.contains(scored.finding().id())) {
                out.add(scored);
                continue;
            }
            if (context == null) {
                context = context(observation, findings);
            }
            HpoId sense = bestSense(candidates, context, scored.finding().id());
            Finding finding = scored.finding();
            out.add(sense.equals(finding.id()) ? scored : scored.with(finding.withId(sense)));
        }
        return out;
    }

    /** The window's words and those of its findings' labels (an abbreviation's own label is two senses' words). */
    private Set<String> context(Observation observation, List<ScoredFinding> findings) {
        Set<String> context = new HashSet<>(NameWords.of(observation.text(), MIN_WORD_LENGTH));
        for (ScoredFinding scored : findings) {
            if (sensesOf(scored, observation.text()) == null) {
                hpo.term(scored.finding().id()).ifPresent(term -> context.addAll(NameWords.of(term.label(), MIN_WORD_LENGTH)));
            }
        }
        return context;
    }

    /** The sense whose words in {@code context} weigh most; {@code current} on a tie. */
    private HpoId bestSense(List<HpoId> candidates, Set<String> context, HpoId current) {
        HpoId best = current;
        double most = -1;
        boolean tie = false;
        for (HpoId candidate : candidates) {
            double weight = senseWords.get(candidate).stream().filter(context::contains).mapToDouble(w -> weights.getOrDefault(w, 0.0)).sum();
            if (weight > most) {
                best = candidate;
                most = weight;
                tie = false;
            } else if (weight == most) {
                tie = true;
            }
        }
        return tie ? current : best;
    }
}
