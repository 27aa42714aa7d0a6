package org.hpolink.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TermTest {

    private static final HpoId ID = HpoId.of("HP:0000369");
    private static final HpoId A = HpoId.of("HP:0000598");
    private static final HpoId B = HpoId.of("HP:0000357");

    @Test
    void builderSortsParentsAndAlternativeIdsAndKeepsSynonymOrder() {
        Term term = Term.builder(ID).label("Low-set ears").parent(A).parent(B)
                .alternativeId(HpoId.of("HP:0000500")).alternativeId(HpoId.of("HP:0000400"))
                .synonym("Low set ears", SynonymScope.EXACT).synonym("Ears low set", SynonymScope.RELATED)
                .definition("Low ears.").build();

        assertEquals(List.of(B, A), term.parents());
        assertEquals(List.of(HpoId.of("HP:0000400"), HpoId.of("HP:0000500")), term.alternativeIds());
        assertEquals(List.of(new Synonym("Low set ears", SynonymScope.EXACT), new Synonym("Ears low set", SynonymScope.RELATED)),
                term.synonyms());
        assertEquals(List.of("Low-set ears", "Low set ears", "Ears low set"), term.names());
        assertEquals(Optional.of("Low ears."), term.definition());
        assertEquals(Optional.empty(), term.replacedBy());
        assertTrue(!term.obsolete());
    }

    @Test
    void replacedByMakesATermObsolete() {
        Term term = Term.builder(ID).label("obsolete x").replacedBy(A).build();

        assertTrue(term.obsolete());
        assertEquals(Optional.of(A), term.replacedBy());
    }

    @Test
    void rejectsBrokenTerms() {
        assertThrows(IllegalArgumentException.class, () -> Term.builder(ID).label(" ").build(), "blank label");
        assertThrows(IllegalArgumentException.class, () -> Term.builder(ID).build(), "no label");
        assertThrows(IllegalArgumentException.class, () -> Term.builder(ID).label("x").parent(A).parent(A).build(), "parent twice");
        assertThrows(IllegalArgumentException.class, () -> Term.builder(ID).label("x").parent(ID).build(), "own parent");
        assertThrows(IllegalArgumentException.class, () -> Term.builder(ID).label("x").alternativeId(ID).build(), "own alt id");
        assertThrows(IllegalArgumentException.class, () -> Term.builder(ID).label("x").obsolete().parent(A).build(), "obsolete with parent");
        assertThrows(IllegalArgumentException.class, () -> Term.builder(ID).label("x").replacedBy(ID).build(), "replaced by itself");
        assertThrows(IllegalArgumentException.class,
                () -> new Term(ID, "x", List.of(), List.of(), List.of(), false, Optional.of(A), Optional.empty()),
                "replacement on an active term");
    }

    @Test
    void rejectsBlankSynonym() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Synonym("", SynonymScope.EXACT));
        assertTrue(e.getMessage().contains("non-blank"), e.getMessage());
    }
}
