package dev.pertouch.inference.pool;

/** The pool's queue is full; the request should be retried later rather than wait. */
public final class PoolBusyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int retryAfterSeconds;

    public PoolBusyException(int retryAfterSeconds) {
        super("The server is busy with other photos; try again in " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** When a queue place is likely to be free, from the recent job durations; at least 1. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String code() {
        return "busy";
    }
}
