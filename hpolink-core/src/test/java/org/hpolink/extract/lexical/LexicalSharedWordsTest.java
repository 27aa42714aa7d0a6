package org.hpolink.extract.lexical;

import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.SynonymScope;
import org.hpolink.ontology.Term;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/**
 * Which phrase a word shared between two findings belongs to, in prose such as {@code cerebellar hypoplasia and
 * agenesis of the corpus callosum}; and names that only a learned modifier tells apart.
 */
class LexicalSharedWordsTest {

    private static final HpoId CEREBELLAR_HYPOPLASIA = HpoId.of("HP:0001321");
    private static final HpoId CEREBELLAR_AGENESIS = HpoId.of("HP:0012642");
    private static final HpoId CALLOSAL_AGENESIS = HpoId.of("HP:0001274");
    private static final HpoId PARTIAL_CALLOSAL_AGENESIS = HpoId.of("HP:0001338");
    private static final HpoId CALLOSAL_HYPOPLASIA = HpoId.of("HP:0002079");
    private static final HpoId CALLOSAL_APLASIA_HYPOPLASIA = HpoId.of("HP:0007370");

    private static final Hpo HPO = LexicalFixtures.smallHpo("brain",
            Term.builder(CEREBELLAR_HYPOPLASIA).label("Cerebellar hypoplasia").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(CEREBELLAR_AGENESIS).label("Cerebellar agenesis").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(CALLOSAL_AGENESIS).label("Agenesis of corpus callosum")
                    .synonym("Agenesis of the corpus callosum", SynonymScope.EXACT).parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            // More names than Agenesis of corpus callosum, all of one key once "partial" is a modifier.
            Term.builder(PARTIAL_CALLOSAL_AGENESIS).label("Partial agenesis of the corpus callosum")
                    .synonym("Partial agenesis of corpus callosum", SynonymScope.EXACT)
                    .synonym("Partial corpus callosum agenesis", SynonymScope.EXACT)
                    .synonym("Corpus callosum agenesis, partial", SynonymScope.EXACT).parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(CALLOSAL_HYPOPLASIA).label("Hypoplasia of the corpus callosum").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(CALLOSAL_APLASIA_HYPOPLASIA).label("Aplasia/Hypoplasia of the corpus callosum")
                    .synonym("Agenesis/hypoplastic corpus callosum", SynonymScope.EXACT).parent(HpoId.PHENOTYPIC_ABNORMALITY).build());

