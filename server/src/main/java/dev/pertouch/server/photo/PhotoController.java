package dev.pertouch.server.photo;

import dev.pertouch.inference.image.ImageRejectedException;
import dev.pertouch.memory.Photo;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pertouch.inference.Region;
import dev.pertouch.server.http.ApiException;
import dev.pertouch.server.http.Guard;
import dev.pertouch.server.http.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON API for photos: upload, metadata with regions, the stored original and its preview. */
public final class PhotoController {
    private final PhotoService photos;
    private final long maxUploadBytes;

    public PhotoController(PhotoService photos, long maxUploadBytes) {
        this.photos = photos;
        this.maxUploadBytes = maxUploadBytes;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/images", this::upload);
        routes.get("/api/images/{id}", this::metadata);
        routes.get("/api/images/{id}/original", this::original);
        routes.get("/api/images/{id}/preview", this::preview);
        routes.get("/api/images/{id}/regions.png", this::overlay);
        routes.post("/api/images/{id}/regions", this::pick);
    }

    /**
     * Adds a region: {@code {"click": [x, y]}} or {@code {"box": [x0, y0, x1, y1]}} (fractions of the photo)
     * with an optional {@code "mode": "new" | "add" | "remove"}, or {@code {"name": "sky"}}.
     */
    private void pick(Context ctx) {
        JsonNode body = JsonBody.object(ctx);
        String user = Guard.user(ctx);
        String id = ctx.pathParam("id");
        Region region;
        if (body.hasNonNull("name")) {
            region = photos.select(user, id, body.get("name").asText());
        } else {
            region = photos.pick(user, id, pick(body));
        }
        ctx.json(RegionView.of(region));
    }

    private void overlay(Context ctx) {
        image(ctx, photos.overlay(Guard.user(ctx), ctx.pathParam("id")), "png");
    }

    private static Pick pick(JsonNode body) {
        Pick.Mode mode = Pick.mode(body.path("mode").asText(null));
        JsonNode click = body.get("click");
        JsonNode box = body.get("box");
        if (click != null && click.isArray() && click.size() == 2) {
            return new Pick("click", click.get(0).asDouble(-1), click.get(1).asDouble(-1), 0, 0, mode);
        }
        if (box != null && box.isArray() && box.size() == 4) {
            return new Pick("box", box.get(0).asDouble(-1), box.get(1).asDouble(-1), box.get(2).asDouble(-1),
                    box.get(3).asDouble(-1), mode);
        }
        throw ApiException.badRequest("invalid_pick",
                "Send {\"click\": [x, y]}, {\"box\": [x0, y0, x1, y1]} or {\"name\": \"sky\"}.");
    }

    private void upload(Context ctx) throws ImageRejectedException {
        LoadedPhoto photo = photos.upload(Guard.user(ctx), Uploads.read(ctx, maxUploadBytes));
        ctx.status(201).header("Location", "/api/images/" + photo.id()).json(describe(photo.record(),
                RegionView.of(photo.analysis())));
    }

    private void metadata(Context ctx) {
        Photo photo = photos.record(Guard.user(ctx), ctx.pathParam("id"));
        ctx.json(describe(photo, photos.regions(photo)));
    }

    private void original(Context ctx) {
        Photo photo = photos.record(Guard.user(ctx), ctx.pathParam("id"));
        image(ctx, photos.original(Guard.user(ctx), photo.id()), photo.extension());
    }

    private void preview(Context ctx) {
        image(ctx, photos.preview(Guard.user(ctx), ctx.pathParam("id"), 1024), "jpg");
    }

    /** Images are private to their owner and never change under their URL. */
    public static void image(Context ctx, byte[] bytes, String extension) {
        ctx.contentType("png".equals(extension) ? "image/png" : "image/jpeg");
        ctx.header("Cache-Control", "private, max-age=31536000, immutable");
        ctx.result(bytes);
    }

    static Map<String, Object> describe(Photo photo, List<RegionView> regions) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", photo.id());
        out.put("width", photo.width());
        out.put("height", photo.height());
        out.put("format", photo.sourceFormat());
        out.put("createdAt", photo.createdAt().toString());
        out.put("original", "/api/images/" + photo.id() + "/original");
        out.put("preview", "/api/images/" + photo.id() + "/preview");
        out.put("regions", regions);
        return out;
    }
}
