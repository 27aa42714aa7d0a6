package org.hpolink.normalize;

import java.io.IOException;
import org.hpolink.encode.EncoderModel;

/**
 * Opens the encoders normalizers embed their queries with: a pretrained model by name, or one tuned by
 * {@link BiosynTrainer#trainTuningEncoder}, from its ONNX bytes. The implementation owns what it opens and closes it.
 */
public interface Embedders {

    /** The embedder of the pretrained {@code model}. */
    TextEmbedder pretrained(EncoderModel model);

    /**
     * The embedder of {@code onnx}, a tuned copy of {@code model}.
     *
     * @param source names the bytes in error messages
     * @throws IOException when ONNX Runtime cannot load them
     */
    TextEmbedder tuned(EncoderModel model, byte[] onnx, String source) throws IOException;
}
