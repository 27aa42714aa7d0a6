package org.hpolink.model;

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
            throw new IOException(file + ": no such file: is this the folder of " + bundle + "? (train one with '" + trainCommand + "')", e);
        } catch (IOException e) {
            throw new IOException(file + ": not a valid " + type.getSimpleName().replace("[]", "").toLowerCase(Locale.ROOT) + " file: "
                    + e.getMessage(), e);
        }
    }
}
