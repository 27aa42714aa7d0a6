package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import org.hpolink.extract.lexical.LexicalConfig;
import org.hpolink.extract.lexical.LexicalModel;
import org.hpolink.extract.lexical.LexicalModelIO;
import org.hpolink.ontology.Hpo;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --model DIR} option of every command that annotates with a trained model. A model named with it is read
 * and must match the HPO in use; without it the default model ({@link ModelLocation}) is used, and trained on the data
 * folder's training file first when it is missing, unreadable, or was trained on other data or another HPO release.
 */
final class ModelOption {

    @Option(names = "--model", paramLabel = "DIR",
            description = "Read the lexical model from DIR (written by hpolink train) instead of the default model, "
                    + "$HPOLINK_MODELS/lexical or ~/.cache/hpolink/models/lexical, which is trained on the data folder's "
                    + "bc8t3/train.tsv whenever it is missing or out of date.")
    private Path folder;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /**
     * The lexical model to annotate with, for {@code hpo}.
     *
     * @throws IllegalArgumentException naming both releases when a model named with {@code --model} was trained with
     *                                  another HPO release than {@code hpo}
     */
    LexicalModel model(Hpo hpo) throws IOException {
        HpolinkCommand root = HpolinkCommand.of(command);
        ModelLocation location = root.modelLocation(folder);
        return switch (location.origin()) {
            case GIVEN -> readGiven(location.folder(), hpo);
            case DEFAULT -> readOrTrainDefault(location, hpo, root.dataLocation().bc8Train());
        };
    }

    private static LexicalModel readGiven(Path folder, Hpo hpo) throws IOException {
        LexicalModel model = LexicalModelIO.read(folder);
        ModelLocation.requireRelease(model.provenance(), folder, hpo);
        return model;
    }

    private LexicalModel readOrTrainDefault(ModelLocation location, Hpo hpo, Path trainFile) throws IOException {
        PrintWriter err = command.commandLine().getErr();
        return location.readOrTrain(LexicalModelIO::read, LexicalModel::provenance,
                corpus -> TrainCommand.trainOnAll(LexicalConfig.defaults(), corpus, hpo, err), model -> folder -> LexicalModelIO.write(model, folder),
                trainFile, hpo, err);
    }
}
