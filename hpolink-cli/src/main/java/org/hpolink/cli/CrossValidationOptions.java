package org.hpolink.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of a cross-validation mode, an argument group of the commands that have one: the number of folds
 * (at least 2) and the seed of the shuffle that splits them.
 */
final class CrossValidationOptions {

    @Option(names = "--cv", required = true, paramLabel = "K",
            description = "Cross-validate with K folds of the --data file; each fold is handled by what the other folds train.")
    int k;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "17",
            description = "Seed of the shuffle that splits the folds (default: ${DEFAULT-VALUE}).")
    long seed;

    void check(CommandSpec spec) {
        OptionChecks.requireAtLeast(spec, "--cv", k, 2);
    }
}
