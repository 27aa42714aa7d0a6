package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hpolink.ontology.HpoId;
import org.junit.jupiter.api.Test;

class ClinicalAbbreviationsTest {

    @Test
    void aLineHoldsTheAbbreviationWhatItStandsForTheIdAndTheLabel() {
        assertEquals(List.of(new ClinicalAbbreviations.Row("OM", "otitis media", HpoId.of("HP:0000388"), "Otitis media")),
                ClinicalAbbreviations.parse(List.of("# comment", "OM\totitis media\tHP:0000388\tOtitis media"), "table.tsv"));
    }

    @Test
    void aMalformedLineIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClinicalAbbreviations.parse(
                List.of("# comment", "FTT\tfailure to thrive\tHP:0001508\tFailure to thrive", "ID\tHP:0001249\tIntellectual disability"),
                "table.tsv"));
        assertEquals("table.tsv line 3: expected an abbreviation, what it stands for, an HPO id and a label separated by tabs", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClinicalAbbreviations.parse(
                List.of("ID\tintellectual disability\tHP:0001249\tx", "ID\tdevelopmental delay\tHP:0001263\ty"), "table.tsv"));
        assertEquals("table.tsv line 2: ID is listed twice", e.getMessage());
    }
}
