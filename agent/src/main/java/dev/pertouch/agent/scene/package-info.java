/**
 * Scene-aware memory: {@link dev.pertouch.agent.scene.SceneDescriber} turns a photo's analysis into tags and a
 * descriptor, {@link dev.pertouch.agent.scene.TasteMemory} remembers what the user kept for each scene (through
 * {@link dev.pertouch.memory.SceneMemory}) and suggests a starting state for similar photos, which weak_optimize
 * instructions start from ({@link dev.pertouch.agent.PhotoContext#withSuggestion}).
 */
package dev.pertouch.agent.scene;
