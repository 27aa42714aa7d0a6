package org.hpolink.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sparse half of BioSyn: TF-IDF vectors of character n-grams (the text lower-cased, runs of non-letters and
 * non-digits made one space, padded with a space at each end), cosine-scored through an inverted index. A text
 * without letters or digits has no n-grams, so it scores 0 against everything. Immutable once built. Also ranks
 * other texts than names: the LLM extractor's few-shot examples.
 */
public final class CharNgramIndex {

    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final int minN;
    private final int maxN;
    private final Map<String, Integer> gramIds;
    private final double[] idf;
    /** Per gram: the ids of the texts holding it, ascending, and the gram's weight in each (texts' vectors are unit length). */
    private final int[][] postingTexts;
    private final float[][] postingWeights;
    private final int size;

    /** A text's n-gram counts as a sparse vector: distinct gram ids, ascending, and how often each occurs. */
    private record GramCounts(int[] grams, int[] counts) {

        static GramCounts of(int[] occurrences) {
            int[] sorted = occurrences.clone();
            Arrays.sort(sorted);
            int[] grams = new int[sorted.length];
            int[] counts = new int[sorted.length];
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (distinct > 0 && grams[distinct - 1] == sorted[i]) {
                    counts[distinct - 1]++;
                } else {
                    grams[distinct] = sorted[i];
                    counts[distinct++] = 1;
                }
            }
            return new GramCounts(Arrays.copyOf(grams, distinct), Arrays.copyOf(counts, distinct));
        }
    }

    /**
     * @throws IllegalArgumentException unless {@code 1 <= minN <= maxN}
     */
    public CharNgramIndex(List<String> texts, int minN, int maxN) {
        if (minN < 1 || maxN < minN) {
            throw new IllegalArgumentException("n-gram lengths " + minN + " to " + maxN + ": expected 1 <= minimum <= maximum");
        }
        this.minN = minN;
        this.maxN = maxN;
        this.size = texts.size();
        Map<String, Integer> ids = new HashMap<>();
        GramCounts[] vectors = new GramCounts[size];
        for (int t = 0; t < size; t++) {
            List<String> grams = grams(texts.get(t));
            int[] occurrences = new int[grams.size()];
            for (int i = 0; i < occurrences.length; i++) {
                occurrences[i] = ids.computeIfAbsent(grams.get(i), g -> ids.size());
            }
            vectors[t] = GramCounts.of(occurrences);
        }
        this.gramIds = Map.copyOf(ids);
        int[] documentFrequency = new int[ids.size()];
        for (GramCounts vector : vectors) {
            for (int gram : vector.grams()) {
                documentFrequency[gram]++;
            }
        }
        idf = new double[documentFrequency.length];
        for (int g = 0; g < idf.length; g++) {
            idf[g] = Math.log((1.0 + size) / (1.0 + documentFrequency[g])) + 1;
        }
        // Each gram's postings are sized by its document frequency and filled in text order.
        postingTexts = new int[idf.length][];
        postingWeights = new float[idf.length][];
        for (int g = 0; g < idf.length; g++) {
            postingTexts[g] = new int[documentFrequency[g]];
            postingWeights[g] = new float[documentFrequency[g]];
        }
        int[] filled = new int[idf.length];
        for (int t = 0; t < size; t++) {
            int[] grams = vectors[t].grams();
            double[] weights = weigh(vectors[t]);
            for (int i = 0; i < grams.length; i++) {
                int g = grams[i];
                postingTexts[g][filled[g]] = t;
                postingWeights[g][filled[g]++] = (float) weights[i];
            }
        }
    }

    /** Whether {@code text} has n-grams: only its letters and digits count. */
    static boolean hasLetterOrDigit(String text) {
        return LETTER_OR_DIGIT.matcher(text).find();
    }

    int size() {
        return size;
    }

    /** The cosine similarity of {@code query} with every indexed text, by text position. */
    public float[] scores(String query) {
        List<String> grams = grams(query);
        int[] occurrences = new int[grams.size()];
        int known = 0;
        for (String gram : grams) {
            Integer id = gramIds.get(gram);
            if (id != null) {
                occurrences[known++] = id;
            }
        }
        GramCounts vector = GramCounts.of(Arrays.copyOf(occurrences, known));
        double[] weights = weigh(vector);
        float[] scores = new float[size];
        for (int i = 0; i < weights.length; i++) {
            int[] texts = postingTexts[vector.grams()[i]];
            float[] textWeights = postingWeights[vector.grams()[i]];
            float q = (float) weights[i];
            for (int j = 0; j < texts.length; j++) {
                scores[texts[j]] += q * textWeights[j];
            }
        }
        return scores;
    }

    /** TF-IDF weights scaled to unit length, in the order of the vector's grams. */
    private double[] weigh(GramCounts vector) {
        double[] weights = new double[vector.grams().length];
        double norm = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = vector.counts()[i] * idf[vector.grams()[i]];
            norm += weights[i] * weights[i];
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] /= length;
            }
        }
        return weights;
    }

    /** The n-grams of {@code text} for n from the minimum to the maximum, shorter first, each in text order. */
    List<String> grams(String text) {
        String letters = NOT_LETTER_OR_DIGIT.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        if (letters.isEmpty()) {
            return List.of();
        }
        String padded = " " + letters + " ";
        List<String> grams = new ArrayList<>();
        for (int n = minN; n <= maxN; n++) {
            for (int i = 0; i + n <= padded.length(); i++) {
                grams.add(padded.substring(i, i + n));
            }
        }
        return grams;
    }
}
