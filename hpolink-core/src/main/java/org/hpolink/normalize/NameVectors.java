package org.hpolink.normalize;

/**
 * Dense vectors of the names of a dictionary, stored dimension by dimension so that scoring a query against all
 * names is one multiply-add loop over contiguous memory per dimension, which the JIT vectorizes. Immutable.
 */
final class NameVectors {

    /** Names per block of {@link #scores(float[][])}: 8 KB of scores per query. */
    private static final int BLOCK = 2_048;

    private final int size;
    /** [dimension][name]. */
    private final float[][] byDimension;

    private NameVectors(int size, float[][] byDimension) {
        this.size = size;
        this.byDimension = byDimension;
    }

    /**
     * @param rows one vector per name, all of the same length
     * @throws IllegalArgumentException if the rows differ in length or there are none
     */
    static NameVectors of(float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no name vectors: expected at least one name");
        }
        int dimension = rows[0].length;
        float[][] byDimension = new float[dimension][rows.length];
        for (int n = 0; n < rows.length; n++) {
            if (rows[n].length != dimension) {
                throw new IllegalArgumentException("name " + n + " has " + rows[n].length + " dimensions, name 0 has " + dimension);
            }
            for (int d = 0; d < dimension; d++) {
                byDimension[d][n] = rows[n][d];
            }
        }
        return new NameVectors(rows.length, byDimension);
    }

    int size() {
        return size;
    }

    int dimension() {
        return byDimension.length;
    }

    /** The dot product of {@code query} with every name's vector, by name position. */
    float[] scores(float[] query) {
        return scores(new float[][] {query})[0];
    }

    /**
     * {@link #scores(float[])} for each query. Names are taken in blocks small enough for a query's block of scores to
     * stay in the first-level cache while the block's vectors are read from the second for every query, so the
     * vectors are streamed from memory once per batch rather than once per query.
     */
    float[][] scores(float[][] queries) {
        for (float[] query : queries) {
            if (query.length != byDimension.length) {
                throw new IllegalArgumentException("a query has " + query.length + " dimensions, the names " + byDimension.length);
            }
        }
        float[][] scores = new float[queries.length][size];
        for (int start = 0; start < size; start += BLOCK) {
            int end = Math.min(size, start + BLOCK);
            for (int q = 0; q < queries.length; q++) {
                float[] query = queries[q];
                float[] row = scores[q];
                for (int d = 0; d < byDimension.length; d++) {
                    float weight = query[d];
                    float[] column = byDimension[d];
                    for (int n = start; n < end; n++) {
                        row[n] += weight * column[n];
                    }
                }
            }
        }
        return scores;
    }

    /** A copy of one name's vector. */
    float[] row(int name) {
        float[] row = new float[byDimension.length];
        for (int d = 0; d < row.length; d++) {
            row[d] = byDimension[d][name];
        }
        return row;
    }

    /** The bytes the vectors take. */
    long bytes() {
        return 4L * size * byDimension.length;
    }
}
