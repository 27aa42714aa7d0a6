package org.hpolink.encode.train;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import org.hpolink.model.Sha256;

/**
 * The pairs a fine-tuning run trains on, in a fixed order, and where they came from (recorded in the provenance,
 * with the SHA-256 of the ids).
 */
public record TrainingPairs(String source, List<IdPair> pairs) {

    public TrainingPairs {
        Objects.requireNonNull(source, "source");
        pairs = List.copyOf(pairs);
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException(source + ": no training pairs");
        }
    }

    /** The SHA-256 of every id, pair by pair, each sequence preceded by its length. */
    public String sha256() {
        MessageDigest digest = Sha256.newDigest();
        for (IdPair pair : pairs) {
            for (long[] ids : List.of(pair.first(), pair.second())) {
                ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES * (ids.length + 1)).putLong(ids.length);
                for (long id : ids) {
                    bytes.putLong(id);
                }
                digest.update(bytes.array());
            }
        }
        return Sha256.hex(digest);
    }
}
