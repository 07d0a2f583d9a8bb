package dev.pertouch.agent;

import dev.pertouch.inference.EditState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline model against the instruction suite in {@code instruction-suite.txt}. */
class InstructionSuiteTest {
    private static final double REQUIRED_ACCURACY = 0.95;
    private static final PhotoContext PHOTO = new PhotoContext(
            new LinkedHashSet<>(List.of("subject", "person", "sky", "vegetation", "background", "dog")),
            EditState.Baseline.MEDIAN);

    record Case(String instruction, String kind, String expected) {
    }

    @Test
    void theOfflineModelGetsAtLeast95PercentOfTheSuiteRight() throws IOException {
        List<Case> cases = cases();
        RetouchAgent agent = RetouchAgent.offline();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            AgentReply reply = agent.instruct(c.instruction(), EditState.empty(), PHOTO);
            String outcome = outcome(reply);
            if (!reply.kind().equals(c.kind()) || !outcome.equals(normalized(c))) {
                failures.add(c.instruction() + " -> " + reply.kind() + " " + outcome + " (expected " + c.kind() + " "
                        + normalized(c) + ")");
            }
        }
        double accuracy = 1 - (double) failures.size() / cases.size();
        System.out.printf("instruction suite: %d/%d right (%.1f%%)%n", cases.size() - failures.size(), cases.size(),
                accuracy * 100);
        failures.forEach(f -> System.out.println("  wrong: " + f));
        assertTrue(cases.size() >= 150, "the suite has " + cases.size() + " instructions");
        assertTrue(accuracy >= REQUIRED_ACCURACY, String.join("\n", failures));
    }

    @Test
    void theSuiteCoversEveryKindAndEnoughTrickyForms() throws IOException {
        List<Case> cases = cases();
        Set<String> kinds = new TreeSet<>();
        cases.forEach(c -> kinds.add(c.kind()));
        assertTrue(kinds.containsAll(Set.of(AgentReply.STRONG, AgentReply.WEAK_STYLE, AgentReply.WEAK_OPTIMIZE,
                AgentReply.NONE)));
        long multiClause = cases.stream().filter(c -> c.expected().split(" ").length > 1).count();
        String absent = ".*\\b(water|lake|sea|river|car|mountains|building|dress|snow)\\b.*";
        long missingRegions = cases.stream()
                .filter(c -> c.kind().equals(AgentReply.NONE) && c.instruction().matches(absent)).count();
        assertTrue(multiClause >= 20, "instructions changing several things: " + multiClause);
        assertTrue(missingRegions >= 5, "instructions naming regions the photo lacks: " + missingRegions);
    }

    /** What the agent did, in the suite's notation. */
    private static String outcome(AgentReply reply) {
        return switch (reply.kind()) {
            case AgentReply.STRONG -> {
                Set<String> changes = new TreeSet<>();
                reply.changes().forEach(c -> changes.add(c.region() + "." + c.attributeKey()
                        + (c.direction() > 0 ? "+" : "-")));
                yield String.join(" ", changes);
            }
            case AgentReply.WEAK_STYLE -> reply.style();
            default -> "-";
        };
    }

    private static String normalized(Case c) {
        if (!c.kind().equals(AgentReply.STRONG)) {
            return c.expected();
        }
        return String.join(" ", new TreeSet<>(Arrays.asList(c.expected().split("\\s+"))));
    }

    static List<Case> cases() throws IOException {
        try (InputStream in = InstructionSuiteTest.class.getResourceAsStream("instruction-suite.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Case> cases = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                cases.add(new Case(parts[0].trim(), parts[1].trim(), parts[2].trim()));
            }
            return cases;
        }
    }
}
