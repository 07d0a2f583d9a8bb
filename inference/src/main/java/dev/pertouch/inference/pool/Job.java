package dev.pertouch.inference.pool;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A task submitted to the {@link InferencePool}: its result to come, where it stands, and a way to stop it. */
public interface Job<T> {
    /** An unguessable id, safe to put in a URL. */
    String id();

    /** The kind of work, as given at submission ("render", "analyze"). */
    String name();

    /**
     * Completes with the task's value, or exceptionally with what it threw; with a {@link
     * java.util.concurrent.CancellationException} when cancelled, a {@link JobDeadlineException} past the deadline.
     * Cancelling this future cancels the job.
     */
    CompletableFuture<T> result();

    /** 1 for the next job to start, 2 behind it, ...; 0 once the job has started. */
    int queuePosition();

    /** The estimated time until the result, from the pool's recent job durations; zero once finished. */
    Duration eta();

    /** Where the job stands now. */
    JobProgress progress();

    /**
     * Stops the job: a queued job leaves the queue, a running one sees {@link JobContext#cancelled()} and its thread
     * is interrupted. The result completes with a CancellationException at once. Does nothing once finished.
     */
    void cancel();

    /**
     * Calls {@code listener} with the current progress at once, then on every change until the job finishes. Calls
     * come from whichever thread made the change, so a listener must be quick and must not block.
     */
    void onProgress(Consumer<JobProgress> listener);
}
