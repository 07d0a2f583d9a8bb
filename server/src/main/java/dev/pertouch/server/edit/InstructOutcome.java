package dev.pertouch.server.edit;

import dev.pertouch.agent.AgentReply;

import java.util.Optional;

/** The agent's answer to an instruction and, when it changed the state, the render of the new state. */
public record InstructOutcome(AgentReply reply, Optional<RenderOutcome> render) {
}
