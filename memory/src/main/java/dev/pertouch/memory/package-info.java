/**
 * Persistence for PerTouch: who the users are, their photos' files on disk and the history of
 * every edit, kept across restarts.
 *
 * <p>{@link dev.pertouch.memory.Database} opens H2 (embedded default) or PostgreSQL and applies the
 * Flyway migrations; {@link dev.pertouch.memory.PhotoStore} keeps image files content-addressed;
 * {@link dev.pertouch.memory.Users}, {@link dev.pertouch.memory.Photos} and
 * {@link dev.pertouch.memory.Edits} read and write records, always scoped to their owner. Edit states
 * and analyses arrive as JSON text: this module stores them without knowing pixels or tensors.
 */
package dev.pertouch.memory;
