package org.hpolink.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hpolink.corpus.Corpus;
import org.hpolink.ontology.Hpo;

/**
 * Where a trained model came from: enough to rebuild it (component, configuration, seed, the SHA-256 of the
 * training file and the split used, the HPO release and its hash) and to see what built it (hpolink version,
 * time, Java and platform). Written into every model bundle; the CLI prints it.
 *
 * @param config every configured field of the trainer, by name
 * @param split  which part of the training file was used, e.g. "all" or "fold 3 of 5, seed 17"
 */
public record Provenance(
        String component,
        String hpolinkVersion,
        String createdAt,
        long seed,
        SortedMap<String, Object> config,
        String trainingSource,
        String trainingSha256,
        String split,
        int trainingObservations,
        String hpoRelease,
        String hpoSha256,
        String javaVersion,
        String platform) {

    public Provenance {
        Objects.requireNonNull(component, "component");
        config = canonical(config);
    }

    /** The provenance of a model trained now on {@code training} (described by {@code split}) with {@code hpo}. */
    public static Provenance of(String component, Map<String, Object> config, long seed, Corpus training, String split, Hpo hpo) {
        return new Provenance(component, currentVersion(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), seed,
                new TreeMap<>(config), training.source(), training.sha256(), split, training.size(), hpo.release(),
                hpo.sha256().orElse("none"), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    /**
     * A read-only copy, whole numbers as {@link Integer} where they fit, as JSON reads them back: a provenance read
     * from a bundle then equals the one written ({@code seed} is a long in the config records).
     */
    private static SortedMap<String, Object> canonical(Map<String, Object> config) {
        SortedMap<String, Object> copy = new TreeMap<>();
        config.forEach((name, value) -> copy.put(name, value instanceof Long n && n == n.intValue() ? Integer.valueOf(n.intValue()) : value));
        return Collections.unmodifiableSortedMap(copy);
    }

    /**
     * @throws IllegalArgumentException naming both releases when this model, read from {@code folder}, was trained with
     *                                  another HPO release than {@code hpo}
     */
    public void requireRelease(Path folder, Hpo hpo) {
        if (!hpoRelease.equals(hpo.release())) {
            throw new IllegalArgumentException("the model in " + folder + " was trained with HPO release " + hpoRelease
                    + ", but the HPO in use is release " + hpo.release() + ": read HPO release " + hpoRelease
                    + " (--hpo FILE), or train a model with this one (hpolink train --out DIR)");
        }
    }

    /**
     * The first configured field (by name) whose value here differs from {@code expected}'s, described as
     * {@code "name v (now w)"}, or empty when every field of {@code expected} has its value here. Fields that only this
     * provenance records (what training found, such as skipped observations) are not compared.
     */
    public Optional<String> configDifference(Map<String, Object> expected) {
        for (Map.Entry<String, Object> field : canonical(expected).entrySet()) {
            Object recorded = config.get(field.getKey());
            if (!Objects.equals(recorded, field.getValue())) {
                return Optional.of(field.getKey() + " " + recorded + " (now " + field.getValue() + ")");
            }
        }
        return Optional.empty();
    }

    /** The version of this hpolink build, as Maven wrote it into the jar. */
    public static String currentVersion() {
        Properties properties = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("hpolink.properties")) {
            if (in == null) {
                throw new IllegalStateException("hpolink.properties is missing from the classpath: the build is broken");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    /** A few readable lines, for the CLI. */
    public String describe() {
        return component + " model, hpolink " + hpolinkVersion + ", created " + createdAt + "\n"
                + "  trained on " + trainingSource + " (" + split + ", " + trainingObservations + " observations, sha256 "
                + trainingSha256 + ")\n"
                + "  HPO release " + hpoRelease + " (sha256 " + hpoSha256 + "), seed " + seed + "\n"
                + "  config " + config;
    }
}
