/**
 * Pixels and tensors of PerTouch: the four attributes and their meter, the calibration that normalizes them, edit
 * states, photo analyses and the {@link dev.pertouch.inference.RetouchEngine} that finds and picks regions, measures
 * them and renders states on photos. Knows nothing of HTTP, SQL or language models.
 */
package dev.pertouch.inference;
