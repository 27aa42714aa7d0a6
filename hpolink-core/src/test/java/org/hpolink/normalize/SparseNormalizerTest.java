package org.hpolink.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.extract.Mention;
import org.hpolink.normalize.NameDictionary.Name;
import org.hpolink.normalize.NameDictionary.Source;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/** Ranking ids by their best name's n-gram TF-IDF cosine: order, ties, k, the query and errors. */
class SparseNormalizerTest {

    private static final HpoId A = TinyHpo.EPICANTHUS;
    private static final HpoId B = TinyHpo.LOW_SET_EARS;
    private static final HpoId C = TinyHpo.HOODED_EYELID;

    /** The names of {@link CharNgramIndexTest}'s worked example, one per id. */
    private static final SparseNormalizer HAND_CHECKED = new SparseNormalizer(dictionary(
            new Name("ab", A, Source.LABEL), new Name("abb", B, Source.LABEL), new Name("cb", C, Source.LABEL)), 2, 2, MentionQuery.MENTION);

    private static final NameDictionary EARS_AND_EYES = dictionary(
            new Name("Low-set ears", TinyHpo.LOW_SET_EARS, Source.LABEL),
            new Name("Ears low set", TinyHpo.LOW_SET_EARS, Source.SYNONYM),
            new Name("Thin ear helix", TinyHpo.THIN_EAR_HELIX, Source.LABEL),
            new Name("Abnormality of the ear", TinyHpo.EAR, Source.LABEL),
            new Name("Epicanthus", TinyHpo.EPICANTHUS, Source.LABEL),
            new Name("Hooded eyelid", TinyHpo.HOODED_EYELID, Source.LABEL),
            new Name("EARS low set", TinyHpo.LOW_SET_EARS, Source.MENTION),
            new Name("low set", TinyHpo.LOW_SET_EARS, Source.MENTION));

    private static NameDictionary dictionary(Name... names) {
        return new NameDictionary(List.of(names));
    }

    private static Mention mention(Span span) {
        return new Mention(span, Optional.empty(), FindingStatus.KEY, 1, "test");
    }

    @Test
    void idsAreRankedByTheCosineOfTheWorkedExample() {
        List<Candidate> ranked = HAND_CHECKED.rank("abab", 5);

        assertEquals(List.of(A, B, C), ranked.stream().map(Candidate::id).toList());
        // The values CharNgramIndexTest works out by hand.
        double i1 = Math.log(4.0 / 2) + 1;
        double i2 = Math.log(4.0 / 3) + 1;
        double query = Math.sqrt(5 * i2 * i2 + 1);
        assertEquals((3 * i2 * i2 + 1) / (query * Math.sqrt(2 * i2 * i2 + 1)), ranked.get(0).score(), 1e-6);
        assertEquals((3 * i2 * i2 + 1) / (query * Math.sqrt(2 * i2 * i2 + i1 * i1 + 1)), ranked.get(1).score(), 1e-6);
        assertEquals(1 / (query * Math.sqrt(2 * i1 * i1 + 1)), ranked.get(2).score(), 1e-6);
    }

    @Test
    void idsWhoseNamesShareNoGramAreLeftOut() {
        assertEquals(List.of(A, B), HAND_CHECKED.rank("a", 5).stream().map(Candidate::id).toList());
        assertEquals(List.of(), HAND_CHECKED.rank("xyz", 5));
    }

    @Test
    void anExactNameScoresOne() {
        SparseNormalizer normalizer = new SparseNormalizer(EARS_AND_EYES, 2, 3, MentionQuery.MENTION);

        for (Name name : EARS_AND_EYES.names()) {
            Candidate first = normalizer.rank(name.text(), 3).get(0);
            assertEquals(name.id(), first.id(), name.text());
            assertEquals(1.0, first.score(), 1e-6, name.text());
        }
    }

    @Test
    void anIdScoresAsItsBestName() {
        NameDictionary single = dictionary(new Name("cb", A, Source.LABEL));
        NameDictionary withAnother = dictionary(new Name("ab", A, Source.SYNONYM), new Name("cb", A, Source.LABEL),
                new Name("abb", B, Source.LABEL));
        SparseNormalizer withOne = new SparseNormalizer(single, 2, 2, MentionQuery.MENTION);
        SparseNormalizer withBoth = new SparseNormalizer(withAnother, 2, 2, MentionQuery.MENTION);

        assertEquals(1.0, withOne.rank("cb", 1).get(0).score(), 1e-6);
        Candidate best = withBoth.rank("ab", 2).get(0);
        assertEquals(A, best.id());
        assertEquals(1.0, best.score(), 1e-6, "the exact name counts, not a sum or a mean over both names");
        assertEquals(1.0, withBoth.rank("cb", 2).get(0).score(), 1e-6);
    }

    @Test
    void tiesGoToTheSmallerId() {
        // the larger id comes first in the dictionary, so only the rule can put the smaller one first
        SparseNormalizer normalizer = new SparseNormalizer(dictionary(new Name("low set ears", C, Source.LABEL),
                new Name("low set ears", B, Source.LABEL), new Name("low-set ears", A, Source.SYNONYM)), 2, 3, MentionQuery.MENTION);

        List<Candidate> ranked = normalizer.rank("low set ears", 3);

        assertEquals(List.of(A, B, C), ranked.stream().map(Candidate::id).toList());
        assertEquals(ranked.get(0).score(), ranked.get(2).score());
        assertEquals(List.of(A), normalizer.rank("low set ears", 1).stream().map(Candidate::id).toList(), "k = 1 keeps the smallest");
        assertEquals(List.of(A, B), normalizer.rank("low set ears", 2).stream().map(Candidate::id).toList());
    }

