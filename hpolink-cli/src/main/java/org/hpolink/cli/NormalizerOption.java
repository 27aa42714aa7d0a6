package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.hpolink.normalize.BiosynConfig;
import org.hpolink.normalize.BiosynModelIO;
import org.hpolink.normalize.BiosynNormalizer;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.Encoders;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --normalizer-model DIR} option of the commands that normalize with the trained BioSyn normalizer. A
 * normalizer named with it is read and must match the HPO in use; without it the default normalizer
 * ({@link ModelLocation#NORMALIZER}) is used, and trained on the data folder's training file first when it is missing,
 * unreadable, or was trained on other data or another HPO release.
 */
final class NormalizerOption {

    @Option(names = "--normalizer-model", paramLabel = "DIR",
            description = "Read the normalizer from DIR (written by hpolink train --normalizer) instead of the default one, "
                    + "$HPOLINK_MODELS/normalizer or ~/.cache/hpolink/models/normalizer, which is trained on the --data "
                    + "file (default: the data folder's bc8t3/train.tsv) whenever it is missing or was trained on other "
                    + "data or another HPO release (about 70 s on 2 cores).")
    private Path folder;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** Whether the option was given. */
    boolean isSet() {
        return folder != null;
    }

    /** The folder of the normalizer: the one named, or the default. */
    Path folder() {
        return HpolinkCommand.of(command).modelLocation(folder, ModelLocation.NORMALIZER).folder();
    }

    /**
     * The normalizer for {@code hpo}, encoding queries with {@code encoders}; the default one fits {@code trainFile}
     * (the command's --data file) or is trained on it.
     */
    BiosynNormalizer normalizer(Hpo hpo, Path trainFile, Encoders encoders) throws IOException {
        return normalizer(hpo, trainFile, encoders, encoders);
    }

    /**
     * {@link #normalizer(Hpo, Path, Encoders)}, but a default normalizer that must first be trained is trained, and
     * then encodes its queries, with {@code trainingEncoders}.
     */
    BiosynNormalizer normalizer(Hpo hpo, Path trainFile, Encoders encoders, Encoders trainingEncoders) throws IOException {
        HpolinkCommand root = HpolinkCommand.of(command);
        ModelLocation location = root.modelLocation(folder, ModelLocation.NORMALIZER);
        PrintWriter err = command.commandLine().getErr();
        return switch (location.origin()) {
            case GIVEN -> BiosynModelIO.read(location.folder(), encoders, hpo);
            case DEFAULT -> location.readOrTrain(f -> BiosynModelIO.read(f, encoders), BiosynNormalizer::provenance,
                    BiosynConfig.DEFAULTS.asMap(), corpus -> TrainCommand.trainNormalizer(BiosynConfig.DEFAULTS, corpus, hpo, trainingEncoders, err),
                    normalizer -> f -> BiosynModelIO.write(normalizer, f), trainFile, hpo, err);
        };
    }
}
