package org.hpolink.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pure-Java tokenizer against Hugging Face's (Rust, through DJL's binding): same ids, type ids and offsets on
 * generated observation-like texts full of awkward characters, and on every Unicode code point.
 *
 * <p>DJL reports offsets in code points; they are converted to the {@code String} (UTF-16) indices that
 * {@link Encoding} uses, so the comparison is exact for characters outside the Basic Multilingual Plane too.
 */
class WordPieceTokenizerParityTest {

    private static final String[] SECTIONS = {"EARS", "EYES", "HEAD", "FACE", "NOSE", "MOUTH", "HANDS", "FEET", "SKIN",
        "NECK", "CHEST", "BACK", "GENITALIA", "EXTREMITIES", "NEUROLOGIC", "Hair"};
    private static final String[] FINDINGS = {"low-set ears", "thin helices", "mild hooding and epicanthus",
        "broad nasal bridge", "smooth philtrum", "2-3 toe syndactyly", "café-au-lait macules (x6)", "5th finger clinodactyly",
        "overfolded helix, R>L", "head circumference 52.5 cm (75th %ile)", "no pits/tags", "normal",
        "upslanting palpebral fissures; long eyelashes", "hypoplastic nails on 4th/5th digits", "sacral dimple ~1cm",
        "tongue-tie", "widely-spaced nipples", "prominent Cupid's bow", "Ångström-thin lips", "naïve reading of #3",
        "single palmar crease bilat.", "OFC 48cm = -2.1 SD", "hypertelorism? (IPD 3.5 cm)", "sparse lateral eyebrows",
        "wide-spaced teeth, 'peg' incisors", "micrognathia & retrognathia", "brachydactyly [mild]", "pectus excavatum*",
        "short 4th metacarpals -- both", "café au lait spots \u00d7 3"};
    /** Inserted at random places: accents, format and control characters, odd spaces, CJK, emoji, special tokens. */
    private static final String[] ODDITIES = {"café", "naïve", "Ångström", "Cafe\u0301", "\u00AD", "\u200B", "\u200C", "\u200D",
        "\u2060", "\uFEFF", "\u061C", "\u180E", "\u202E", "\u00A0", "\u2009", "\u3000", "\u2028", "中文", "日本語の", "한국어",
        "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\uD83E\uDD79", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\u0007",
        "\u001B", "\t", "\r\n", "\u0085", "\u000B", "\u0000", "\uFFFD", "İstanbul", "straße", "ﬁnger", "ǅ", "½", "x²", "①",
        "[SEP]", "[MASK]", "[UNK]", "[cls]", "[PAD]x", "—", "…", "“quoted”", "‘single’", "«guillemets»", "¿qué?", "Ω", "ΣΊΣΥΦΟΣ",
        "μm", "°C", "±", "→", "1,000", "3.14", "0x7F", "e.g.", "#$%^&*", "\uE000", "\uDB80\uDC00", "ゔ", "ｆｕｌｌ", "Ⅻ",
        "antidisestablishmentarianism", "pneumonoultramicroscopicsilicovolcanoconiosis",
        "supercalifragilisticexpialidocious".repeat(4), "x".repeat(101), "y".repeat(100)};
    private static final int GENERATED = 1_200;
    /** Code points per string in the sweep of all of Unicode. */
    private static final int SWEEP_WIDTH = 400;

    @TempDir
    static Path folder;

    @ParameterizedTest
    @EnumSource(value = EncoderModel.class, names = {"ALL_MINILM_L6_V2_Q", "BGE_SMALL_EN_V15_Q"})
    void generatedObservationsGiveTheSamePiecesAndOffsets(EncoderModel model) throws IOException {
        List<String> texts = generated();
        assertEquals(GENERATED, texts.size());
        assertSameAsHuggingFace(model, texts, EncoderModel.MAX_LENGTH);
    }