    @Test
    void kLimitsTheCandidatesToTheBestK() {
        SparseNormalizer normalizer = new SparseNormalizer(EARS_AND_EYES, 2, 3, MentionQuery.MENTION);
        List<Candidate> all = normalizer.rank("thin low set ears", 20);
        assertTrue(all.size() >= 3, all::toString);

        for (int k = 1; k <= all.size(); k++) {
            assertEquals(all.subList(0, k), normalizer.rank("thin low set ears", k), "k = " + k);
        }
        assertEquals(all, normalizer.rank("thin low set ears", all.size() + 5), "fewer than k ids share a gram");
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).score() >= all.get(i).score(), all::toString);
        }
    }

    @Test
    void kBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HAND_CHECKED.rank("ab", 0));
        assertEquals("k is 0: expected 1 or more candidates", e.getMessage());
    }

    @Test
    void aBlankOrPunctuationOnlyMentionGetsAClearError() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> HAND_CHECKED.rank("   ", 5));
        assertEquals("'   ' has no letter or digit to normalize", blank.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HAND_CHECKED.rank("", 5));

        Observation observation = Observation.of("obs-1", "EARS: --, low set");
        IllegalArgumentException dashes = assertThrows(IllegalArgumentException.class,
                () -> HAND_CHECKED.rank(observation, mention(Span.of(6, 9)), 5));
        assertEquals("observation obs-1: the mention at 6-9 ('--,') has no letter or digit to normalize", dashes.getMessage());
    }

    @Test
    void aMentionPastTheTextGetsAClearError() {
        Observation observation = Observation.of("obs-1", "EARS: low set");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HAND_CHECKED.rank(observation, mention(Span.of(6, 20)), 5));
        assertTrue(e.getMessage().startsWith("span 6-20 ends at 20, past the end of the text"), e.getMessage());
    }

    @Test
    void theMentionQueryIsTheMentionTextAlone() {
        SparseNormalizer normalizer = new SparseNormalizer(EARS_AND_EYES, 2, 3, MentionQuery.MENTION);
        Observation observation = Observation.of("obs-1", "EARS: low set, thin helix");

        assertEquals(normalizer.rank("low set", 5), normalizer.rank(observation, mention(Span.of(6, 13)), 5));
        assertEquals(normalizer.rank("EARS low set", 5), normalizer.rank(observation, mention(Span.parse("0-4,6-13")), 5));
    }

    @Test
    void theSectionIsPrefixedOnlyWhenTheMentionDoesNotHoldTheHeader() {
        SparseNormalizer normalizer = new SparseNormalizer(EARS_AND_EYES, 2, 3, MentionQuery.SECTION_AND_MENTION);
        Observation observation = Observation.of("obs-1", "EARS: low set, thin helix");
        List<Candidate> prefixed = normalizer.rank("EARS low set", 5);
        // the header counted twice would give other scores, so the assertions below can tell the queries apart
        assertNotEquals(prefixed, normalizer.rank("EARS EARS low set", 5));
        assertNotEquals(prefixed, normalizer.rank("low set", 5));

        assertEquals(prefixed, normalizer.rank(observation, mention(Span.of(6, 13)), 5), "the header is added");
        assertEquals(prefixed, normalizer.rank(observation, mention(Span.parse("0-4,6-13")), 5), "the mention holds the header segment");
        assertEquals(normalizer.rank("EARS: low set", 5), normalizer.rank(observation, mention(Span.of(0, 13)), 5),
                "one segment covering the header holds it too");
        assertEquals(normalizer.rank("low set", 5), normalizer.rank(Observation.of("obs-2", "low set"), mention(Span.of(0, 7)), 5),
                "no header, nothing to add");
    }

    @Test
    void theSameDictionaryGivesTheSameRanking() {
        SparseNormalizer first = new SparseNormalizer(EARS_AND_EYES, 2, 3, MentionQuery.MENTION);
        SparseNormalizer second = new SparseNormalizer(EARS_AND_EYES, 2, 3, MentionQuery.MENTION);

        for (String query : queries()) {
            assertEquals(first.rank(query, 5), second.rank(query, 5), query);
            assertEquals(first.rank(query, 5), first.rank(query, 5), query);
        }
    }

    @Test
    void threadsSharingOneNormalizerGetWhatOneThreadGets() throws Exception {
        SparseNormalizer normalizer = new SparseNormalizer(EARS_AND_EYES, 2, 3, MentionQuery.MENTION);
        List<List<Candidate>> expected = queries().stream().map(q -> normalizer.rank(q, 5)).toList();
        Callable<List<List<Candidate>>> task = () -> {
            List<List<Candidate>> last = List.of();
            for (int round = 0; round < 200; round++) {
                last = queries().stream().map(q -> normalizer.rank(q, 5)).toList();
            }
            return last;
        };

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<Candidate>>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(task));
            }
            for (Future<List<List<Candidate>>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> queries() {
        return List.of("low set ears", "thin helices", "epicanthal folds", "hooding of the eyelids", "ears", "helix thin", "abnormal ear");
    }
}
