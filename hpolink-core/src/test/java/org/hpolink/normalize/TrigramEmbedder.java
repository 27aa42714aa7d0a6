package org.hpolink.normalize;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.hpolink.encode.EncoderModel;

/**
 * A stand-in for a sentence encoder in tests: the character trigrams of the lower-cased text hashed into 32
 * dimensions, scaled to length 1. Deterministic; counts the texts it was asked for.
 */
final class TrigramEmbedder implements TextEmbedder {

    static final int DIMENSION = 32;

    final AtomicInteger texts = new AtomicInteger();

    /** Opens a trigram embedder for any pretrained model; there are no tuned ones to open. */
    static Embedders embedders() {
        return new Embedders() {
            @Override
            public TextEmbedder pretrained(EncoderModel model) {
                return new TrigramEmbedder();
            }

            @Override
            public TextEmbedder tuned(EncoderModel model, byte[] onnx, String source) {
                throw new UnsupportedOperationException("trigram embedders are not tuned: " + source);
            }
        };
    }

    @Override
    public float[][] embed(List<String> batch) {
        texts.addAndGet(batch.size());
        float[][] vectors = new float[batch.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = embed(batch.get(i));
        }
        return vectors;
    }

    private static float[] embed(String text) {
        String padded = " " + text.toLowerCase(Locale.ROOT) + " ";
        float[] vector = new float[DIMENSION];
        for (int i = 0; i + 3 <= padded.length(); i++) {
            vector[Math.floorMod(padded.substring(i, i + 3).hashCode(), DIMENSION)] += 1;
        }
        double length = 0;
        for (float v : vector) {
            length += v * v;
        }
        for (int d = 0; d < DIMENSION; d++) {
            vector[d] /= (float) Math.sqrt(length);
        }
        return vector;
    }
}
