package org.hpolink.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoJsonReader;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --hpo FILE} option of every command that reads the ontology, mixed into each: the file given, else the
 * HPO release in the data folder. Resolving it here keeps one rule for all commands.
 */
final class HpoOption {

    @Option(names = "--hpo", paramLabel = "FILE",
            description = "Read the HPO from FILE (obographs JSON, plain or gzipped) instead of the data folder's "
                    + "hpo/hp-2023-01-27.json[.gz].")
    private Path file;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** The HPO file this run reads. */
    Path file() throws IOException {
        return file != null ? file : HpolinkCommand.of(command).dataLocation().hpoFile();
    }

    Hpo read() throws IOException {
        return new HpoJsonReader().read(file());
    }
}
