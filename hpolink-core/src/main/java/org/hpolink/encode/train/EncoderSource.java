package org.hpolink.encode.train;

import java.util.Objects;

/**
 * The pretrained weights an encoder started from: the ONNX file (or resource) read and its SHA-256. Recorded in
 * the provenance of a tuned encoder, and checked when its weights are written back into that file.
 */
public record EncoderSource(String name, String sha256) {

    public EncoderSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }
}