    /** Trained where "partial" comes before three findings and inside none (a modifier), or nowhere. */
    private static LexicalModel train(boolean partialIsAModifier) {
        List<AnnotatedObservation> observations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String text = partialIsAModifier ? "BRAIN: partial cerebellar hypoplasia" : "BRAIN: cerebellar hypoplasia";
            int start = text.indexOf("cerebellar");
            observations.add(annotated("c" + i, text, Finding.key(CEREBELLAR_HYPOPLASIA, Span.of(start, start + 21))));
        }
        return new LexicalTrainer(LexicalFixtures.CONFIG).train(new Corpus("train.tsv", "", observations), HPO, "all");
    }

    private static final LexicalModel WITH_MODIFIER = train(true);

    /** A model of {@code hpo}'s names and one training observation: {@code header} then the finding's words. */
    private static LexicalModel trainOnOneFinding(Hpo hpo, String header, String finding, HpoId id) {
        String text = header + finding;
        AnnotatedObservation observation = annotated("o", text, Finding.key(id, Span.of(header.length(), text.length())));
        return new LexicalTrainer(LexicalFixtures.CONFIG).train(new Corpus("train.tsv", "", List.of(observation)), hpo, "all");
    }

    private static List<String> extract(LexicalModel model, String text) {
        return new LexicalMentionExtractor(model).extract(Observation.of("x", text)).stream()
                .map(m -> m.span().coveredText(text) + " " + m.id().orElseThrow()).toList();
    }

    @Test
    void aWordHeadingAPhraseOfItsOwnIsNotSharedAcrossAnd() {
        assertEquals(List.of("cerebellar hypoplasia " + CEREBELLAR_HYPOPLASIA, "agenesis of the corpus callosum " + CALLOSAL_AGENESIS),
                extract(WITH_MODIFIER, "cerebellar hypoplasia and agenesis of the corpus callosum"));
    }

    @Test
    void aPrefixIsStillSharedByAWordThatHeadsNothingLonger() {
        assertEquals(List.of("cerebellar agenesis " + CEREBELLAR_AGENESIS, "cerebellar hypoplasia " + CEREBELLAR_HYPOPLASIA),
                extract(WITH_MODIFIER, "cerebellar hypoplasia and agenesis"));
    }

    @Test
    void aReadingAcrossAndDoesNotTakeTheLastWordOfAPhraseBeforeIt() {
        // Without "cerebellar", hypoplasia and agenesis of the corpus callosum is one finding of both.
        assertEquals(List.of("hypoplasia and agenesis of the corpus callosum " + CALLOSAL_APLASIA_HYPOPLASIA),
                extract(WITH_MODIFIER, "hypoplasia and agenesis of the corpus callosum"));
    }

    @Test
    void aPhraseEndingAtTheCoordinatorConfirmsTheSharedReading() {
        HpoId weakness = HpoId.of("HP:0001324");
        HpoId progressiveWeakness = HpoId.of("HP:0003323");
        HpoId atrophy = HpoId.of("HP:0003202");
        Hpo muscles = LexicalFixtures.smallHpo("muscle",
                Term.builder(weakness).label("Muscle weakness").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(progressiveWeakness).label("Progressive muscle weakness").parent(weakness).build(),
                Term.builder(atrophy).label("Skeletal muscle atrophy").synonym("Muscle wasting", SynonymScope.EXACT)
                        .parent(HpoId.PHENOTYPIC_ABNORMALITY).build());
        LexicalModel model = trainOnOneFinding(muscles, "MUSCLE: ", "muscle weakness", weakness);
        // muscle is shared with wasting, though progressive muscle weakness starts before it: the phrase ends at and.
        assertEquals(List.of("progressive muscle weakness " + progressiveWeakness, "muscle wasting " + atrophy),
                extract(model, "progressive muscle weakness and wasting"));
    }

    @Test
    void twoAlternativesSharingWordsOnBothSidesConfirmEachOther() {
        HpoId bacterial = HpoId.of("HP:0002718");
        HpoId fungal = HpoId.of("HP:0002841");
        Hpo infections = LexicalFixtures.smallHpo("infection",
                Term.builder(bacterial).label("Recurrent bacterial infections").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(fungal).label("Recurrent fungal infections").parent(HpoId.PHENOTYPIC_ABNORMALITY).build());
        LexicalModel model = trainOnOneFinding(infections, "IMMUNE: ", "recurrent fungal infections", fungal);
        // Neither recurrent bacterial nor fungal infections is a name: each reading is confirmed by the other.
        assertEquals(List.of("recurrent fungal infections " + fungal, "recurrent bacterial infections " + bacterial),
                extract(model, "recurrent bacterial and fungal infections"));
        assertEquals(List.of(), extract(model, "recurrent bacterial and viral infections"));
    }

    @Test
    void theObjectOfAnOfEndsItsPhraseAtAComma() {
        HpoId osteoma = HpoId.of("HP:0100246");
        HpoId dental = HpoId.of("HP:0000164");
        HpoId mandible = HpoId.of("HP:0000277");
        Hpo jaws = LexicalFixtures.smallHpo("jaw",
                Term.builder(osteoma).label("Osteoma").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(dental).label("Abnormality of the dentition").synonym("Dental anomalies", SynonymScope.EXACT)
                        .parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(mandible).label("Abnormal mandible morphology").synonym("Mandible anomalies", SynonymScope.EXACT)
                        .parent(HpoId.PHENOTYPIC_ABNORMALITY).build());
        LexicalModel model = trainOnOneFinding(jaws, "JAW: ", "osteoma", osteoma);
        assertEquals(List.of("osteomas " + osteoma, "dental anomalies " + dental),
                extract(model, "osteomas of the mandible, dental anomalies"));
        // Without the of, the comma stacks the two words on the noun.
        assertEquals(List.of("mandible anomalies " + mandible, "dental anomalies " + dental),
                extract(model, "mandible, dental anomalies"));
        // The last word of a coordination ends its phrase at a comma and an and; a conjunct's first word does not.
        assertEquals(List.of("osteomas " + osteoma, "dental anomalies " + dental),
                extract(model, "osteomas and mandible, and dental anomalies"));
        assertEquals(List.of("osteomas " + osteoma, "mandible anomalies " + mandible, "dental anomalies " + dental),
                extract(model, "osteomas and mandible, dental anomalies"));
        // A plural noun modifies nothing after a comma.
        assertEquals(List.of("dental anomalies " + dental), extract(model, "mandibles, dental anomalies"));
    }

    @Test
    void aNameWithAModifierGivesWayToTheNameWithout() {
        assertEquals(List.of("agenesis of the corpus callosum " + CALLOSAL_AGENESIS), extract(WITH_MODIFIER, "agenesis of the corpus callosum"));
        // Where partial is a word of the key, the two names are apart.
        LexicalModel without = train(false);
        assertEquals(List.of("agenesis of the corpus callosum " + CALLOSAL_AGENESIS), extract(without, "agenesis of the corpus callosum"));
        assertEquals(List.of("partial agenesis of the corpus callosum " + PARTIAL_CALLOSAL_AGENESIS),
                extract(without, "partial agenesis of the corpus callosum"));
    }
}
