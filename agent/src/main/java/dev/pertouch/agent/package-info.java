/**
 * Plain words to edit states. {@link dev.pertouch.agent.RetouchAgent} runs a LangChain4j AI service whose only
 * tools ({@link dev.pertouch.agent.EditTools}) change an {@link dev.pertouch.inference.EditState}; the default
 * model is {@link dev.pertouch.agent.OfflineChatModel}, an in-process, deterministic reader of instructions that
 * answers with real tool calls; {@link dev.pertouch.agent.RetouchAgent#openAi} puts any OpenAI-compatible model that
 * can see in its place, shown the photo as an image. Given a {@link dev.pertouch.agent.Renderer}, explicit changes
 * are rendered, measured and corrected (PerTouch's rethinking), judged by the numbers or, for a model that can see,
 * by the model looking at the previous and current results. The module also owns the library of named looks
 * ({@code styles.json}, docs/STYLES.md) and the sentence-embedding match from free text to the nearest look.
 */
package dev.pertouch.agent;
