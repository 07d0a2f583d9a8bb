package dev.pertouch.memory;

/**
 * The database failed or refused a write: a server-side failure, never caused by what a user
 * sent (the server validates input before anything is stored).
 */
public final class StorageException extends RuntimeException {

    StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
