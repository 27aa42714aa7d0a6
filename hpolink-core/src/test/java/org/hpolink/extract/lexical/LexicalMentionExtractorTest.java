package org.hpolink.extract.lexical;

import static org.hpolink.extract.lexical.LexicalFixtures.AUTOSOMAL_DOMINANT;
import static org.hpolink.extract.lexical.LexicalFixtures.CLINODACTYLY;
import static org.hpolink.extract.lexical.LexicalFixtures.EPICANTHUS;
import static org.hpolink.extract.lexical.LexicalFixtures.EPICANTHUS_ALTERNATIVE;
import static org.hpolink.extract.lexical.LexicalFixtures.FIFTH_FINGER_CLINODACTYLY;
import static org.hpolink.extract.lexical.LexicalFixtures.HOODED_EYELID;
import static org.hpolink.extract.lexical.LexicalFixtures.LOW_SET_EARS;
import static org.hpolink.extract.lexical.LexicalFixtures.POSTERIORLY_ROTATED_EARS;
import static org.hpolink.extract.lexical.LexicalFixtures.PROMINENT_ANTITRAGUS;
import static org.hpolink.extract.lexical.LexicalFixtures.PROTRUDING_EAR;
import static org.hpolink.extract.lexical.LexicalFixtures.SCARRING;
import static org.hpolink.extract.lexical.LexicalFixtures.SHORT_FIFTH_FINGER;
import static org.hpolink.extract.lexical.LexicalFixtures.SHORT_FINGER;
import static org.hpolink.extract.lexical.LexicalFixtures.SYNOPHRYS;
import static org.hpolink.extract.lexical.LexicalFixtures.THICK_EYEBROW;
import static org.hpolink.extract.lexical.LexicalFixtures.THIN_EAR_HELIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.hpolink.corpus.Corpus;
import org.hpolink.extract.Mention;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.junit.jupiter.api.Test;

/**
 * The extractor's behaviours on new texts, each learned from {@link LexicalFixtures#corpus()}; where a behaviour is
 * learned, a model trained on a variant of the corpus shows it is not built in.
 */
class LexicalMentionExtractorTest {

    private static final LexicalModel MODEL = LexicalFixtures.model();

    @Test
    void aKnownWordNoMentionCoversIsAGap() {
        LexicalMentionExtractor extractor = new LexicalMentionExtractor(MODEL);
        Observation covered = Observation.of("o1", "EARS: low set");
        Observation helices = Observation.of("o2", "EARS: low set, mild helices");
        assertFalse(extractor.leavesGaps(covered, extractor.extract(covered)));
        assertTrue(extractor.leavesGaps(covered, List.of()), "low set, uncovered");
        assertTrue(extractor.leavesGaps(helices, extractor.extract(helices)), "helices: a word of HPO's names, in no mention");
        Observation negatedOnly = Observation.of("o3", "EYES: no");
        assertFalse(extractor.leavesGaps(negatedOnly, List.of()), "neither the header nor a negation cue is a gap");
    }

    @Test
    void borrowsTheHeaderWhenAnnotatorsDo() {
        assertMentions(MODEL, "EARS: low set", "0-4,6-13 EARS low set " + LOW_SET_EARS + " KEY");
        assertMentions(MODEL, "EARS: posteriorly rotated, thin helices",
                "0-4,6-25 EARS posteriorly rotated " + POSTERIORLY_ROTATED_EARS + " KEY", "27-39 thin helices " + THIN_EAR_HELIX + " KEY");
    }

    @Test
    void keepsThePlainSpanWhenAnnotatorsLeaveTheHeaderOut() {
        LexicalModel plain = LexicalFixtures.train(LexicalFixtures.corpusWithoutHeaderBorrowing());

        assertMentions(plain, "EARS: low set", "6-13 low set " + LOW_SET_EARS + " KEY");
        // "Posteriorly rotated" is an HPO name of its own: both keys name the term, the annotators' votes decide.
        assertMentions(plain, "EARS: posteriorly rotated", "6-25 posteriorly rotated " + POSTERIORLY_ROTATED_EARS + " KEY");
        assertMentions(MODEL, "EARS: posteriorly rotated", "0-4,6-25 EARS posteriorly rotated " + POSTERIORLY_ROTATED_EARS + " KEY");
    }

    @Test
    void aPhraseThatModifiesTheNextNounDoesNotBorrowTheHeader() {
        assertMentions(MODEL, "EARS: prominent", "0-4,6-15 EARS prominent " + PROTRUDING_EAR + " KEY");
        assertMentions(MODEL, "EARS: prominent antitragus", "6-26 prominent antitragus " + PROMINENT_ANTITRAGUS + " KEY");
    }

    @Test
    void aClauseThatNamesTheOrganDoesNotBorrowTheHeader() {
        assertMentions(MODEL, "EARS: low set ears", "6-18 low set ears " + LOW_SET_EARS + " KEY");
        assertMentions(MODEL, "EARS: posteriorly rotated and small ears", "6-25 posteriorly rotated " + POSTERIORLY_ROTATED_EARS + " KEY");
        // A comma ends the clause: the organ named after it does not count.
        assertMentions(MODEL, "EARS: posteriorly rotated, small ears",
                "0-4,6-25 EARS posteriorly rotated " + POSTERIORLY_ROTATED_EARS + " KEY");
    }

