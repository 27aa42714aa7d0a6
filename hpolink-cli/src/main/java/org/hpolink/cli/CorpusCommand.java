package org.hpolink.cli;

import picocli.CommandLine.Command;

/** {@code hpolink corpus}: commands about annotated BC8 files. */
@Command(
        name = "corpus",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = "Describe annotated BC8 files.",
        subcommands = CorpusStatsCommand.class)
final class CorpusCommand {
}
