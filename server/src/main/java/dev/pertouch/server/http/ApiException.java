package dev.pertouch.server.http;

/**
 * A request the server refuses, with the HTTP status, a machine-readable code and a sentence a person
 * can act on. Every refusal the API gives goes through this type or is mapped to it once, in {@link Errors}.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " was not found.");
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }
}
