package org.hpolink.cli;

import java.nio.file.Path;
import java.util.Map;

import org.hpolink.RealDataFolder;
import org.hpolink.cli.HpolinkCommandTest.Run;

import picocli.CommandLine;

/** Runs commands on the real data of {@code HPOLINK_DATA}, for the integration tests; fails when it is not set. */
final class RealData {

    private RealData() {
    }

    /**
     * Runs hpolink in-process with {@code HPOLINK_DATA} set to the real data folder and the default model kept in
     * {@code models}, never in the user's cache.
     */
    static Run runWithModels(Path models, String... args) {
        return HpolinkCommandTest.run(CommandLine.defaultFactory(), Map.of(DataLocation.ENVIRONMENT_VARIABLE, RealDataFolder.folder().toString(),
                ModelLocation.ENVIRONMENT_VARIABLE, models.toString()), args);
    }

    /** Runs hpolink in-process with {@code HPOLINK_DATA} set to the real data folder. */
    static Run run(String... args) {
        return HpolinkCommandTest.run(CommandLine.defaultFactory(),
                Map.of(DataLocation.ENVIRONMENT_VARIABLE, RealDataFolder.folder().toString()), args);
    }
}
