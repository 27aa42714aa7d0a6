package org.hpolink.extract.lexical;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hpolink.model.Provenance;
import org.hpolink.ontology.HpoId;

/**
 * What {@link LexicalTrainer} learned: the dictionary (keys of HPO names and training mentions, with the ids they
 * name), the modifiers left out of keys, the fillers that may be skipped, the negation cues, how annotators
 * treat the section header (per phrase and per section) and the words at mention boundaries, which pairs of ids
 * they write as one composite term, and the entries dropped for low precision on the training data. Immutable;
 * {@link LexicalModelIO} reads and writes it.
 */
public final class LexicalModel {

    /** Whether training mentions of a phrase borrowed the section header ({@code EARS} + {@code low set}). */
    record HeaderVotes(int withHeader, int withoutHeader) {
        HeaderVotes plus(boolean header) {
            return header ? new HeaderVotes(withHeader + 1, withoutHeader) : new HeaderVotes(withHeader, withoutHeader + 1);
        }

        boolean preferHeader() {
            return withHeader >= withoutHeader;
        }
    }

    /** The function words annotators include before and after a phrase ({@code on} mechanical ventilation). */
    record BoundaryWords(List<String> leading, List<String> trailing) {
        BoundaryWords {
            leading = List.copyOf(leading);
            trailing = List.copyOf(trailing);
        }
    }

    /** How often an entry matched key findings on the training texts, and how often it was right. */
    record EntryStats(int matched, int right) {
    }

    /**
     * Single tokens annotators include in a mention whenever they stand right before (after) it, whatever the
     * phrase: {@code +} in {@code +Clinodactyly}.
     */
    record Attachments(Set<String> leading, Set<String> trailing) {
        Attachments {
            leading = sorted(leading);
            trailing = sorted(trailing);
        }
    }

    /**
     * Two ids whose findings, stated in one sentence, annotators write as one term that is a child of both
     * ({@code low set, posteriorly rotated} -> Low-set, posteriorly rotated ears); {@code first} sorts before
     * {@code second}.
     */
    record Composition(HpoId first, HpoId second, HpoId composite) implements Comparable<Composition> {
        Composition {
            if (first.compareTo(second) >= 0) {
                throw new IllegalArgumentException("a composition's parts must be two ids in order: " + first + ", " + second);
            }
        }

        @Override
        public int compareTo(Composition o) {
            int c = first.compareTo(o.first);
            c = c != 0 ? c : second.compareTo(o.second);
            return c != 0 ? c : composite.compareTo(o.composite);
        }
    }

    /** A dictionary entry pointing at one id. */
    record EntryRef(TermKey key, HpoId id) implements Comparable<EntryRef> {
        @Override
        public int compareTo(EntryRef o) {
            int c = key.compareTo(o.key);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }

    /** Key findings of a section that must all have left its header out before findings may no longer borrow it. */
    static final int SECTION_EVIDENCE = 10;

    private final LexicalConfig config;
    private final Provenance provenance;
    private final Vocabulary vocabulary;
    private final Set<String> modifiers;
    private final Set<Integer> fillerStemIds;
    private final Set<String> preCues;
    private final Set<String> postCues;
    private final Map<TermKey, IdVotes> entries;
    private final Map<TermKey, HeaderVotes> headerVotes;
    private final Map<String, HeaderVotes> sectionHeaderVotes;
    private final Map<TermKey, BoundaryWords> boundaries;
    private final Attachments attachments;
    private final Set<Composition> compositions;
    private final Map<EntryRef, EntryStats> entryStats;

