package org.hpolink.cli;

import picocli.CommandLine.Command;

/** {@code hpolink data}: the data files hpolink reads. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = "Download the data files hpolink reads (the HPO release and the BC8 training set).",
        subcommands = DataFetchCommand.class)
final class DataCommand {
}