    @Test
    void hyphenatedAndSpacedWordsGiveTheSameTermAndTheSpanCoversTheHyphen() {
        assertMentions(MODEL, "low-set ears", "0-12 low-set ears " + LOW_SET_EARS + " KEY");
        assertMentions(MODEL, "low set ears", "0-12 low set ears " + LOW_SET_EARS + " KEY");
        assertMentions(MODEL, "EARS: low-set", "0-4,6-13 EARS low-set " + LOW_SET_EARS + " KEY");
    }

    @Test
    void anEnDashOrATypographicHyphenIsAHyphenAndAccentsAreIgnored() {
        assertMentions(MODEL, "low\u2013set ears", "0-12 low\u2013set ears " + LOW_SET_EARS + " KEY");
        assertMentions(MODEL, "low\u2010set ears", "0-12 low\u2010set ears " + LOW_SET_EARS + " KEY");
        assertMentions(MODEL, "l\u00f3w set \u00e9ars", "0-12 l\u00f3w set \u00e9ars " + LOW_SET_EARS + " KEY");
    }

    @Test
    void wordOrderDoesNotMatter() {
        assertMentions(MODEL, "ears low set", "0-12 ears low set " + LOW_SET_EARS + " KEY");
        assertMentions(MODEL, "ears rotated posteriorly", "0-24 ears rotated posteriorly " + POSTERIORLY_ROTATED_EARS + " KEY");
        assertMentions(MODEL, "ears have become low set", "0-24 ears have become low set " + LOW_SET_EARS + " KEY");
    }

    @Test
    void aLearnedModifierIsLeftOutOfTheSpanButMaySitInsideIt() {
        assertEquals(Set.of("mild"), MODEL.modifiers());
        assertMentions(MODEL, "mildly low set ears", "7-19 low set ears " + LOW_SET_EARS + " KEY");
        assertMentions(MODEL, "ears mildly low set", "0-19 ears mildly low set " + LOW_SET_EARS + " KEY");

        // The fixture has "mild" four times before a finding: asking for five learns no modifier.
        LexicalConfig fiveNeeded = new LexicalConfig(false, false, 12, 8, 5, 0.5, 5, 2, 3, 1, 3, 2.0, true, 0.5, 17L);
        LexicalModel withoutModifiers = LexicalFixtures.train(LexicalFixtures.corpus(), fiveNeeded);
        assertEquals(Set.of(), withoutModifiers.modifiers());
        assertMentions(withoutModifiers, "mildly low set ears", "7-19 low set ears " + LOW_SET_EARS + " KEY");
        assertMentions(withoutModifiers, "ears mildly low set");
    }

    @Test
    void aLearnedCueMakesANormalFinding() {
        assertTrue(MODEL.preNegationCues().contains("no"), MODEL.preNegationCues()::toString);
        assertTrue(MODEL.postNegationCues().contains("absent"), MODEL.postNegationCues()::toString);

        assertMentions(MODEL, "HANDS: no clinodactyly", "10-22 clinodactyly " + CLINODACTYLY + " NORMAL");
        assertMentions(MODEL, "FINGERS: clinodactyly absent", "9-21 clinodactyly " + CLINODACTYLY + " NORMAL");
        assertMentions(MODEL, "EYES: no synophrys or epicanthus",
                "9-18 synophrys " + SYNOPHRYS + " NORMAL", "22-32 epicanthus " + EPICANTHUS + " NORMAL");
    }

    /** "with or without X", "and/or no X": the cue after "or" offers the finding as an alternative, it does not deny it. */
    @Test
    void aCueRightAfterOrDoesNotNegate() {
        assertMentions(MODEL, "HANDS: and/or no clinodactyly", "17-29 clinodactyly " + CLINODACTYLY + " KEY");
    }

    @Test
    void aCueReachesEveryAlternativeOfAnOrList() {
        // "hooding or" would put "clinodactyly" four words from "no": each alternative opens a new window.
        assertMentions(MODEL, "HANDS: no obvious hooding or clinodactyly",
                "18-25 hooding " + HOODED_EYELID + " NORMAL", "29-41 clinodactyly " + CLINODACTYLY + " NORMAL");
    }

    @Test
    void aCueReachesNeitherAcrossABreakNorBackAcrossAComma() {
        assertMentions(MODEL, "EYES: no epicanthus; clinodactyly",
                "9-19 epicanthus " + EPICANTHUS + " NORMAL", "21-33 clinodactyly " + CLINODACTYLY + " KEY");
        assertMentions(MODEL, "clinodactyly, synophrys absent",
                "0-12 clinodactyly " + CLINODACTYLY + " KEY", "14-23 synophrys " + SYNOPHRYS + " NORMAL");
    }

