/**
 * The parts of a photo that edits apply to: class-agnostic segments ({@link dev.pertouch.inference.regions.Segments}),
 * named regions found by the bundled ONNX networks and colour/position/texture rules
 * ({@link dev.pertouch.inference.regions.RegionFinder}), and picking by click, box or typed name
 * ({@link dev.pertouch.inference.regions.RegionPicker}). Everything works on the 512-pixel working image and
 * returns soft masks at that size. {@link dev.pertouch.inference.RetouchEngine} runs the finder on every photo it
 * analyses and offers picking on its analyses.
 */
package dev.pertouch.inference.regions;
