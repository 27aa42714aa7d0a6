package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.model.Provenance;
import org.hpolink.model.Sha256;
import org.hpolink.ontology.Hpo;

/**
 * Where a trained model of a command is: the folder an option names, else the default folder of its kind,
 * {@code $HPOLINK_MODELS/KIND} or {@code ~/.cache/hpolink/models/KIND} ({@code lexical}, {@code normalizer}). A
 * default folder is a cache that hpolink fills and replaces itself; a folder given with an option is only ever read.
 *
 * @param folder the model bundle folder, existing or not
 * @param origin whether the user named it or it is the default
 */
record ModelLocation(Path folder, Origin origin) {

    static final String ENVIRONMENT_VARIABLE = "HPOLINK_MODELS";
    static final String LEXICAL = "lexical";
    /** The lexical model of the notes profile. */
    static final String LEXICAL_NOTES = "lexical-notes";
    static final String NORMALIZER = "normalizer";
    static final String GRID = "grid";

    enum Origin {
        /** Named with an option: read as it is, never trained or replaced. */
        GIVEN,
        /** The default model folder: trained when missing or out of date. */
        DEFAULT
    }

    /** Writes a complete bundle into an empty folder. */
    @FunctionalInterface
    interface BundleWriter {
        void writeTo(Path folder) throws IOException;
    }

    /** Reads a bundle, failing with an {@link IOException} naming the file when it cannot. */
    @FunctionalInterface
    interface BundleReader<T> {
        T read(Path folder) throws IOException;
    }

    /** Trains a model on the whole of a corpus. */
    @FunctionalInterface
    interface Trainer<T> {
        T train(Corpus corpus) throws IOException;
    }

    ModelLocation {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(origin, "origin");
    }

    /** {@code given} when not null, else the default folder of {@code kind} for {@code environment} and {@code home}. */
    static ModelLocation of(Path given, Map<String, String> environment, Path home, String kind) {
        return given != null ? new ModelLocation(given, Origin.GIVEN) : new ModelLocation(defaultFolder(environment, home, kind), Origin.DEFAULT);
    }

    static Path defaultFolder(Map<String, String> environment, Path home, String kind) {
        // An empty value counts as unset, as for HPOLINK_DATA.
        Path models = Optional.ofNullable(environment.get(ENVIRONMENT_VARIABLE))
                .filter(value -> !value.isEmpty())
                .map(Path::of)
                .orElseGet(() -> home.resolve(".cache").resolve("hpolink").resolve("models"));
        return models.resolve(kind).toAbsolutePath();
    }

    /**
     * The model of this default folder, read when it fits the training file, the HPO and the default {@code config}
     * in use, else trained on {@code trainFile} (telling {@code err} why) and written here first. A newer hpolink
     * with other defaults so retrains the models an older one left.
     */
    <T> T readOrTrain(BundleReader<T> reader, Function<T, Provenance> provenance, Map<String, Object> config, Trainer<T> trainer,
            Function<T, BundleWriter> writer, Path trainFile, Hpo hpo, PrintWriter err) throws IOException {
        String trainingSha256 = Sha256.of(trainFile);
        String why;
        if (!Files.exists(folder)) {
            why = "does not exist yet";
        } else {
            try {
                T model = reader.read(folder);
                Optional<String> outOfDate = outOfDate(provenance.apply(model), config, trainFile, trainingSha256, hpo);
                if (outOfDate.isEmpty()) {
                    return model;
                }
                why = outOfDate.get();
            } catch (IOException e) {
                // The default folder is a cache: a bundle of an older format or a damaged one is replaced, not fatal.
                why = "cannot be read (" + e.getMessage() + ")";
            }
        }
        err.println("hpolink: the default model " + folder + " " + why + ": training it on " + trainFile + " with HPO release "
                + hpo.release());
        err.flush();
        T model = trainer.train(new Bc8CorpusReader(hpo::isKnown).read(trainFile));
        replaceWith(writer.apply(model));
        return model;
    }

    /** Why a model of this provenance does not fit the current data, HPO or default {@code config}, if it does not. */
    private static Optional<String> outOfDate(Provenance provenance, Map<String, Object> config, Path trainFile, String trainingSha256,
            Hpo hpo) {
        if (!trainingSha256.equals(provenance.trainingSha256())) {
            return Optional.of("was trained on data with sha256 " + provenance.trainingSha256() + ", and " + trainFile
                    + " now has sha256 " + trainingSha256);
        }
        if (!hpo.release().equals(provenance.hpoRelease())) {
            return Optional.of("was trained with HPO release " + provenance.hpoRelease() + ", not " + hpo.release());
        }
        return provenance.configDifference(config).map(field -> "was trained with another configuration than the default: " + field);
    }

    /**
     * Writes a bundle into the default folder, replacing what was there only once the new bundle is complete, so an
     * interrupted run never leaves a bundle whose provenance does not match the rest of it.
     */
    void replaceWith(BundleWriter writer) throws IOException {
        if (origin != Origin.DEFAULT) {
            throw new IllegalStateException(folder + " was named with an option: hpolink only replaces a default model");
        }
        Path parent = Files.createDirectories(folder.getParent());
        String name = folder.getFileName().toString();
        try (TemporaryFolder staging = TemporaryFolder.in(parent, name + ".new-")) {
            writer.writeTo(staging.path());
            if (!Files.exists(folder)) {
                Files.move(staging.path(), folder, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            try (TemporaryFolder old = TemporaryFolder.in(parent, name + ".old-")) {
                Files.move(folder, old.path().resolve(name), StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging.path(), folder, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }
}
