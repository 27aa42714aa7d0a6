package org.hpolink.extract.lexical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hpolink.text.Token;
import org.hpolink.text.Tokenizer;
import org.junit.jupiter.api.Test;

class WordAnalyzerTest {

    private static final Vocabulary VOCABULARY = new Vocabulary(
            LexicalFixtures.stems("low", "set", "ears", "thick", "eyebrows", "eye", "posterior", "rotated", "toe", "syndactyly", "thin", "2", "3"), 5);

    private final Tokenizer tokenizer = new Tokenizer();
    private final WordAnalyzer analyzer = new WordAnalyzer(Set.of("mild"), VOCABULARY);

    @Test
    void contentWordsGetTheIdOfTheirStem() {
        assertEquals("[low CONTENT low, set CONTENT set, ears CONTENT ear]", units("low set ears"));
        assertEquals("[unknown CONTENT ?]", units("unknown"));
    }

    @Test
    void functionWordsAndLearnedModifiersMaySitInsideAMention() {
        assertEquals("[thick CONTENT thick, and FUNCTION ?, thin CONTENT thin, ears CONTENT ear]", units("thick and thin ears"));
        assertEquals("[mildly FUNCTION ?, low CONTENT low, set CONTENT set]", units("mildly low set"));
        assertEquals("[mild FUNCTION ?, ears CONTENT ear]", units("mild ears"));
        assertEquals("[- FUNCTION ?, / FUNCTION ?]", units("- /"));
    }

    @Test
    void aWordIsOnlyAModifierWhenLearnedSo() {
        WordAnalyzer withoutModifiers = new WordAnalyzer(Set.of(), VOCABULARY);

        assertEquals("[mildly CONTENT ?, low CONTENT low]", render(withoutModifiers, "mildly low"));
        assertEquals(false, WordAnalyzer.isContentWord(tokenizer.tokenize("mildly").get(0), Set.of("mild")));
        assertEquals(true, WordAnalyzer.isContentWord(tokenizer.tokenize("mildly").get(0), Set.of()));
    }

    @Test
    void commasEndAPhraseAndBreaksAClause() {
        assertEquals("[low CONTENT low, , COMMA ?, thin CONTENT thin]", units("low, thin"));
        assertEquals("[EARS CONTENT ear, : BREAK ?, low CONTENT low, . BREAK ?, ( BREAK ?, thin CONTENT thin, ) BREAK ?, ; BREAK ?]",
                units("EARS: low. (thin);"));
    }

    @Test
    void aCommaBetweenDigitsIsNotABreak() {
        // HPO spells such names with digits ("2-3 toe syndactyly"), so digits are content words.
        assertEquals("[2 CONTENT 2, , FUNCTION ?, 3 CONTENT 3, toe CONTENT toe, syndactyly CONTENT syndacty]", units("2,3 toe syndactyly"));
        assertEquals("[2 CONTENT 2, , COMMA ?, 3 CONTENT 3]", units("2, 3"), "a space after the comma makes it a list separator");
        assertEquals("[toe CONTENT toe, , COMMA ?, 3 CONTENT 3]", units("toe,3"));
    }

    @Test
    void twoWordsTheVocabularySpellsAsOneAreJoined() {
        assertEquals("[thick CONTENT thick, eye brows CONTENT eyebrow]", units("thick eye brows"));
        assertEquals("[eye-brows CONTENT eyebrow]", units("eye-brows"));
        assertEquals("[eye CONTENT eye, lids CONTENT ?]", units("eye lids"), "eyelid is not in this vocabulary");
        WordAnalyzer withoutEyebrow = new WordAnalyzer(Set.of(), new Vocabulary(LexicalFixtures.stems("eye", "brow"), 5));
        assertEquals("[eye CONTENT eye, brows CONTENT brow]", render(withoutEyebrow, "eye brows"));
    }

    @Test
    void aHangingPrefixBorrowsTheRestOfItsPartner() {
        WordAnalyzer natal = new WordAnalyzer(Set.of(), new Vocabulary(LexicalFixtures.stems("prenatal", "postnatal", "growth"), 5));
        assertEquals("[pre- CONTENT prenatal, and FUNCTION ?, postnatal CONTENT postnatal, growth CONTENT growth]",
                render(natal, "pre- and postnatal growth"));
        assertEquals("[pre- CONTENT prenatal, , COMMA ?, postnatal CONTENT postnatal]", render(natal, "pre-, postnatal"));
        assertEquals("[pre CONTENT ?, - FUNCTION ?, and FUNCTION ?, postnatal CONTENT postnatal]", render(natal, "pre - and postnatal"),
                "a dash apart from the word is no hanging prefix's");
        assertEquals("[pre CONTENT ?, - FUNCTION ?, and FUNCTION ?, growth CONTENT growth]", render(natal, "pre- and growth"),
                "growth starts with no paired prefix");
    }

    @Test
    void typosAreCorrectedToTheVocabulary() {
        assertEquals("[psteriorly CONTENT posterior, rotated CONTENT rotat]", units("psteriorly rotated"));
    }

    @Test
    void unitsFollowTheTokensOneForOneExceptJoinedWords() {
        List<Token> tokens = tokenizer.tokenize("EYES: mildly thick eye-brows, low set");
        List<Unit> units = analyzer.units(tokens);

        int next = 0;
        for (Unit unit : units) {
            assertEquals(next, unit.firstToken());
            next = unit.lastToken() + 1;
        }
        assertEquals(tokens.size(), next);
    }

    private String units(String text) {
        return render(analyzer, text);
    }

    /** Each unit as its text, kind and the stem of its vocabulary id ({@code ?} when unknown). */
    private String render(WordAnalyzer wordAnalyzer, String text) {
        List<Token> tokens = tokenizer.tokenize(text);
        return wordAnalyzer.units(tokens).stream()
                .map(u -> text.substring(tokens.get(u.firstToken()).start(), tokens.get(u.lastToken()).end()) + " " + u.kind() + " "
                        + (u.stemId() == Vocabulary.UNKNOWN ? "?" : wordAnalyzer.vocabulary().stem(u.stemId())))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
