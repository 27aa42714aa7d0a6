package org.hpolink.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hpolink.encode.EncoderModel;
import org.hpolink.encode.EncoderOptions;
import org.hpolink.encode.TextEncoder;
import org.hpolink.normalize.BiosynTrainerTest.Pass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The normalizer whose training fine-tunes the encoder itself, on the tiny corpus with the fp32 MiniLM. */
class BiosynEncoderTuningTest {

    /** TINY on the full-precision MiniLM, its encoder tuned by one pass over 3 HPO names and one over the mentions. */
    private static final BiosynConfig TUNED = new BiosynConfig(3, EncoderModel.ALL_MINILM_L6_V2, 8, 4, 5, 2, 1, 0, 2, 2, 0.05,
            MentionQuery.MENTION, 1, 3, 1e-4);

    private final List<TextEncoder> opened = new ArrayList<>();

    /** Opens tuned encoders with ONNX Runtime, closed after each test; pretrained ones are never asked for. */
    private final Embedders embedders = new Embedders() {
        @Override
        public TextEmbedder pretrained(EncoderModel model) {
            throw new AssertionError("a tuning normalizer opened the pretrained " + model);
        }

        @Override
        public TextEmbedder tuned(EncoderModel model, byte[] onnx, String source) throws IOException {
            TextEncoder encoder = TextEncoder.open(model, onnx, source, EncoderOptions.defaults());
            opened.add(encoder);
            return TextEmbedder.of(encoder);
        }
    };

    @AfterEach
    void closeEncoders() {
        opened.forEach(TextEncoder::close);
    }

    private BiosynNormalizer train(List<Pass> passes) throws IOException {
        return new BiosynTrainer(TUNED).trainTuningEncoder(BiosynTrainerTest.HPO, BiosynTrainerTest.TRAINING, "all", embedders,
                (phase, pass, queries, loss) -> passes.add(new Pass(phase, pass, queries, loss)));
    }

    @Test
    void tunesTheEncoderThenTheProjectionTheSameWayForTheSameSeed(@TempDir Path folder) throws IOException {
        List<Pass> first = new ArrayList<>();
        BiosynNormalizer one = train(first);
        List<String> phases = first.stream().map(Pass::phase).distinct().toList();
        assertEquals(List.of("encoder pre-finetuning on HPO names", "encoder fine-tuning on training mentions",
                "pre-finetuning on HPO names", "fine-tuning on training mentions"), phases);
        assertEquals(3, first.get(0).queries(), "the sample of HPO names");
        assertEquals(6, first.get(1).queries(), "every training mention");

        List<Pass> second = new ArrayList<>();
        BiosynNormalizer two = train(second);
        assertEquals(first, second, "same seed, same losses");
        assertArrayEquals(one.tunedEncoder().orElseThrow(), two.tunedEncoder().orElseThrow());
        assertFalse(Arrays.equals(EncoderModel.ALL_MINILM_L6_V2.readOnnx(), one.tunedEncoder().orElseThrow()), "the encoder was tuned");

        BiosynModelIO.write(one, folder);
        assertTrue(Files.isRegularFile(folder.resolve(BiosynModelIO.TUNED_ENCODER)));
        BiosynNormalizer read = BiosynModelIO.read(folder, embedders);
        for (String text : List.of("ears set low", "epicanthic folds", "narrow helix", "Low set ears")) {
            assertEquals(one.rank(text, 3), read.rank(text, 3), text);
        }
    }

    @Test
    void aReplacedEncoderFileIsAClearError(@TempDir Path folder) throws IOException {
        BiosynModelIO.write(train(new ArrayList<>()), folder);
        Files.write(folder.resolve(BiosynModelIO.TUNED_ENCODER), new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> BiosynModelIO.read(folder, embedders));
        assertTrue(e.getMessage().contains("encoder.onnx: SHA-256"), e.getMessage());
    }

    @Test
    void eachTrainingMethodRefusesTheOtherKindOfConfig() {
        assertThrows(IllegalArgumentException.class, () -> new BiosynTrainer(TUNED).train(BiosynTrainerTest.HPO,
                BiosynTrainerTest.TRAINING, "all", new TrigramEmbedder(), (phase, pass, queries, loss) -> { }));
        assertThrows(IllegalArgumentException.class, () -> new BiosynTrainer(BiosynTrainerTest.TINY).trainTuningEncoder(BiosynTrainerTest.HPO,
                BiosynTrainerTest.TRAINING, "all", embedders, (phase, pass, queries, loss) -> { }));
        IllegalArgumentException quantized = assertThrows(IllegalArgumentException.class, () -> new BiosynConfig(3,
                EncoderModel.ALL_MINILM_L6_V2_Q, 8, 4, 5, 2, 1, 0, 2, 2, 0.05, MentionQuery.MENTION, 1, 3, 1e-4));
        assertTrue(quantized.getMessage().contains("8-bit weights"), quantized.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BiosynConfig(3, EncoderModel.ALL_MINILM_L6_V2, 8, 4, 5, 2, 1, 0, 2, 2, 0.05,
                MentionQuery.MENTION, 1, 3, 0));
    }
}
