package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.hpolink.corpus.Corpus;
import org.hpolink.extract.grid.GridConfig;
import org.hpolink.extract.grid.GridModel;
import org.hpolink.extract.grid.GridModelIO;
import org.hpolink.extract.lexical.LexicalConfig;
import org.hpolink.extract.lexical.LexicalModel;
import org.hpolink.extract.lexical.LexicalModelIO;
import org.hpolink.extract.lexical.LexicalTrainer;
import org.hpolink.normalize.BiosynConfig;
import org.hpolink.normalize.BiosynModelIO;
import org.hpolink.normalize.BiosynNormalizer;
import org.hpolink.normalize.BiosynTrainer;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.Encoders;

import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hpolink train}: trains the lexical model, the normalizer or the grid model on an annotated BC8 file and writes
 * its bundle.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Train the lexical model on an annotated BC8 file and write it as a model bundle (manifest.json with the "
                    + "model's provenance, lexicon.json with what it learned).",
            "The dictionary is built from the HPO's names and the training mentions; modifiers, fillers, negation cues "
                    + "and the header and boundary habits of the annotators are learned from the annotations. Prints the "
                    + "provenance and the model's size. predict and extract use a bundle with --model DIR.",
            "With --normalizer, trains the BioSyn-style normalizer instead: the names of the observable HPO terms and the "
                    + "training mentions are encoded once with the frozen sentence encoder; a linear projection of its "
                    + "vectors and the weight of the character n-gram score are learned by synonym marginalization, first "
                    + "on HPO's own synonyms, then on the training mentions (about 70 s on 2 cores). The bundle holds the "
                    + "names, the projection and the projected name vectors; normalize uses it with --normalizer-model DIR.",
            "With --grid, trains the W2NER-style grid model instead: the frozen encoder's states, pooled to words, feed a "
                    + "BiLSTM, a word-pair grid (conditional layer norm, distance and region embeddings), dilated "
                    + "convolutions and a biaffine + MLP scorer of each word pair's relation (next word of a mention, or "
                    + "tail-head of a key or a normal finding); trained with AdamW on the CPU (DJL, PyTorch), about 1.5 "
                    + "minutes on 2 cores. The bundle holds the network's parameters; predict and extract use it with "
                    + "--model grid or ensemble and --grid-model DIR.",
            "With --grid --tune-encoder, the full-precision encoder is trained inside the grid model (10 passes) and goes "
                    + "into the bundle as encoder.onnx (90 MB). With --grid --lexicon-hints, the grid model also reads the grid "
                    + "of the lexical model's mentions (in training, models trained on the other fifths of the data give each "
                    + "observation its hints).",
            "With --normalizer --full, the full-precision encoder itself is first fine-tuned by synonym marginalization "
                    + "(one pass over 4,000 HPO names, then two over the training mentions; gradients through the queries), "
                    + "then the projection is trained on it as above (about 9 minutes on 2 cores). It goes into the bundle as "
                    + "encoder.onnx (133 MB). Cross-validated, it ranked worse than the default (docs/RESULTS.md)."
        })
final class TrainCommand implements Callable<Integer> {

    /** The provenance split of a model trained on a whole file. */
    static final String ALL = "all";

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Write the model bundle into DIR, creating it if needed.")
    private Path out;

    @Mixin
    private TrainingDataOption data;

    @Mixin
    private HpoOption hpo;

    @Mixin
    private LexicalOptions lexical;

    /** Which model to train. */
    static final class Kind {
        @Option(names = "--normalizer", required = true, description = "Train the normalizer instead of the lexical model.")
        private boolean normalizer;

        @Option(names = "--grid", required = true, description = "Train the grid model instead of the lexical model.")
        private boolean grid;
    }

    @ArgGroup(exclusive = true)
    private Kind kind;

    @Option(names = "--full", description = "With --normalizer: also fine-tune the encoder itself (much longer; see above).")
    private boolean full;

    @Mixin
    private EncoderTuningOptions tuning;

