package dev.pertouch.inference.pool;

import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * A job ran past its deadline, counted from submission, and was cancelled. It is a cancellation, so {@code
 * result().isCancelled()} holds and {@code join()} throws it as it is.
 */
public final class JobDeadlineException extends CancellationException {
    private static final long serialVersionUID = 1L;

    public JobDeadlineException(String jobName, Duration deadline) {
        super("The " + jobName + " job did not finish within " + describe(deadline) + " and was stopped.");
    }

    public String code() {
        return "deadline_exceeded";
    }

    private static String describe(Duration deadline) {
        return deadline.toMillis() % 1000 == 0 ? deadline.toSeconds() + " s" : deadline.toMillis() + " ms";
    }
}
