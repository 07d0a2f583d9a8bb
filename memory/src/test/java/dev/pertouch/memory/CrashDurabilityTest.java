package dev.pertouch.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class CrashDurabilityTest {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 200;

    @Parameter
    Backend backend;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(60)
    void everyAcknowledgedEditSurvivesKillingTheProcessMidWrite() throws IOException, InterruptedException {
        Backend.Location location = backend.locate(dataDir);
        List<String> acknowledged = acknowledgedBeforeKill(KilledWriter.class, location);

        try (Database db = location.open()) {
            Edits edits = new Edits(db);
            for (String id : acknowledged) {
                assertTrue(edits.find(id, "alice").isPresent(), "acknowledged edit " + id + " was lost");
            }
        }
    }

    @Test
    @Timeout(60)
    void everyAcknowledgedAcceptSurvivesKillingTheProcessMidBurst() throws IOException, InterruptedException,
            SQLException {
        Backend.Location location = backend.locate(dataDir);
        List<String> acknowledged = acknowledgedBeforeKill(KilledAcceptor.class, location);

        try (Database db = location.open()) {
            Edits edits = new Edits(db);
            SceneMemory memory = new SceneMemory(db);
            for (String line : acknowledged) {
                String[] ownerAndEdit = line.split(" ");
                assertTrue(edits.find(ownerAndEdit[1], ownerAndEdit[0]).orElseThrow().accepted(),
                        "acknowledged accept of " + ownerAndEdit[1] + " was lost");
                assertTrue(memory.list(ownerAndEdit[0]).stream().anyMatch(r -> r.editId().equals(ownerAndEdit[1])),
                        "the scene of acknowledged accept " + ownerAndEdit[1] + " was lost");
            }
            // one transaction: whatever the kill interrupted, an edit is accepted exactly when its scene is remembered
            Set<String> remembered = Samples.rows(db, "SELECT edit_id FROM scene_memories").stream()
                    .collect(Collectors.toSet());
            Set<String> accepted = Samples.rows(db, "SELECT id FROM edits WHERE accepted").stream()
                    .collect(Collectors.toSet());
            assertEquals(accepted, remembered);
        }
    }

    /** Starts the writer in a child JVM, reads what it acknowledges, and kills it with SIGKILL mid-write. */
    private static List<String> acknowledgedBeforeKill(Class<?> writerClass, Backend.Location location)
            throws IOException, InterruptedException {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), writerClass.getName(), location.url(), location.user(),
                location.password())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && (line = out.readLine()) != null) {
                acknowledged.add(line);
            }
            writer.destroyForcibly();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
        }
        assertEquals(ACKNOWLEDGED_BEFORE_KILL, acknowledged.size(), "the writer stopped on its own");
        return acknowledged;
    }
}
