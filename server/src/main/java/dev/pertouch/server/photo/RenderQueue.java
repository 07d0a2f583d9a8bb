package dev.pertouch.server.photo;

import dev.pertouch.inference.pool.InferencePool;
import dev.pertouch.inference.pool.Job;
import dev.pertouch.inference.pool.JobDeadlineException;
import dev.pertouch.inference.pool.JobTask;
import dev.pertouch.inference.pool.PoolBusyException;
import dev.pertouch.server.http.ApiException;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The server's door to the inference pool: pixel work runs there, never on request threads, and the
 * pool's refusals become the API's answers (busy: 503 with Retry-After; past the deadline: 504).
 */
public final class RenderQueue implements AutoCloseable {
    private final InferencePool pool;
    private final Duration deadline;

    public RenderQueue(InferencePool pool, Duration deadline) {
        this.pool = pool;
        this.deadline = deadline;
    }

    public <T> Job<T> submit(String name, JobTask<T> task) {
        try {
            return pool.submit(name, deadline, task);
        } catch (PoolBusyException e) {
            throw new Busy(e.retryAfterSeconds());
        }
    }

    /** Runs a task on the pool and waits for its result. */
    public <T> T run(String name, JobTask<T> task) {
        return await(submit(name, task));
    }

    public <T> T await(Job<T> job) {
        try {
            return job.result().get(deadline.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted", "The server is shutting down; try again shortly.");
        } catch (TimeoutException e) {
            job.cancel();
            throw deadlineExceeded();
        } catch (JobDeadlineException e) {
            throw deadlineExceeded();
        } catch (CancellationException e) {
            throw new ApiException(409, "superseded", "This render was replaced by a newer one.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    public int queued() {
        return pool.queued();
    }

    public int running() {
        return pool.running();
    }

    public int workers() {
        return pool.workers();
    }

    @Override
    public void close() {
        pool.close();
    }

    private ApiException deadlineExceeded() {
        return new ApiException(504, "deadline_exceeded",
                "Rendering took longer than " + deadline.toSeconds() + " s and was stopped; try a smaller photo.");
    }

    /** The pool is full: the caller should come back after {@link #retryAfterSeconds()}. */
    public static final class Busy extends ApiException {
        private static final long serialVersionUID = 1L;
        private final int retryAfterSeconds;

        Busy(int retryAfterSeconds) {
            super(503, "busy", "The server is busy; try again in " + retryAfterSeconds + " s.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
