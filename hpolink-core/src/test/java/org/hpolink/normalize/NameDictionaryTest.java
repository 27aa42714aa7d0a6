package org.hpolink.normalize;

import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.normalize.NameDictionary.Name;
import org.hpolink.normalize.NameDictionary.Source;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.SynonymScope;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/** The names of a dictionary: observable terms only, the synonym scopes asked for, and training mentions under primary ids. */
class NameDictionaryTest {

    private static final Hpo HPO = TinyHpo.build();

    /**
     * Key findings under an alternative id and an obsolete id, one outside the phenotypic abnormalities (which makes
     * that term observable), a discontinuous one, and a normal finding, which names nothing.
     */
    private static final Corpus TRAINING = new Corpus("train.tsv", "", List.of(
            annotated("o1", "EARS: low set", Finding.key(TinyHpo.LOW_SET_EARS, Span.parse("0-4,6-13"))),
            annotated("o2", "EYES: epicanthic folds, no hooding", Finding.key(TinyHpo.EPICANTHUS_ALTERNATIVE, Span.of(6, 22)),
                    Finding.normal(TinyHpo.HOODED_EYELID, Span.of(27, 34))),
            annotated("o3", "EYES: prominent epicanthal folds", Finding.key(TinyHpo.PROMINENT_EPICANTHAL_FOLDS, Span.of(6, 32))),
            annotated("o4", "FAMILY: autosomal dominant", Finding.key(TinyHpo.AUTOSOMAL_DOMINANT, Span.of(8, 26)))));

    @Test
    void observableTermsThenTrainingMentionsInAFixedOrder() {
        NameDictionary dictionary = NameDictionary.of(HPO, TRAINING, Set.of(SynonymScope.EXACT, SynonymScope.RELATED));

        assertEquals(List.of(
                // observable because a training finding uses it, though outside HP:0000118
                label("Autosomal dominant inheritance", TinyHpo.AUTOSOMAL_DOMINANT),
                synonym("Autosomal dominant", TinyHpo.AUTOSOMAL_DOMINANT),
                label("Phenotypic abnormality", TinyHpo.PHENOTYPIC_ABNORMALITY),
                synonym("Organ abnormality", TinyHpo.PHENOTYPIC_ABNORMALITY),
                label("Epicanthus", TinyHpo.EPICANTHUS),
                synonym("Epicanthal folds", TinyHpo.EPICANTHUS),
                synonym("Epicanthic folds", TinyHpo.EPICANTHUS),
                label("Low-set ears", TinyHpo.LOW_SET_EARS),
                synonym("Low set ears", TinyHpo.LOW_SET_EARS),
                synonym("Low-set ear", TinyHpo.LOW_SET_EARS),
                synonym("Ears low set", TinyHpo.LOW_SET_EARS),
                label("Abnormality of the eye", TinyHpo.EYE),
                synonym("Abnormal eye", TinyHpo.EYE),
                synonym("Eye disease", TinyHpo.EYE),
                label("Abnormal eyelid morphology", TinyHpo.EYELID),
                synonym("Abnormality of the eyelid", TinyHpo.EYELID),
                label("Abnormality of the ear", TinyHpo.EAR),
                synonym("Ear anomaly", TinyHpo.EAR),
                label("Thin ear helix", TinyHpo.THIN_EAR_HELIX),
                synonym("Thin helices", TinyHpo.THIN_EAR_HELIX),
                label("Hooded eyelid", TinyHpo.HOODED_EYELID),
                // the discontinuous mention joined by a space; the alternative and the obsolete id as the primary id
                mention("EARS low set", TinyHpo.LOW_SET_EARS),
                mention("epicanthic folds", TinyHpo.EPICANTHUS),
                mention("prominent epicanthal folds", TinyHpo.EPICANTHUS),
                mention("autosomal dominant", TinyHpo.AUTOSOMAL_DOMINANT)), dictionary.names());
        assertEquals(25, dictionary.size());
    }

    @Test
    void termsOutsideThePhenotypicAbnormalitiesAreLeftOutUnlessTrainingUsesThem() {
        NameDictionary dictionary = NameDictionary.of(HPO, new Corpus("empty.tsv", "", List.of()), Set.of(SynonymScope.EXACT));

        assertEquals(List.of(TinyHpo.PHENOTYPIC_ABNORMALITY, TinyHpo.EPICANTHUS, TinyHpo.LOW_SET_EARS, TinyHpo.EYE, TinyHpo.EYELID,
                TinyHpo.EAR, TinyHpo.THIN_EAR_HELIX, TinyHpo.HOODED_EYELID),
                dictionary.names().stream().map(Name::id).distinct().toList());
    }

    @Test
    void onlyTheScopesAskedForGiveSynonyms() {
        assertEquals(List.of("Autosomal dominant", "Organ abnormality", "Epicanthal folds", "Epicanthic folds", "Low set ears", "Low-set ear",
                "Abnormal eye", "Abnormality of the eyelid", "Ear anomaly", "Thin helices"), synonyms(EnumSet.of(SynonymScope.EXACT)));
        assertEquals(List.of("Autosomal dominant", "Organ abnormality", "Epicanthal folds", "Epicanthic folds", "Low set ears", "Low-set ear",
                "Ears low set", "Abnormal eye", "Eye disease", "Eye malformation", "Abnormality of the eyelid",
                "Abnormality of the ocular adnexa", "Ear anomaly", "Thin helices"), synonyms(EnumSet.allOf(SynonymScope.class)));
        assertEquals(List.of(), synonyms(EnumSet.noneOf(SynonymScope.class)));
    }

    @Test
    void aNameNeedsText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Name(" ", TinyHpo.EAR, Source.MENTION));
        assertEquals("a name of HP:0000598 needs a non-blank text, got ' '", e.getMessage());
    }

    private static List<String> synonyms(Set<SynonymScope> scopes) {
        return NameDictionary.of(HPO, TRAINING, scopes).names().stream().filter(n -> n.source() == Source.SYNONYM).map(Name::text).toList();
    }

    private static Name label(String text, HpoId id) {
        return new Name(text, id, Source.LABEL);
    }

    private static Name synonym(String text, HpoId id) {
        return new Name(text, id, Source.SYNONYM);
    }

    private static Name mention(String text, HpoId id) {
        return new Name(text, id, Source.MENTION);
    }
}
