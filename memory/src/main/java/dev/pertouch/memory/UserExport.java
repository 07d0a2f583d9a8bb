package dev.pertouch.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything stored about one user, for them to take away: who they are, their photos (records,
 * not pixels), every edit and every remembered scene, each list oldest first.
 */
public record UserExport(User user, List<Photo> photos, List<Edit> edits, List<SceneRecord> sceneMemory) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public UserExport {
        Objects.requireNonNull(user, "user");
        photos = List.copyOf(photos);
        edits = List.copyOf(edits);
        sceneMemory = List.copyOf(sceneMemory);
    }

    /**
     * The export as one JSON document: {@code {"user", "photos", "edits", "sceneMemory"}}. Times are
     * ISO-8601 instants; analyses, edit states and agent replies appear as the JSON they were
     * stored as (as a string when a stored value is not JSON).
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("user")
                .put("id", user.id())
                .put("displayName", user.displayName())
                .put("createdAt", time(user.createdAt()))
                .put("lastSeenAt", time(user.lastSeenAt()));
        ArrayNode photoNodes = root.putArray("photos");
        for (Photo p : photos) {
            ObjectNode node = photoNodes.addObject()
                    .put("id", p.id())
                    .put("sha256", p.sha256())
                    .put("extension", p.extension())
                    .put("width", p.width())
                    .put("height", p.height())
                    .put("sourceFormat", p.sourceFormat());
            node.set("analysis", stored(p.analysisJson()));
            node.put("createdAt", time(p.createdAt()));
        }
        ArrayNode editNodes = root.putArray("edits");
        for (Edit e : edits) {
            ObjectNode node = editNodes.addObject()
                    .put("id", e.id())
                    .put("photoId", e.photoId())
                    .put("source", e.source())
                    .put("instruction", e.instruction());
            node.set("state", stored(e.stateJson()));
            node.set("reply", stored(e.replyJson()));
            node.put("resultSha256", e.resultSha256())
                    .put("accepted", e.accepted())
                    .put("createdAt", time(e.createdAt()));
        }
        ArrayNode sceneNodes = root.putArray("sceneMemory");
        for (SceneRecord r : sceneMemory) {
            ObjectNode node = sceneNodes.addObject()
                    .put("id", r.id())
                    .put("photoId", r.photoId())
                    .put("editId", r.editId());
            r.tags().forEach(node.putArray("tags")::add);
            ArrayNode descriptor = node.putArray("descriptor");
            for (float v : r.descriptorView()) {
                descriptor.add(v);
            }
            node.set("relativeState", JSON.valueToTree(r.relativeState()));
            node.put("createdAt", time(r.createdAt()));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static String time(Instant instant) {
        return instant.toString();
    }

    private static JsonNode stored(String json) {
        if (json == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException notJson) {
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
