package org.hpolink.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads the JSON files of a model bundle, failing with a message that names the file and what the folder should be. */
public final class BundleJson {

    private BundleJson() {
    }

    /**
     * @param bundle   what the folder should hold, for the message of a missing file, e.g. "a lexical model"
     * @param trainCommand the command that writes such a bundle, e.g. "hpolink train"
     */
    public static <T> T read(ObjectMapper json, Path file, Class<T> type, String bundle, String trainCommand) throws IOException {
        try {
            return json.readValue(file.toFile(), type);
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw missing(file, bundle, trainCommand, e);
        } catch (IOException e) {
            throw invalid(file, type, e);
        }
    }

    /**
     * The JSON of {@code file}, which should hold a {@code type}, not yet bound to it: for readers that bring older
     * files up to date first ({@link #read} for the parameters).
     */
    public static JsonNode readTree(ObjectMapper json, Path file, Class<?> type, String bundle, String trainCommand) throws IOException {
        JsonNode tree;
        try {
            tree = json.readTree(file.toFile());
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw missing(file, bundle, trainCommand, e);
        } catch (IOException e) {
            throw invalid(file, type, e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw invalid(file, type, new IOException("the file is empty"));
        }
        return tree;
    }

    /** {@code tree}, as read from {@code file}, bound to {@code type}; failing with a message that names the file. */
    public static <T> T convert(ObjectMapper json, JsonNode tree, Path file, Class<T> type) throws IOException {
        try {
            return json.treeToValue(tree, type);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(file, type, e);
        }
    }

    private static IOException missing(Path file, String bundle, String trainCommand, IOException e) {
        return new IOException(file + ": no such file: is this the folder of " + bundle + "? (train one with '" + trainCommand + "')", e);
    }

    private static IOException invalid(Path file, Class<?> type, Exception e) {
        return new IOException(file + ": not a valid " + type.getSimpleName().replace("[]", "").toLowerCase(Locale.ROOT) + " file: "
                + e.getMessage(), e);
    }
}
