package dev.pertouch.inference.pool;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class InferencePoolTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private InferencePool pool;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void closePool() {
        release.countDown();
        if (pool != null) {
            pool.close(Duration.ofSeconds(5));
        }
    }

    /** Occupies a worker until {@link #release} opens; returns once the job is running. */
    private Job<String> blocker() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Job<String> job = pool.submit("blocker", MINUTE, ctx -> {
            started.countDown();
            release.await();
            return "released";
        });
        assertTrue(started.await(5, SECONDS));
        return job;
    }

    @Test
    void jobsRunOnNamedDaemonWorkers() throws Exception {
        pool = new InferencePool(2, 4);
        Thread worker = pool.submit("probe", MINUTE, ctx -> Thread.currentThread()).result().get(5, SECONDS);
        assertTrue(worker.getName().matches("pertouch-worker-[12]"), worker.getName());
        assertTrue(worker.isDaemon());
        assertEquals(2, pool.workers());
    }

    @Test
    void submitReturnsAtOnceAndTheResultFollows() throws Exception {
        pool = new InferencePool(1, 4);
        Job<String> job = blocker();
        assertFalse(job.result().isDone());
        assertEquals(1, pool.running());
        release.countDown();
        assertEquals("released", job.result().get(5, SECONDS));
        assertEquals("done", job.progress().state());
    }

    @Test
    void aFullQueueAnswersBusyAtOnceWithARetryAfter() throws Exception {
        pool = new InferencePool(1, 1);
        blocker();
        Job<String> waiting = pool.submit("waiting", MINUTE, ctx -> "waited");
        PoolBusyException busy = assertThrows(PoolBusyException.class,
                () -> pool.submit("one too many", MINUTE, ctx -> "never"));
        assertTrue(busy.retryAfterSeconds() >= 1);
        assertEquals("busy", busy.code());

        release.countDown();
        assertEquals("waited", waiting.result().get(5, SECONDS));
        assertEquals("again", pool.submit("again", MINUTE, ctx -> "again").result().get(5, SECONDS));
    }

    @Test
    void queuePositionsMoveUpAsJobsLeaveAndStart() throws Exception {
        pool = new InferencePool(1, 3);
        blocker();
        Job<String> first = pool.submit("first", MINUTE, ctx -> "first");
        Job<String> second = pool.submit("second", MINUTE, ctx -> "second");
        Job<String> third = pool.submit("third", MINUTE, ctx -> "third");
        List<JobProgress> seen = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        third.onProgress(progress -> {
            seen.add(progress);
            if (progress.finished()) {
                finished.countDown();
            }
        });
        assertEquals(List.of(1, 2, 3), List.of(first.queuePosition(), second.queuePosition(), third.queuePosition()));

        first.cancel();
        assertEquals(1, second.queuePosition());
        assertEquals(2, third.queuePosition());
        assertEquals(2, pool.queued());

        release.countDown();
        assertTrue(finished.await(5, SECONDS));
        assertEquals(List.of(3, 2, 1, 0, 0), seen.stream().map(JobProgress::queuePosition).toList());
        assertEquals(List.of("queued", "queued", "queued", "running", "done"),
                seen.stream().map(JobProgress::state).toList());
    }

    @Test
    void aCancelledQueuedJobNeverRuns() throws Exception {
        pool = new InferencePool(1, 2);
        blocker();
        AtomicBoolean ran = new AtomicBoolean();
        Job<String> job = pool.submit("doomed", MINUTE, ctx -> {
            ran.set(true);
            return "ran";
        });
        job.cancel();
        assertTrue(job.result().isCancelled());
        assertEquals(0, pool.queued());
        release.countDown();
        assertEquals("after", pool.submit("after", MINUTE, ctx -> "after").result().get(5, SECONDS));
        assertFalse(ran.get());
        assertEquals("cancelled", job.progress().state());
    }

    @Test
    void cancellingARunningJobInterruptsItAndFlagsItsContext() throws Exception {
        pool = new InferencePool(1, 2);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch taskEnded = new CountDownLatch(1);
        AtomicBoolean flagged = new AtomicBoolean();
        AtomicReference<Throwable> thrownAtTask = new AtomicReference<>();
        Job<String> job = pool.submit("long render", MINUTE, ctx -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
                return "never";
            } catch (InterruptedException e) {
                flagged.set(ctx.cancelled());
                thrownAtTask.set(assertThrows(CancellationException.class, ctx::checkCancelled));
                throw e;
            } finally {
                taskEnded.countDown();
            }
        });
        assertTrue(started.await(5, SECONDS));

        job.cancel();

        assertThrows(CancellationException.class, () -> job.result().get(5, SECONDS));
        assertTrue(taskEnded.await(5, SECONDS));
        assertTrue(flagged.get());
        assertTrue(thrownAtTask.get() instanceof CancellationException);
        assertFalse(pool.submit("next", MINUTE, ctx -> Thread.currentThread().isInterrupted())
                .result().get(5, SECONDS), "the interrupt must not leak into the next job on that worker");
    }

    @Test
    void cancellingTheResultFutureCancelsTheJob() throws Exception {
        pool = new InferencePool(1, 2);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Job<String> job = pool.submit("render", MINUTE, ctx -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "stopped";
        });
        assertTrue(started.await(5, SECONDS));
        job.result().cancel(true);
        assertTrue(interrupted.await(5, SECONDS));
        assertEquals("cancelled", job.progress().state());
    }

    @Test
    void aRunningJobPastItsDeadlineIsStoppedWithDeadlineExceeded() throws Exception {
        pool = new InferencePool(1, 2);
        CountDownLatch taskEnded = new CountDownLatch(1);
        AtomicBoolean flagged = new AtomicBoolean();
        Job<String> job = pool.submit("render", Duration.ofMillis(100), ctx -> {
            try {
                new CountDownLatch(1).await();
                return "never";
            } finally {
                flagged.set(ctx.cancelled());
                taskEnded.countDown();
            }
        });

        JobDeadlineException late = assertThrows(JobDeadlineException.class, () -> job.result().get(5, SECONDS));

        assertEquals("deadline_exceeded", late.code());
        assertTrue(late.getMessage().contains("100 ms"), late.getMessage());
        assertTrue(job.result().isCancelled());
        assertTrue(taskEnded.await(5, SECONDS));
        assertTrue(flagged.get());
        assertEquals("cancelled", job.progress().state());
    }

    @Test
    void aQueuedJobCanRunOutOfTimeBeforeItStarts() throws Exception {
        pool = new InferencePool(1, 2);
        blocker();
        AtomicBoolean ran = new AtomicBoolean();
        Job<String> job = pool.submit("late", Duration.ofMillis(50), ctx -> {
            ran.set(true);
            return "ran";
        });
        assertThrows(JobDeadlineException.class, () -> job.result().get(5, SECONDS));
        assertEquals(0, pool.queued());
        assertEquals(1, pool.running());
        release.countDown();
        pool.submit("after", MINUTE, ctx -> "after").result().get(5, SECONDS);
        assertFalse(ran.get());
    }

    @Test
    void progressReachesListenersAndEndsComplete() throws Exception {
        pool = new InferencePool(1, 2);
        List<JobProgress> seen = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        CountDownLatch listening = new CountDownLatch(1);
        Job<Integer> job = pool.submit("analyze", MINUTE, ctx -> {
            listening.await();
            ctx.progress(0.25, "finding regions");
            ctx.progress(0.75, "measuring");
            return 42;
        });
        job.onProgress(progress -> {
            seen.add(progress);
            if (progress.finished()) {
                finished.countDown();
            }
        });
        listening.countDown();
        assertEquals(42, job.result().get(5, SECONDS));
        assertTrue(finished.await(5, SECONDS));

        List<JobProgress> running = seen.stream().filter(p -> p.state().equals("running")).toList();
        assertEquals(List.of(0.0, 0.25, 0.75), running.stream().map(JobProgress::fraction).toList());
        assertEquals(List.of("started", "finding regions", "measuring"),
                running.stream().map(JobProgress::message).toList());
        JobProgress last = seen.get(seen.size() - 1);
        assertEquals("done", last.state());
        assertEquals(1.0, last.fraction());
        assertEquals(Duration.ZERO, last.eta());
        assertTrue(seen.stream().allMatch(p -> p.jobId().equals(job.id())));
    }

    @Test
    void aListenerThatThrowsDoesNotHurtTheJob() throws Exception {
        pool = new InferencePool(1, 2);
        Job<String> job = blocker();
        job.onProgress(progress -> {
            throw new IllegalStateException("broken page");
        });
        release.countDown();
        assertEquals("released", job.result().get(5, SECONDS));
    }

    @Test
    void aFailingTaskFailsOnlyItsOwnJob() throws Exception {
        pool = new InferencePool(1, 2);
        Job<String> failing = pool.submit("render", MINUTE, ctx -> {
            throw new IllegalStateException("the model is missing");
        });
        ExecutionException failure = assertThrows(ExecutionException.class, () -> failing.result().get(5, SECONDS));
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertEquals("failed", failing.progress().state());
        assertEquals("fine", pool.submit("render", MINUTE, ctx -> "fine").result().get(5, SECONDS));
    }

    @Test
    void theEtaGrowsWithThePlaceInTheQueue() throws Exception {
        pool = new InferencePool(1, 3);
        Job<String> running = blocker();
        Job<String> next = pool.submit("next", MINUTE, ctx -> "next");
        Job<String> later = pool.submit("later", MINUTE, ctx -> "later");
        assertTrue(next.eta().compareTo(Duration.ZERO) > 0);
        assertTrue(later.eta().compareTo(next.eta()) > 0, later.eta() + " vs " + next.eta());
        assertTrue(next.eta().compareTo(running.eta()) > 0);
        assertEquals(0, running.queuePosition());
    }

    @Test
    void closeCancelsQueuedJobsAndLetsRunningOnesFinish() throws Exception {
        pool = new InferencePool(1, 2);
        Job<String> running = blocker();
        Job<String> queued = pool.submit("queued", MINUTE, ctx -> "never");
        AtomicReference<Boolean> drained = new AtomicReference<>();
        Thread closer = new Thread(() -> drained.set(pool.close(Duration.ofSeconds(10))));
        closer.start();

        assertThrows(CancellationException.class, () -> queued.result().get(5, SECONDS));
        assertFalse(running.result().isDone());
        release.countDown();
        closer.join(5_000);

        assertEquals("released", running.result().get());
        assertEquals(Boolean.TRUE, drained.get());
        assertThrows(IllegalStateException.class, () -> pool.submit("late", MINUTE, ctx -> "late"));
    }

    @Test
    void closeStopsJobsThatOutstayTheGracePeriod() throws Exception {
        pool = new InferencePool(1, 2);
        CountDownLatch started = new CountDownLatch(1);
        Job<String> stubborn = pool.submit("stubborn", MINUTE, ctx -> {
            started.countDown();
            new CountDownLatch(1).await();
            return "never";
        });
        assertTrue(started.await(5, SECONDS));

        assertFalse(pool.close(Duration.ofMillis(100)));

        assertThrows(CancellationException.class, () -> stubborn.result().get(5, SECONDS));
        assertEquals("cancelled", stubborn.progress().state());
    }

    @Test
    void nonsenseArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new InferencePool(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new InferencePool(1, -1));
        pool = new InferencePool(1, 1);
        assertThrows(IllegalArgumentException.class, () -> pool.submit("x", Duration.ZERO, ctx -> 1));
    }
}
