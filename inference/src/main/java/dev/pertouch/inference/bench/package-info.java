/** Figures of the retouch engine on this machine, for the {@code bench} command. */
package dev.pertouch.inference.bench;
