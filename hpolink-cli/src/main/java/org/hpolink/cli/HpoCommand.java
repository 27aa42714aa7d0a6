package org.hpolink.cli;

import picocli.CommandLine.Command;

/** {@code hpolink hpo}: commands about the Human Phenotype Ontology. */
@Command(
        name = "hpo",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = "Look up terms of the Human Phenotype Ontology.",
        subcommands = HpoLookupCommand.class)
final class HpoCommand {
}
