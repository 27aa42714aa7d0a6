package org.hpolink.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sparse half of BioSyn: TF-IDF vectors of character n-grams (the text lower-cased, runs of non-letters and
 * non-digits made one space, padded with a space at each end), cosine-scored through an inverted index.
 * Immutable once built.
 */
final class CharNgramIndex {

    private final int minN;
    private final int maxN;
    private final Map<String, Integer> gramIds = new HashMap<>();
    private final double[] idf;
    /** Per gram: the ids of the texts holding it and the gram's weight in each (texts' vectors are unit length). */
    private final int[][] postingTexts;
    private final float[][] postingWeights;
    private final int size;

    CharNgramIndex(List<String> texts, int minN, int maxN) {
        this.minN = minN;
        this.maxN = maxN;
        this.size = texts.size();
        List<Map<Integer, Integer>> counts = new ArrayList<>(texts.size());
        List<Integer> documentFrequency = new ArrayList<>();
        for (String text : texts) {
            Map<Integer, Integer> grams = new HashMap<>();
            for (String gram : grams(text)) {
                int id = gramIds.computeIfAbsent(gram, g -> {
                    documentFrequency.add(0);
                    return gramIds.size();
                });
                grams.merge(id, 1, Integer::sum);
            }
            grams.keySet().forEach(id -> documentFrequency.set(id, documentFrequency.get(id) + 1));
            counts.add(grams);
        }
        idf = new double[gramIds.size()];
        for (int g = 0; g < idf.length; g++) {
            idf[g] = Math.log((1.0 + size) / (1.0 + documentFrequency.get(g))) + 1;
        }
        List<List<int[]>> postings = new ArrayList<>(idf.length);
        List<List<Float>> weights = new ArrayList<>(idf.length);
        for (int g = 0; g < idf.length; g++) {
            postings.add(new ArrayList<>());
            weights.add(new ArrayList<>());
        }
        for (int t = 0; t < counts.size(); t++) {
            Map<Integer, Double> vector = weigh(counts.get(t));
            for (Map.Entry<Integer, Double> e : vector.entrySet()) {
                postings.get(e.getKey()).add(new int[] {t});
                weights.get(e.getKey()).add(e.getValue().floatValue());
            }
        }
        postingTexts = new int[idf.length][];
        postingWeights = new float[idf.length][];
        for (int g = 0; g < idf.length; g++) {
            postingTexts[g] = postings.get(g).stream().mapToInt(a -> a[0]).toArray();
            postingWeights[g] = new float[weights.get(g).size()];
            for (int i = 0; i < postingWeights[g].length; i++) {
                postingWeights[g][i] = weights.get(g).get(i);
            }
        }
    }

    int size() {
        return size;
    }

    /** The cosine similarity of {@code query} with every indexed text, by text position. */
    float[] scores(String query) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String gram : grams(query)) {
            Integer id = gramIds.get(gram);
            if (id != null) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        float[] scores = new float[size];
        for (Map.Entry<Integer, Double> e : weigh(counts).entrySet()) {
            int[] texts = postingTexts[e.getKey()];
            float[] weights = postingWeights[e.getKey()];
            float q = e.getValue().floatValue();
            for (int i = 0; i < texts.length; i++) {
                scores[texts[i]] += q * weights[i];
            }
        }
        return scores;
    }

    /** TF-IDF weights scaled to unit length. */
    private Map<Integer, Double> weigh(Map<Integer, Integer> counts) {
        Map<Integer, Double> vector = new HashMap<>();
        double norm = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            double w = e.getValue() * idf[e.getKey()];
            vector.put(e.getKey(), w);
            norm += w * w;
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            vector.replaceAll((k, v) -> v / length);
        }
        return vector;
    }

    List<String> grams(String text) {
        String normalized = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim() + " ";
        List<String> grams = new ArrayList<>();
        for (int n = minN; n <= maxN; n++) {
            for (int i = 0; i + n <= normalized.length(); i++) {
                grams.add(normalized.substring(i, i + n));
            }
        }
        return grams;
    }
}
