package org.hpolink.ontology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One HPO class as a release records it. Built once (directly or with {@link #builder}) and immutable.
 *
 * <p>Invariants, checked on creation:
 * <ul>
 *   <li>the label is not blank;</li>
 *   <li>{@code parents} (the targets of this term's is_a edges) and {@code alternativeIds} are sorted, hold no
 *       duplicates and never the term's own id;</li>
 *   <li>an obsolete term has no parents: a release drops the is_a edges of the terms it deprecates;</li>
 *   <li>only an obsolete term has a {@code replacedBy}, and never itself.</li>
 * </ul>
 * Whether parents and replacements name terms that exist is a property of the whole ontology, checked by {@link Hpo}.
 *
 * @param synonyms in the order the release lists them; a synonym may repeat the label
 * @param parents the direct is_a parents
 * @param alternativeIds ids merged into this term ({@code alt_id}), which now mean this term
 * @param replacedBy for an obsolete term, the term to use instead ({@code IAO:0100001 term replaced by})
 */
public record Term(HpoId id, String label, List<Synonym> synonyms, List<HpoId> parents, List<HpoId> alternativeIds,
                   boolean obsolete, Optional<HpoId> replacedBy, Optional<String> definition) {

    public Term {
        Objects.requireNonNull(id, "id");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException(id + ": a term needs a non-blank label, got '" + label + "'");
        }
        synonyms = List.copyOf(synonyms);
        parents = sortedIds(id, "parent", parents);
        alternativeIds = sortedIds(id, "alternative id", alternativeIds);
        Objects.requireNonNull(replacedBy, "replacedBy");
        Objects.requireNonNull(definition, "definition");
        if (obsolete && !parents.isEmpty()) {
            throw new IllegalArgumentException(id + " is obsolete but has parents " + parents + ": expected none");
        }
        if (replacedBy.isPresent() && !obsolete) {
            throw new IllegalArgumentException(id + " is replaced by " + replacedBy.get() + " but not obsolete: only an obsolete term has a replacement");
        }
        if (replacedBy.filter(id::equals).isPresent()) {
            throw new IllegalArgumentException(id + " is replaced by itself");
        }
    }

    /** The label, then each synonym's text, whatever its scope. */
    public List<String> names() {
        List<String> names = new ArrayList<>(1 + synonyms.size());
        names.add(label);
        synonyms.forEach(synonym -> names.add(synonym.text()));
        return names;
    }

    private static List<HpoId> sortedIds(HpoId owner, String role, List<HpoId> ids) {
        List<HpoId> sorted = ids.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            HpoId id = Objects.requireNonNull(sorted.get(i), () -> owner + ": null " + role);
            if (id.equals(owner)) {
                throw new IllegalArgumentException(owner + " lists itself as its own " + role);
            }
            if (i > 0 && id.equals(sorted.get(i - 1))) {
                throw new IllegalArgumentException(owner + " lists " + role + " " + id + " twice");
            }
        }
        return sorted;
    }

    public static Builder builder(HpoId id) {
        return new Builder(id);
    }

    /** Collects a term's parts one at a time; {@link #build} checks them. Not thread-safe; use it and drop it. */
    public static final class Builder {

        private final HpoId id;
        private String label;
        private final List<Synonym> synonyms = new ArrayList<>();
        private final List<HpoId> parents = new ArrayList<>();
        private final List<HpoId> alternativeIds = new ArrayList<>();
        private boolean obsolete;
        private HpoId replacedBy;
        private String definition;

        private Builder(HpoId id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder synonym(String text, SynonymScope scope) {
            synonyms.add(new Synonym(text, scope));
            return this;
        }

        public Builder parent(HpoId parent) {
            parents.add(parent);
            return this;
        }

        public Builder alternativeId(HpoId alternativeId) {
            alternativeIds.add(alternativeId);
            return this;
        }

        public Builder definition(String definition) {
            this.definition = definition;
            return this;
        }

        /** Marks the term obsolete, with no replacement unless {@link #replacedBy} names one. */
        public Builder obsolete() {
            this.obsolete = true;
            return this;
        }

        /** Marks the term obsolete and names the term to use instead. */
        public Builder replacedBy(HpoId replacement) {
            this.obsolete = true;
            this.replacedBy = Objects.requireNonNull(replacement, "replacement");
            return this;
        }

        public Term build() {
            return new Term(id, label, synonyms, parents, alternativeIds, obsolete, Optional.ofNullable(replacedBy),
                    Optional.ofNullable(definition));
        }
    }
}
