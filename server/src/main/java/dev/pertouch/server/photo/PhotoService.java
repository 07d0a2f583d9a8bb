package dev.pertouch.server.photo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pertouch.inference.EditState;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.Region;
import dev.pertouch.inference.regions.SoftMasks;
import dev.pertouch.inference.RetouchEngine;
import dev.pertouch.inference.image.DecodeLimits;
import dev.pertouch.inference.image.DecodedImage;
import dev.pertouch.inference.image.ImageCodec;
import dev.pertouch.inference.image.ImageRejectedException;
import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.memory.Photo;
import dev.pertouch.memory.PhotoStore;
import dev.pertouch.memory.PickedRegion;
import dev.pertouch.memory.PickedRegions;
import dev.pertouch.memory.Photos;
import dev.pertouch.memory.StoredFile;
import dev.pertouch.memory.Users;
import dev.pertouch.server.Ids;
import dev.pertouch.server.http.ApiException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Uploads and stored photos: decode safely, re-encode, store once, analyse, and hand back loaded photos
 * for rendering. Photos belong to the user who uploaded them; anyone else gets "not found".
 */
public final class PhotoService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final float STORED_JPEG_QUALITY = 0.95f;

    private final RetouchEngine engine;
    private final RenderQueue queue;
    private final PhotoStore store;
    private static final String PICK_PREFIX = "pick-";

    private final Users users;
    private final PickedRegions pickedRegions;
    private final Photos photos;
    private final DecodeLimits limits;
    private final BoundedCache<LoadedPhoto> cache = new BoundedCache<>(250_000_000L, p -> p.image().pixelCount());
    private final BoundedCache<byte[]> previews = new BoundedCache<>(64L * 1024 * 1024, b -> b.length);

    public PhotoService(RetouchEngine engine, RenderQueue queue, PhotoStore store, Users users, Photos photos,
                        PickedRegions pickedRegions, DecodeLimits limits) {
        this.pickedRegions = pickedRegions;
        this.engine = engine;
        this.users = users;
        this.queue = queue;
        this.store = store;
        this.photos = photos;
        this.limits = limits;
    }

    public DecodeLimits limits() {
        return limits;
    }

    /** Decodes, analyses and stores an upload; the stored file is our own encoding, never the bytes sent. */
    public LoadedPhoto upload(String ownerId, byte[] bytes) throws ImageRejectedException {
        DecodedImage decoded = ImageCodec.decode(bytes, limits);
        RgbImage image = decoded.image();
        var analysisJob = queue.submit("analyse", ctx -> engine.analyze(image));
        boolean lossless = !"jpeg".equals(decoded.format());
        byte[] encoded = lossless ? ImageCodec.encodePng(image) : ImageCodec.encodeJpeg(image, STORED_JPEG_QUALITY);
        StoredFile file = store.put(encoded, lossless ? "png" : "jpg");
        PhotoAnalysis analysis = queue.await(analysisJob);
        Photo record = new Photo(Ids.random("p_"), ownerId, file.sha256(), file.extension(), image.width(), image.height(),
                decoded.format(), summary(analysis), Instant.now());
        users.ensure(ownerId);
        photos.insert(record);
        LoadedPhoto loaded = new LoadedPhoto(record, image, analysis);
        cache.put(loaded.id(), loaded);
        return loaded;
    }

    public Optional<Photo> find(String ownerId, String photoId) {
        return photos.find(photoId, ownerId);
    }

    public Photo record(String ownerId, String photoId) {
        return find(ownerId, photoId).orElseThrow(() -> ApiException.notFound("Photo " + photoId));
    }

    /** The photo with pixels and regions, from memory or else decoded again from the store. */
    public LoadedPhoto load(String ownerId, String photoId) {
        Photo record = record(ownerId, photoId);
        return cache.get(photoId).orElseGet(() -> {
            byte[] bytes = store.read(record.sha256(), record.extension());
            List<PickedRegion> picked = pickedRegions.list(photoId, ownerId);
            LoadedPhoto loaded = queue.run("load", ctx -> {
                RgbImage image = ImageCodec.decode(bytes, limits).image();
                PhotoAnalysis analysis = engine.analyze(image);
                for (PickedRegion p : picked) {
                    analysis = engine.withRegion(analysis, p.regionId(), p.label(),
                            MaskImages.fromPng(p.maskPng(), analysis.workWidth(), analysis.workHeight()));
                }
                return new LoadedPhoto(record, image, analysis);
            });
            cache.put(loaded.id(), loaded);
            return loaded;
        });
    }

    /**
     * Picks a region by a click or a dragged box (coordinates in [0, 1] of the photo's width and height), as a
     * new selection or added to or taken from the latest one. Every pick is a new region ({@code pick-N}), so
     * edits made on an earlier selection keep meaning what they meant.
     */
    public Region pick(String ownerId, String photoId, Pick pick) {
        LoadedPhoto photo = load(ownerId, photoId);
        PhotoAnalysis analysis = photo.analysis();
        float[] mask = queue.run("pick " + photoId, ctx -> engine.pick(analysis, pick.how(), pick.x0(), pick.y0(),
                pick.x1(), pick.y1())).orElseThrow(() -> new ApiException(422, "nothing_picked",
                "Nothing distinct is there to select; try clicking inside a region or dragging a box around it."));
        Optional<Region> latest = latestPick(analysis);
        if (pick.mode() != Pick.Mode.NEW && latest.isPresent()) {
            mask = pick.mode() == Pick.Mode.ADD ? SoftMasks.union(latest.get().mask(), mask)
                    : SoftMasks.minus(latest.get().mask(), mask);
        }
        int number = latest.map(r -> Integer.parseInt(r.id().substring(PICK_PREFIX.length())) + 1).orElse(1);
        return addRegion(ownerId, photo, PICK_PREFIX + number, "selection " + number, mask);
    }

    /** Resolves a typed name ("sky", "the dog") to one of the photo's regions, adding it when it is new. */
    public Region select(String ownerId, String photoId, String name) {
        LoadedPhoto photo = load(ownerId, photoId);
        Region found = engine.resolve(photo.analysis(), name).orElseThrow(() -> new ApiException(404, "region_not_found",
                "No region called '" + name + "' was found in this photo. It has: " + photo.analysis().regions()
                        .stream().map(Region::id).collect(Collectors.joining(", ")) + "."));
        if (photo.analysis().region(found.id()).isPresent()) {
            return found;
        }
        return addRegion(ownerId, photo, found.id(), found.label(), found.mask());
    }

    /** The coloured overlay of the photo's regions, for the page to lay over the image. */
    public byte[] overlay(String ownerId, String photoId) {
        String key = photoId + "@regions";
        return previews.get(key).orElseGet(() -> {
            LoadedPhoto photo = load(ownerId, photoId);
            byte[] png = queue.run("overlay " + photoId, ctx -> ImageCodec.encodePng(engine.overlay(photo.analysis())));
            previews.put(key, png);
            return png;
        });
    }

    private Region addRegion(String ownerId, LoadedPhoto photo, String id, String label, float[] mask) {
        PhotoAnalysis analysis = photo.analysis();
        PhotoAnalysis next = queue.run("measure " + id, ctx -> engine.withRegion(analysis, id, label, mask));
        pickedRegions.save(new PickedRegion(photo.id(), ownerId, id, label,
                MaskImages.toPng(mask, analysis.workWidth(), analysis.workHeight()), Instant.now()));
        cache.put(photo.id(), new LoadedPhoto(photo.record(), photo.image(), next));
        previews.remove(photo.id() + "@regions");
        return next.region(id).orElseThrow();
    }

    private static Optional<Region> latestPick(PhotoAnalysis analysis) {
        Region latest = null;
        for (Region r : analysis.regions()) {
            if (r.id().startsWith(PICK_PREFIX)) {
                latest = r;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The photo as it is, at preview size, for the page to show before any edit. */
    public byte[] preview(String ownerId, String photoId, int maxSide) {
        String key = photoId + "@" + maxSide;
        return previews.get(key).orElseGet(() -> {
            LoadedPhoto photo = load(ownerId, photoId);
            byte[] jpeg = queue.run("preview " + photoId, ctx -> ImageCodec.encodeJpeg(
                    engine.render(photo.image(), photo.analysis(), EditState.empty(), maxSide).image(), 0.9f));
            previews.put(key, jpeg);
            return jpeg;
        });
    }

    public byte[] original(String ownerId, String photoId) {
        Photo record = record(ownerId, photoId);
        return store.read(record.sha256(), record.extension());
    }

    /** The regions recorded at upload, without decoding the photo again. */
    public List<RegionView> regions(Photo photo) {
        try {
            return List.of(JSON.readValue(photo.analysisJson(), RegionView[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored analysis of " + photo.id() + " is not readable", e);
        }
    }

    public List<Photo> recent(String ownerId, int limit) {
        return photos.listByOwner(ownerId, limit);
    }

    private static String summary(PhotoAnalysis analysis) {
        try {
            return JSON.writeValueAsString(RegionView.of(analysis));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
