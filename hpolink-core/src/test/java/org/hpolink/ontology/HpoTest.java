package org.hpolink.ontology;

import static org.hpolink.ontology.TinyHpo.ALL;
import static org.hpolink.ontology.TinyHpo.AUTOSOMAL_DOMINANT;
import static org.hpolink.ontology.TinyHpo.EAR;
import static org.hpolink.ontology.TinyHpo.EPICANTHUS;
import static org.hpolink.ontology.TinyHpo.EPICANTHUS_ALTERNATIVE;
import static org.hpolink.ontology.TinyHpo.EYE;
import static org.hpolink.ontology.TinyHpo.EYELID;
import static org.hpolink.ontology.TinyHpo.SHORT_CURLY_EYELASHES;
import static org.hpolink.ontology.TinyHpo.HOODED_EYELID;
import static org.hpolink.ontology.TinyHpo.LOW_SET_EARS;
import static org.hpolink.ontology.TinyHpo.MODE_OF_INHERITANCE;
import static org.hpolink.ontology.TinyHpo.PHENOTYPIC_ABNORMALITY;
import static org.hpolink.ontology.TinyHpo.PROMINENT_EPICANTHAL_FOLDS;
import static org.hpolink.ontology.TinyHpo.THIN_EAR_HELIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HpoTest {

    private static final HpoId UNKNOWN = HpoId.of("HP:9999999");

    private final Hpo hpo = TinyHpo.build();

    @Test
    void describesTheRelease() {
        assertEquals("tiny", hpo.release());
        assertEquals(Optional.empty(), hpo.sha256());
        assertEquals(ALL, hpo.root());
        assertEquals(13, hpo.termCount());
        assertEquals(11, hpo.activeTermCount());
        assertEquals(2, hpo.obsoleteTermCount());
    }

    @Test
    void termsAreSortedAndActiveTermsLeaveOutObsoleteOnes() {
        List<HpoId> all = hpo.terms().stream().map(Term::id).toList();
        List<HpoId> active = hpo.activeTerms().stream().map(Term::id).toList();

        assertEquals(all.stream().sorted().toList(), all);
        assertEquals(List.of(ALL, MODE_OF_INHERITANCE, AUTOSOMAL_DOMINANT, PHENOTYPIC_ABNORMALITY, EPICANTHUS, LOW_SET_EARS,
                EYE, EYELID, EAR, THIN_EAR_HELIX, HOODED_EYELID), active);
        assertTrue(all.contains(PROMINENT_EPICANTHAL_FOLDS));
        assertTrue(all.contains(SHORT_CURLY_EYELASHES));
    }

    @Test
    void termResolvesPrimaryAlternativeAndObsoleteIds() {
        assertEquals("Low-set ears", hpo.term(LOW_SET_EARS).orElseThrow().label());
        assertEquals(EPICANTHUS, hpo.term(EPICANTHUS_ALTERNATIVE).orElseThrow().id());
        Term obsolete = hpo.term(PROMINENT_EPICANTHAL_FOLDS).orElseThrow();
        assertTrue(obsolete.obsolete());
        assertEquals(Optional.of(EPICANTHUS), obsolete.replacedBy());
        assertEquals(Optional.empty(), hpo.term(UNKNOWN));
    }

    @Test
    void primaryIdMapsOldIdsToTheActiveTermTheyMeanNow() {
        assertEquals(Optional.of(LOW_SET_EARS), hpo.primaryId(LOW_SET_EARS));
        assertEquals(Optional.of(EPICANTHUS), hpo.primaryId(EPICANTHUS_ALTERNATIVE));
        assertEquals(Optional.of(EPICANTHUS), hpo.primaryId(PROMINENT_EPICANTHAL_FOLDS));
        assertEquals(Optional.empty(), hpo.primaryId(SHORT_CURLY_EYELASHES));
        assertEquals(Optional.empty(), hpo.primaryId(UNKNOWN));
    }

    @Test
    void knownMeansPrimaryAlternativeOrObsolete() {
        assertTrue(hpo.isKnown(LOW_SET_EARS));
        assertTrue(hpo.isKnown(EPICANTHUS_ALTERNATIVE));
        assertTrue(hpo.isKnown(SHORT_CURLY_EYELASHES));
        assertFalse(hpo.isKnown(UNKNOWN));
        assertTrue(hpo.isActive(LOW_SET_EARS));
        assertFalse(hpo.isActive(EPICANTHUS_ALTERNATIVE));
        assertFalse(hpo.isActive(PROMINENT_EPICANTHAL_FOLDS));
    }

    @Test
    void parentsAndChildrenAreSorted() {
        assertEquals(List.of(EAR), hpo.parents(LOW_SET_EARS));
        assertEquals(List.of(), hpo.parents(ALL));
        assertEquals(List.of(MODE_OF_INHERITANCE, PHENOTYPIC_ABNORMALITY), hpo.children(ALL));
        assertEquals(List.of(EPICANTHUS, HOODED_EYELID), hpo.children(EYELID));
        assertEquals(List.of(), hpo.children(LOW_SET_EARS));
    }

    @Test
    void graphQueriesRejectIdsThatAreNotActiveTerms() {
        IllegalArgumentException alternative = assertThrows(IllegalArgumentException.class, () -> hpo.parents(EPICANTHUS_ALTERNATIVE));
        assertTrue(alternative.getMessage().contains("map it with primaryId"), alternative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> hpo.children(PROMINENT_EPICANTHAL_FOLDS));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> hpo.parents(UNKNOWN));
        assertTrue(unknown.getMessage().contains("HP:9999999 is not an active term of HPO tiny: it is not in this release"), unknown.getMessage());
    }

    @Test
    void anObsoleteTermsOwnReplacementWinsOverATermListingItAsAlternative() {
        HpoId merged = HpoId.of("HP:0000010");
        HpoId old = HpoId.of("HP:0000011");
        List<Term> terms = replacing(LOW_SET_EARS, Term.builder(LOW_SET_EARS).label("Low-set ears").parent(EAR).alternativeId(old).build());
        terms.add(Term.builder(old).label("obsolete old").replacedBy(merged).build());
        terms.add(Term.builder(merged).label("Merged").parent(EAR).build());

        Hpo conflicting = Hpo.of("x", terms);

        assertEquals(Optional.of(merged), conflicting.primaryId(old));
        assertEquals("obsolete old", conflicting.term(old).orElseThrow().label());
    }

    @Test
    void anObsoleteTermWithoutReplacementFallsBackToTheTermListingItAsAlternative() {
        HpoId old = HpoId.of("HP:0000011");
        List<Term> terms = replacing(LOW_SET_EARS, Term.builder(LOW_SET_EARS).label("Low-set ears").parent(EAR).alternativeId(old).build());
        terms.add(Term.builder(old).label("obsolete old").obsolete().build());
        Hpo hpoWithStub = Hpo.of("x", terms);

        assertEquals(Optional.of(LOW_SET_EARS), hpoWithStub.primaryId(old));
    }

    @Test
    void replacementsAreFollowedThroughOtherObsoleteTerms() {
        HpoId older = HpoId.of("HP:0000011");
        HpoId old = HpoId.of("HP:0000012");
        Hpo chained = Hpo.of("x", with(
                Term.builder(older).label("obsolete older").replacedBy(old).build(),
                Term.builder(old).label("obsolete old").replacedBy(EPICANTHUS_ALTERNATIVE).build()));

        assertEquals(Optional.of(EPICANTHUS), chained.primaryId(older));
    }

    @Test
    void keepsTheSourceHash() {
        String hash = "749fb5c6e0b2dfff811356a9f2b80f63867e96bb15bf366778ef4193bb196707";
        assertEquals(Optional.of(hash), Hpo.of("x", hash, TinyHpo.terms()).sha256());
        assertThrows(IllegalArgumentException.class, () -> Hpo.of("x", "ABC", TinyHpo.terms()));
        assertThrows(IllegalArgumentException.class, () -> Hpo.of(" ", TinyHpo.terms()));
    }

    @Test
    void rejectsADuplicatePrimaryId() {
        assertRejected("two terms have the primary id HP:0000369",
                with(Term.builder(LOW_SET_EARS).label("again").parent(EAR).build()));
    }

    @Test
    void rejectsUnknownOrObsoleteParents() {
        assertRejected("HP:0000010 has parent HP:9999999, which is not a term of this ontology",
                with(Term.builder(HpoId.of("HP:0000010")).label("x").parent(UNKNOWN).build()));
        assertRejected("HP:0000010 has parent HP:0007930, which is obsolete",
                with(Term.builder(HpoId.of("HP:0000010")).label("x").parent(PROMINENT_EPICANTHAL_FOLDS).build()));
    }

    @Test
    void rejectsASecondRoot() {
        assertRejected("expected exactly one root (an active term without parents), found [HP:0000001, HP:0000010]",
                with(Term.builder(HpoId.of("HP:0000010")).label("x").build()));
    }

    @Test
    void rejectsACycle() {
        HpoId a = HpoId.of("HP:0000010");
        HpoId b = HpoId.of("HP:0000011");
        HpoId below = HpoId.of("HP:0000012");
        assertRejected("the is_a graph has a cycle: these terms lie on or below it: [HP:0000010, HP:0000011, HP:0000012]", with(
                Term.builder(a).label("a").parent(EAR).parent(b).build(),
                Term.builder(b).label("b").parent(a).build(),
                Term.builder(below).label("below").parent(b).build()));
    }

    @Test
    void rejectsAlternativeIdsThatClash() {
        assertRejected("alternative id HP:0000624 is listed by both HP:0000286 and HP:0000369",
                replacing(LOW_SET_EARS, Term.builder(LOW_SET_EARS).label("Low-set ears").parent(EAR).alternativeId(EPICANTHUS_ALTERNATIVE).build()));
        assertRejected("HP:0000369 lists HP:0000598 as an alternative id, but HP:0000598 is an active term",
                replacing(LOW_SET_EARS, Term.builder(LOW_SET_EARS).label("Low-set ears").parent(EAR).alternativeId(EAR).build()));
    }

    @Test
    void rejectsUnknownReplacementsAndLoops() {
        assertRejected("HP:0000010 is replaced by HP:9999999, which is not a known id",
                with(Term.builder(HpoId.of("HP:0000010")).label("x").replacedBy(UNKNOWN).build()));
        HpoId a = HpoId.of("HP:0000010");
        HpoId b = HpoId.of("HP:0000011");
        assertRejected("replacements and alternative ids loop: [HP:0000010, HP:0000011] -> HP:0000010", with(
                Term.builder(a).label("a").replacedBy(b).build(),
                Term.builder(b).label("b").replacedBy(a).build()));
    }

    @Test
    void rejectsNoTermsAtAll() {
        assertRejected("expected exactly one root", List.of());
    }

    private static void assertRejected(String expectedMessagePart, List<Term> terms) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hpo.of("x", terms));
        assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
    }

    /** TinyHpo's terms plus {@code extra}. */
    private static List<Term> with(Term... extra) {
        List<Term> terms = new ArrayList<>(TinyHpo.terms());
        terms.addAll(List.of(extra));
        return terms;
    }

    /** TinyHpo's terms with the term {@code id} swapped for {@code replacement}. */
    private static List<Term> replacing(HpoId id, Term replacement) {
        List<Term> terms = new ArrayList<>(TinyHpo.terms().stream().filter(term -> !term.id().equals(id)).toList());
        terms.add(replacement);
        return terms;
    }
}
