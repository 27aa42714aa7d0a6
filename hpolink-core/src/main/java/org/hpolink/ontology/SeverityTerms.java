package org.hpolink.ontology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terms of a release that are another term at a given severity: {@code Intellectual disability, moderate} is
 * {@code Intellectual disability} at {@code moderate}, {@code Severe global developmental delay} is {@code Global
 * developmental delay} at {@code severe}. Found from the names alone: a name (label or exact synonym) that, without its
 * severity word, is the name of one of the term's ancestors. Immutable.
 */
public final class SeverityTerms {

    /** The severity words HPO's names use, lower case. */
    public static final List<String> SEVERITIES = List.of("borderline", "mild", "moderate", "severe", "profound");

    private static final Pattern SEVERITY = Pattern.compile("(?i)\\b(" + String.join("|", SEVERITIES) + ")\\b");

    /** general id -> severity word -> the term at that severity. */
    private final Map<HpoId, Map<String, HpoId>> refined;
    /** term at a severity -> its general term. */
    private final Map<HpoId, HpoId> general;

    private SeverityTerms(Map<HpoId, Map<String, HpoId>> refined, Map<HpoId, HpoId> general) {
        this.refined = refined;
        this.general = general;
    }

    /** The severity terms of {@code hpo}; where two terms name the same general term and severity, the lower id. */
    public static SeverityTerms of(Hpo hpo) {
        Map<String, Set<HpoId>> idsByName = new HashMap<>();
        for (Term term : hpo.activeTerms()) {
            for (String name : names(term)) {
                idsByName.computeIfAbsent(normalized(name), k -> new HashSet<>()).add(term.id());
            }
        }
        Map<HpoId, Map<String, HpoId>> refined = new TreeMap<>();
        Map<HpoId, HpoId> general = new TreeMap<>();
        for (Term term : hpo.activeTerms()) {
            for (String name : names(term)) {
                Matcher severity = SEVERITY.matcher(name);
                if (!severity.find() || general.containsKey(term.id())) {
                    continue;
                }
                String rest = normalized(name.substring(0, severity.start()) + " " + name.substring(severity.end()));
                Set<HpoId> ancestors = ancestors(hpo, term.id());
                idsByName.getOrDefault(rest, Set.of()).stream().filter(ancestors::contains).sorted().findFirst().ifPresent(of -> {
                    Map<String, HpoId> bySeverity = refined.computeIfAbsent(of, k -> new TreeMap<>());
                    if (bySeverity.putIfAbsent(severity.group(1).toLowerCase(Locale.ROOT), term.id()) == null) {
                        general.put(term.id(), of);
                    }
                });
            }
        }
        refined.replaceAll((id, bySeverity) -> Collections.unmodifiableMap(bySeverity));
        return new SeverityTerms(Collections.unmodifiableMap(refined), Collections.unmodifiableMap(general));
    }

    /** The term that is {@code id} at {@code severity} (one of {@link #SEVERITIES}), if the release has one. */
    public Optional<HpoId> atSeverity(HpoId id, String severity) {
        return Optional.ofNullable(refined.getOrDefault(id, Map.of()).get(severity.toLowerCase(Locale.ROOT)));
    }

    /** The general term {@code id} is a severity of, if it is one. */
    public Optional<HpoId> generalOf(HpoId id) {
        return Optional.ofNullable(general.get(id));
    }

    /** Whether some term is {@code id} at a severity. */
    public boolean hasSeverities(HpoId id) {
        return refined.containsKey(id);
    }

    /** How many terms are another at a severity. */
    public int size() {
        return general.size();
    }

    private static List<String> names(Term term) {
        List<String> names = new ArrayList<>();
        names.add(term.label());
        term.synonyms().stream().filter(s -> s.scope() == SynonymScope.EXACT).forEach(s -> names.add(s.text()));
        return names;
    }

    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replace(',', ' ').trim().replaceAll("\\s+", " ");
    }

    private static Set<HpoId> ancestors(Hpo hpo, HpoId id) {
        Set<HpoId> seen = new HashSet<>();
        Deque<HpoId> queue = new ArrayDeque<>(hpo.parents(id));
        while (!queue.isEmpty()) {
            HpoId next = queue.poll();
            if (seen.add(next) && hpo.isActive(next)) {
                queue.addAll(hpo.parents(next));
            }
        }
        return seen;
    }
}
