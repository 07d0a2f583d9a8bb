package dev.pertouch.inference.pool;

import java.time.Duration;

/**
 * One moment of a job, as shown to whoever waits for it.
 *
 * @param state         {@code queued}, {@code running}, {@code done}, {@code failed} or {@code cancelled}
 * @param fraction      how much of the work is done, in [0, 1]
 * @param queuePosition 1 for the next job to start; 0 once started
 * @param eta           estimated time until the result; zero once finished
 */
public record JobProgress(String jobId, String state, double fraction, String message, int queuePosition,
                          Duration eta) {
    /** Whether this is the job's last word: done, failed or cancelled. */
    public boolean finished() {
        return !state.equals("queued") && !state.equals("running");
    }
}