    /**
     * Every code point Java assigns (Unicode 13), private use aside, and every 64th of the others: the unassigned
     * and private-use ones behave alike, and all of them would take seconds more.
     */
    @Test
    void everyAssignedCodePointGivesTheSamePiecesAndOffsets() throws IOException {
        List<String> texts = new ArrayList<>();
        StringBuilder s = new StringBuilder();
        int inString = 0;
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            int type = Character.getType(c);
            boolean assigned = type != Character.UNASSIGNED && type != Character.PRIVATE_USE && type != Character.SURROGATE;
            if (!assigned && (c % 64 != 0 || type == Character.SURROGATE)) {
                continue;
            }
            // Letters on both sides show whether the character joins, splits or vanishes from a word.
            s.append("xa").appendCodePoint(c).append("ax ");
            if (++inString == SWEEP_WIDTH) {
                texts.add(s.toString());
                s.setLength(0);
                inString = 0;
            }
        }
        texts.add(s.toString());
        assertEquals(398, texts.size());
        assertSameAsHuggingFace(EncoderModel.ALL_MINILM_L6_V2_Q, texts, Integer.MAX_VALUE);
    }

    @Test
    void truncationKeepsTheSamePieces() throws IOException {
        List<String> texts = generated().subList(0, 200);
        assertSameAsHuggingFace(EncoderModel.ALL_MINILM_L6_V2_Q, texts, 12);
    }

    /** Observations of 1 to 4 findings in random case, with an oddity inserted at a random place in a third of them. */
    private static List<String> generated() {
        SplittableRandom random = new SplittableRandom(20_240_917L);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < GENERATED; i++) {
            StringBuilder text = new StringBuilder(SECTIONS[random.nextInt(SECTIONS.length)]).append(": ");
            int findings = 1 + random.nextInt(4);
            for (int f = 0; f < findings; f++) {
                String finding = FINDINGS[random.nextInt(FINDINGS.length)];
                text.append(f == 0 ? "" : random.nextBoolean() ? ", " : "; ")
                        .append(random.nextInt(4) == 0 ? finding.toUpperCase(java.util.Locale.ROOT) : finding);
            }
            int oddities = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
            for (int k = 0; k < oddities; k++) {
                int at = random.nextInt(text.length() + 1);
                // Never between the two halves of a surrogate pair.
                if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
                    at--;
                }
                text.insert(at, ODDITIES[random.nextInt(ODDITIES.length)]);
            }
            texts.add(text.toString());
        }
        // Every oddity at least once, alone and between words.
        for (int k = 0; k < ODDITIES.length && texts.size() > 2 * k + 1; k++) {
            texts.set(2 * k, ODDITIES[k]);
            texts.set(2 * k + 1, "ears" + ODDITIES[k] + " low-set");
        }
        return texts;
    }

    private static void assertSameAsHuggingFace(EncoderModel model, List<String> texts, int maxLength) throws IOException {
        Path file = folder.resolve(model.tokenizerResource());
        if (!Files.exists(file)) {
            try (InputStream in = WordPieceTokenizerParityTest.class.getClassLoader().getResourceAsStream(model.tokenizerResource())) {
                Files.copy(in, file);
            }
        }
        WordPieceTokenizer ours;
        try (InputStream in = Files.newInputStream(file)) {
            ours = WordPieceTokenizer.read(in, file.toString(), maxLength);
        }
        HuggingFaceTokenizer.Builder builder = HuggingFaceTokenizer.builder().optTokenizerPath(file).optPadding(false);
        builder = maxLength == Integer.MAX_VALUE ? builder.optTruncation(false) : builder.optTruncation(true).optMaxLength(maxLength);
        int pieces = 0;
        try (HuggingFaceTokenizer theirs = builder.build()) {
            for (String text : texts) {
                Encoding expected = fromDjl(theirs.encode(text), text);
                assertEquals(expected, ours.encode(text), () -> "text " + escaped(text));
                pieces += expected.length();
            }
        }
        assertTrue(pieces > 2 * texts.size(), "the texts gave " + pieces + " pieces");
    }

    private static Encoding fromDjl(ai.djl.huggingface.tokenizers.Encoding e, String text) {
        long[] ids = e.getIds();
        long[] types = e.getTypeIds();
        long[] mask = e.getAttentionMask();
        long[] special = e.getSpecialTokenMask();
        CharSpan[] spans = e.getCharTokenSpans();
        int n = ids.length;
        int[] starts = new int[n];
        int[] ends = new int[n];
        boolean[] isSpecial = new boolean[n];
        int[] intIds = new int[n];
        int[] intTypes = new int[n];
        int[] intMask = new int[n];
        for (int i = 0; i < n; i++) {
            intIds[i] = Math.toIntExact(ids[i]);
            intTypes[i] = Math.toIntExact(types[i]);
            intMask[i] = Math.toIntExact(mask[i]);
            isSpecial[i] = special[i] == 1;
            if (spans[i] != null) {
                starts[i] = text.offsetByCodePoints(0, spans[i].getStart());
                ends[i] = text.offsetByCodePoints(0, spans[i].getEnd());
            }
        }
        return new Encoding(intIds, intTypes, intMask, starts, ends, isSpecial);
    }

    private static String escaped(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(c -> s.append(c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("\\u{%X}", c)));
        return s.toString();
    }
}
