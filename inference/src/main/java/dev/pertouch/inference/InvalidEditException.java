package dev.pertouch.inference;

/** An edit that cannot be applied as given: unknown names, values that are not numbers, out-of-range values. */
public class InvalidEditException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public InvalidEditException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A machine-readable reason, such as {@code unknown_attribute} or {@code value_out_of_range}. */
    public String code() {
        return code;
    }
}
