package org.hpolink.normalize;

import static org.hpolink.model.ConfigChecks.requireNonNegative;
import static org.hpolink.model.ConfigChecks.requirePositive;
import static org.hpolink.model.ConfigChecks.requireRange;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.hpolink.encode.EncoderModel;

/**
 * How {@link BiosynTrainer} trains the dense half of the normalizer: a linear projection of a frozen encoder's
 * vectors and the weight of the sparse score, by synonym marginalization over the top candidates, first on HPO's
 * own names (pre-finetuning), then on the training mentions.
 *
 * @param seed                 the order of the queries and the sample of HPO names pre-finetuned on
 * @param encoder              the frozen sentence encoder
 * @param dimension            the projection's outputs (at most the encoder's 384); fewer make search faster
 * @param candidates           k, the candidates a query's loss is marginalized over (half dense, half sparse, as BioSyn)
 * @param initialScale         the dense score starts as this times the cosine similarity
 * @param initialSparseWeight  lambda, the sparse score's weight, before training
 * @param pretrainEpochs       passes over HPO names as queries (positives: the other names of their term)
 * @param pretrainQueries      HPO names drawn per pre-finetuning pass (0: all that have a positive)
 * @param epochs               passes over the training mentions; candidates are refreshed before each pass
 * @param batchSize            queries per Adam step
 * @param learningRate         Adam's step size
 * @param query                how a mention becomes a query text
 * @param encoderPasses        passes over the training mentions that fine-tune the encoder itself, before the projection
 *                             is trained (0: the encoder stays frozen; else it must be a full-precision one)
 * @param encoderPretrainQueries HPO names in the one pass that pre-finetunes the encoder (when it is tuned)
 * @param encoderLearningRate  AdamW's learning rate for the encoder (when it is tuned)
 */
public record BiosynConfig(long seed, EncoderModel encoder, int dimension, int candidates, double initialScale,
                           double initialSparseWeight, int pretrainEpochs, int pretrainQueries, int epochs, int batchSize,
                           double learningRate, MentionQuery query, int encoderPasses, int encoderPretrainQueries,
                           double encoderLearningRate) {

    /** The defaults chosen by cross-validation on gold mentions (docs/RESULTS.md). */
    public static final BiosynConfig DEFAULTS = new BiosynConfig(17, EncoderModel.BGE_SMALL_EN_V15_Q, 128, 20, 20, 10, 1, 8_000, 8, 16,
            5e-4, MentionQuery.MENTION, 0, 0, 0);

    /**
     * {@code train --full}: the defaults on the full-precision bge-small, which is first fine-tuned by synonym
     * marginalization (1 pass over 4,000 HPO names, 2 over the training mentions, at 2e-5).
     */
    public static final BiosynConfig FULL = new BiosynConfig(17, EncoderModel.BGE_SMALL_EN_V15, 128, 20, 20, 10, 1, 8_000, 8, 16,
            5e-4, MentionQuery.MENTION, 2, 4_000, 2e-5);

    public BiosynConfig {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(query, "query");
        requireRange("dimension", dimension, 1, EncoderModel.HIDDEN_SIZE);
        requireRange("candidates", candidates, 2, 1_000);
        requireRange("pretrainEpochs", pretrainEpochs, 0, 1_000);
        requireRange("pretrainQueries", pretrainQueries, 0, Integer.MAX_VALUE);
        requireRange("epochs", epochs, 0, 1_000);
        requireRange("batchSize", batchSize, 1, 100_000);
        requirePositive("initialScale", initialScale);
        if (!Double.isFinite(initialSparseWeight)) {
            throw new IllegalArgumentException("initialSparseWeight is " + initialSparseWeight + ": expected a finite number");
        }
        requirePositive("learningRate", learningRate);
        requireRange("encoderPasses", encoderPasses, 0, 1_000);
        requireRange("encoderPretrainQueries", encoderPretrainQueries, 0, Integer.MAX_VALUE);
        requireNonNegative("encoderLearningRate", encoderLearningRate);
        if (encoderPasses > 0 && encoderLearningRate == 0) {
            throw new IllegalArgumentException("encoderPasses is " + encoderPasses + " but encoderLearningRate is 0: tuning needs a rate");
        }
        if (encoderPasses > 0 && encoder.isQuantized()) {
            throw new IllegalArgumentException(encoder.fileName() + " has 8-bit weights, which cannot be trained: tune a full-precision encoder");
        }
    }

    /** Whether training fine-tunes the encoder itself ({@link BiosynTrainer#trainTuningEncoder}). */
    public boolean tunesEncoder() {
        return encoderPasses > 0;
    }

    /** Every field by name, for a model's provenance. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seed", seed);
        map.put("encoder", encoder.fileName());
        map.put("dimension", dimension);
        map.put("candidates", candidates);
        map.put("initialScale", initialScale);
        map.put("initialSparseWeight", initialSparseWeight);
        map.put("pretrainEpochs", pretrainEpochs);
        map.put("pretrainQueries", pretrainQueries);
        map.put("epochs", epochs);
        map.put("batchSize", batchSize);
        map.put("learningRate", learningRate);
        map.put("query", query.name());
        map.put("encoderPasses", encoderPasses);
        map.put("encoderPretrainQueries", encoderPretrainQueries);
        map.put("encoderLearningRate", encoderLearningRate);
        return map;
    }

    /** The same settings with the encoder fine-tuned for {@code passes} passes at {@code rate}. */
    public BiosynConfig withEncoderTuning(int passes, double rate) {
        return new BiosynConfig(seed, encoder, dimension, candidates, initialScale, initialSparseWeight, pretrainEpochs, pretrainQueries,
                epochs, batchSize, learningRate, query, passes, encoderPretrainQueries, rate);
    }

    public BiosynConfig withEpochs(int newPretrainEpochs, int newPretrainQueries, int newEpochs) {
        return new BiosynConfig(seed, encoder, dimension, candidates, initialScale, initialSparseWeight, newPretrainEpochs, newPretrainQueries,
                newEpochs, batchSize, learningRate, query, encoderPasses, encoderPretrainQueries, encoderLearningRate);
    }
}
