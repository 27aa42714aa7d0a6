package org.hpolink.normalize;

import java.util.List;
import org.hpolink.encode.TextEncoder;
import org.hpolink.encode.VectorNorm;

/** Turns texts into unit-length dense vectors, one per text in their order. Implementations are thread-safe. */
@FunctionalInterface
public interface TextEmbedder {

    float[][] embed(List<String> texts);

    /** The encoder's pooled vectors, scaled to length 1. */
    static TextEmbedder of(TextEncoder encoder) {
        return texts -> encoder.embed(texts, VectorNorm.L2);
    }
}
