package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.extract.lexical.LexicalConfig;
import org.hpolink.extract.lexical.LexicalModel;
import org.hpolink.extract.lexical.LexicalModelIO;
import org.hpolink.model.Provenance;
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
        String trainedWith = model.provenance().hpoRelease();
        if (!trainedWith.equals(hpo.release())) {
            throw new IllegalArgumentException("the model in " + folder + " was trained with HPO release " + trainedWith
                    + ", but the HPO in use is release " + hpo.release() + ": read HPO release " + trainedWith
                    + " (--hpo FILE), or train a model with this one (hpolink train --out DIR)");
        }
        return model;
    }

    private LexicalModel readOrTrainDefault(ModelLocation location, Hpo hpo, Path trainFile) throws IOException {
        String trainingSha256 = Sha256.of(trainFile);
        String why;
        if (!Files.exists(location.folder())) {
            why = "does not exist yet";
        } else {
            try {
                LexicalModel model = LexicalModelIO.read(location.folder());
                Optional<String> outOfDate = outOfDate(model.provenance(), trainFile, trainingSha256, hpo);
                if (outOfDate.isEmpty()) {
                    return model;
                }
                why = outOfDate.get();
            } catch (IOException e) {
                // The default folder is a cache: a bundle of an older format or a damaged one is replaced, not fatal.
                why = "cannot be read (" + e.getMessage() + ")";
            }
        }
        PrintWriter err = command.commandLine().getErr();
        err.println("hpolink: the default model " + location.folder() + " " + why + ": training it on " + trainFile
                + " with HPO release " + hpo.release());
        err.flush();
        Corpus corpus = new Bc8CorpusReader(hpo::isKnown).read(trainFile);
        LexicalModel model = TrainCommand.trainOnAll(LexicalConfig.defaults(), corpus, hpo, err);
        location.replaceWith(model);
        return model;
    }

    /** Why a model of this provenance does not fit the current data, if it does not. */
    private static Optional<String> outOfDate(Provenance provenance, Path trainFile, String trainingSha256, Hpo hpo) {
        if (!trainingSha256.equals(provenance.trainingSha256())) {
            return Optional.of("was trained on data with sha256 " + provenance.trainingSha256() + ", and " + trainFile
                    + " now has sha256 " + trainingSha256);
        }
        if (!hpo.release().equals(provenance.hpoRelease())) {
            return Optional.of("was trained with HPO release " + provenance.hpoRelease() + ", not " + hpo.release());
        }
        return Optional.empty();
    }
}
