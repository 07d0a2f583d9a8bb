package dev.pertouch.agent;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.EditState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The only things the agent can do: change the edit state of one photo for one instruction. A fresh instance
 * serves each instruction and remembers the state it started from, the state before the last instruction (for
 * undo), and which tools succeeded. Every tool answers in a sentence; a refused call says why and changes
 * nothing.
 */
public final class EditTools {
    private static final double MAX_STEP = 2.0;
    private static final double MAX_FACTOR = 3.0;

    private final PhotoContext photo;
    private final StyleLibrary styles;
    private final EditState start;
    private final EditState previous;
    private final List<String> succeeded = new ArrayList<>();
    private EditState state;
    private Style style;

    /**
     * @param previous the state before the last instruction, for "undo" and "not so much"; null when there is none
     */
    EditTools(PhotoContext photo, StyleLibrary styles, EditState current, EditState previous) {
        this.photo = photo;
        this.styles = styles;
        this.start = current;
        this.previous = previous;
        this.state = current;
    }

    @Tool("Move one attribute of one region up or down, starting from its current target (or the photo's own "
            + "value when none is set). Moving 'global' also moves every region that has its own target for that "
            + "attribute by the same amount.")
    public String adjust(@P("region id, one of the photo's regions; 'global' is the whole photo") String region,
                         @P("colorfulness, contrast, temperature or brightness") String attribute,
                         @P("signed step on the normalized -1..1 scale: 0.1 slight, 0.2 noticeable, 0.4 strong")
                         double amount) {
        Optional<String> refused = refuseRegion(region).or(() -> refuseAttribute(attribute));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!Double.isFinite(amount) || Math.abs(amount) > MAX_STEP) {
            return "Not changed: the amount must be a number between -" + MAX_STEP + " and " + MAX_STEP + ".";
        }
        Attribute a = Attribute.parse(attribute);
        double from = state.resolve(region, a, photo.baseline());
        return moveTo(region, a, round(clamp(from + amount)), "adjust");
    }

    @Tool("Set one attribute of one region to an absolute target on the normalized -1..1 scale, where 0 is the "
            + "median of expert-retouched photos.")
    public String setTarget(@P("region id, one of the photo's regions; 'global' is the whole photo") String region,
                            @P("colorfulness, contrast, temperature or brightness") String attribute,
                            @P("target between -1 and 1") double value) {
        Optional<String> refused = refuseRegion(region).or(() -> refuseAttribute(attribute));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!Double.isFinite(value) || value < -1 || value > 1) {
            return "Not changed: a target must be a number between -1 and 1.";
        }
        return moveTo(region, Attribute.parse(attribute), round(value), "setTarget");
    }

    @Tool("Apply a named look from the style library to the regions of the photo that it covers.")
    public String applyStyle(@P("the look's id or name, e.g. 'cinematic' or 'Kodak Portra'") String name,
                             @P("how far to go from the current state towards the look, 0..1 (1 = fully)")
                             double strength) {
        Optional<Style> found = styles.find(name);
        if (found.isEmpty()) {
            return "Not changed: there is no look called '" + name + "'. Looks: "
                    + String.join(", ", styles.all().stream().map(Style::id).toList()) + ".";
        }
        if (!Double.isFinite(strength) || strength <= 0 || strength > 1) {
            return "Not changed: strength must be above 0 and at most 1.";
        }
        Style look = found.get();
        List<String> skipped = new ArrayList<>();
        for (String region : globalFirst(look.state().regions())) {
            if (!photo.has(region)) {
                skipped.add(region);
                continue;
            }
            look.state().targets(region).forEach((a, target) -> {
                double from = state.resolve(region, a, photo.baseline());
                state = state.with(region, a, round(from + strength * (target - from)), photo.baseline());
            });
        }
        style = look;
        succeeded.add("applyStyle");
        String how = strength < 1 ? " at " + Math.round(strength * 100) + "% strength" : "";
        return "Applied the look " + look.name() + how + "."
                + (skipped.isEmpty() ? "" : " This photo has no " + String.join(" or ", skipped)
                + ", so those parts of the look were left out.");
    }

    @Tool("Retouch a region toward the typical expert look: every attribute to 0, the calibrated median, except "
            + "where the user's look for similar photos is remembered, which is used instead. "
            + "'global' does this for every region of the photo.")
    public String optimize(@P("region id, or 'global' for the whole photo") String region) {
        Optional<String> refused = refuseRegion(region);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<String> regions = EditState.GLOBAL.equals(region) ? List.copyOf(photo.regionIds()) : List.of(region);
        EditState remembered = photo.suggested() == null ? EditState.empty() : photo.suggested();
        boolean recalled = false;
        for (String r : regions) {
            for (Attribute a : Attribute.values()) {
                OptionalDouble kept = remembered.get(r, a);
                recalled |= kept.isPresent();
                state = state.with(r, a, kept.orElse(0.0), photo.baseline());
            }
        }
        succeeded.add("optimize");
        String which = regions.size() > 1 ? "every region" : region;
        return recalled
                ? "Started " + which + " from the look you kept for similar photos, and moved the rest toward the "
                        + "typical expert look (the median)."
                : "Moved " + which + " toward the typical expert look (every attribute at the median).";
    }

    @Tool("Keep a named region as it was before this instruction, undoing what moving 'global' did to it.")
    public String keep(@P("region id other than 'global'") String region) {
        Optional<String> refused = refuseRegion(region);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (EditState.GLOBAL.equals(region)) {
            return "Not changed: 'global' is the whole photo; keep takes a named region.";
        }
        for (Attribute a : Attribute.values()) {
            boolean globalMoved = differs(start, state, EditState.GLOBAL, a);
            if (globalMoved || differs(start, state, region, a)) {
                state = state.with(region, a, start.resolve(region, a, photo.baseline()), photo.baseline());
            }
        }
        succeeded.add("keep");
        return "Kept " + region + " as it was.";
    }

    @Tool("Remove every target of one region so it shows the photo's own values again; 'global' clears the "
            + "whole edit.")
    public String reset(@P("region id, or 'global' for everything") String region) {
        Optional<String> refused = refuseRegion(region);
        if (refused.isPresent()) {
            return refused.get();
        }
        state = EditState.GLOBAL.equals(region) ? EditState.empty() : state.without(region);
        succeeded.add("reset");
        return EditState.GLOBAL.equals(region) ? "Cleared every edit."
                : "Reset " + region + " to the photo's own look.";
    }

    @Tool("Go back to the edit state before the last instruction.")
    public String undo() {
        if (previous == null) {
            return "There is no earlier edit to go back to.";
        }
        state = previous;
        succeeded.add("undo");
        return "Went back to the edit before the last one.";
    }

    @Tool("Scale the last instruction's change: 0.5 keeps half of it ('not so much'), 2 doubles it ('even more'), "
            + "0 undoes it.")
    public String scaleLastChange(@P("factor between 0 and 3") double factor) {
        if (previous == null) {
            return "There is no earlier change to make stronger or weaker.";
        }
        if (!Double.isFinite(factor) || factor < 0 || factor > MAX_FACTOR) {
            return "Not changed: the factor must be between 0 and " + MAX_FACTOR + ".";
        }
        Map<String, Map<Attribute, Double>> targets = new LinkedHashMap<>();
        Set<String> regions = new LinkedHashSet<>();
        start.regions().forEach(regions::add);
        previous.regions().forEach(regions::add);
        for (String r : regions) {
            Set<Attribute> set = new LinkedHashSet<>(start.targets(r).keySet());
            set.addAll(previous.targets(r).keySet());
            for (Attribute a : set) {
                double before = previous.resolve(r, a, photo.baseline());
                double after = start.resolve(r, a, photo.baseline());
                double scaled = round(clamp(before + factor * (after - before)));
                targets.computeIfAbsent(r, k -> new LinkedHashMap<>()).put(a, scaled);
            }
        }
        EditState scaled = EditState.empty();
        for (String r : globalFirst(targets.keySet())) {
            for (Map.Entry<Attribute, Double> t : targets.get(r).entrySet()) {
                scaled = scaled.with(r, t.getKey(), t.getValue(), photo.baseline());
            }
        }
        state = scaled;
        succeeded.add("scaleLastChange");
        return "Scaled the last change by " + factor + ".";
    }

    /** The state after every tool call so far. */
    EditState state() {
        return state;
    }

    /** The look applied last, if any. */
    Optional<Style> style() {
        return Optional.ofNullable(style);
    }

    /** Names of the tools that changed something or succeeded, in call order. */
    List<String> succeeded() {
        return List.copyOf(succeeded);
    }

    /** What kind of instruction the successful calls show it was. */
    String kind() {
        if (succeeded.contains("applyStyle")) {
            return AgentReply.WEAK_STYLE;
        }
        if (succeeded.contains("optimize")) {
            return AgentReply.WEAK_OPTIMIZE;
        }
        return succeeded.isEmpty() ? AgentReply.NONE : AgentReply.STRONG;
    }

    private String moveTo(String region, Attribute a, double to, String tool) {
        double from = state.resolve(region, a, photo.baseline());
        succeeded.add(tool);
        if (Math.abs(to - from) < 1e-9) {
            String limit = to >= 1 ? " (the maximum)" : to <= -1 ? " (the minimum)" : "";
            return region + " " + a.key() + " is already at " + format(to) + limit + ".";
        }
        state = state.with(region, a, to, photo.baseline());
        return "Made " + (EditState.GLOBAL.equals(region) ? "the whole image" : "the " + region) + " "
                + adjective(a, to > from) + " (" + a.key() + " " + format(from) + " \u2192 " + format(to) + ").";
    }

    private static String adjective(Attribute a, boolean up) {
        return switch (a) {
            case COLORFULNESS -> up ? "more colourful" : "less colourful";
            case CONTRAST -> up ? "punchier" : "softer";
            case TEMPERATURE -> up ? "warmer" : "cooler";
            case BRIGHTNESS -> up ? "brighter" : "darker";
        };
    }

    private Optional<String> refuseRegion(String region) {
        if (region != null && photo.has(region)) {
            return Optional.empty();
        }
        return Optional.of("Not changed: this photo has no region '" + region + "'. Its regions are: "
                + String.join(", ", photo.regionIds()) + ".");
    }

    private static Optional<String> refuseAttribute(String attribute) {
        if (Attribute.find(attribute).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("Not changed: '" + attribute + "' is not an attribute. Use one of: "
                + String.join(", ", Attribute.keys()) + ".");
    }

    private boolean differs(EditState a, EditState b, String region, Attribute attribute) {
        return Math.abs(a.resolve(region, attribute, photo.baseline()) - b.resolve(region, attribute, photo.baseline()))
                > 1e-9;
    }

    /** Global first, because setting it moves the named regions that already have targets. */
    private static List<String> globalFirst(Iterable<String> regions) {
        List<String> ordered = new ArrayList<>();
        for (String r : regions) {
            if (EditState.GLOBAL.equals(r)) {
                ordered.add(0, r);
            } else {
                ordered.add(r);
            }
        }
        return ordered;
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }

    /** Targets keep three decimals: finer steps are invisible and make answers hard to read. */
    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%+.2f", v);
    }
}
