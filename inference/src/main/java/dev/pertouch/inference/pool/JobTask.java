package dev.pertouch.inference.pool;

/** Work to run on a pool worker; long work reports progress and checks for cancellation through the context. */
@FunctionalInterface
public interface JobTask<T> {
    T run(JobContext ctx) throws Exception;
}
