package dev.pertouch.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Each user's kept looks, remembered per kind of scene. Accepting an edit writes a record (in the
 * same transaction that marks the edit accepted); a new photo asks for the user's most similar
 * records. Every read and write is scoped to the owner: one user's records never answer another's.
 *
 * <p>Similarity is {@value #TAG_WEIGHT} x the Jaccard index of the tag sets (1 when both are empty)
 * plus {@value #DESCRIPTOR_WEIGHT} x the cosine of the descriptors (negative cosines count as 0,
 * descriptors of different lengths as unrelated). Tags carry what kind of scene it is, the
 * descriptor how it is composed and lit; an even split means neither alone reaches
 * {@value #MIN_SIMILARITY}: a record must share some tags and look somewhat alike.
 */
public final class SceneMemory {

    public static final double TAG_WEIGHT = 0.5;
    public static final double DESCRIPTOR_WEIGHT = 0.5;
    /** Records below this similarity are not returned: a weak match would suggest a stranger's look. */
    public static final double MIN_SIMILARITY = 0.6;
    /** Retrieval scores at most this many of the user's newest records: taste drifts, and the cost stays bounded. */
    public static final int MAX_CANDIDATES = 1000;

    private static final String COLUMNS = "id, owner_id, photo_id, edit_id, tags, descriptor, relative_state, created_at";
    private static final String DELETE = "DELETE FROM scene_memories WHERE id = ? AND owner_id = ?";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JavaType DESCRIPTOR = JSON.constructType(float[].class);
    private static final JavaType RELATIVE_STATE =
            JSON.constructType(new TypeReference<Map<String, Map<String, Double>>>() { });

    private final Database db;

    public SceneMemory(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Accepts the user's edit of a photo and remembers its scene, in one transaction: either both
     * are stored or neither. A photo holds one record, its newest kept look: accepting another edit
     * of the photo replaces the record; accepting the same edit again changes nothing and returns
     * the record already there.
     *
     * @param relativeState the accepted state minus the photo's own normalized values, per region
     *                      and attribute ({@link SceneRecord#relativeState()})
     * @return empty when the user has no such edit of that photo (nothing is written)
     * @throws IllegalArgumentException for tags, a descriptor or a relative state out of shape
     */
    public Optional<SceneRecord> remember(String userId, String photoId, String editId, Set<String> tags,
                                          float[] descriptor, Map<String, Map<String, Double>> relativeState) {
        Instant now = Timestamps.now();
        SceneRecord candidate = new SceneRecord(UUID.randomUUID().toString(), userId, photoId, editId, tags,
                descriptor, relativeState, now);
        return db.inTransaction("accept edit " + editId + " and remember its scene", c -> {
            // concurrent accepts of one photo queue here, so the one-record-per-photo rule never races
            if (!lockPhoto(c, photoId, userId) || !Edits.acceptOfPhoto(c, editId, photoId, userId, now)) {
                return Optional.empty();
            }
            Optional<SceneRecord> current = recordOfPhoto(c, photoId, userId);
            if (current.isPresent() && current.get().editId().equals(editId)) {
                return current;
            }
            if (current.isPresent()) {
                delete(c, current.get().id(), userId);
            }
            insert(c, candidate);
            return Optional.of(candidate);
        });
    }

    /**
     * The user's records most like the given scene, most similar first, at most {@code limit} and
     * none below {@link #MIN_SIMILARITY}.
     */
    public List<SimilarScene> similar(String userId, Set<String> tags, float[] descriptor, int limit) {
        Database.positiveLimit(limit);
        Set<String> asked = SceneRecord.checkTags(tags);
        float[] vector = SceneRecord.checkDescriptor(descriptor);
        return newest(userId, MAX_CANDIDATES).stream()
                .map(r -> new SimilarScene(r, similarity(asked, vector, r.tags(), r.descriptorView())))
                .filter(s -> s.similarity() >= MIN_SIMILARITY)
                .sorted(Comparator.comparingDouble(SimilarScene::similarity).reversed()
                        .thenComparing(s -> s.record().createdAt(), Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    /**
     * Removes one of the user's records; the accepted edit stays accepted.
     *
     * @return false when the user has no record with this id
     */
    public boolean forget(String userId, String recordId) {
        return db.update("forget scene record " + recordId, DELETE, s -> {
            s.setString(1, recordId);
            s.setString(2, userId);
        }) == 1;
    }

    /** Every record of the user, newest first. */
    public List<SceneRecord> list(String userId) {
        return newest(userId, Integer.MAX_VALUE);
    }

    /** How alike two scenes are, in [0, 1]: the weighted sum described on the class. */
    public static double similarity(Set<String> tagsA, float[] descriptorA, Set<String> tagsB, float[] descriptorB) {
        return TAG_WEIGHT * jaccard(tagsA, tagsB) + DESCRIPTOR_WEIGHT * cosine(descriptorA, descriptorB);
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        long shared = a.stream().filter(b::contains).count();
        return (double) shared / union.size();
    }

    /** The cosine clamped to [0, 1]: opposite scenes are as unrelated as orthogonal ones. */
    private static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            return 0;
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        if (normA == 0 || normB == 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, dot / Math.sqrt(normA * normB)));
    }

    private List<SceneRecord> newest(String userId, int limit) {
        return db.query("read the scene memory of user " + userId, "SELECT " + COLUMNS + " FROM scene_memories"
                + " WHERE owner_id = ? ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY", s -> {
            s.setString(1, userId);
            s.setInt(2, limit);
        }, SceneMemory::record);
    }

    private static boolean lockPhoto(Connection c, String photoId, String userId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM photos WHERE id = ? AND owner_id = ? FOR UPDATE")) {
            select.setString(1, photoId);
            select.setString(2, userId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Optional<SceneRecord> recordOfPhoto(Connection c, String photoId, String userId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM scene_memories WHERE photo_id = ? AND owner_id = ?")) {
            select.setString(1, photoId);
            select.setString(2, userId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(record(rows)) : Optional.empty();
            }
        }
    }

    private static void delete(Connection c, String recordId, String userId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(DELETE)) {
            delete.setString(1, recordId);
            delete.setString(2, userId);
            delete.executeUpdate();
        }
    }

    private static void insert(Connection c, SceneRecord r) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO scene_memories (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, r.id());
            insert.setString(2, r.ownerId());
            insert.setString(3, r.photoId());
            insert.setString(4, r.editId());
            insert.setString(5, String.join(" ", r.tags()));
            insert.setString(6, write(r.descriptorView()));
            insert.setString(7, write(r.relativeState()));
            Timestamps.bind(insert, 8, r.createdAt());
            insert.executeUpdate();
        }
    }

    static SceneRecord record(ResultSet row) throws SQLException {
        String tags = row.getString("tags");
        return new SceneRecord(row.getString("id"), row.getString("owner_id"), row.getString("photo_id"),
                row.getString("edit_id"), tags.isEmpty() ? Set.of() : Set.of(tags.split(" ")),
                read(row.getString("descriptor"), DESCRIPTOR), read(row.getString("relative_state"), RELATIVE_STATE),
                Timestamps.read(row, "created_at"));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("numbers and maps of names to numbers always serialise", e);
        }
    }

    private static <T> T read(String json, JavaType type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored scene record is not the JSON it was written as", e);
        }
    }
}
