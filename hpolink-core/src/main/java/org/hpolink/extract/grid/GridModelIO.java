package org.hpolink.extract.grid;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.hpolink.model.BundleJson;
import org.hpolink.model.Provenance;
import org.hpolink.model.Sha256;
import org.hpolink.ontology.Hpo;

/**
 * Reads and writes a trained {@link GridModel}: a folder with {@code manifest.json} (format, version, provenance,
 * config, input width, the SHA-256 of a tuned encoder), {@code network.params} (DJL's parameter file of the
 * {@link GridNetwork}) and, when training tuned the encoder, {@code encoder.onnx}. A frozen encoder is not stored:
 * it is the model the config names, which the caller opens.
 */
public final class GridModelIO {

    public static final String FORMAT = "hpolink-grid";
    public static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";
    static final String PARAMETERS = "network.params";
    static final String TUNED_ENCODER = "encoder.onnx";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @param tunedEncoderSha256 the SHA-256 of {@link #TUNED_ENCODER}; null when the encoder stayed frozen */
    record Manifest(String format, int formatVersion, Provenance provenance, GridConfig config, int features, String tunedEncoderSha256) {
    }

    private GridModelIO() {
    }

    public static void write(GridModel model, Path folder) throws IOException {
        Files.createDirectories(folder);
        GridNetwork network = model.network();
        byte[] tunedEncoder = model.tunedEncoder().orElse(null);
        if (tunedEncoder != null) {
            Files.write(folder.resolve(TUNED_ENCODER), tunedEncoder);
        }
        JSON.writeValue(folder.resolve(MANIFEST).toFile(), new Manifest(FORMAT, FORMAT_VERSION, model.provenance(), network.config(),
                network.features(), tunedEncoder == null ? null : Sha256.of(tunedEncoder)));
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(folder.resolve(PARAMETERS))))) {
            network.saveParameters(out);
        }
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
        Manifest manifest = BundleJson.read(JSON, manifestFile, Manifest.class, "a grid model", "hpolink train --grid");
        if (!FORMAT.equals(manifest.format()) || manifest.formatVersion() != FORMAT_VERSION) {
            throw new IOException(manifestFile + ": format " + manifest.format() + " version " + manifest.formatVersion()
                    + ", expected " + FORMAT + " version " + FORMAT_VERSION + " (retrain the grid model with this hpolink)");
        }
        if (manifest.config() == null || manifest.provenance() == null) {
            throw new IOException(manifestFile + ": the config or the provenance is missing");
        }
        byte[] tunedEncoder = manifest.config().tunesEncoder() ? tunedEncoder(folder, manifest) : null;
        Path parameters = folder.resolve(PARAMETERS);
        Model model = Model.newInstance(GridModel.COMPONENT, Device.cpu(), GridTrainer.ENGINE);
        GridNetwork network = new GridNetwork(manifest.config(), manifest.features());
        model.setBlock(network);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(parameters)))) {
            network.loadParameters(model.getNDManager(), in);
        } catch (NoSuchFileException e) {
            model.close();
            throw new IOException(parameters + ": no such file: is this the folder of a grid model? (train one with 'hpolink train --grid')", e);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException(parameters + ": not a parameter file of this grid network (" + e.getMessage() + ")", e);
        }
        return new GridModel(model, network, manifest.provenance(), tunedEncoder);
    }

    private static byte[] tunedEncoder(Path folder, Manifest manifest) throws IOException {
        return Sha256.readChecked(folder.resolve(TUNED_ENCODER), manifest.tunedEncoderSha256(), "the tuned encoder of this grid model");
    }
}
