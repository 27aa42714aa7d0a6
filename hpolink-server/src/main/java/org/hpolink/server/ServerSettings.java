package org.hpolink.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the service listens and what it asks of a request.
 *
 * @param host   the address to listen on; {@code 127.0.0.1} keeps it to this machine
 * @param port   the port, 0 for any free one
 * @param limits what one request may ask
 * @param token  when present, every request but the page and the health check must carry
 *               {@code Authorization: Bearer TOKEN}
 * @param corrections when present, the annotated file {@code POST /v1/corrections} appends a curator's corrections to
 */
public record ServerSettings(String host, int port, ServerLimits limits, Optional<String> token, Optional<Path> corrections) {

    /** Settings without a corrections file. */
    public ServerSettings(String host, int port, ServerLimits limits, Optional<String> token) {
        this(host, port, limits, token, Optional.empty());
    }

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(corrections, "corrections");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + ": expected 0 to 65535");
        }
        if (token.isPresent() && token.get().isBlank()) {
            throw new IllegalArgumentException("the token is empty");
        }
    }
}
