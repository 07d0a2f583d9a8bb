/**
 * Rendering edit states: the parameter map of region layers, the per-pixel operators, the solver that finds their
 * settings from attribute targets, and the tensor pass that applies them at full resolution.
 */
package dev.pertouch.inference.render;