    @Test
    void cuesAreLearnedFromNormalFindingsNotBuiltIn() {
        LexicalModel withoutNormals = LexicalFixtures.train(LexicalFixtures.withoutNormalFindings(LexicalFixtures.corpus()));

        assertEquals(Set.of(), withoutNormals.preNegationCues());
        assertEquals(Set.of(), withoutNormals.postNegationCues());
        assertMentions(withoutNormals, "HANDS: no clinodactyly", "10-22 clinodactyly " + CLINODACTYLY + " KEY");
        assertMentions(withoutNormals, "FINGERS: clinodactyly absent", "9-21 clinodactyly " + CLINODACTYLY + " KEY");
    }

    @Test
    void theLongestMatchWins() {
        assertMentions(MODEL, "HANDS: clinodactyly of the 5th finger", "7-37 clinodactyly of the 5th finger " + FIFTH_FINGER_CLINODACTYLY + " KEY");
        assertMentions(MODEL, "HANDS: short 5th finger", "7-23 short 5th finger " + SHORT_FIFTH_FINGER + " KEY");
        assertMentions(MODEL, "HANDS: short fingers", "7-20 short fingers " + SHORT_FINGER + " KEY");
        assertMentions(MODEL, "HANDS: clinodactyly, short fingers",
                "7-19 clinodactyly " + CLINODACTYLY + " KEY", "21-34 short fingers " + SHORT_FINGER + " KEY");
    }

    @Test
    void anIdOutsidePhenotypicAbnormalitiesIsOnlyOutputWhenATrainingMentionUsesIt() {
        String text = "HISTORY: autosomal dominant inheritance";
        assertMentions(MODEL, text);

        String family = "FAMILY: autosomal dominant";
        Corpus withInheritance = LexicalFixtures.plus(LexicalFixtures.corpus(),
                LexicalFixtures.annotated("lx99", family, LexicalFixtures.key(AUTOSOMAL_DOMINANT, LexicalFixtures.span(family, "autosomal dominant"))));
        assertMentions(LexicalFixtures.train(withInheritance), text, "9-39 autosomal dominant inheritance " + AUTOSOMAL_DOMINANT + " KEY");
    }

    @Test
    void anHpoNameThatAnnotatorsNeverAnnotateIsRejected() {
        String text = "SKIN: scar on the left knee";
        assertMentions(MODEL, text);

        // The fixture's three scars are all unannotated: a precision of 0, kept only when no precision is required.
        LexicalConfig anyPrecision = new LexicalConfig(false, false, 12, 8, 3, 0.5, 5, 2, 3, 1, 3, 2.0, true, 0.0, 17L);
        assertMentions(LexicalFixtures.train(LexicalFixtures.corpus(), anyPrecision), text, "6-10 scar " + SCARRING + " KEY");
    }

    @Test
    void correctsTyposEndToEnd() {
        assertMentions(MODEL, "psteriorly rotated ears", "0-23 psteriorly rotated ears " + POSTERIORLY_ROTATED_EARS + " KEY");
        assertMentions(MODEL, "EARS: psteriorly rotated", "0-4,6-24 EARS psteriorly rotated " + POSTERIORLY_ROTATED_EARS + " KEY");
    }

    @Test
    void joinsWordsTheDictionaryWritesAsOne() {
        assertMentions(MODEL, "EYES: thick eye brows", "6-21 thick eye brows " + THICK_EYEBROW + " KEY");
        assertMentions(MODEL, "EYES: thick eyebrows", "6-20 thick eyebrows " + THICK_EYEBROW + " KEY");
    }

    @Test
    void trainingMentionsWithAnAlternativeIdTeachThePrimaryId() {
        assertMentions(MODEL, "EYES: bilateral epicanthal folds", "16-32 epicanthal folds " + EPICANTHUS + " KEY");
        assertFalse(MODEL.entries().values().stream().anyMatch(votes -> votes.names(EPICANTHUS_ALTERNATIVE)));
    }

    @Test
    void textsWithoutDictionaryWordsHaveNoMentions() {
        assertMentions(MODEL, "NECK: supple");
        assertMentions(MODEL, "");
        assertMentions(MODEL, "EARS:");
        assertMentions(MODEL, "EARS: ,.;");
    }

    @Test
    void mentionsCarryTheEntrysConfidenceAndTheExtractorsName() {
        List<Mention> mentions = new LexicalMentionExtractor(MODEL).extract(Observation.of("o", "EARS: low set"));

        assertEquals(1, mentions.size());
        assertEquals(LexicalMentionExtractor.SOURCE, mentions.get(0).source());
        assertEquals(MODEL.entries().get(LexicalFixtures.keyOf(MODEL, "ears low set")).confidence(), mentions.get(0).score());
    }

    private static void assertMentions(LexicalModel model, String text, String... expected) {
        List<String> actual = new LexicalMentionExtractor(model).extract(Observation.of("test", text)).stream()
                .map(m -> m.span() + " " + m.span().coveredText(text) + " " + m.id().map(HpoId::value).orElse("no id") + " " + m.status())
                .toList();
        assertEquals(List.of(expected), actual, text);
    }
}
