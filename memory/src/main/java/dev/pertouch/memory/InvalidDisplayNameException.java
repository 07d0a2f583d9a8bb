package dev.pertouch.memory;

/** A display name a user typed that cannot be stored: too long, or holding control characters. */
public final class InvalidDisplayNameException extends RuntimeException {

    InvalidDisplayNameException(String message) {
        super(message);
    }

    /** The machine-readable reason, for API error bodies. */
    public String code() {
        return "invalid_display_name";
    }
}
