package dev.pertouch.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A deterministic chat model that runs in-process. On the user's turn it reads the instruction with {@link
 * InstructionReader} and answers with tool calls (JSON arguments, as a hosted model would); once the tool results
 * are in the conversation it answers with a text made of them and of its own notes. It reads the region list and
 * the instruction from the labelled lines of {@link RetouchAssistant}'s user message.
 */
public final class OfflineChatModel implements ChatModel {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InstructionReader reader;

    public OfflineChatModel(StyleLibrary styles) {
        this.reader = new InstructionReader(styles);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        int userTurn = lastUserMessage(messages);
        if (userTurn < 0) {
            return answer("There is no instruction to act on.");
        }
        String prompt = ((UserMessage) messages.get(userTurn)).singleText();
        Plan plan = reader.read(instruction(prompt), regions(prompt));
        List<String> results = new ArrayList<>();
        for (ChatMessage m : messages.subList(userTurn + 1, messages.size())) {
            if (m instanceof ToolExecutionResultMessage result) {
                results.add(result.text());
            }
        }
        Set<String> offered = new LinkedHashSet<>();
        if (request.toolSpecifications() != null) {
            request.toolSpecifications().stream().map(ToolSpecification::name).forEach(offered::add);
        }
        List<Plan.Call> calls = plan.calls().stream().filter(c -> offered.contains(c.tool())).toList();
        if (results.isEmpty() && !calls.isEmpty()) {
            return ChatResponse.builder()
                    .aiMessage(AiMessage.from(toRequests(calls)))
                    .finishReason(FinishReason.TOOL_EXECUTION)
                    .build();
        }
        List<String> lines = new ArrayList<>(results);
        lines.addAll(plan.notes());
        return answer(String.join("\n", lines));
    }

    private static ChatResponse answer(String text) {
        return ChatResponse.builder().aiMessage(AiMessage.from(text)).finishReason(FinishReason.STOP).build();
    }

    private static List<ToolExecutionRequest> toRequests(List<Plan.Call> calls) {
        List<ToolExecutionRequest> requests = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Plan.Call c = calls.get(i);
            try {
                requests.add(ToolExecutionRequest.builder()
                        .id("call_" + (i + 1))
                        .name(c.tool())
                        .arguments(JSON.writeValueAsString(c.arguments()))
                        .build());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("tool arguments are plain values and always serialise", e);
            }
        }
        return requests;
    }

    private static int lastUserMessage(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage u && u.hasSingleText()) {
                return i;
            }
        }
        return -1;
    }

    /** Everything after the first instruction label: the user's text cannot move the labels before it. */
    private static String instruction(String prompt) {
        int at = prompt.indexOf(RetouchAssistant.INSTRUCTION_LABEL);
        return at < 0 ? prompt : prompt.substring(at + RetouchAssistant.INSTRUCTION_LABEL.length());
    }

    private static Set<String> regions(String prompt) {
        Set<String> ids = new LinkedHashSet<>();
        int at = prompt.indexOf(RetouchAssistant.REGIONS_LABEL);
        if (at >= 0) {
            int end = prompt.indexOf('\n', at);
            String line = prompt.substring(at, end < 0 ? prompt.length() : end);
            for (String id : line.substring(RetouchAssistant.REGIONS_LABEL.length()).split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        return ids;
    }
}
