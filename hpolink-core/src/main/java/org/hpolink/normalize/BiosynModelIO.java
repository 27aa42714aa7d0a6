package org.hpolink.normalize;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hpolink.model.Sha256;
import org.hpolink.encode.EncoderModel;
import org.hpolink.model.BundleJson;
import org.hpolink.model.Provenance;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;

/**
 * Reads and writes a trained {@link BiosynNormalizer}: a folder with {@code manifest.json} (format, version,
 * provenance, config, lambda, sizes), {@code names.json} (the dictionary) and two little-endian float32 files, the
 * projection ({@code projection.f32}, row-major) and the projected name vectors ({@code name-vectors.f32}, one row
 * per name), so that loading encodes nothing. A frozen encoder is not stored: it is the pretrained model the config
 * names, which the caller opens. An encoder the training tuned is stored as {@code encoder.onnx}, its SHA-256 in the
 * manifest.
 */
public final class BiosynModelIO {

    public static final String FORMAT = "hpolink-biosyn";
    public static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";
    static final String NAMES = "names.json";
    static final String PROJECTION = "projection.f32";
    static final String NAME_VECTORS = "name-vectors.f32";
    static final String TUNED_ENCODER = "encoder.onnx";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @param tunedEncoderSha256 the SHA-256 of {@link #TUNED_ENCODER}; null when the encoder stayed frozen */
    record Manifest(String format, int formatVersion, Provenance provenance, BiosynConfig config, float sparseWeight, int names,
                    int encoderDimension, String tunedEncoderSha256) {
    }

    record NameRow(String text, String id, NameDictionary.Source source) {
    }

    private BiosynModelIO() {
    }

    public static void write(BiosynNormalizer normalizer, Path folder) throws IOException {
        Files.createDirectories(folder);
        Projection projection = normalizer.projection();
        List<NameRow> names = normalizer.dictionary().names().stream().map(n -> new NameRow(n.text(), n.id().value(), n.source())).toList();
        byte[] tunedEncoder = normalizer.tunedEncoder().orElse(null);
        if (tunedEncoder != null) {
            Files.write(folder.resolve(TUNED_ENCODER), tunedEncoder);
        }
        JSON.writeValue(folder.resolve(MANIFEST).toFile(), new Manifest(FORMAT, FORMAT_VERSION, normalizer.provenance(), normalizer.config(),
                normalizer.sparseWeight(), names.size(), projection.inputs(), tunedEncoder == null ? null : Sha256.of(tunedEncoder)));
        JSON.writeValue(folder.resolve(NAMES).toFile(), names);
        writeFloats(folder.resolve(PROJECTION), projection.weights());
        NameVectors vectors = normalizer.names();
        float[] rows = new float[vectors.size() * vectors.dimension()];
        for (int n = 0; n < vectors.size(); n++) {
            System.arraycopy(vectors.row(n), 0, rows, n * vectors.dimension(), vectors.dimension());
        }
        writeFloats(folder.resolve(NAME_VECTORS), rows);
    }

    /**
     * The normalizer in {@code folder}, embedding with {@code embedders}, for use with {@code hpo}.
     *
     * @throws IllegalArgumentException naming both releases when it was trained with another HPO release
     */
    public static BiosynNormalizer read(Path folder, Embedders embedders, Hpo hpo) throws IOException {
        BiosynNormalizer normalizer = read(folder, embedders);
        normalizer.provenance().requireRelease(folder, hpo);
        return normalizer;
    }

    /**
     * @param embedders opens the encoder the normalizer encodes queries that are not names with: the pretrained one its
     *                  config names, or its own tuned one
     * @throws IOException naming the file when the bundle is missing, of another format or version, or malformed
     */
    public static BiosynNormalizer read(Path folder, Embedders embedders) throws IOException {
        Path manifestFile = folder.resolve(MANIFEST);
        Manifest manifest = readJson(manifestFile, Manifest.class);
        if (!FORMAT.equals(manifest.format()) || manifest.formatVersion() != FORMAT_VERSION) {
            throw new IOException(manifestFile + ": format " + manifest.format() + " version " + manifest.formatVersion()
                    + ", expected " + FORMAT + " version " + FORMAT_VERSION + " (retrain the normalizer with this hpolink)");
        }
        if (manifest.config() == null || manifest.provenance() == null) {
            throw new IOException(manifestFile + ": the config or the provenance is missing");
        }
        Path namesFile = folder.resolve(NAMES);
        NameRow[] rows = readJson(namesFile, NameRow[].class);
        NameDictionary dictionary;
        try {
            dictionary = new NameDictionary(Arrays.stream(rows).map(r -> new NameDictionary.Name(r.text(), HpoId.of(r.id()), r.source())).toList());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException(namesFile + ": malformed name: " + e.getMessage(), e);
        }
        if (dictionary.size() != manifest.names()) {
            throw new IOException(namesFile + ": " + dictionary.size() + " names, the manifest says " + manifest.names());
        }
        int dimension = manifest.config().dimension();
        Path projectionFile = folder.resolve(PROJECTION);
        float[] weights = readFloats(projectionFile, (long) dimension * manifest.encoderDimension());
        float[] vectors = readFloats(folder.resolve(NAME_VECTORS), (long) dictionary.size() * dimension);
        float[][] byName = new float[dictionary.size()][];
        for (int n = 0; n < byName.length; n++) {
            byName[n] = Arrays.copyOfRange(vectors, n * dimension, (n + 1) * dimension);
        }
        Projection projection;
        try {
            projection = new Projection(dimension, manifest.encoderDimension(), weights);
        } catch (IllegalArgumentException e) {
            throw new IOException(projectionFile + ": " + e.getMessage(), e);
        }
        EncoderModel encoder = manifest.config().encoder();
        Path tunedFile = folder.resolve(TUNED_ENCODER);
        byte[] tunedEncoder = manifest.config().tunesEncoder()
                ? Sha256.readChecked(tunedFile, manifest.tunedEncoderSha256(), "the tuned encoder of this normalizer") : null;
        TextEmbedder embedder = tunedEncoder == null ? embedders.pretrained(encoder) : embedders.tuned(encoder, tunedEncoder, tunedFile.toString());
        return new BiosynNormalizer(manifest.provenance(), manifest.config(), dictionary, projection, manifest.sparseWeight(),
                NameVectors.of(byName), embedder, tunedEncoder);
    }

    private static void writeFloats(Path file, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        Files.write(file, buffer.array());
    }

    private static float[] readFloats(Path file, long expected) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file: is this a normalizer folder? (train one with 'hpolink train')", e);
        }
        if (bytes.length != 4 * expected) {
            throw new IOException(file + ": " + bytes.length + " bytes, expected " + 4 * expected + " (" + expected + " float32 values)");
        }
        float[] values = new float[(int) expected];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IOException(file + ": value " + i + " is " + values[i] + ": expected finite numbers");
            }
        }
        return values;
    }

    private static <T> T readJson(Path file, Class<T> type) throws IOException {
        return BundleJson.read(JSON, file, type, "a normalizer", "hpolink train --normalizer");
    }
}
