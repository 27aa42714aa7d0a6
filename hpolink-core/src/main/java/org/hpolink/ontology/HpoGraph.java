package org.hpolink.ontology;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Walks over an {@link Hpo}'s is_a graph. Every method takes primary ids of active terms and throws an
 * {@link IllegalArgumentException} for any other id (see {@link Hpo}); returned sets are sorted and unmodifiable.
 *
 * <p>Ancestor sets are computed on first request and kept in the {@code Hpo}, so that {@link #isDescendantOf} costs a
 * map look-up and a set look-up once warm: callers ask about a few hundred distinct terms many times, so computing
 * all 17k closures up front would mostly be wasted. Each closure is computed by a walk that does not touch the
 * cache, as {@link java.util.concurrent.ConcurrentHashMap#computeIfAbsent} requires.
 */
public final class HpoGraph {

    private HpoGraph() {
    }

    /** The terms reachable from {@code id} by one or more is_a edges; {@code id} itself is not included. */
    public static SortedSet<HpoId> ancestors(Hpo hpo, HpoId id) {
        hpo.requireActive(id);
        return hpo.ancestorCache.computeIfAbsent(id, start -> reachable(start, hpo::parents));
    }

    /** The terms from which {@code id} is reachable by one or more is_a edges; {@code id} itself is not included. */
    public static SortedSet<HpoId> descendants(Hpo hpo, HpoId id) {
        hpo.requireActive(id);
        return reachable(id, hpo::children);
    }

    /** {@code root} and all its descendants. */
    public static SortedSet<HpoId> subtree(Hpo hpo, HpoId root) {
        SortedSet<HpoId> subtree = new TreeSet<>(descendants(hpo, root));
        subtree.add(root);
        return Collections.unmodifiableSortedSet(subtree);
    }

    /** Whether {@code ancestor} is a proper ancestor of {@code id}: false when the two are the same term. */
    public static boolean isDescendantOf(Hpo hpo, HpoId id, HpoId ancestor) {
        hpo.requireActive(ancestor);
        return ancestors(hpo, id).contains(ancestor);
    }

    /** The number of is_a edges on the shortest path from {@code id} up to the root, which has depth 0. */
    public static int depth(Hpo hpo, HpoId id) {
        hpo.requireActive(id);
        SortedSet<HpoId> seen = new TreeSet<>(List.of(id));
        List<HpoId> level = List.of(id);
        int depth = 0;
        // Hpo guarantees one root that every active term reaches, so the loop ends.
        while (!level.contains(hpo.root())) {
            level = level.stream().flatMap(term -> hpo.parents(term).stream()).filter(seen::add).toList();
            depth++;
        }
        return depth;
    }

    private static SortedSet<HpoId> reachable(HpoId start, Function<HpoId, List<HpoId>> next) {
        SortedSet<HpoId> reached = new TreeSet<>();
        Deque<HpoId> pending = new ArrayDeque<>(next.apply(start));
        while (!pending.isEmpty()) {
            HpoId id = pending.pop();
            if (reached.add(id)) {
                pending.addAll(next.apply(id));
            }
        }
        return Collections.unmodifiableSortedSet(reached);
    }
}
