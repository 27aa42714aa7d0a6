package org.hpolink.extract.lexical;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import org.hpolink.RealDataFolder;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoGraph;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.HpoJsonReader;
import org.junit.jupiter.api.Test;

/** The reviewed abbreviation table against the real HPO release: every id an active phenotypic abnormality. */
class ClinicalAbbreviationsIT {

    @Test
    void everyIdIsAnActivePhenotypicAbnormality() throws IOException {
        Hpo hpo = new HpoJsonReader().read(RealDataFolder.hpoFile());
        Set<HpoId> abnormalities = HpoGraph.subtree(hpo, HpoId.PHENOTYPIC_ABNORMALITY);
        ClinicalAbbreviations.standard().forEach((abbreviation, id) -> {
            assertTrue(hpo.term(id).filter(term -> !term.obsolete()).isPresent(), abbreviation + ": " + id + " is not an active term");
            assertTrue(abnormalities.contains(id), abbreviation + ": " + id + " is not a phenotypic abnormality");
        });
    }
}
