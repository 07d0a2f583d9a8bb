package dev.pertouch.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.ArrayList;
import java.util.List;

/** Wraps a real chat model and records the conversation AiServices has with it. */
final class RecordingChatModel implements ChatModel {
    private final ChatModel model;
    final List<ChatRequest> requests = new ArrayList<>();
    final List<ToolExecutionRequest> toolCalls = new ArrayList<>();

    RecordingChatModel(ChatModel model) {
        this.model = model;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        ChatResponse response = model.chat(request);
        toolCalls.addAll(response.aiMessage().toolExecutionRequests());
        return response;
    }

    List<String> toolNames() {
        return toolCalls.stream().map(ToolExecutionRequest::name).toList();
    }

    /** The tool results AiServices sent back to the model, in order. */
    List<String> toolResults() {
        return requests.stream().flatMap(r -> r.messages().stream())
                .filter(m -> m instanceof ToolExecutionResultMessage)
                .map(m -> ((ToolExecutionResultMessage) m).text())
                .distinct().toList();
    }

    List<String> offeredTools() {
        return requests.get(0).toolSpecifications().stream().map(ToolSpecification::name).sorted().toList();
    }

    void clear() {
        requests.clear();
        toolCalls.clear();
    }
}
