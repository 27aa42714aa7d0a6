package org.hpolink.ontology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the active terms of an HPO whose label or a synonym contains a text, ignoring case. */
public final class TermSearch {

    /** A term found, with the name that contained the text: its label (no scope) or one of its synonyms. */
    public record Match(Term term, String name, Optional<SynonymScope> scope) {

        public boolean byLabel() {
            return scope.isEmpty();
        }
    }

    /**
     * Shorter names first, which puts names equal to the text (ignoring case) first, since every other name that
     * contains it is longer; then labels before synonyms, then by id and name, so the order never varies.
     */
    private static final Comparator<Match> ORDER = Comparator.comparingInt((Match m) -> m.name().length())
            .thenComparing(m -> !m.byLabel())
            .thenComparing(m -> m.term().id())
            .thenComparing(Match::name);

    private TermSearch() {
    }

    /**
     * Every active term with a name containing {@code text} (ignoring case), once, by its best name, in
     * {@link #ORDER}.
     */
    public static List<Match> search(Hpo hpo, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        List<Match> matches = new ArrayList<>();
        for (Term term : hpo.activeTerms()) {
            List<Match> names = new ArrayList<>();
            match(term, term.label(), Optional.empty(), needle).ifPresent(names::add);
            for (Synonym synonym : term.synonyms()) {
                match(term, synonym.text(), Optional.of(synonym.scope()), needle).ifPresent(names::add);
            }
            names.stream().min(ORDER).ifPresent(matches::add);
        }
        matches.sort(ORDER);
        return List.copyOf(matches);
    }

    private static Optional<Match> match(Term term, String name, Optional<SynonymScope> scope, String needle) {
        return name.toLowerCase(Locale.ROOT).contains(needle) ? Optional.of(new Match(term, name, scope)) : Optional.empty();
    }
}
