package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.hpolink.extract.grid.GridConfig;
import org.hpolink.extract.grid.GridModel;
import org.hpolink.extract.grid.GridModelIO;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.Encoders;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --grid-model DIR} option of the commands that extract with the W2NER-style grid model. A model named
 * with it is read and must match the HPO in use; without it the default grid model ({@link ModelLocation#GRID}) is
 * used, and trained on the data folder's training file first when it is missing, unreadable, or was trained on other
 * data or another HPO release.
 */
final class GridModelOption {

    @Option(names = "--grid-model", paramLabel = "DIR",
            description = "With --model grid or ensemble: read the grid model from DIR (written by hpolink train --grid) "
                    + "instead of the default one, $HPOLINK_MODELS/grid or ~/.cache/hpolink/models/grid, which is trained "
                    + "on the data folder's bc8t3/train.tsv whenever it is missing or out of date (about 1.5 minutes on 2 cores).")
    private Path folder;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** Whether the option was given. */
    boolean isSet() {
        return folder != null;
    }

    /** The folder of the grid model: the one named, or the default. */
    Path folder() {
        return HpolinkCommand.of(command).modelLocation(folder, ModelLocation.GRID).folder();
    }

    /** The grid model for {@code hpo}; the default one fits {@code trainFile} or is trained on it. */
    GridModel model(Hpo hpo, Path trainFile, Encoders encoders) throws IOException {
        ModelLocation location = HpolinkCommand.of(command).modelLocation(folder, ModelLocation.GRID);
        PrintWriter err = command.commandLine().getErr();
        return switch (location.origin()) {
            case GIVEN -> GridModelIO.read(location.folder(), hpo);
            case DEFAULT -> location.readOrTrain(GridModelIO::read, GridModel::provenance, GridConfig.DEFAULTS.asMap(),
                    corpus -> TrainCommand.trainGrid(GridConfig.DEFAULTS, corpus, hpo, encoders, err),
                    model -> f -> GridModelIO.write(model, f), trainFile, hpo, err);
        };
    }
}
