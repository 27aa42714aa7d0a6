package org.hpolink.cli;

import picocli.CommandLine.Command;

/** {@code hpolink bench}: benchmarks, one subcommand per step timed. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Time steps of hpolink on the real data.",
            "These are benchmarks, not tests: the figures depend on the machine and on what else runs on it."
        },
        subcommands = {BenchHpoLoadCommand.class, BenchLexicalCommand.class, BenchNormalizeCommand.class, BenchEncoderCommand.class,
            BenchPredictCommand.class, BenchAnnotateCommand.class, BenchServeCommand.class})
final class BenchCommand {
}
