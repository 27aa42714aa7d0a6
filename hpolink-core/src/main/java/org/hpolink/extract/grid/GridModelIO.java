package org.hpolink.extract.grid;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hpolink.encode.EncoderModel;
import org.hpolink.model.BundleJson;
import org.hpolink.model.Provenance;
import org.hpolink.model.Sha256;
import org.hpolink.ontology.Hpo;

/**
 * Reads and writes a trained {@link GridModel}: a folder with {@code manifest.json} (format, version, provenance,
 * config, input width, the SHA-256 of the network and of a tuned encoder), {@code network.onnx} (the network's
 * inference graph, {@link GridOnnx}) and, when training tuned the encoder, {@code encoder.onnx}. A frozen encoder is
 * not stored: it is the model the config names, which the caller opens. Reading needs ONNX Runtime only, not LibTorch.
 */
public final class GridModelIO {

    public static final String FORMAT = "hpolink-grid";
    /** 2: the network as an ONNX graph ({@code network.onnx}) instead of DJL's parameter file. */
    public static final int FORMAT_VERSION = 2;
    static final String MANIFEST = "manifest.json";
    static final String NETWORK = "network.onnx";
    static final String TUNED_ENCODER = "encoder.onnx";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @param tunedEncoderSha256 the SHA-256 of {@link #TUNED_ENCODER}; null when the encoder stayed frozen */
    record Manifest(String format, int formatVersion, Provenance provenance, GridConfig config, int features, String networkSha256,
                    String tunedEncoderSha256) {
    }

    private GridModelIO() {
    }

    public static void write(GridModel model, Path folder) throws IOException {
        Files.createDirectories(folder);
        byte[] tunedEncoder = model.tunedEncoder().orElse(null);
        if (tunedEncoder != null) {
            Files.write(folder.resolve(TUNED_ENCODER), tunedEncoder);
        }
        Files.write(folder.resolve(NETWORK), model.network());
        JSON.writeValue(folder.resolve(MANIFEST).toFile(), new Manifest(FORMAT, FORMAT_VERSION, model.provenance(), model.config(),
                model.featureWidth(), Sha256.of(model.network()), tunedEncoder == null ? null : Sha256.of(tunedEncoder)));
    }

    /**
     * The model in {@code folder}, for use with {@code hpo}; closed again when it does not fit.
     *
     * @throws IllegalArgumentException naming both releases when it was trained with another HPO release
     */
    public static GridModel read(Path folder, Hpo hpo) throws IOException {
        GridModel model = read(folder);
        try {
            model.provenance().requireRelease(folder, hpo);
        } catch (IllegalArgumentException e) {
            model.close();
            throw e;
        }
        return model;
    }

    /** @throws IOException naming the file when the bundle is missing, of another format or version, or malformed */
    public static GridModel read(Path folder) throws IOException {
        Path manifestFile = folder.resolve(MANIFEST);
        JsonNode tree = BundleJson.readTree(JSON, manifestFile, Manifest.class, "a grid model", "hpolink train --grid");
        if (tree.get("config") instanceof ObjectNode config) {
            // Bundles written before the encoder could be cut ran all its layers.
            if (!config.has("encoderLayers")) {
                Arrays.stream(EncoderModel.values()).filter(model -> model.name().equals(config.path("encoder").asText())).findFirst()
                        .ifPresent(model -> config.put("encoderLayers", model.layers()));
            }
            // Bundles written before training bounded a step's word pairs were trained without a bound.
            if (!config.has("batchWordPairs")) {
                config.put("batchWordPairs", Integer.MAX_VALUE);
            }
        }
        Manifest manifest = BundleJson.convert(JSON, tree, manifestFile, Manifest.class);
        if (!FORMAT.equals(manifest.format()) || manifest.formatVersion() != FORMAT_VERSION) {
            throw new IOException(manifestFile + ": format " + manifest.format() + " version " + manifest.formatVersion()
                    + ", expected " + FORMAT + " version " + FORMAT_VERSION + " (retrain the grid model with this hpolink)");
        }
        if (manifest.config() == null || manifest.provenance() == null) {
            throw new IOException(manifestFile + ": the config or the provenance is missing");
        }
        byte[] tunedEncoder = manifest.config().tunesEncoder()
                ? Sha256.readChecked(folder.resolve(TUNED_ENCODER), manifest.tunedEncoderSha256(), "the tuned encoder of this grid model")
                : null;
        byte[] network = Sha256.readChecked(folder.resolve(NETWORK), manifest.networkSha256(), "the network of this grid model");
        return new GridModel(manifest.config(), manifest.features(), network, manifest.provenance(), tunedEncoder);
    }
}
