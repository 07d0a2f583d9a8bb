package dev.pertouch.inference.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A long-running server submits millions of jobs: the pool must hold on to none of them once they finish. */
class InferencePoolMemoryTest {
    private static final int JOBS = 1_000;
    private static final int RESULT_BYTES = 64 * 1024;

    @Test
    @Timeout(20)
    void aThousandFinishedJobsLeaveNothingBehind() throws Exception {
        try (InferencePool pool = new InferencePool(2, JOBS)) {
            runBatch(pool, new ArrayList<>());
            long before = usedHeapAfterGc();

            List<WeakReference<Object>> traces = new ArrayList<>();
            runBatch(pool, traces);
            long after = usedHeapAfterGc();

            assertEquals(0, pool.queued());
            assertEquals(0, pool.running());
            long kept = traces.stream().filter(trace -> trace.get() != null).count();
            assertEquals(0, kept, kept + " of " + traces.size() + " jobs and results are still reachable");
            long growth = after - before;
            System.out.printf("heap after GC around %d jobs of %d KB results: %d KB before, %d KB after, growth %d KB%n",
                    JOBS, RESULT_BYTES / 1024, before / 1024, after / 1024, growth / 1024);
            // Keeping the jobs would keep their results: 64 MB.
            assertTrue(growth < 2 * 1024 * 1024, "heap grew by " + growth + " bytes");
        }
    }

    /** Runs {@link #JOBS} jobs with progress and listeners to completion, keeping only weak references to them. */
    private static void runBatch(InferencePool pool, List<WeakReference<Object>> traces) throws Exception {
        List<CompletableFuture<byte[]>> results = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            Job<byte[]> job = pool.submit("job", Duration.ofMinutes(1), ctx -> {
                ctx.progress(0.5, "halfway");
                return new byte[RESULT_BYTES];
            });
            job.onProgress(progress -> { });
            results.add(job.result());
            traces.add(new WeakReference<>(job));
        }
        for (CompletableFuture<byte[]> result : results) {
            traces.add(new WeakReference<>(result.get()));
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
