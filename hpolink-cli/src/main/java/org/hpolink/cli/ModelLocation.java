package org.hpolink.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.hpolink.extract.lexical.LexicalModel;
import org.hpolink.extract.lexical.LexicalModelIO;

/**
 * Where the lexical model of a command is: the folder {@code --model} names, else the default model folder,
 * {@code $HPOLINK_MODELS/lexical} or {@code ~/.cache/hpolink/models/lexical}. The default folder is a cache that
 * hpolink fills and replaces itself; a folder given with {@code --model} is only ever read.
 *
 * @param folder the model bundle folder, existing or not
 * @param origin whether the user named it or it is the default
 */
record ModelLocation(Path folder, Origin origin) {

    static final String ENVIRONMENT_VARIABLE = "HPOLINK_MODELS";
    static final String LEXICAL = "lexical";

    enum Origin {
        /** Named with {@code --model}: read as it is, never trained or replaced. */
        GIVEN,
        /** The default model folder: trained when missing or out of date. */
        DEFAULT
    }

    ModelLocation {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(origin, "origin");
    }

    /** {@code given} when not null, else the default folder for {@code environment} and {@code home}. */
    static ModelLocation of(Path given, Map<String, String> environment, Path home) {
        return given != null ? new ModelLocation(given, Origin.GIVEN) : new ModelLocation(defaultFolder(environment, home), Origin.DEFAULT);
    }

    static Path defaultFolder(Map<String, String> environment, Path home) {
        // An empty value counts as unset, as for HPOLINK_DATA.
        Path models = Optional.ofNullable(environment.get(ENVIRONMENT_VARIABLE))
                .filter(value -> !value.isEmpty())
                .map(Path::of)
                .orElseGet(() -> home.resolve(".cache").resolve("hpolink").resolve("models"));
        return models.resolve(LEXICAL).toAbsolutePath();
    }

    /**
     * Writes {@code model} into the default folder, replacing what was there only once the new bundle is complete, so
     * an interrupted run never leaves a bundle whose provenance does not match its lexicon.
     */
    void replaceWith(LexicalModel model) throws IOException {
        if (origin != Origin.DEFAULT) {
            throw new IllegalStateException(folder + " was named with --model: hpolink only replaces the default model");
        }
        Path parent = Files.createDirectories(folder.getParent());
        String name = folder.getFileName().toString();
        try (TemporaryFolder staging = TemporaryFolder.in(parent, name + ".new-")) {
            LexicalModelIO.write(model, staging.path());
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
