-- Regions a user picked on a photo (click, box, add, remove), kept so that edits naming them render the
-- same after a restart. The mask is a grey PNG at the photo's working size, base64 encoded: small, and it
-- goes with the photo when the photo goes.
CREATE TABLE picked_regions (
    photo_id    VARCHAR(64)              NOT NULL,
    owner_id    VARCHAR(64)              NOT NULL,
    region_id   VARCHAR(64)              NOT NULL,
    label       VARCHAR(200)             NOT NULL,
    mask_png    TEXT                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT picked_regions_pk PRIMARY KEY (photo_id, region_id),
    CONSTRAINT picked_regions_photo FOREIGN KEY (photo_id, owner_id)
        REFERENCES photos (id, owner_id) ON DELETE CASCADE
);
