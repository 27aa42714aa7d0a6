package org.hpolink.ontology;

import static org.hpolink.ontology.SynonymScope.BROAD;
import static org.hpolink.ontology.SynonymScope.EXACT;
import static org.hpolink.ontology.SynonymScope.NARROW;
import static org.hpolink.ontology.SynonymScope.RELATED;

import java.util.List;

/**
 * A 13-term HPO (11 active) built in code for tests: real ids and labels, with the graph simplified (real parents skipped).
 *
 * <pre>
 * HP:0000001 All
 * ├── HP:0000118 Phenotypic abnormality
 * │   ├── HP:0000478 Abnormality of the eye
 * │   │   └── HP:0000492 Abnormal eyelid morphology
 * │   │       ├── HP:0000286 Epicanthus            (alternative id HP:0000624)
 * │   │       └── HP:0030820 Hooded eyelid
 * │   └── HP:0000598 Abnormality of the ear
 * │       ├── HP:0000369 Low-set ears
 * │       └── HP:0009905 Thin ear helix
 * └── HP:0000005 Mode of inheritance
 *     └── HP:0000006 Autosomal dominant inheritance
 * obsolete: HP:0007930 Prominent epicanthal folds (replaced by HP:0000286),
 *           HP:0007691 Short curly eyelashes (no replacement)
 * </pre>
 */
public final class TinyHpo {

    public static final String RELEASE = "tiny";

    public static final HpoId ALL = HpoId.of("HP:0000001");
    public static final HpoId PHENOTYPIC_ABNORMALITY = HpoId.PHENOTYPIC_ABNORMALITY;
    public static final HpoId EYE = HpoId.of("HP:0000478");
    public static final HpoId EYELID = HpoId.of("HP:0000492");
    public static final HpoId EPICANTHUS = HpoId.of("HP:0000286");
    /** An alternative id of {@link #EPICANTHUS}. */
    public static final HpoId EPICANTHUS_ALTERNATIVE = HpoId.of("HP:0000624");
    public static final HpoId HOODED_EYELID = HpoId.of("HP:0030820");
    public static final HpoId EAR = HpoId.of("HP:0000598");
    public static final HpoId LOW_SET_EARS = HpoId.of("HP:0000369");
    public static final HpoId THIN_EAR_HELIX = HpoId.of("HP:0009905");
    public static final HpoId MODE_OF_INHERITANCE = HpoId.of("HP:0000005");
    public static final HpoId AUTOSOMAL_DOMINANT = HpoId.of("HP:0000006");
    /** Obsolete, replaced by {@link #EPICANTHUS}. */
    public static final HpoId PROMINENT_EPICANTHAL_FOLDS = HpoId.of("HP:0007930");
    /** Obsolete, with no replacement. */
    public static final HpoId SHORT_CURLY_EYELASHES = HpoId.of("HP:0007691");

    private TinyHpo() {
    }

    public static Hpo build() {
        return Hpo.of(RELEASE, terms());
    }

    public static List<Term> terms() {
        return List.of(
                Term.builder(ALL).label("All").build(),
                Term.builder(PHENOTYPIC_ABNORMALITY).label("Phenotypic abnormality").parent(ALL)
                        .synonym("Organ abnormality", EXACT).build(),
                Term.builder(EYE).label("Abnormality of the eye").parent(PHENOTYPIC_ABNORMALITY)
                        .synonym("Abnormal eye", EXACT).synonym("Eye disease", RELATED).synonym("Eye malformation", NARROW).build(),
                Term.builder(EYELID).label("Abnormal eyelid morphology").parent(EYE)
                        .synonym("Abnormality of the eyelid", EXACT).synonym("Abnormality of the ocular adnexa", BROAD)
                        .definition("An abnormality of the eyelids.").build(),
                Term.builder(EPICANTHUS).label("Epicanthus").parent(EYELID).alternativeId(EPICANTHUS_ALTERNATIVE)
                        .synonym("Epicanthal folds", EXACT).synonym("Epicanthic folds", EXACT)
                        .definition("A fold of skin starting above the medial aspect of the upper eyelid and arching downward to "
                                + "cover, pass in front of and lateral to the medial canthus.").build(),
                Term.builder(HOODED_EYELID).label("Hooded eyelid").parent(EYELID)
                        .definition("Eyelid partly covered by skin when eyes are open.").build(),
                Term.builder(EAR).label("Abnormality of the ear").parent(PHENOTYPIC_ABNORMALITY)
                        .synonym("Ear anomaly", EXACT).build(),
                Term.builder(LOW_SET_EARS).label("Low-set ears").parent(EAR)
                        .synonym("Low set ears", EXACT).synonym("Low-set ear", EXACT).synonym("Ears low set", RELATED).build(),
                Term.builder(THIN_EAR_HELIX).label("Thin ear helix").parent(EAR)
                        .synonym("Thin helices", EXACT).build(),
                Term.builder(MODE_OF_INHERITANCE).label("Mode of inheritance").parent(ALL)
                        .synonym("Inheritance", EXACT).build(),
                Term.builder(AUTOSOMAL_DOMINANT).label("Autosomal dominant inheritance").parent(MODE_OF_INHERITANCE)
                        .synonym("Autosomal dominant", EXACT).build(),
                Term.builder(PROMINENT_EPICANTHAL_FOLDS).label("obsolete Prominent epicanthal folds").replacedBy(EPICANTHUS).build(),
                Term.builder(SHORT_CURLY_EYELASHES).label("obsolete Short curly eyelashes").obsolete().build());
    }
}
