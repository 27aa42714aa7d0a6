package org.hpolink.encode;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

/** Reads the files of an {@link EncoderModel} from a class loader's resources. */
final class ModelResources {

    private ModelResources() {
    }

    /** The bytes of resource {@code name} of {@code model}, or an error naming it and the artifact that ships it. */
    static byte[] read(ClassLoader loader, EncoderModel model, String name) throws IOException {
        URL url = loader.getResource(name);
        if (url == null) {
            throw new FileNotFoundException(describe(model, name) + " is missing; it ships in " + model.artifact()
                    + ", a dependency of hpolink-core");
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    /** How messages name a resource of a model. */
    static String describe(EncoderModel model, String name) {
        return "encoder model " + model.fileName() + ": classpath resource " + name;
    }
}
