package org.hpolink.encode;

/** Whether pooled vectors are returned as the model gives them or scaled to length 1. */
public enum VectorNorm {
    /** As pooled. */
    RAW,
    /** Divided by their Euclidean length, so that a dot product is the cosine similarity. */
    L2;

    /** Applies this norm to a vector in place and returns it. */
    float[] apply(float[] vector) {
        if (this == L2) {
            double squares = 0;
            for (float v : vector) {
                squares += (double) v * v;
            }
            double length = Math.sqrt(squares);
            if (length > 0) {
                for (int j = 0; j < vector.length; j++) {
                    vector[j] = (float) (vector[j] / length);
                }
            }
        }
        return vector;
    }
}