    @Mixin
    private GridOptions gridOptions;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LexicalConfig config = lexical.config();
        if (full && (kind == null || !kind.normalizer)) {
            throw new ParameterException(spec.commandLine(), "--full goes with --normalizer");
        }
        tuning.check(spec, full);
        Hpo ontology = hpo.read();
        Corpus corpus = data.read(ontology);
        if (kind != null && kind.normalizer) {
            return trainNormalizer(full ? tuning.full() : BiosynConfig.DEFAULTS, corpus, ontology);
        }
        if (gridOptions.isSet() && (kind == null || !kind.grid)) {
            throw new ParameterException(spec.commandLine(), "--tune-encoder and --lexicon-hints go with --grid");
        }
        if (kind != null && kind.grid) {
            return trainGrid(gridOptions.config(), corpus, ontology);
        }
        LexicalModel model = trainOnAll(config, corpus, ontology, spec.commandLine().getErr());
        LexicalModelIO.write(model, out);

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "model: %s (%,d dictionary keys; the folder holds %,d bytes)%n", out, model.size(), folderBytes(out));
        stdout.println(model.provenance().describe());
        stdout.flush();
        return 0;
    }

    /** Trains on the whole of {@code corpus}, showing on {@code err} that training runs. */
    static LexicalModel trainOnAll(LexicalConfig config, Corpus corpus, Hpo hpo, PrintWriter err) {
        ProgressBar bar = Progress.running("training", err);
        try {
            return new LexicalTrainer(config).train(corpus, hpo, ALL);
        } finally {
            bar.close();
        }
    }

    private int trainNormalizer(BiosynConfig config, Corpus corpus, Hpo ontology) throws IOException {
        long start = System.nanoTime();
        try (Encoders encoders = new Encoders()) {
            BiosynNormalizer trained = trainNormalizer(config, corpus, ontology, encoders, spec.commandLine().getErr());
            double seconds = (System.nanoTime() - start) / 1e9;
            BiosynModelIO.write(trained, out);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(Locale.ROOT,
                    "normalizer: %s (trained in %.0f s; %,d names, lambda %.3f, dense index %.1f MiB; the folder holds %,d bytes)%n",
                    out, seconds, trained.dictionary().size(), trained.sparseWeight(), trained.denseIndexBytes() / Measurement.MIB,
                    folderBytes(out));
            stdout.println(trained.provenance().describe());
            stdout.flush();
        }
        return 0;
    }

    /**
     * Trains the normalizer on the whole of {@code corpus}, a progress bar on {@code err} counting its passes; a tuned
     * encoder is opened with {@code encoders}, which must stay open while the normalizer is used.
     */
    static BiosynNormalizer trainNormalizer(BiosynConfig config, Corpus corpus, Hpo hpo, Encoders encoders, PrintWriter err)
            throws IOException {
        int passes = config.pretrainEpochs() + config.epochs() + (config.tunesEncoder() ? 1 + config.encoderPasses() : 0);
        try (ProgressBar bar = Progress.of("training the normalizer (passes)", passes, err)) {
            bar.setExtraMessage(config.tunesEncoder() ? " encoding the names with the encoder being tuned" : " encoding the names");
            BiosynTrainer.Listener listener = (phase, pass, queries, loss) -> {
                bar.step();
                bar.setExtraMessage(String.format(Locale.ROOT, " %s, loss %.4f", phase, loss));
            };
            BiosynTrainer trainer = new BiosynTrainer(config);
            return config.tunesEncoder() ? trainer.trainTuningEncoder(hpo, corpus, ALL, encoders, listener)
                    : trainer.train(hpo, corpus, ALL, encoders.pretrained(config.encoder()), listener);
        }
    }

    private int trainGrid(GridConfig config, Corpus corpus, Hpo ontology) throws IOException {
        long start = System.nanoTime();
        try (Encoders encoders = new Encoders();
             GridModel trained = trainGrid(config, corpus, ontology, encoders, spec.commandLine().getErr())) {
            double seconds = (System.nanoTime() - start) / 1e9;
            GridModelIO.write(trained, out);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(Locale.ROOT, "grid model: %s (trained in %.0f s; the folder holds %,d bytes)%n", out, seconds, folderBytes(out));
            stdout.println(trained.provenance().describe());
            stdout.flush();
        }
        return 0;
    }

    /** Trains the grid model on the whole of {@code corpus}, a progress bar on {@code err} counting its passes. */
    static GridModel trainGrid(GridConfig config, Corpus corpus, Hpo hpo, Encoders encoders, PrintWriter err) throws IOException {
        try (ProgressBar bar = Progress.of("training the grid model (passes)", config.epochs(), err)) {
            bar.setExtraMessage(config.tunesEncoder() ? " reading the encoder" : " encoding the observations");
            return GridModels.trainer(config, LexicalConfig.defaults(), hpo).train(corpus, hpo, ALL, encoders, (epoch, loss) -> {
                        bar.step();
                        bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f", loss));
                    });
        }
    }

    private static long folderBytes(Path folder) throws IOException {
        long bytes = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(file);
            }
        }
        return bytes;
    }
}
