package dev.pertouch.agent;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.pertouch.inference.EditState;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns one plain-language instruction into a new edit state. Each instruction gets its own {@link EditTools}
 * over the caller's current state, and an AI service whose chat model decides which tools to call; the reply
 * reports the state the tools left, what moved, and the model's answer.
 *
 * <p>The agent keeps no conversation of its own: the caller passes the current state and, for "undo that" and
 * "not so much", the state before the last instruction. That keeps servers stateless between requests.
 */
public final class RetouchAgent {
    /** Longer text is refused before it reaches the model: instructions are sentences, not documents. */
    public static final int MAX_INSTRUCTION_LENGTH = 1000;
    /** A model that keeps calling tools is cut off: one instruction needs one or two rounds. */
    private static final int MAX_TOOL_ROUNDS = 5;
    private static final Duration MODEL_TIMEOUT = Duration.ofSeconds(60);

    private final ChatModel model;
    private final StyleLibrary styles;

    public RetouchAgent(ChatModel model, StyleLibrary styles) {
        this.model = Objects.requireNonNull(model, "model");
        this.styles = Objects.requireNonNull(styles, "styles");
    }

    /** The agent with {@link OfflineChatModel} and the bundled looks: deterministic, no network. */
    public static RetouchAgent offline() {
        StyleLibrary styles = StyleLibrary.bundled();
        return new RetouchAgent(new OfflineChatModel(styles), styles);
    }

    /**
     * The agent with any OpenAI-compatible chat endpoint (vLLM, Ollama, a hosted API) choosing the tools.
     *
     * @param baseUrl   the API root, such as {@code http://127.0.0.1:8000/v1}
     * @param modelName the model to ask
     * @param apiKey    the key, or null for servers that need none
     */
    public static RetouchAgent openAi(String baseUrl, String modelName, String apiKey) {
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .modelName(modelName)
                .apiKey(apiKey == null || apiKey.isBlank() ? "none" : apiKey)
                .temperature(0.0)
                .timeout(MODEL_TIMEOUT)
                .maxRetries(1)
                .build();
        return new RetouchAgent(model, StyleLibrary.bundled());
    }

    /** Acts on an instruction with no earlier state to undo to. */
    public AgentReply instruct(String text, EditState current, PhotoContext photo) {
        return instruct(text, current, null, photo);
    }

    /** Acts on an instruction without rendering: the reply has no rounds. */
    public AgentReply instruct(String text, EditState current, EditState previous, PhotoContext photo) {
        return instruct(text, current, previous, photo, null);
    }

    /**
     * @param text     the user's words, untrusted
     * @param current  the edit state the instruction starts from
     * @param previous the state before the last instruction, or null when there was none
     * @param photo    the photo's regions and measured values
     * @param renderer renders and measures candidate states so that explicit changes are checked and corrected
     *                 ({@link Rethinker}); null to skip that
     * @throws AgentException when the model fails: nothing was changed, and the user should be told
     */
    public AgentReply instruct(String text, EditState current, EditState previous, PhotoContext photo,
                               Renderer renderer) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(photo, "photo");
        String refusal = refusal(text);
        if (refusal != null) {
            return AgentReply.nothingDone(refusal, current);
        }
        EditTools tools = new EditTools(photo, styles, current, previous);
        RetouchAssistant assistant = AiServices.builder(RetouchAssistant.class)
                .chatModel(model)
                .tools(tools)
                .maxToolCallingRoundTrips(MAX_TOOL_ROUNDS)
                .build();
        Result<String> result;
        try {
            result = assistant.instruct(String.join(", ", photo.regionIds()), current.toJson(), readable(text));
        } catch (RuntimeException e) {
            // the model call is the boundary: HTTP errors, refused connections and timeouts all arrive here
            throw new AgentException("model_failed", "The language model did not answer: " + e.getMessage(), e);
        }
        EditState after = tools.state();
        List<Change> changes = Change.between(current, after, photo.baseline());
        List<Round> rounds = List.of();
        String message = result.content();
        if (renderer != null && AgentReply.STRONG.equals(tools.kind()) && !changes.isEmpty()) {
            rounds = Rethinker.rethink(after, changes, photo, renderer);
            after = rounds.get(rounds.size() - 1).state();
            changes = Change.between(current, after, photo.baseline());
            message = message + "\n" + describe(rounds, changes);
        }
        return new AgentReply(tools.kind(), message, after, changes, rounds, tools.style().map(Style::id).orElse(null));
    }

    private static String describe(List<Round> rounds, List<Change> changes) {
        Round last = rounds.get(rounds.size() - 1);
        String renders = rounds.size() == 1 ? "one render" : rounds.size() + " renders";
        String outcome = switch (last.verdict()) {
            case Rethinker.SATISFIED -> "Checked after " + renders + ": " + last.reason() + ".";
            case Rethinker.AT_LIMIT -> "After " + renders + " this is as far as the photo goes: " + last.reason() + ".";
            default -> "Stopped after " + renders + ", still not quite as asked: " + last.reason() + ".";
        };
        if (rounds.size() == 1) {
            return outcome;
        }
        List<String> targets = changes.stream().map(c -> String.format(Locale.ROOT, "%s %s %+.2f", c.region(),
                c.attributeKey(), c.to())).toList();
        return outcome + " Corrected targets: " + String.join(", ", targets) + ".";
    }

    private static String refusal(String text) {
        if (text == null || text.isBlank()) {
            return "Type what you would like to change, for example \u201cmake the sky a little bluer\u201d "
                    + "or \u201ccinematic\u201d.";
        }
        if (text.length() > MAX_INSTRUCTION_LENGTH) {
            return "That instruction is " + text.length() + " characters long; please keep it under "
                    + MAX_INSTRUCTION_LENGTH + " and say what to change in a sentence or two.";
        }
        if (readable(text).codePoints().noneMatch(Character::isLetter)) {
            return "I could not read any words in that. Try something like \u201cbrighter\u201d or "
                    + "\u201cmore contrast on the sky\u201d.";
        }
        return null;
    }

    /**
     * The text without control characters, unpaired surrogates or replacement characters (what is left of
     * bytes that were not UTF-8), on one line: it goes into a prompt whose labelled lines must stay intact.
     */
    private static String readable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean junk = Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE
                    || cp == 0xFFFD || Character.getType(cp) == Character.FORMAT;
            out.appendCodePoint(junk || Character.isWhitespace(cp) ? ' ' : cp);
        });
        return out.toString().replaceAll(" {2,}", " ").trim();
    }
}
