package org.hpolink.server;

import java.time.Duration;
import java.util.Objects;

/**
 * What one request may ask of the service, so that no client can take it over.
 *
 * @param maxBodyBytes   the largest request body
 * @param maxTextChars   the longest text of one document
 * @param maxDocuments   documents in one request
 * @param requestTimeout the longest a request may take; a longer one is answered 503
 * @param maxInFlight    requests annotated at once; others are answered 503 with {@code Retry-After}
 */
public record ServerLimits(long maxBodyBytes, int maxTextChars, int maxDocuments, Duration requestTimeout, int maxInFlight) {

    /** 10 MB a body, 1,000,000 characters a text, 1,000 documents, 60 s a request, 16 requests at once. */
    public static final ServerLimits DEFAULTS = new ServerLimits(10_000_000, 1_000_000, 1_000, Duration.ofSeconds(60), 16);

    public ServerLimits {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (maxBodyBytes < 1 || maxTextChars < 1 || maxDocuments < 1 || maxInFlight < 1 || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("every limit must be positive: " + this);
        }
    }
}
