package org.hpolink.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.hpolink.corpus.Corpus;
import org.hpolink.ontology.TinyHpo;

/** Properties of the ranking over random texts made of words of the tiny HPO's names, misspellings and punctuation. */
class SparseNormalizerPropertiesTest {

    private static final SparseNormalizer NORMALIZER = SparseNormalizer.of(TinyHpo.build(), new Corpus("empty.tsv", "", List.of()));

    @Property(tries = 1000)
    void candidatesAreAtMostKDistinctIdsBestFirstWithCosinesInZeroToOne(@ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 12) int k) {
        List<Candidate> ranked = NORMALIZER.rank(text, k);

        assertTrue(ranked.size() <= k, ranked::toString);
        Set<?> ids = ranked.stream().map(Candidate::id).collect(Collectors.toSet());
        assertEquals(ranked.size(), ids.size(), ranked::toString);
        for (int i = 0; i < ranked.size(); i++) {
            Candidate candidate = ranked.get(i);
            assertTrue(candidate.score() > 0 && candidate.score() <= 1 + 1e-6, candidate::toString);
            if (i > 0) {
                Candidate previous = ranked.get(i - 1);
                assertTrue(previous.score() > candidate.score()
                        || previous.score() == candidate.score() && previous.id().compareTo(candidate.id()) < 0, ranked::toString);
            }
        }
        assertEquals(ranked, NORMALIZER.rank(text, k), "the same text twice");
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> word = Arbitraries.of("low", "set", "ears", "ear", "thin", "helix", "helices", "hooded", "eyelid", "epicanthus",
                "epicanthal", "folds", "abnormal", "eye", "lwo", "eras", "mild", "5th", "É", "-", ",", "xyz");
        return word.list().ofMinSize(1).ofMaxSize(6).map(words -> String.join(" ", words))
                .filter(CharNgramIndex::hasLetterOrDigit);
    }
}
