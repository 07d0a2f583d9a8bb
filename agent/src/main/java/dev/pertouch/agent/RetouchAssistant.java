package dev.pertouch.agent;

import dev.langchain4j.data.message.Content;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

import java.util.List;

/**
 * The AI service: a chat model that reads the photo's regions, the current edit and the user's words, and
 * answers by calling {@link EditTools}. The labels are constants because the offline model reads them back.
 * A model that can see also gets the photo as an image after the text; for the others {@code photo} is empty.
 */
interface RetouchAssistant {
    String REGIONS_LABEL = "Regions in this photo: ";
    String STATE_LABEL = "Current edit state: ";
    String INSTRUCTION_LABEL = "Instruction: ";

    @SystemMessage(fromResource = "/dev/pertouch/agent/system-prompt.txt")
    @UserMessage(REGIONS_LABEL + "{{regions}}\n" + STATE_LABEL + "{{state}}\n" + INSTRUCTION_LABEL + "{{instruction}}")
    Result<String> instruct(@V("regions") String regions, @V("state") String state,
                            @V("instruction") String instruction, @UserMessage List<Content> photo);
}
