package org.hpolink.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.ontology.Hpo;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --data FILE} and {@code --corrections FILE} options of every command that trains a model: the file given,
 * else the data folder's training file, and the corrections after it.
 */
final class TrainingDataOption {

    @Option(names = "--data", paramLabel = "FILE",
            description = "The annotated BC8 file to train on, instead of the data folder's bc8t3/train.tsv.")
    private Path file;

    @Option(names = "--corrections", paramLabel = "FILE",
            description = "Also train on FILE, an annotated BC8 file such as the corrections hpolink serve saves; may be "
                    + "given more than once.")
    private List<Path> corrections = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** The annotated file this run trains on. */
    Path file() throws IOException {
        return file != null ? file : HpolinkCommand.of(command).dataLocation().bc8Train();
    }

    /** The annotated corpus, its HPO ids checked against {@code hpo}, then the corrections' observations. */
    Corpus read(Hpo hpo) throws IOException {
        Bc8CorpusReader reader = new Bc8CorpusReader(hpo::isKnown);
        Corpus corpus = reader.read(file());
        for (Path file : corrections) {
            try {
                corpus = corpus.with(reader.read(file));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command.commandLine(), "--corrections " + file + ": " + e.getMessage());
            }
        }
        return corpus;
    }
}
