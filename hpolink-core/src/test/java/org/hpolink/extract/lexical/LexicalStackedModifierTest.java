package org.hpolink.extract.lexical;

import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.extract.Mention;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.SynonymScope;
import org.hpolink.ontology.Term;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/**
 * Stacked modifiers share the noun, as annotators mark them: {@code long flat philtrum} is Smooth philtrum at
 * {@code flat philtrum} and Long philtrum at {@code long} + {@code philtrum}.
 */
class LexicalStackedModifierTest {

    private static final HpoId LONG_PHILTRUM = HpoId.of("HP:0000343");
    private static final HpoId SMOOTH_PHILTRUM = HpoId.of("HP:0000319");

    private static final Hpo HPO = LexicalFixtures.smallHpo("philtrum",
            Term.builder(LONG_PHILTRUM).label("Long philtrum").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(SMOOTH_PHILTRUM).label("Smooth philtrum").parent(HpoId.PHENOTYPIC_ABNORMALITY)
                    .synonym("Flat philtrum", SynonymScope.EXACT).build());

    private static final LexicalModel MODEL = new LexicalTrainer(LexicalFixtures.CONFIG).train(new Corpus("train.tsv", "", List.of(
            annotated("p1", "FACE: long philtrum", Finding.key(LONG_PHILTRUM, Span.parse("6-19"))),
            annotated("p2", "FACE: flat philtrum", Finding.key(SMOOTH_PHILTRUM, Span.parse("6-19"))))), HPO, "all");

    private static List<String> extract(String text) {
        return new LexicalMentionExtractor(MODEL).extract(Observation.of("x", text)).stream()
                .map(m -> m.span() + " " + m.id().orElseThrow() + " " + m.status()).toList();
    }

    @Test
    void theOuterModifierTakesTheInnerPhrasesNoun() {
        // "FACE: long flat philtrum": long 6-10, flat 11-15, philtrum 16-24
        assertEquals(List.of("6-10,16-24 " + LONG_PHILTRUM + " KEY", "11-24 " + SMOOTH_PHILTRUM + " KEY"),
                extract("FACE: long flat philtrum"));
    }

    @Test
    void aCoordinatedModifierTakesTheNounOfTheStackedPhraseAfterIt() {
        HpoId lowSet = LexicalFixtures.LOW_SET_EARS;
        HpoId rotated = LexicalFixtures.POSTERIORLY_ROTATED_EARS;
        Hpo hpo = LexicalFixtures.smallHpo("ears",
                Term.builder(lowSet).label("Low-set ears").synonym("Low set ears", SynonymScope.EXACT).parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(rotated).label("Posteriorly rotated ears").parent(HpoId.PHENOTYPIC_ABNORMALITY).build());
        LexicalModel model = new LexicalTrainer(LexicalFixtures.CONFIG).train(new Corpus("train.tsv", "", List.of(
                annotated("e1", "EARS: low set ears", Finding.key(lowSet, Span.parse("6-18"))))), hpo, "all");
        // "Low set, posteriorly rotated ears": low 0-3, set 4-7, posteriorly 9-20, rotated 21-28, ears 29-33
        List<String> found = new LexicalMentionExtractor(model).extract(Observation.of("x", "Low set, posteriorly rotated ears")).stream()
                .map(m -> m.span() + " " + m.id().orElseThrow()).toList();
        assertEquals(List.of("0-7,29-33 " + lowSet, "9-33 " + rotated), found);
    }

    @Test
    void theFirstWordOfAListTakesTheNounAfterItsLastWord() {
        HpoId cardiac = HpoId.of("HP:0001627");
        HpoId renal = HpoId.of("HP:0000077");
        HpoId ocular = HpoId.of("HP:0000478");
        Hpo hpo = LexicalFixtures.smallHpo("organs",
                Term.builder(cardiac).label("Cardiac abnormality").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(renal).label("Renal abnormality").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(ocular).label("Ocular abnormality").parent(HpoId.PHENOTYPIC_ABNORMALITY).build());
        LexicalModel model = new LexicalTrainer(LexicalFixtures.CONFIG).train(new Corpus("train.tsv", "", List.of(
                annotated("o1", "HEART: cardiac abnormality", Finding.key(cardiac, Span.parse("7-26"))))), hpo, "all");
        // cardiac 0-7, renal 9-14, ocular 19-25, abnormalities 26-39
        List<String> found = new LexicalMentionExtractor(model).extract(Observation.of("x", "Cardiac, renal and ocular abnormalities"))
                .stream().map(m -> m.span() + " " + m.id().orElseThrow()).toList();
        assertEquals(List.of("0-7,26-39 " + cardiac, "9-14,26-39 " + renal, "19-39 " + ocular), found);
        // Two words without a coordinator between them are no items of a list.
        List<HpoId> notAList = new LexicalMentionExtractor(model).extract(Observation.of("x", "Cardiac, renal ocular and ocular abnormalities"))
                .stream().map(m -> m.id().orElseThrow()).toList();
        assertFalse(notAList.contains(cardiac), notAList::toString);
    }

    @Test
    void aLearnedModifierMaySitBetween() {
        LexicalModel withMild = new LexicalTrainer(LexicalFixtures.CONFIG).train(new Corpus("train.tsv", "", List.of(
                annotated("p1", "FACE: long philtrum", Finding.key(LONG_PHILTRUM, Span.parse("6-19"))),
                annotated("p2", "FACE: flat philtrum", Finding.key(SMOOTH_PHILTRUM, Span.parse("6-19"))),
                annotated("m1", "FACE: mildly long philtrum", Finding.key(LONG_PHILTRUM, Span.parse("13-26"))),
                annotated("m2", "FACE: mild flat philtrum", Finding.key(SMOOTH_PHILTRUM, Span.parse("11-24"))),
                annotated("m3", "FACE: mildly flat philtrum", Finding.key(SMOOTH_PHILTRUM, Span.parse("13-26"))))), HPO, "all");
        assertEquals(Set.of("mild"), withMild.modifiers());
        List<Mention> mentions = new LexicalMentionExtractor(withMild).extract(Observation.of("x", "FACE: long mildly flat philtrum"));
        assertEquals(List.of(Span.parse("6-10,23-31"), Span.parse("18-31")), mentions.stream().map(Mention::span).toList());
    }

    @Test
    void aFunctionWordBetweenKeepsThemApart() {
        assertEquals(List.of("16-29 " + SMOOTH_PHILTRUM + " KEY"), extract("FACE: long with flat philtrum"));
    }
}
