package org.hpolink.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.ObservableIds;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.Synonym;
import org.hpolink.ontology.SynonymScope;
import org.hpolink.ontology.Term;

/**
 * The names a normalizer ranks: labels and synonyms of the observable HPO terms, plus the text of every training
 * mention with its id (dictionary expansion), in a fixed order.
 */
public record NameDictionary(List<Name> names) {

    /** Where a name comes from. */
    public enum Source {
        LABEL,
        SYNONYM,
        MENTION
    }

    /** A name of an id. */
    public record Name(String text, HpoId id, Source source) {

        public Name {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source");
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a name of " + id + " needs a non-blank text, got '" + text + "'");
            }
        }
    }

    public NameDictionary {
        names = List.copyOf(names);
    }

    /**
     * @param scopes the synonym scopes to include (exact and related are the useful ones; broad and narrow name
     *               other concepts)
     */
    public static NameDictionary of(Hpo hpo, Corpus training, Set<SynonymScope> scopes) {
        Set<HpoId> observable = ObservableIds.of(training, hpo);
        List<Name> names = new ArrayList<>();
        for (Term term : hpo.activeTerms()) {
            if (!observable.contains(term.id())) {
                continue;
            }
            names.add(new Name(term.label(), term.id(), Source.LABEL));
            for (Synonym synonym : term.synonyms()) {
                if (scopes.contains(synonym.scope())) {
                    names.add(new Name(synonym.text(), term.id(), Source.SYNONYM));
                }
            }
        }
        for (AnnotatedObservation observation : training.observations()) {
            for (Finding finding : observation.keyFindings()) {
                names.add(new Name(finding.span().coveredText(observation.text()), ObservableIds.primary(hpo, finding.id()), Source.MENTION));
            }
        }
        return new NameDictionary(names);
    }

    public int size() {
        return names.size();
    }
}
