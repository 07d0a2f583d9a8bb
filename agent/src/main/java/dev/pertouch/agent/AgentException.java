package dev.pertouch.agent;

/** The language model behind the agent failed; the instruction was not carried out. */
public final class AgentException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public AgentException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A machine-readable reason: {@code model_failed} when the model could not be reached or gave no answer. */
    public String code() {
        return code;
    }
}
