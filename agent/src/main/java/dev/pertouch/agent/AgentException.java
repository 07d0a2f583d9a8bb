package dev.pertouch.agent;

import dev.langchain4j.exception.HttpException;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/** The language model behind the agent failed; the instruction was not carried out and nothing was changed. */
public final class AgentException extends RuntimeException {
    /** The code of every model failure: unreachable, an HTTP error, no answer in time, or an unusable answer. */
    public static final String MODEL_FAILED = "model_failed";
    private static final long serialVersionUID = 1L;
    private final String code;

    public AgentException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /**
     * The model call failed. The message names the kind of failure but never repeats what the endpoint said:
     * that text goes to the page, and some endpoints echo the request, key included, in their errors.
     */
    static AgentException modelFailed(RuntimeException cause) {
        return modelFailed(kind(cause), cause);
    }

    /** The model answered, but not in a way the agent can act on. */
    static AgentException modelFailed(String what) {
        return modelFailed(what, null);
    }

    private static AgentException modelFailed(String what, Throwable cause) {
        return new AgentException(MODEL_FAILED, "The language model failed (" + what
                + "); nothing was changed. Try again, or use the offline model.", cause);
    }

    /** A machine-readable reason: {@link #MODEL_FAILED} when the model was not reached or gave no usable answer. */
    public String code() {
        return code;
    }

    private static String kind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return "the endpoint answered HTTP " + http.statusCode();
            }
            if (t instanceof HttpTimeoutException || t instanceof dev.langchain4j.exception.TimeoutException) {
                return "no answer in time";
            }
            if (t instanceof ConnectException) {
                return "the endpoint could not be reached";
            }
        }
        return "its answer could not be read";
    }
}
