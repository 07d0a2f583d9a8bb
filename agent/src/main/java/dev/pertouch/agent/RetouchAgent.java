package dev.pertouch.agent;

import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.tool.ToolExecution;
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
 *
 * <p>A model that can see ({@link #openAi}) is also shown the photo, and judges the rethinking renders itself
 * ({@link ModelJudge}); the others get text alone, and the renders are judged by the numbers ({@link Rethinker}).
 */
public final class RetouchAgent {
    /** Longer text is refused before it reaches the model: instructions are sentences, not documents. */
    public static final int MAX_INSTRUCTION_LENGTH = 1000;
    /** A model that keeps calling tools is cut off: one instruction needs one or two rounds. */
    static final int MAX_TOOL_ROUNDS = 5;
    private static final Duration MODEL_TIMEOUT = Duration.ofSeconds(60);

    private final ChatModel model;
    private final StyleLibrary styles;
    private final boolean sees;

    /** An agent whose model reads text only: it is not shown the photo, and renders are judged by the numbers. */
    public RetouchAgent(ChatModel model, StyleLibrary styles) {
        this(model, styles, false);
    }

    private RetouchAgent(ChatModel model, StyleLibrary styles, boolean sees) {
        this.model = Objects.requireNonNull(model, "model");
        this.styles = Objects.requireNonNull(styles, "styles");
        this.sees = sees;
    }

    /** The agent with {@link OfflineChatModel} and the bundled looks: deterministic, no network. */
    public static RetouchAgent offline() {
        StyleLibrary styles = StyleLibrary.bundled();
        return new RetouchAgent(new OfflineChatModel(styles), styles);
    }

    /**
     * The agent with any OpenAI-compatible chat endpoint (vLLM, Ollama, a hosted API) choosing the tools. The
     * model must accept images: it is shown the photo with each instruction, and the previous and current results
     * while rethinking, and judges them. The key goes in the Authorization header only, and nothing is logged.
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
                // the user is waiting and is told of a failure at once; a retry would double a minute's timeout
                .maxRetries(0)
                .build();
        return new RetouchAgent(model, StyleLibrary.bundled(), true);
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
     * @param photo    the photo's regions and measured values, and its pixels for a model that can see
     * @param renderer renders and measures candidate states so that explicit changes are checked and corrected
     *                 ({@link Rethinker}); null to skip that. A model that can see is shown the renders when the
     *                 renderer returns images ({@link Renderer#withImages})
     * @throws AgentException when the model fails, while acting or while judging a render: nothing was changed,
     *                        and the user should be told
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
        RetouchAssistant assistant = service(RetouchAssistant.class, model, tools);
        List<Content> picture = sees && photo.photo() != null ? List.of(PictureContent.of(photo.photo())) : List.of();
        Result<String> result;
        try {
            result = assistant.instruct(String.join(", ", photo.regionIds()), current.toJson(), readable(text),
                    picture);
        } catch (RuntimeException e) {
            // the model call is the boundary: HTTP errors, refused connections, timeouts and unreadable answers
            throw AgentException.modelFailed(e);
        }
        String message = answer(result);
        if (message.isEmpty()) {
            throw AgentException.modelFailed("it gave an empty answer");
        }
        EditState after = tools.state();
        List<Change> changes = Change.between(current, after, photo.baseline());
        List<Round> rounds = List.of();
        if (renderer != null && AgentReply.STRONG.equals(tools.kind()) && !changes.isEmpty()) {
            Judge judge = sees ? new ModelJudge(model, styles, readable(text)) : Rethinker::measure;
            rounds = Rethinker.rethink(current, after, changes, photo, renderer, judge);
            after = rounds.get(rounds.size() - 1).state();
            changes = Change.between(current, after, photo.baseline());
            message = message + "\n" + describe(rounds, changes);
        }
        return new AgentReply(tools.kind(), message, after, changes, rounds, tools.style().map(Style::id).orElse(null));
    }

    /**
     * An AI service over the model whose only abilities are the given tool objects. A call to a tool that does
     * not exist, such as one an injected instruction talked the model into, is answered with a refusal the model
     * reads, and does nothing.
     */
    static <T> T service(Class<T> type, ChatModel model, Object... tools) {
        return AiServices.builder(type)
                .chatModel(model)
                .tools(tools)
                .maxToolCallingRoundTrips(MAX_TOOL_ROUNDS)
                .hallucinatedToolNameStrategy(call -> ToolExecutionResultMessage.from(call,
                        "Not done: there is no tool called '" + call.name() + "'. Use only the tools offered."))
                .build();
    }

    /** The model's closing text, or what its tools answered when it wrote none; empty when there is neither. */
    static String answer(Result<String> result) {
        String text = result.content();
        if (text != null && !text.isBlank()) {
            return text.strip();
        }
        return String.join("\n", result.toolExecutions().stream().map(ToolExecution::result).toList());
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
