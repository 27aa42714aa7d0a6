package org.hpolink.extract.grid;

import static org.hpolink.model.ConfigChecks.requirePositive;
import static org.hpolink.model.ConfigChecks.requireRange;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.hpolink.encode.EncoderModel;

/**
 * The shape of the word-pair grid network ({@link GridNetwork}) and how {@link GridTrainer} trains it. The network
 * follows W2NER (Li et al., AAAI 2022) at a size a CPU trains in minutes.
 *
 * @param seed                the initial weights, the order of the observations and the dropout masks
 * @param encoder             the encoder whose piece states, pooled to words, are the network's input
 * @param encoderLayers       how many of the encoder's layers run: the states are those after its first
 *                            {@code encoderLayers} layers (0: its embeddings), all of them to read the encoder as trained
 * @param encoderLearningRate 0 to keep the encoder frozen (its states are computed once, by ONNX Runtime); above 0,
 *                            the encoder (a full-precision one) is trained inside the network at this step size,
 *                            its word embedding table left as it is
 * @param lstmHidden        the BiLSTM's state size per direction
 * @param distanceWidth     the width of the word-distance embedding and of the region (upper, lower) embedding
 * @param convolutionHidden the channels of each dilated convolution (dilations 1, 2 and 3)
 * @param biaffineHidden    the width of the head and tail projections of the biaffine scorer
 * @param relationHidden    the hidden width of the MLP scoring the convolved pair features
 * @param dropout           dropout on the word features, the grid (whole channels, as W2NER) and the scorer inputs
 *                          while training
 * @param epochs            passes over the training observations
 * @param batchSize         observations per step, at most
 * @param batchWordPairs    word pairs per step, at most: the observations of a step times the square of the longest
 *                          one's word count (a longer observation is a step alone). It bounds a step's memory, and
 *                          a long observation no longer pads fifteen shorter ones to its size
 * @param learningRate      AdamW's step size for the grid network
 * @param lexiconHints      whether the network also reads the grid of another extractor's mentions (the lexical
 *                          extractor's), a stacked ensemble: it learns when to follow them. Training hints come
 *                          from extractors trained on the other parts of the training data (cross-fitting), so
 *                          that they err as they will on new text
 */
