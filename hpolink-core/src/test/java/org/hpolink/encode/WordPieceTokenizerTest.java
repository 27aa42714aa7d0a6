package org.hpolink.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WordPieceTokenizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VOCABULARY = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "ears", ":", "low", "-",
            "set", "##set", "hel", "##ices", "cafe", "café", "Ears", "中", "文", "[", "]", "sep", ",", "a", "##a");

    @Test
    void splitsAnObservationIntoPiecesWithOffsetsIntoTheText() throws IOException {
        assertPieces(tokenizer(), "EARS: low-set ears",
                "[CLS]", "ears 0-4", ": 4-5", "low 6-9", "- 9-10", "set 10-13", "ears 14-18", "[SEP]");
    }

    @Test
    void continuesAWordWithPrefixedPieces() throws IOException {
        assertPieces(tokenizer(), "helices lowset", "[CLS]", "hel 0-3", "##ices 3-7", "low 8-11", "##set 11-14", "[SEP]");
    }

    @Test
    void aWordWithAPartInNoPieceIsOneUnknownToken() throws IOException {
        assertPieces(tokenizer(), "helxyz ears", "[CLS]", "[UNK] 0-6", "ears 7-11", "[SEP]");
    }

    @Test
    void aWordOverTheCharacterLimitIsOneUnknownToken() throws IOException {
        String word = "a".repeat(12);
        assertPieces(tokenizer(), word + " " + "a".repeat(10), "[CLS]", "[UNK] 0-12", "a 13-14", "##a 14-15", "##a 15-16", "##a 16-17",
                "##a 17-18", "##a 18-19", "##a 19-20", "##a 20-21", "##a 21-22", "##a 22-23", "[SEP]");
    }

    @Test
    void accentsAreStrippedAndOffsetsCoverTheOriginalCharacters() throws IOException {
        assertPieces(tokenizer(), "Café", "[CLS]", "cafe 0-4", "[SEP]");
        // Decomposed, the accent is a character of its own that is dropped, so the piece ends before it (as in Hugging Face).
        assertPieces(tokenizer(), "Cafe\u0301 ears", "[CLS]", "cafe 0-4", "ears 6-10", "[SEP]");
    }

    @Test
    void theNormalizerFlagsComeFromTheFile() throws IOException {
        ObjectNode keepAccents = fixture();
        ((ObjectNode) keepAccents.get("normalizer")).put("strip_accents", false);
        assertPieces(read(keepAccents, 32), "Café", "[CLS]", "café 0-4", "[SEP]");
        ObjectNode keepCase = fixture();
        ((ObjectNode) keepCase.get("normalizer")).put("lowercase", false);
        assertPieces(read(keepCase, 32), "Ears", "[CLS]", "Ears 0-4", "[SEP]");
    }

    @Test
    void formatCharactersVanishInsideAWord() throws IOException {
        // Soft hyphen, zero-width space, word joiner, byte order mark: the word stays one word.
        for (String format : List.of("\u00AD", "\u200B", "\u2060", "\uFEFF")) {
            assertPieces(tokenizer(), "low" + format + "set", "[CLS]", "low 0-3", "##set 4-7", "[SEP]");
        }
    }

    @Test
    void everyUnicodeSpaceSeparatesWordsAndControlCharactersVanish() throws IOException {
        assertPieces(tokenizer(), "low\u00A0set\u3000ears\u2009a", "[CLS]", "low 0-3", "set 4-7", "ears 8-12", "a 13-14", "[SEP]");
        assertPieces(tokenizer(), "low\u0007set", "[CLS]", "low 0-3", "##set 4-7", "[SEP]");
    }

    @Test
    void offsetsCountUtf16UnitsPastCharactersOutsideTheBasicPlane() throws IOException {
        assertPieces(tokenizer(), "\uD83D\uDE00 ears", "[CLS]", "[UNK] 0-2", "ears 3-7", "[SEP]");
    }

    @Test
    void cjkIdeographsAreWordsOfTheirOwn() throws IOException {
        assertPieces(tokenizer(), "中文ears", "[CLS]", "中 0-1", "文 1-2", "ears 2-6", "[SEP]");
    }

    @Test
    void specialTokensWrittenInTheTextAreKeptAsWritten() throws IOException {
        assertPieces(tokenizer(), "ears[SEP]set", "[CLS]", "ears 0-4", "[SEP] 4-9", "set 9-12", "[SEP]");
        // Only the exact spelling: the normalized form is plain text.
        assertPieces(tokenizer(), "[sep]", "[CLS]", "[ 0-1", "sep 1-4", "] 4-5", "[SEP]");
    }

    @Test
    void truncatesPiecesNotWordsToTheMaximumLength() throws IOException {
        assertPieces(read(fixture(), 5), "helices low ears", "[CLS]", "hel 0-3", "##ices 3-7", "low 8-11", "[SEP]");
    }

    @Test
    void aBatchIsPaddedToItsLongestText() throws IOException {
        WordPieceTokenizer tokenizer = tokenizer();
        List<Encoding> batch = tokenizer.encodeBatch(List.of("ears", "low-set ears"));
        Encoding shortOne = batch.get(0);
        assertEquals(6, shortOne.length());
        assertEquals(3, shortOne.unpaddedLength());
        assertArrayEquals(new int[] {2, 5, 3, 0, 0, 0}, shortOne.ids());
        assertArrayEquals(new int[] {1, 1, 1, 0, 0, 0}, shortOne.attentionMask());
        assertArrayEquals(new int[] {0, 4, 0, 0, 0, 0}, shortOne.ends());
        assertTrue(shortOne.isSpecial(5));
        assertEquals(tokenizer.encode("low-set ears"), batch.get(1));
    }

    @Test
    void readsTheMiniLmTokenizerFromTheClasspath() throws IOException {
        WordPieceTokenizer tokenizer = WordPieceTokenizer.forModel(EncoderModel.ALL_MINILM_L6_V2_Q);
        Encoding e = tokenizer.encode("EARS: low-set ears");
        assertArrayEquals(new int[] {101, 5551, 1024, 2659, 1011, 2275, 5551, 102}, e.ids());
        assertArrayEquals(new int[] {0, 0, 4, 6, 9, 10, 14, 0}, e.starts());
        assertArrayEquals(new int[] {0, 4, 5, 9, 10, 13, 18, 0}, e.ends());
        assertArrayEquals(new int[8], e.typeIds());
        assertEquals(30522, tokenizer.vocabularySize());
        assertEquals(EncoderModel.MAX_LENGTH, tokenizer.maxLength());
    }

    @Test
    void namesTheFileAndFieldOfAnUnsupportedTokenizer() {
        ObjectNode bpe = fixture();
        ((ObjectNode) bpe.get("model")).put("type", "BPE");
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> read(bpe, 32));
        assertEquals("fixture.json: field model.type is 'BPE': expected 'WordPiece'", e.getMessage());

        ObjectNode noUnknown = fixture();
        ((ObjectNode) noUnknown.get("model")).put("unk_token", "<unk>");
        e = assertThrows(TokenizerFormatException.class, () -> read(noUnknown, 32));
        assertEquals("fixture.json: field model.unk_token names '<unk>', which is not in model.vocab", e.getMessage());

        e = assertThrows(TokenizerFormatException.class, () -> WordPieceTokenizer.read(
                new ByteArrayInputStream("{\"model\": ".getBytes(StandardCharsets.UTF_8)), "broken.json", 32));
        assertTrue(e.getMessage().startsWith("broken.json: not a JSON document: "), e.getMessage());
    }

    @Property(tries = 300)
    void piecesOfTheTextLieInsideItInOrder(@ForAll String text) throws IOException {
        Encoding e = SHARED.encode(text);
        int previousStart = 0;
        for (int i = 0; i < e.length(); i++) {
            if (e.isSpecial(i)) {
                assertEquals(0, e.start(i));
                assertEquals(0, e.end(i));
                continue;
            }
            assertTrue(e.start(i) >= previousStart && e.start(i) < e.end(i) && e.end(i) <= text.length(), () -> e + " of " + text);
            previousStart = e.start(i);
        }
    }

    private static final WordPieceTokenizer SHARED = tokenizerUnchecked();

    private static WordPieceTokenizer tokenizerUnchecked() {
        try {
            return tokenizer();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static WordPieceTokenizer tokenizer() throws IOException {
        return read(fixture(), 64);
    }

    private static WordPieceTokenizer read(ObjectNode json, int maxLength) throws IOException {
        return WordPieceTokenizer.read(new ByteArrayInputStream(JSON.writeValueAsBytes(json)), "fixture.json", maxLength);
    }

    /** A tokenizer.json of the BERT kind over {@link #VOCABULARY}, words limited to 10 characters. */
    private static ObjectNode fixture() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode added = root.putArray("added_tokens");
        for (int id = 0; id < 5; id++) {
            added.addObject().put("id", id).put("content", VOCABULARY.get(id)).put("single_word", false).put("lstrip", false)
                    .put("rstrip", false).put("normalized", false).put("special", true);
        }
        root.putObject("normalizer").put("type", "BertNormalizer").put("clean_text", true).put("handle_chinese_chars", true)
                .putNull("strip_accents").put("lowercase", true);
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        ObjectNode post = root.putObject("post_processor").put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        single.addObject().putObject("SpecialToken").put("id", "[CLS]").put("type_id", 0);
        single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        single.addObject().putObject("SpecialToken").put("id", "[SEP]").put("type_id", 0);
        ObjectNode specials = post.putObject("special_tokens");
        specials.putObject("[CLS]").put("id", "[CLS]").putArray("ids").add(2);
        specials.putObject("[SEP]").put("id", "[SEP]").putArray("ids").add(3);
        ObjectNode model = root.putObject("model").put("type", "WordPiece").put("unk_token", "[UNK]")
                .put("continuing_subword_prefix", "##").put("max_input_chars_per_word", 10);
        ObjectNode vocab = model.putObject("vocab");
        for (int id = 0; id < VOCABULARY.size(); id++) {
            vocab.put(VOCABULARY.get(id), id);
        }
        return root;
    }

    /** Asserts the pieces as "piece start-end", special tokens as their bare name. */
    private static void assertPieces(WordPieceTokenizer tokenizer, String text, String... expected) {
        Encoding e = tokenizer.encode(text);
        Map<Integer, String> pieces = new TreeMap<>();
        for (int id = 0; id < VOCABULARY.size(); id++) {
            pieces.put(id, VOCABULARY.get(id));
        }
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < e.length(); i++) {
            actual.add(e.isSpecial(i) ? pieces.get(e.id(i)) : pieces.get(e.id(i)) + " " + e.start(i) + "-" + e.end(i));
        }
        assertEquals(List.of(expected), actual, text);
    }
}
