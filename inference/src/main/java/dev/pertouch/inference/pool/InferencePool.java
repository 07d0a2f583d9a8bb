package dev.pertouch.inference.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs inference jobs on a fixed set of worker threads ({@code pertouch-worker-1..N}, daemons) fed by a bounded
 * queue. A full queue is refused at once with {@link PoolBusyException}, never a wait. Each job has a deadline counted
 * from submission, reports progress, queue position and an ETA to its listeners, and can be cancelled. The pool
 * keeps a job only while it is queued or running, so finished jobs cost it nothing.
 */
public final class InferencePool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InferencePool.class);
    /** How long {@link #close()} lets running jobs finish before interrupting them. */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(10);
    /** Weight of the newest duration in the moving average: roughly the last ten jobs count. */
    private static final double SMOOTHING = 0.2;
    /** The ETA before any job has finished; replaced by the first real duration. */
    private static final long FIRST_GUESS_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int workers;
    private final int queueCapacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final ArrayDeque<PooledJob<?>> queue = new ArrayDeque<>();
    private final Set<PooledJob<?>> running = new HashSet<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledThreadPoolExecutor deadlines;
    private boolean closed;
    private volatile long averageNanos = -1;

    /**
     * @param workers       worker threads, at least 1 ({@link #defaultWorkers()} is one per CPU core)
     * @param queueCapacity how many jobs may wait for a worker beyond those the idle workers take at once
     */
    public InferencePool(int workers, int queueCapacity) {
        if (workers < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException(
                    "a pool needs at least one worker and a queue of zero or more: " + workers + ", " + queueCapacity);
        }
        this.workers = workers;
        this.queueCapacity = queueCapacity;
        deadlines = new ScheduledThreadPoolExecutor(1, runnable -> daemon(runnable, "pertouch-deadlines"));
        // Without this every finished job leaves its cancelled timer queued until the deadline would have passed.
        deadlines.setRemoveOnCancelPolicy(true);
        for (int i = 1; i <= workers; i++) {
            Thread thread = daemon(this::work, "pertouch-worker-" + i);
            threads.add(thread);
            thread.start();
        }
    }

    /** One worker per CPU core. */
    public static int defaultWorkers() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Queues a task and returns at once.
     *
     * @param name     the kind of work ("render", "analyze"), shown in messages
     * @param deadline how long the job may take from now, waiting included, before it is cancelled
     * @throws PoolBusyException     when the queue is full
     * @throws IllegalStateException when the pool is closed
     */
    public <T> Job<T> submit(String name, Duration deadline, JobTask<T> task) throws PoolBusyException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("a job deadline must be positive, got " + deadline);
        }
        PooledJob<T> job = new PooledJob<>(name, deadline, task);
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the inference pool is closed");
            }
            if (queue.size() >= queueCapacity + workers - running.size()) {
                throw new PoolBusyException(retryAfterSeconds());
            }
            queue.addLast(job);
            job.position = queue.size();
            workArrived.signal();
        } finally {
            lock.unlock();
        }
        try {
            job.armDeadline(deadlines.schedule(job::expire, deadline.toNanos(), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            // The pool closed since the job was queued; closing cancels it, so it needs no deadline.
        }
        return job;
    }

    /** Jobs waiting for a worker. */
    public int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Jobs on a worker now, including cancelled ones whose task has not yet returned. */
    public int running() {
        lock.lock();
        try {
            return running.size();
        } finally {
            lock.unlock();
        }
    }

    public int workers() {
        return workers;
    }

    /** Cancels queued jobs and waits up to {@link #CLOSE_GRACE} for running ones. */
    @Override
    public void close() {
        close(CLOSE_GRACE);
    }

    /**
     * Cancels every queued job, lets running ones finish for up to {@code grace}, then cancels (interrupts) those
     * still running. Later submissions are refused.
     *
     * @return whether every running job finished within the grace period
     */
    public boolean close(Duration grace) {
        List<PooledJob<?>> abandoned;
        lock.lock();
        try {
            closed = true;
            abandoned = new ArrayList<>(queue);
            queue.clear();
            workArrived.signalAll();
        } finally {
            lock.unlock();
        }
        stopForShutdown(abandoned);
        boolean drained = awaitWorkers(System.nanoTime() + grace.toNanos());
        if (!drained) {
            List<PooledJob<?>> overdue;
            lock.lock();
            try {
                overdue = new ArrayList<>(running);
            } finally {
                lock.unlock();
            }
            stopForShutdown(overdue);
        }
        deadlines.shutdownNow();
        return drained;
    }

    private static void stopForShutdown(List<PooledJob<?>> jobs) {
        for (PooledJob<?> job : jobs) {
            job.stop(new CancellationException("the server is shutting down"), "cancelled: the server is shutting down");
        }
    }

    private boolean awaitWorkers(long until) {
        try {
            for (Thread thread : threads) {
                long left = until - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(thread, left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    /** Each job lives only in runNext's frame, so an idle worker's stack never keeps the last one reachable. */
    private void work() {
        boolean open = true;
        while (open) {
            open = runNext();
        }
    }

    private boolean runNext() {
        PooledJob<?> job = take();
        if (job == null) {
            return false;
        }
        try {
            job.run();
        } finally {
            lock.lock();
            try {
                running.remove(job);
            } finally {
                lock.unlock();
            }
        }
        return true;
    }

    /** The next job, marked running, once there is one; null when the pool has closed. */
    private PooledJob<?> take() {
        PooledJob<?> job;
        List<PooledJob<?>> movedUp;
        lock.lock();
        try {
            while (queue.isEmpty() && !closed) {
                workArrived.awaitUninterruptibly();
            }
            job = queue.pollFirst();
            if (job == null) {
                return null;
            }
            running.add(job);
            movedUp = renumberQueue();
        } finally {
            lock.unlock();
        }
        movedUp.forEach(PooledJob::publish);
        return job;
    }

    /** Gives every queued job its current place; returns those whose place changed. Called holding the lock. */
    private List<PooledJob<?>> renumberQueue() {
        List<PooledJob<?>> moved = new ArrayList<>();
        int position = 1;
        for (PooledJob<?> waiting : queue) {
            if (waiting.position != position) {
                waiting.position = position;
                moved.add(waiting);
            }
            position++;
        }
        return moved;
    }

    private boolean leaveQueue(PooledJob<?> job) {
        List<PooledJob<?>> movedUp;
        lock.lock();
        try {
            if (!queue.remove(job)) {
                return false;
            }
            movedUp = renumberQueue();
        } finally {
            lock.unlock();
        }
        movedUp.forEach(PooledJob::publish);
        return true;
    }

    private long averageNanos() {
        long average = averageNanos;
        return average < 0 ? FIRST_GUESS_NANOS : average;
    }

    private void recordDuration(long nanos) {
        lock.lock();
        try {
            averageNanos = averageNanos < 0 ? nanos : (long) (SMOOTHING * nanos + (1 - SMOOTHING) * averageNanos);
        } finally {
            lock.unlock();
        }
    }

    /** A queue place frees when any running job ends: on average every {@code average / workers}. */
    private int retryAfterSeconds() {
        double seconds = averageNanos() / 1e9 / workers;
        return (int) Math.max(1, Math.min(3600, Math.ceil(seconds)));
    }

    private enum State {
        QUEUED("queued"), RUNNING("running"), DONE("done"), FAILED("failed"), CANCELLED("cancelled");

        final String key;

        State(String key) {
            this.key = key;
        }
    }

    private final class PooledJob<T> implements Job<T>, JobContext {
        private final String id = UUID.randomUUID().toString();
        private final String name;
        private final Duration deadline;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final CopyOnWriteArrayList<Consumer<JobProgress>> listeners = new CopyOnWriteArrayList<>();
        private JobTask<T> task;
        private volatile State state = State.QUEUED;
        private volatile int position;
        private volatile double fraction;
        private volatile String message = "waiting for a worker";
        private volatile boolean cancelled;
        private volatile long startedAt;
        /** Guarded by this: whether the outcome is decided, the thread to interrupt until it is, the timer. */
        private boolean settled;
        private Thread runner;
        private ScheduledFuture<?> deadlineTimer;

        PooledJob(String name, Duration deadline, JobTask<T> task) {
            this.name = name;
            this.deadline = deadline;
            this.task = task;
            result.whenComplete((value, error) -> {
                if (result.isCancelled()) {
                    cancel();
                }
            });
        }

        void run() {
            synchronized (this) {
                if (settled) {
                    return;
                }
                runner = Thread.currentThread();
                startedAt = System.nanoTime();
                message = "started";
                state = State.RUNNING;
            }
            publish();
            JobTask<T> work = task;
            task = null;
            try {
                T value = work.run(this);
                if (claim()) {
                    recordDuration(System.nanoTime() - startedAt);
                    fraction = 1;
                    end(State.DONE, "done", () -> result.complete(value));
                }
            } catch (Throwable error) {
                if (claim()) {
                    recordDuration(System.nanoTime() - startedAt);
                    end(State.FAILED, "failed", () -> result.completeExceptionally(error));
                }
            } finally {
                synchronized (this) {
                    runner = null;
                }
                // An interrupt meant for this job must not reach the next one on this thread.
                Thread.interrupted();
            }
        }

        /** Decides the outcome once; false when it was already decided (cancelled or past its deadline). */
        private synchronized boolean claim() {
            if (settled) {
                return false;
            }
            settled = true;
            return true;
        }

        void expire() {
            stop(new JobDeadlineException(name, deadline), "stopped: it ran past its deadline");
        }

        void stop(CancellationException why, String note) {
            boolean wasQueued = leaveQueue(this);
            synchronized (this) {
                if (settled) {
                    return;
                }
                settled = true;
                cancelled = true;
                if (runner != null) {
                    runner.interrupt();
                }
            }
            if (wasQueued) {
                task = null;
            }
            end(State.CANCELLED, note, () -> result.completeExceptionally(why));
        }

        /** The timer may be armed after the job has already ended: a quick job can finish first. */
        void armDeadline(ScheduledFuture<?> timer) {
            synchronized (this) {
                if (!settled) {
                    deadlineTimer = timer;
                    return;
                }
            }
            timer.cancel(false);
        }

        /** Records the outcome before completing the result, so whoever sees the result sees the state too. */
        private void end(State outcome, String note, Runnable completeResult) {
            message = note;
            state = outcome;
            completeResult.run();
            ScheduledFuture<?> timer;
            synchronized (this) {
                timer = deadlineTimer;
                deadlineTimer = null;
            }
            if (timer != null) {
                timer.cancel(false);
            }
            publish();
            listeners.clear();
        }

        void publish() {
            JobProgress now = progress();
            for (Consumer<JobProgress> listener : listeners) {
                deliver(listener, now);
            }
        }

        private void deliver(Consumer<JobProgress> listener, JobProgress progress) {
            try {
                listener.accept(progress);
            } catch (RuntimeException e) {
                LOG.warn("a progress listener of job {} ({}) failed", id, name, e);
            }
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public CompletableFuture<T> result() {
            return result;
        }

        @Override
        public int queuePosition() {
            return state == State.QUEUED ? position : 0;
        }

        @Override
        public Duration eta() {
            long average = averageNanos();
            return switch (state) {
                // Every round of `workers` jobs ahead takes about one average, the running round included.
                case QUEUED -> Duration.ofNanos(average * ((position + workers - 1) / workers + 1));
                case RUNNING -> {
                    long elapsed = System.nanoTime() - startedAt;
                    double done = fraction;
                    long left = done > 0.05 ? (long) (elapsed * (1 - done) / done) : average - elapsed;
                    yield Duration.ofNanos(Math.max(0, left));
                }
                default -> Duration.ZERO;
            };
        }

        @Override
        public JobProgress progress() {
            return new JobProgress(id, state.key, fraction, message, queuePosition(), eta());
        }

        @Override
        public void cancel() {
            stop(new CancellationException("the " + name + " job was cancelled"), "cancelled");
        }

        @Override
        public void onProgress(Consumer<JobProgress> listener) {
            Objects.requireNonNull(listener, "listener");
            listeners.add(listener);
            deliver(listener, progress());
            if (result.isDone()) {
                listeners.remove(listener);
            }
        }

        @Override
        public void progress(double fraction, String message) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("progress must be a fraction in [0, 1], got " + fraction);
            }
            if (state != State.RUNNING) {
                return;
            }
            this.fraction = fraction;
            this.message = Objects.requireNonNull(message, "message");
            publish();
        }

        @Override
        public void checkCancelled() {
            if (cancelled) {
                throw new CancellationException("the " + name + " job was cancelled");
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }
}
