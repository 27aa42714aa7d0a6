package org.hpolink.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private final Tokenizer tokenizer = new Tokenizer();

    @Test
    void hyphensAndCommasAreTokensOfTheirOwn() {
        assertTokens("EARS: low-set, thin helices",
                "EARS 0-4 WORD", ": 4-5 PUNCTUATION", "low 6-9 WORD", "- 9-10 PUNCTUATION", "set 10-13 WORD",
                ", 13-14 PUNCTUATION", "thin 15-19 WORD", "helices 20-27 WORD");
        assertEquals(List.of("ears", ":", "low", "-", "set", ",", "thin", "helices"), normalized("EARS: low-set, thin helices"));
    }

    @Test
    void anApostropheBetweenLettersStaysInTheWord() {
        assertTokens("cupid's bow", "cupid's 0-7 WORD", "bow 8-11 WORD");
        assertTokens("cupid\u2019s bow", "cupid\u2019s 0-7 WORD", "bow 8-11 WORD");
        assertTokens("parents' 'tis", "parents 0-7 WORD", "' 7-8 PUNCTUATION", "' 9-10 PUNCTUATION", "tis 10-13 WORD");
        assertTokens("2's", "2 0-1 NUMBER", "' 1-2 PUNCTUATION", "s 2-3 WORD");
    }

    @Test
    void numbersAndOrdinals() {
        assertTokens("2,3 toe syndactyly",
                "2 0-1 NUMBER", ", 1-2 PUNCTUATION", "3 2-3 NUMBER", "toe 4-7 WORD", "syndactyly 8-18 WORD");
        assertTokens("5th finger", "5th 0-3 WORD", "finger 4-10 WORD");
        assertTokens("2/3 toes", "2 0-1 NUMBER", "/ 1-2 PUNCTUATION", "3 2-3 NUMBER", "toes 4-8 WORD");
    }

    @Test
    void accentedLettersStayInTheirWordAndNormalizeWithoutAccents() {
        assertTokens("CAFÉ-au-lait spots",
                "CAFÉ 0-4 WORD", "- 4-5 PUNCTUATION", "au 5-7 WORD", "- 7-8 PUNCTUATION", "lait 8-12 WORD", "spots 13-18 WORD");
        assertEquals(List.of("cafe", "-", "au", "-", "lait", "spots"), normalized("CAFÉ-au-lait spots"));
        // Decomposed: e followed by a combining acute accent, as some editors write it.
        assertTokens("cafe\u0301-au-lait", "cafe\u0301 0-5 WORD", "- 5-6 PUNCTUATION", "au 6-8 WORD", "- 8-9 PUNCTUATION", "lait 9-13 WORD");
        assertEquals("cafe", tokenizer.tokenize("cafe\u0301-au-lait").get(0).normalized());
        assertTokens("Ade\u0301le's", "Ade\u0301le's 0-8 WORD");
    }

    @Test
    void typographicHyphensNormalizeToTheHyphenButEmDashesDoNot() {
        assertEquals(List.of("low", "-", "set", "3", "-", "4", "-", "2"), normalized("low\u2013set 3\u20104 \u22122"));
        assertTokens("low\u2011set", "low 0-3 WORD", "\u2011 3-4 PUNCTUATION", "set 4-7 WORD");
        assertEquals(List.of("hypotonia", "\u2014", "mild"), normalized("hypotonia\u2014mild"));
    }

    @Test
    void greekLettersAreSpelledOutAsHpoWritesThem() {
        assertEquals(List.of("alpha", "-", "fetoprotein", "beta2", "microglobulin", "igg", "kappa"),
                normalized("\u03b1-fetoprotein \u03b22 microglobulin IgG \u03ba"));
        assertTokens("\u03b1-fetoprotein", "\u03b1 0-1 WORD", "- 1-2 PUNCTUATION", "fetoprotein 2-13 WORD");
    }

    @Test
    void softHyphensAndZeroWidthSpacesSeparateWords() {
        assertTokens("hypo\u00ADplastic", "hypo 0-4 WORD", "plastic 5-12 WORD");
        assertTokens("epi\u200Bcanthus", "epi 0-3 WORD", "canthus 4-11 WORD");
        assertTokens("\uFEFFEYES:\u00A0mild\u2009hooding",
                "EYES 1-5 WORD", ": 5-6 PUNCTUATION", "mild 7-11 WORD", "hooding 12-19 WORD");
        assertTokens("low\u0000set\u0085ears\tand\r\nnose", "low 0-3 WORD", "set 4-7 WORD", "ears 8-12 WORD", "and 13-16 WORD",
                "nose 18-22 WORD");
    }

    @Test
    void supplementaryCharactersAreNeverSplit() {
        assertTokens("smile \uD83D\uDE00 here", "smile 0-5 WORD", "\uD83D\uDE00 6-8 PUNCTUATION", "here 9-13 WORD");
        // U+1D400 MATHEMATICAL BOLD CAPITAL A is a letter outside the basic plane.
        assertTokens("\uD835\uDC00bc 1", "\uD835\uDC00bc 0-4 WORD", "1 5-6 NUMBER");
        assertTokens("a\uD835\uDC00", "a\uD835\uDC00 0-3 WORD");
        // A lone surrogate is not a letter: it stands alone.
        assertTokens("a\uD800b", "a 0-1 WORD", "\uD800 1-2 PUNCTUATION", "b 2-3 WORD");
    }

    @Test
    void emptyAndBlankTextsHaveNoTokens() {
        assertEquals(List.of(), tokenizer.tokenize(""));
        assertEquals(List.of(), tokenizer.tokenize(" \t\n\u00AD\u200B\u00A0"));
    }

    @Property(tries = 1000)
    void tokensAreOrderedInsideTheTextAndCoverEveryLetterAndDigit(@ForAll("texts") String text) {
        List<Token> tokens = tokenizer.tokenize(text);
        BitSet inTokens = new BitSet();
        int previousEnd = 0;
        for (Token token : tokens) {
            assertTrue(previousEnd <= token.start(), () -> "tokens overlap or are out of order: " + tokens);
            assertTrue(token.end() <= text.length(), () -> token + " ends past the text");
            assertEquals(text.substring(token.start(), token.end()), token.surface());
            assertFalse(splitsAPair(text, token.start()) || splitsAPair(text, token.end()), () -> token + " splits a surrogate pair");
            token.surface().codePoints().forEach(c -> assertFalse(isSeparator(c), () -> token + " contains a separator U+" + Integer.toHexString(c)));
            switch (token.kind()) {
                case PUNCTUATION -> assertEquals(1, token.surface().codePointCount(0, token.surface().length()), token::toString);
                case NUMBER -> assertTrue(token.surface().codePoints().allMatch(Character::isDigit), token::toString);
                case WORD -> assertFalse(token.surface().codePoints().allMatch(Character::isDigit), token::toString);
            }
            inTokens.set(token.start(), token.end());
            previousEnd = token.end();
        }
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                assertTrue(inTokens.get(i), "letter or digit at " + i + " is in no token: " + tokens);
            }
            // The converse too: whatever is not a separator is kept in some token, nothing is dropped.
            assertEquals(!isSeparator(c), inTokens.get(i), "character U+" + Integer.toHexString(c) + " at " + i);
        }
    }

    @Test
    void sharedAcrossThreadsItGivesTheSameTokens() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(200);
            for (int j = 0; j < length; j++) {
                sb.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(Character.MAX_CODE_POINT + 1) : random.nextInt(0x20, 0x180));
            }
            texts.add(sb.toString());
        }
        List<List<Token>> expected = texts.stream().map(tokenizer::tokenize).toList();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<List<Token>>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<List<Token>>> task = () -> {
                    start.await();
                    List<List<Token>> out = new ArrayList<>();
                    for (int round = 0; round < 20; round++) {
                        out = texts.stream().map(tokenizer::tokenize).toList();
                    }
                    return out;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<List<List<Token>>> result : results) {
                assertEquals(expected, result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Short runs of words, digits, punctuation, separators, marks, surrogates and any other character. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(8)),
                Tuple.of(2, Arbitraries.of(" ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u2009", "\u3000", "\u0085", "\u0000", "\u001F")),
                Tuple.of(2, Arbitraries.of("-", ",", ".", ":", ";", "/", "'", "\u2019", "(", ")", "~", "\u2010", "\u2013")),
                Tuple.of(1, Arbitraries.of("\u00AD", "\u200B", "\u200D", "\uFEFF", "\u0301", "\u20DD", "\uFE0F", "é", "\u0130", "ß")),
                Tuple.of(1, Arbitraries.chars().all().map(String::valueOf)),
                Tuple.of(1, Arbitraries.chars().range('\uD800', '\uDFFF').map(String::valueOf)),
                Tuple.of(1, Arbitraries.integers().between(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT).map(Character::toString)));
        return piece.list().ofMaxSize(30).map(pieces -> String.join("", pieces));
    }

    private static boolean isSeparator(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT || type == Character.CONTROL;
    }

    private static boolean splitsAPair(String text, int offset) {
        return offset > 0 && offset < text.length()
                && Character.isHighSurrogate(text.charAt(offset - 1)) && Character.isLowSurrogate(text.charAt(offset));
    }

    private void assertTokens(String text, String... expected) {
        List<String> actual = tokenizer.tokenize(text).stream()
                .map(t -> t.surface() + " " + t.start() + "-" + t.end() + " " + t.kind()).toList();
        assertEquals(List.of(expected), actual, text);
    }

    private List<String> normalized(String text) {
        return tokenizer.tokenize(text).stream().map(Token::normalized).toList();
    }
}
