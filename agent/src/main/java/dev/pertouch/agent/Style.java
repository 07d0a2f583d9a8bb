package dev.pertouch.agent;

import dev.pertouch.inference.EditState;

import java.util.List;

/**
 * A named look: absolute targets over named regions, applied on top of the current state (regions the photo
 * lacks are skipped).
 *
 * @param id          stable kebab-case name, used in replies and the {@code plan} output
 * @param name        the name shown to people
 * @param aliases     other names people use for it
 * @param description what it looks like, in words; also what free text is matched against
 */
public record Style(String id, String name, List<String> aliases, String description, EditState state) {
    public Style {
        aliases = List.copyOf(aliases);
    }
}
