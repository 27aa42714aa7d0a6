package org.hpolink.cli;

import org.hpolink.normalize.BiosynConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How {@code --full} fine-tunes the normalizer's encoder, when not as {@link BiosynConfig#FULL} does. */
final class EncoderTuningOptions {

    @Option(names = "--encoder-passes", paramLabel = "N",
            description = "With --full: passes over the training mentions that fine-tune the encoder (default: 2).")
    private Integer passes;

    @Option(names = "--encoder-learning-rate", paramLabel = "X",
            description = "With --full: AdamW's learning rate for the encoder, above 0 and at most 1 (default: 2e-5).")
    private Double learningRate;

    /** Usage errors: these options without {@code --full}, or values out of range. */
    void check(CommandSpec spec, boolean full) {
        if ((passes != null || learningRate != null) && !full) {
            throw new ParameterException(spec.commandLine(), "--encoder-passes and --encoder-learning-rate go with --full");
        }
        if (passes != null) {
            OptionChecks.requireAtLeast(spec, "--encoder-passes", passes, 1);
        }
        if (learningRate != null && !(learningRate > 0 && learningRate <= 1)) {
            throw new ParameterException(spec.commandLine(), "--encoder-learning-rate is " + learningRate
                    + ": expected a number above 0 and at most 1");
        }
    }

    /** {@link BiosynConfig#FULL} with the passes and learning rate asked for. */
    BiosynConfig full() {
        BiosynConfig full = BiosynConfig.FULL;
        return full.withEncoderTuning(passes != null ? passes : full.encoderPasses(),
                learningRate != null ? learningRate : full.encoderLearningRate());
    }
}
