package org.hpolink.server;

/** A request the service refuses: the HTTP status, the field at fault (empty when none) and why, for the client. */
final class ApiError extends RuntimeException {

    private final int status;
    private final String field;

    ApiError(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
