package org.hpolink.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.ontology.Hpo;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --data FILE} option of every command that trains a model: the file given, else the data folder's training file. */
final class TrainingDataOption {

    @Option(names = "--data", paramLabel = "FILE",
            description = "The annotated BC8 file to train on, instead of the data folder's bc8t3/train.tsv.")
    private Path file;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** The annotated file this run trains on. */
    Path file() throws IOException {
        return file != null ? file : HpolinkCommand.of(command).dataLocation().bc8Train();
    }

    /** The annotated corpus, its HPO ids checked against {@code hpo}. */
    Corpus read(Hpo hpo) throws IOException {
        return new Bc8CorpusReader(hpo::isKnown).read(file());
    }
}
