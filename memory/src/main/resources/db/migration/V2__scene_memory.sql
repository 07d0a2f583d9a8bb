-- Scene memory: one record per photo whose edit the user kept, holding the scene's tags and
-- descriptor and the kept look relative to the photo's own measured values. Same portable SQL as V1.

-- lets a memory record name its edit, photo and owner in one foreign key, so a record can only
-- point at an edit of that photo, of that owner
ALTER TABLE edits ADD CONSTRAINT edits_id_photo_owner UNIQUE (id, photo_id, owner_id);

-- erasing a user asks whether anyone else still uses each of their result files
CREATE INDEX edits_result_sha256 ON edits (result_sha256);

CREATE TABLE scene_memories (
    id             VARCHAR(64)              NOT NULL PRIMARY KEY,
    owner_id       VARCHAR(64)              NOT NULL,
    photo_id       VARCHAR(64)              NOT NULL,
    edit_id        VARCHAR(64)              NOT NULL,
    -- sorted, space-separated; at most 32 tags of at most 32 characters
    tags           VARCHAR(1100)            NOT NULL,
    -- JSON array of numbers
    descriptor     TEXT                     NOT NULL,
    -- JSON {"region": {"attribute": delta}}
    relative_state TEXT                     NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the newest kept look of a photo replaces the one before, so one photo is one vote
    CONSTRAINT scene_memories_one_per_photo UNIQUE (owner_id, photo_id)
);
-- retrieval and listing read one owner's records, newest first
CREATE INDEX scene_memories_owner_created ON scene_memories (owner_id, created_at);
-- created before the foreign key so that both databases use it for the cascade from edits
CREATE INDEX scene_memories_edit ON scene_memories (edit_id, photo_id, owner_id);
ALTER TABLE scene_memories ADD CONSTRAINT scene_memories_of_edit FOREIGN KEY (edit_id, photo_id, owner_id)
    REFERENCES edits (id, photo_id, owner_id) ON DELETE CASCADE;
