package dev.pertouch.inference.pool;

import java.util.concurrent.CancellationException;

/** What a running task may tell its job, and ask of it. */
public interface JobContext {
    /** Reports how far the task is, {@code fraction} in [0, 1], with a short human sentence. */
    void progress(double fraction, String message);

    /** Throws when the job was cancelled or ran past its deadline; call it between steps of long work. */
    void checkCancelled() throws CancellationException;

    /** Whether the job was cancelled or ran past its deadline. The worker thread is also interrupted then. */
    boolean cancelled();
}