    LexicalModel(LexicalConfig config, Provenance provenance, Vocabulary vocabulary, Set<String> modifiers,
            Set<Integer> fillerStemIds, Set<String> preCues, Set<String> postCues, Map<TermKey, IdVotes> entries,
            Map<TermKey, HeaderVotes> headerVotes, Map<String, HeaderVotes> sectionHeaderVotes, Map<TermKey, BoundaryWords> boundaries,
            Attachments attachments, Set<Composition> compositions, Map<EntryRef, EntryStats> entryStats) {
        this.config = config;
        this.provenance = provenance;
        this.vocabulary = vocabulary;
        this.modifiers = sorted(modifiers);
        this.fillerStemIds = sorted(fillerStemIds);
        this.preCues = sorted(preCues);
        this.postCues = sorted(postCues);
        this.entries = sorted(entries);
        this.headerVotes = sorted(headerVotes);
        this.sectionHeaderVotes = sorted(sectionHeaderVotes);
        this.boundaries = sorted(boundaries);
        this.attachments = attachments;
        this.compositions = sorted(compositions);
        this.entryStats = sorted(entryStats);
    }

    /**
     * In sorted order, so that iteration (and the written bundle) is deterministic, but hashed: the extractor looks
     * keys up many times per observation.
     */
    private static <T extends Comparable<? super T>> Set<T> sorted(Set<T> set) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(new TreeSet<>(set)));
    }

    private static <K extends Comparable<? super K>, V> Map<K, V> sorted(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(map)));
    }

    public LexicalConfig config() {
        return config;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** Number of dictionary keys. */
    public int size() {
        return entries.size();
    }

    /** The negation cues learned from the normal findings (words before, then after, a finding). */
    public Set<String> preNegationCues() {
        return preCues;
    }

    public Set<String> postNegationCues() {
        return postCues;
    }

    public Set<String> modifiers() {
        return modifiers;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    Set<Integer> fillerStemIds() {
        return fillerStemIds;
    }

    Map<TermKey, IdVotes> entries() {
        return entries;
    }

    Map<TermKey, HeaderVotes> headerVotes() {
        return headerVotes;
    }

    Map<String, HeaderVotes> sectionHeaderVotes() {
        return sectionHeaderVotes;
    }

    /**
     * Whether findings may borrow the header of {@code section}: not when the training findings of that section, at
     * least {@link #SECTION_EVIDENCE} of them, never did (annotators never write {@code HANDS} + {@code clinodactyly});
     * a section with less evidence, or none, may.
     */
    boolean borrowsHeader(String section) {
        HeaderVotes votes = sectionHeaderVotes.get(section);
        return votes == null || votes.withHeader() > 0 || votes.withoutHeader() < SECTION_EVIDENCE;
    }

    Map<TermKey, BoundaryWords> boundaries() {
        return boundaries;
    }

    Attachments attachments() {
        return attachments;
    }

    Set<Composition> compositions() {
        return compositions;
    }

    Map<EntryRef, EntryStats> entryStats() {
        return entryStats;
    }

    /** An entry whose matches on the training texts were right less often than the configured precision. */
    boolean isRejected(EntryRef entry) {
        EntryStats stats = entryStats.get(entry);
        return stats != null && stats.right() < config.entryMinPrecision() * stats.matched();
    }

    /** The same model with the given match statistics (the trainer adds them last). */
    LexicalModel withEntryStats(Map<EntryRef, EntryStats> newStats) {
        return new LexicalModel(config, provenance, vocabulary, modifiers, fillerStemIds, preCues, postCues, entries,
                headerVotes, sectionHeaderVotes, boundaries, attachments, compositions, newStats);
    }

    /**
     * This model without its compositions: every finding keeps its own id. Composing two findings into their common
     * child is how BC8's annotators write an exam ({@code low set, posteriorly rotated}); annotations of notes and
     * literature keep them apart ({@code kyphosis, and scoliosis}).
     */
    public LexicalModel withoutCompositions() {
        return new LexicalModel(config, provenance, vocabulary, modifiers, fillerStemIds, preCues, postCues, entries,
                headerVotes, sectionHeaderVotes, boundaries, attachments, Set.of(), entryStats);
    }
}
