package org.hpolink.ontology;

import static org.hpolink.ontology.TinyHpo.ALL;
import static org.hpolink.ontology.TinyHpo.AUTOSOMAL_DOMINANT;
import static org.hpolink.ontology.TinyHpo.EAR;
import static org.hpolink.ontology.TinyHpo.EPICANTHUS;
import static org.hpolink.ontology.TinyHpo.EPICANTHUS_ALTERNATIVE;
import static org.hpolink.ontology.TinyHpo.EYE;
import static org.hpolink.ontology.TinyHpo.EYELID;
import static org.hpolink.ontology.TinyHpo.HOODED_EYELID;
import static org.hpolink.ontology.TinyHpo.LOW_SET_EARS;
import static org.hpolink.ontology.TinyHpo.MODE_OF_INHERITANCE;
import static org.hpolink.ontology.TinyHpo.PHENOTYPIC_ABNORMALITY;
import static org.hpolink.ontology.TinyHpo.THIN_EAR_HELIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HpoGraphTest {

    private final Hpo hpo = TinyHpo.build();

    @Test
    void ancestorsExcludeTheTermItself() {
        assertEquals(List.of(ALL, PHENOTYPIC_ABNORMALITY, EYE, EYELID), List.copyOf(HpoGraph.ancestors(hpo, EPICANTHUS)));
        assertEquals(Set.of(), HpoGraph.ancestors(hpo, ALL));
    }

    @Test
    void ancestorsOfATermWithTwoPathsUpAreCountedOnce() {
        HpoId both = HpoId.of("HP:0000010");
        List<Term> terms = new ArrayList<>(TinyHpo.terms());
        terms.add(Term.builder(both).label("Eye and ear").parent(EYELID).parent(EAR).build());
        Hpo diamond = Hpo.of("x", terms);

        assertEquals(List.of(ALL, PHENOTYPIC_ABNORMALITY, EYE, EYELID, EAR), List.copyOf(HpoGraph.ancestors(diamond, both)));
        assertEquals(3, HpoGraph.depth(diamond, both), "the shorter way up, through the ear (depth 2), not the eyelid (3)");
        assertTrue(HpoGraph.descendants(diamond, EYE).contains(both));
        assertTrue(HpoGraph.descendants(diamond, EAR).contains(both));
    }

    @Test
    void descendantsExcludeTheTermAndSubtreeIncludesIt() {
        assertEquals(List.of(EPICANTHUS, LOW_SET_EARS, EYE, EYELID, EAR, THIN_EAR_HELIX, HOODED_EYELID),
                List.copyOf(HpoGraph.descendants(hpo, PHENOTYPIC_ABNORMALITY)));
        assertEquals(List.of(PHENOTYPIC_ABNORMALITY, EPICANTHUS, LOW_SET_EARS, EYE, EYELID, EAR, THIN_EAR_HELIX, HOODED_EYELID),
                List.copyOf(HpoGraph.subtree(hpo, PHENOTYPIC_ABNORMALITY)));
        assertEquals(Set.of(), HpoGraph.descendants(hpo, LOW_SET_EARS));
        assertEquals(Set.of(LOW_SET_EARS), HpoGraph.subtree(hpo, LOW_SET_EARS));
        assertEquals(hpo.activeTermCount(), HpoGraph.subtree(hpo, ALL).size());
    }

    @Test
    void isDescendantOfIsStrict() {
        assertTrue(HpoGraph.isDescendantOf(hpo, LOW_SET_EARS, PHENOTYPIC_ABNORMALITY));
        assertTrue(HpoGraph.isDescendantOf(hpo, HOODED_EYELID, EYE));
        assertFalse(HpoGraph.isDescendantOf(hpo, AUTOSOMAL_DOMINANT, PHENOTYPIC_ABNORMALITY));
        assertFalse(HpoGraph.isDescendantOf(hpo, EYE, LOW_SET_EARS));
        assertFalse(HpoGraph.isDescendantOf(hpo, PHENOTYPIC_ABNORMALITY, PHENOTYPIC_ABNORMALITY));
    }

    @Test
    void ancestorsDescendantsAndIsDescendantOfAgreeOnEveryPair() {
        for (Term a : hpo.activeTerms()) {
            for (Term b : hpo.activeTerms()) {
                boolean below = HpoGraph.isDescendantOf(hpo, a.id(), b.id());
                assertEquals(below, HpoGraph.ancestors(hpo, a.id()).contains(b.id()), a.id() + " under " + b.id());
                assertEquals(below, HpoGraph.descendants(hpo, b.id()).contains(a.id()), a.id() + " under " + b.id());
                if (below) {
                    assertTrue(HpoGraph.depth(hpo, a.id()) > HpoGraph.depth(hpo, b.id()), a.id() + " deeper than " + b.id());
                }
            }
        }
    }

    @Test
    void depthCountsEdgesUpToTheRoot() {
        assertEquals(0, HpoGraph.depth(hpo, ALL));
        assertEquals(1, HpoGraph.depth(hpo, MODE_OF_INHERITANCE));
        assertEquals(2, HpoGraph.depth(hpo, EAR));
        assertEquals(4, HpoGraph.depth(hpo, EPICANTHUS));
    }

    @Test
    void ancestorSetsAreCachedAndSafeToComputeFromManyThreads() throws Exception {
        Hpo fresh = TinyHpo.build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Set<HpoId>>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> HpoGraph.ancestors(fresh, HOODED_EYELID)));
            }
            Set<HpoId> first = results.get(0).get();
            for (Future<Set<HpoId>> result : results) {
                assertSame(first, result.get(), "one cached set for all callers");
            }
            assertEquals(Set.of(ALL, PHENOTYPIC_ABNORMALITY, EYE, EYELID), first);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void returnedSetsCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> HpoGraph.ancestors(hpo, EPICANTHUS).add(EAR));
        assertThrows(UnsupportedOperationException.class, () -> HpoGraph.subtree(hpo, EAR).clear());
    }

    @Test
    void rejectsIdsThatAreNotActiveTerms() {
        assertThrows(IllegalArgumentException.class, () -> HpoGraph.ancestors(hpo, EPICANTHUS_ALTERNATIVE));
        assertThrows(IllegalArgumentException.class, () -> HpoGraph.descendants(hpo, TinyHpo.PROMINENT_EPICANTHAL_FOLDS));
        assertThrows(IllegalArgumentException.class, () -> HpoGraph.isDescendantOf(hpo, EPICANTHUS, EPICANTHUS_ALTERNATIVE));
        assertThrows(IllegalArgumentException.class, () -> HpoGraph.depth(hpo, HpoId.of("HP:9999999")));
    }
}
