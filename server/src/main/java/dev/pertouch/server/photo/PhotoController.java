package dev.pertouch.server.photo;

import dev.pertouch.inference.image.ImageRejectedException;
import dev.pertouch.memory.Photo;
import dev.pertouch.server.http.Guard;
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
