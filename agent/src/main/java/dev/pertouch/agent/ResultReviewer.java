package dev.pertouch.agent;

import dev.langchain4j.data.message.Content;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

import java.util.List;

/**
 * The AI service a model that can see answers while rethinking: it is shown the result before the last change
 * and the result now, with the numbers measured on them, and either judges ({@link Verdict}) or corrects the
 * targets ({@link EditTools}).
 */
interface ResultReviewer {
    @SystemMessage(fromResource = "/dev/pertouch/agent/review-prompt.txt")
    @UserMessage(RetouchAssistant.INSTRUCTION_LABEL + "{{instruction}}\n"
            + "Asked for: {{asked}}\n"
            + RetouchAssistant.REGIONS_LABEL + "{{regions}}\n"
            + "Rendered edit state: {{state}}\n"
            + "Render {{round}} of {{rounds}}. Measured on it: {{measured}}\n"
            + "{{pictures}}")
    Result<String> review(@V("instruction") String instruction, @V("asked") String asked,
                          @V("regions") String regions, @V("state") String state, @V("round") int round,
                          @V("rounds") int rounds, @V("measured") String measured, @V("pictures") String pictures,
                          @UserMessage List<Content> images);
}