public record GridConfig(long seed, EncoderModel encoder, int encoderLayers, int lstmHidden, int distanceWidth, int convolutionHidden,
                         int biaffineHidden, int relationHidden, double dropout, int epochs, int batchSize,
                         int batchWordPairs, double learningRate, double encoderLearningRate,
                         boolean lexiconHints) {

    /**
     * The defaults, chosen on the first fold of the 5-fold cross-validation (docs/RESULTS.md): MiniLM's word states
     * served the grid better than bge-small's (span F1 0.70 against 0.65) and are faster to compute. The encoder is
     * frozen and no hints are read: both raised the grid's own figures but not those of the default ensemble. Only its
     * first layer runs: cross-validated, the grid alone and the ensemble scored as with all six (the BiLSTM above
     * brings the context), and the ensemble runs 1.6 times as fast. Steps bounded to 8,192 word pairs and 12 passes
     * (instead of unbounded steps and 20 passes): cross-validated, the ensemble scored as well or better, trained in a
     * third of the time and a fraction of the memory.
     */
    public static final GridConfig DEFAULTS = new GridConfig(17, EncoderModel.ALL_MINILM_L6_V2_Q, 1, 128, 20, 64, 128, 128, 0.2, 12, 16,
            8_192, 2e-3, 0, false);

    public GridConfig {
        Objects.requireNonNull(encoder, "encoder");
        requireRange("encoderLayers", encoderLayers, 0, encoder.layers());
        requireRange("lstmHidden", lstmHidden, 1, 4_096);
        requireRange("distanceWidth", distanceWidth, 1, 1_024);
        requireRange("convolutionHidden", convolutionHidden, 1, 4_096);
        requireRange("biaffineHidden", biaffineHidden, 1, 4_096);
        requireRange("relationHidden", relationHidden, 1, 4_096);
        requireRange("epochs", epochs, 0, 1_000);
        requireRange("batchSize", batchSize, 1, 100_000);
        requireRange("batchWordPairs", batchWordPairs, 1, Integer.MAX_VALUE);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout is " + dropout + ": expected a share in [0, 1)");
        }
        requirePositive("learningRate", learningRate);
        if (!(encoderLearningRate >= 0)) {
            throw new IllegalArgumentException("encoderLearningRate is " + encoderLearningRate + ": expected 0 (frozen) or more");
        }
        if (encoderLearningRate > 0 && encoder.isQuantized()) {
            throw new IllegalArgumentException(encoder.fileName() + " has 8-bit weights, which cannot be trained: tune a full-precision encoder");
        }
        if (encoderLearningRate > 0 && encoderLayers != encoder.layers()) {
            throw new IllegalArgumentException("encoderLayers is " + encoderLayers + ": a tuned encoder runs all its " + encoder.layers()
                    + " layers");
        }
    }

    /** Whether training tunes the encoder too. */
    public boolean tunesEncoder() {
        return encoderLearningRate > 0;
    }

    /** Every field by name, for a model's provenance and manifest. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seed", seed);
        map.put("encoder", encoder.fileName());
        map.put("encoderLayers", encoderLayers);
        map.put("lstmHidden", lstmHidden);
        map.put("distanceWidth", distanceWidth);
        map.put("convolutionHidden", convolutionHidden);
        map.put("biaffineHidden", biaffineHidden);
        map.put("relationHidden", relationHidden);
        map.put("dropout", dropout);
        map.put("epochs", epochs);
        map.put("batchSize", batchSize);
        map.put("batchWordPairs", batchWordPairs);
        map.put("learningRate", learningRate);
        map.put("encoderLearningRate", encoderLearningRate);
        map.put("lexiconHints", lexiconHints);
        return map;
    }

    public GridConfig withEpochs(int newEpochs) {
        return new GridConfig(seed, encoder, encoderLayers, lstmHidden, distanceWidth, convolutionHidden, biaffineHidden, relationHidden,
                dropout, newEpochs, batchSize, batchWordPairs, learningRate, encoderLearningRate, lexiconHints);
    }

    /**
     * This config with the full-precision MiniLM trained inside the network (step size 5e-5, 10 passes, as tried on
     * fold 1, docs/RESULTS.md).
     */
    public GridConfig withTunedEncoder() {
        EncoderModel tuned = EncoderModel.ALL_MINILM_L6_V2;
        return new GridConfig(seed, tuned, tuned.layers(), lstmHidden, distanceWidth, convolutionHidden, biaffineHidden, relationHidden,
                dropout, 10, batchSize, batchWordPairs, learningRate, 5e-5, lexiconHints);
    }

    public GridConfig withLexiconHints(boolean newLexiconHints) {
        return new GridConfig(seed, encoder, encoderLayers, lstmHidden, distanceWidth, convolutionHidden, biaffineHidden, relationHidden,
                dropout, epochs, batchSize, batchWordPairs, learningRate, encoderLearningRate, newLexiconHints);
    }

    public GridConfig withSeed(long newSeed) {
        return new GridConfig(newSeed, encoder, encoderLayers, lstmHidden, distanceWidth, convolutionHidden, biaffineHidden, relationHidden,
                dropout, epochs, batchSize, batchWordPairs, learningRate, encoderLearningRate, lexiconHints);
    }

    public GridConfig withEncoderLayers(int newEncoderLayers) {
        return new GridConfig(seed, encoder, newEncoderLayers, lstmHidden, distanceWidth, convolutionHidden, biaffineHidden, relationHidden,
                dropout, epochs, batchSize, batchWordPairs, learningRate, encoderLearningRate, lexiconHints);
    }
}
