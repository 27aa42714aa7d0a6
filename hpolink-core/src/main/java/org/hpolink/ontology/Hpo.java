package org.hpolink.ontology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * A read-only HPO release: its terms, their is_a graph and the history of their ids. Built once from plain
 * collections by {@link #of}; {@link HpoJsonReader} makes one from an obographs file, and walks over the graph
 * (ancestors, descendants, depth) live in {@link HpoGraph}.
 *
 * <p>Invariants, checked by {@code of}, which otherwise throws an {@link IllegalArgumentException} naming the ids:
 * <ul>
 *   <li>no two terms share a primary id;</li>
 *   <li>every parent is an active term of this ontology (obsolete terms have no parents, see {@link Term});</li>
 *   <li>exactly one active term has no parent, the {@link #root}, and the is_a graph has no cycle, so every active
 *       term reaches the root;</li>
 *   <li>an alternative id is listed by one term only and is never the primary id of an active term; it may be the
 *       primary id of an obsolete term, since releases keep an obsolete record for many merged ids;</li>
 *   <li>every replacement is a known id, and following replacements and alternative ids never loops.</li>
 * </ul>
 *
 * <p>A <em>known</em> id is the primary id of a term, active or obsolete, or an alternative id. {@link #term},
 * {@link #primaryId} and {@link #isKnown} take any id; {@link #parents}, {@link #children} and {@link HpoGraph}
 * take the primary id of an active term and reject other ids, so that an old id is mapped once, on purpose, with
 * {@link #primaryId}, rather than silently somewhere.
 *
 * <p>Thread-safe: the state is immutable apart from a cache of ancestor sets that {@link HpoGraph} fills lazily in a
 * {@link ConcurrentHashMap}.
 */
public final class Hpo {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final String release;
    private final Optional<String> sha256;
    private final HpoId root;
    private final List<Term> terms;
    private final List<Term> activeTerms;
    private final Map<HpoId, Term> termsById;
    /** Alternative id to the primary id of the term that lists it. */
    private final Map<HpoId, HpoId> alternativeIdOwners;
    /** Every known id that is not an active primary id, to the active term it now means; absent where none. */
    private final Map<HpoId, HpoId> primaryIds;
    /** Active id to its children, sorted; absent for leaves. */
    private final Map<HpoId, List<HpoId>> children;

    /** Ancestor sets (excluding the term itself) of the terms {@link HpoGraph} was asked about. */
    final ConcurrentMap<HpoId, SortedSet<HpoId>> ancestorCache = new ConcurrentHashMap<>();

    private Hpo(String release, Optional<String> sha256, Collection<Term> terms) {
        if (release == null || release.isBlank()) {
            throw new IllegalArgumentException("an HPO needs a non-blank release name, got '" + release + "'");
        }
        sha256.ifPresent(hash -> {
            if (!SHA256.matcher(hash).matches()) {
                throw new IllegalArgumentException("'" + hash + "' is not a SHA-256: expected 64 lower-case hex digits");
            }
        });
        this.release = release;
        this.sha256 = sha256;
        this.terms = terms.stream().map(Objects::requireNonNull).sorted(Comparator.comparing(Term::id)).toList();
        this.activeTerms = this.terms.stream().filter(term -> !term.obsolete()).toList();
        this.termsById = indexById(this.terms);
        this.alternativeIdOwners = indexAlternativeIds(this.terms, termsById);
        this.children = indexChildren(this.terms, termsById);
        this.root = findRoot(activeTerms);
        requireAcyclic(root, activeTerms, children);
        this.primaryIds = resolveOldIds(this.terms, termsById, alternativeIdOwners);
    }

    /** An ontology built in code, with no source bytes to hash: {@link #sha256} is empty. */
    public static Hpo of(String release, Collection<Term> terms) {
        return new Hpo(release, Optional.empty(), terms);
    }

    /**
     * An ontology read from bytes whose SHA-256 is {@code sha256}, for provenance.
     *
     * @param sha256 64 lower-case hex digits
     */
    public static Hpo of(String release, String sha256, Collection<Term> terms) {
        return new Hpo(release, Optional.of(Objects.requireNonNull(sha256, "sha256")), terms);
    }

    private static Map<HpoId, Term> indexById(List<Term> terms) {
        Map<HpoId, Term> byId = new HashMap<>();
        for (Term term : terms) {
            if (byId.put(term.id(), term) != null) {
                throw new IllegalArgumentException("two terms have the primary id " + term.id());
            }
        }
        return Map.copyOf(byId);
    }

    private static Map<HpoId, HpoId> indexAlternativeIds(List<Term> terms, Map<HpoId, Term> byId) {
        Map<HpoId, HpoId> owners = new HashMap<>();
        for (Term term : terms) {
            for (HpoId alternative : term.alternativeIds()) {
                HpoId other = owners.put(alternative, term.id());
                if (other != null) {
                    throw new IllegalArgumentException("alternative id " + alternative + " is listed by both " + other + " and " + term.id());
                }
                Term same = byId.get(alternative);
                if (same != null && !same.obsolete()) {
                    throw new IllegalArgumentException(term.id() + " lists " + alternative + " as an alternative id, but "
                            + alternative + " is an active term");
                }
            }
        }
        return Map.copyOf(owners);
    }

    private static Map<HpoId, List<HpoId>> indexChildren(List<Term> terms, Map<HpoId, Term> byId) {
        Map<HpoId, List<HpoId>> children = new HashMap<>();
        for (Term term : terms) {
            for (HpoId parent : term.parents()) {
                Term parentTerm = byId.get(parent);
                if (parentTerm == null || parentTerm.obsolete()) {
                    throw new IllegalArgumentException(term.id() + " has parent " + parent + ", which is "
                            + (parentTerm == null ? "not a term of this ontology" : "obsolete") + ": expected an active term");
                }
                // Terms come sorted, so each child list is built in sorted order.
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(term.id());
            }
        }
        Map<HpoId, List<HpoId>> frozen = new HashMap<>();
        children.forEach((parent, list) -> frozen.put(parent, List.copyOf(list)));
        return Map.copyOf(frozen);
    }

    private static HpoId findRoot(List<Term> activeTerms) {
        List<HpoId> roots = activeTerms.stream().filter(term -> term.parents().isEmpty()).map(Term::id).toList();
        if (roots.size() != 1) {
            throw new IllegalArgumentException("expected exactly one root (an active term without parents), found " + roots);
        }
        return roots.get(0);
    }

    /** Kahn's algorithm from the root: a term whose parents are never all visited lies on or below a cycle. */
    private static void requireAcyclic(HpoId root, List<Term> activeTerms, Map<HpoId, List<HpoId>> children) {
        Map<HpoId, Integer> unvisitedParents = new HashMap<>();
        activeTerms.forEach(term -> unvisitedParents.put(term.id(), term.parents().size()));
        Deque<HpoId> ready = new ArrayDeque<>(List.of(root));
        int visited = 0;
        while (!ready.isEmpty()) {
            HpoId id = ready.poll();
            visited++;
            for (HpoId child : children.getOrDefault(id, List.of())) {
                if (unvisitedParents.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        if (visited < activeTerms.size()) {
            List<HpoId> stuck = activeTerms.stream().map(Term::id).filter(id -> unvisitedParents.get(id) > 0).limit(10).toList();
            throw new IllegalArgumentException("the is_a graph has a cycle: these terms lie on or below it: " + stuck);
        }
    }

    private static Map<HpoId, HpoId> resolveOldIds(List<Term> terms, Map<HpoId, Term> byId, Map<HpoId, HpoId> owners) {
        Map<HpoId, HpoId> resolved = new HashMap<>();
        for (Term term : terms) {
            term.replacedBy().ifPresent(replacement -> {
                if (!byId.containsKey(replacement) && !owners.containsKey(replacement)) {
                    throw new IllegalArgumentException(term.id() + " is replaced by " + replacement + ", which is not a known id");
                }
            });
        }
        Set<HpoId> oldIds = new LinkedHashSet<>(owners.keySet());
        terms.stream().filter(Term::obsolete).map(Term::id).forEach(oldIds::add);
        for (HpoId old : oldIds) {
            resolve(old, byId, owners).ifPresent(primary -> resolved.put(old, primary));
        }
        return Map.copyOf(resolved);
    }

    /**
     * Follows an id to the active term it means. An id's own record comes first: an obsolete term's replacement
     * wins over a term that lists the id as alternative. The 2023-01-27 release disagrees with itself this way for
     * HP:0010905 and HP:0007901, and in the first case the replacement, not the merge, carries the old label as a
     * synonym. An obsolete term without replacement falls back to the term listing it as alternative, if any.
     */
    private static Optional<HpoId> resolve(HpoId id, Map<HpoId, Term> byId, Map<HpoId, HpoId> owners) {
        Set<HpoId> path = new LinkedHashSet<>();
        HpoId current = id;
        while (current != null) {
            if (!path.add(current)) {
                throw new IllegalArgumentException("replacements and alternative ids loop: " + path + " -> " + current);
            }
            Term term = byId.get(current);
            if (term != null && !term.obsolete()) {
                return Optional.of(current);
            }
            HpoId replacement = term == null ? null : term.replacedBy().orElse(null);
            current = replacement != null ? replacement : owners.get(current);
        }
        return Optional.empty();
    }

    /** The release name, such as {@code 2023-01-27} for a release read from a file. */
    public String release() {
        return release;
    }

    /** The SHA-256 (lower-case hex) of the bytes this ontology was read from; empty if it was built in code. */
    public Optional<String> sha256() {
        return sha256;
    }

    /** The one active term without parents ({@code HP:0000001 All} in real releases). */
    public HpoId root() {
        return root;
    }

    /**
     * The term recorded under {@code id}: the term whose primary id it is, active or obsolete, otherwise the term
     * listing it as an alternative id. Use {@link #primaryId} first to get the active term an old id now means.
     */
    public Optional<Term> term(HpoId id) {
        Term term = termsById.get(id);
        if (term != null) {
            return Optional.of(term);
        }
        return Optional.ofNullable(alternativeIdOwners.get(id)).map(termsById::get);
    }

    /**
     * The primary id of the active term that {@code id} means now: {@code id} itself for an active term; for an
     * obsolete id, its replacement (followed further if that is old too), else the term listing it as an
     * alternative id; for an alternative id, the term listing it. Empty for an unknown id and for an obsolete term
     * without replacement.
     */
    public Optional<HpoId> primaryId(HpoId id) {
        if (isActive(id)) {
            return Optional.of(id);
        }
        return Optional.ofNullable(primaryIds.get(id));
    }

    /** Whether {@code id} is the primary id of a term (active or obsolete) or an alternative id. */
    public boolean isKnown(HpoId id) {
        return termsById.containsKey(id) || alternativeIdOwners.containsKey(id);
    }

    /** Whether {@code id} is the primary id of an active term. */
    public boolean isActive(HpoId id) {
        Term term = termsById.get(id);
        return term != null && !term.obsolete();
    }

    /**
     * The direct is_a parents of an active term, sorted.
     *
     * @throws IllegalArgumentException if {@code id} is not the primary id of an active term
     */
    public List<HpoId> parents(HpoId id) {
        return requireActive(id).parents();
    }

    /**
     * The terms whose direct is_a parent is {@code id}, sorted.
     *
     * @throws IllegalArgumentException if {@code id} is not the primary id of an active term
     */
    public List<HpoId> children(HpoId id) {
        requireActive(id);
        return children.getOrDefault(id, List.of());
    }

    /** All terms, obsolete ones included, sorted by id. */
    public List<Term> terms() {
        return terms;
    }

    /** The non-obsolete terms, sorted by id. */
    public List<Term> activeTerms() {
        return activeTerms;
    }

    public int termCount() {
        return terms.size();
    }

    public int activeTermCount() {
        return activeTerms.size();
    }

    public int obsoleteTermCount() {
        return terms.size() - activeTerms.size();
    }

    Term requireActive(HpoId id) {
        Term term = termsById.get(id);
        if (term == null || term.obsolete()) {
            String why = term != null || alternativeIdOwners.containsKey(id)
                    ? "it is obsolete or an alternative id; map it with primaryId first"
                    : "it is not in this release";
            throw new IllegalArgumentException(id + " is not an active term of HPO " + release + ": " + why);
        }
        return term;
    }

    @Override
    public String toString() {
        return "HPO " + release + " (" + termCount() + " terms, " + activeTermCount() + " active)";
    }
}
