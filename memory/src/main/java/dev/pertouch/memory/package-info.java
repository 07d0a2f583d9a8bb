/**
 * Persistence for PerTouch: who the users are, their photos' files on disk, the history of every
 * edit and what each user kept for each kind of scene, kept across restarts.
 *
 * <p>{@link dev.pertouch.memory.Database} opens H2 (embedded default) or PostgreSQL and applies the
 * Flyway migrations; {@link dev.pertouch.memory.PhotoStore} keeps image files content-addressed;
 * {@link dev.pertouch.memory.Users}, {@link dev.pertouch.memory.Photos},
 * {@link dev.pertouch.memory.Edits} and {@link dev.pertouch.memory.SceneMemory} read and write
 * records, always scoped to their owner; {@link dev.pertouch.memory.UserData} exports, erases and
 * prunes a user's data as a whole. Edit states and analyses arrive as JSON text and scenes as tags
 * and numbers: this module stores them without knowing pixels or tensors.
 */
package dev.pertouch.memory;
