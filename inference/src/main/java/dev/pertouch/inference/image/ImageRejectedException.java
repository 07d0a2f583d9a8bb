package dev.pertouch.inference.image;

import java.util.Objects;

/** An upload that will not be decoded; the message is a sentence for the person who uploaded it. */
public final class ImageRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why an upload was refused; each has the machine code that the API reports. */
    public enum Reason {
        EMPTY_FILE("empty_file"),
        NOT_AN_IMAGE("not_an_image"),
        UNSUPPORTED_FORMAT("unsupported_format"),
        TRUNCATED_IMAGE("truncated_image"),
        TOO_MANY_PIXELS("too_many_pixels"),
        FILE_TOO_LARGE("file_too_large");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public ImageRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ImageRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    /** The machine-readable reason, such as {@code truncated_image}. */
    public String code() {
        return reason.code();
    }
}
