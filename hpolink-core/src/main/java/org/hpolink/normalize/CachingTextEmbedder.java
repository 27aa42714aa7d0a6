package org.hpolink.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Remembers the vector of every text it has embedded, so that the folds of a cross-validation, which share most of
 * their names, encode each text once. Texts not seen before are embedded together, in their first-seen order, so
 * the same calls give the same vectors. Grows without bound: meant for training and evaluation, not for serving.
 */
public final class CachingTextEmbedder implements TextEmbedder {

    private final TextEmbedder embedder;
    private final Map<String, float[]> vectors = new HashMap<>();

    public CachingTextEmbedder(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public synchronized float[][] embed(List<String> texts) {
        Set<String> missing = new LinkedHashSet<>();
        for (String text : texts) {
            if (!vectors.containsKey(text)) {
                missing.add(text);
            }
        }
        if (!missing.isEmpty()) {
            List<String> newTexts = new ArrayList<>(missing);
            float[][] embedded = embedder.embed(newTexts);
            for (int i = 0; i < embedded.length; i++) {
                vectors.put(newTexts.get(i), embedded[i]);
            }
        }
        float[][] result = new float[texts.size()][];
        for (int i = 0; i < result.length; i++) {
            result[i] = vectors.get(texts.get(i)).clone();
        }
        return result;
    }
}
