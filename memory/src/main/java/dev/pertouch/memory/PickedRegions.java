package dev.pertouch.memory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/** Regions users picked on their photos, owner-scoped like the photos themselves. */
public final class PickedRegions {
    private final Database db;

    public PickedRegions(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Adds the region, or replaces the one of the same id on that photo, in one transaction. */
    public void save(PickedRegion region) {
        db.inTransaction("save picked region " + region.regionId(), c -> {
            try (var delete = c.prepareStatement("DELETE FROM picked_regions WHERE photo_id = ? AND region_id = ?")) {
                delete.setString(1, region.photoId());
                delete.setString(2, region.regionId());
                delete.executeUpdate();
            }
            try (var insert = c.prepareStatement("INSERT INTO picked_regions (photo_id, owner_id, region_id, label, "
                    + "mask_png, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, region.photoId());
                insert.setString(2, region.ownerId());
                insert.setString(3, region.regionId());
                insert.setString(4, region.label());
                insert.setString(5, Base64.getEncoder().encodeToString(region.maskPng()));
                Timestamps.bind(insert, 6, region.createdAt());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The photo's picked regions, oldest first, as they were picked. */
    public List<PickedRegion> list(String photoId, String ownerId) {
        return db.query("list picked regions of " + photoId, "SELECT photo_id, owner_id, region_id, label, mask_png, "
                + "created_at FROM picked_regions WHERE photo_id = ? AND owner_id = ? ORDER BY created_at, region_id",
                s -> {
                    s.setString(1, photoId);
                    s.setString(2, ownerId);
                }, PickedRegions::region);
    }

    private static PickedRegion region(ResultSet row) throws SQLException {
        return new PickedRegion(row.getString("photo_id"), row.getString("owner_id"), row.getString("region_id"),
                row.getString("label"), Base64.getDecoder().decode(row.getString("mask_png")),
                Timestamps.read(row, "created_at"));
    }
}
