/**
 * The inference worker pool: a fixed set of worker threads behind a bounded queue. Every job reports progress, queue
 * position and an ETA, can be cancelled, and has a deadline; a full queue answers "busy, retry after N s" at once
 * instead of making callers wait.
 */
package dev.pertouch.inference.pool;
