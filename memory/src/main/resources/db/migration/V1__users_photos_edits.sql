-- Written in the SQL that both H2 2.x and PostgreSQL 15 accept, so one set of migrations serves
-- the embedded default and a shared server. TEXT is an in-row string in both (H2 maps it to
-- CHARACTER VARYING), which keeps JSON out of LOB storage. Times carry their zone so readers in
-- any JVM time zone see the same instant.

CREATE TABLE users (
    id           VARCHAR(64)              NOT NULL PRIMARY KEY,
    display_name VARCHAR(100),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- retention prunes users who have not been seen for a while
CREATE INDEX users_last_seen ON users (last_seen_at);

CREATE TABLE photos (
    id            VARCHAR(64)              NOT NULL PRIMARY KEY,
    owner_id      VARCHAR(64)              NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sha256        CHAR(64)                 NOT NULL,
    extension     VARCHAR(8)               NOT NULL,
    width         INTEGER                  NOT NULL,
    height        INTEGER                  NOT NULL,
    source_format VARCHAR(32)              NOT NULL,
    analysis_json TEXT,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- target of the edits' composite key: an edit can only belong to a photo of its own owner
    CONSTRAINT photos_id_owner UNIQUE (id, owner_id)
);
CREATE INDEX photos_owner_created ON photos (owner_id, created_at);
-- a stored file may be shared by several photos; deleting one asks whether others still use it
CREATE INDEX photos_sha256 ON photos (sha256);

CREATE TABLE edits (
    id            VARCHAR(64)              NOT NULL PRIMARY KEY,
    photo_id      VARCHAR(64)              NOT NULL,
    owner_id      VARCHAR(64)              NOT NULL,
    state_json    TEXT                     NOT NULL,
    source        VARCHAR(16)              NOT NULL,
    instruction   TEXT,
    reply_json    TEXT,
    result_sha256 CHAR(64),
    accepted      BOOLEAN                  NOT NULL DEFAULT FALSE,
    accepted_at   TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT edits_photo_of_owner FOREIGN KEY (photo_id, owner_id)
        REFERENCES photos (id, owner_id) ON DELETE CASCADE
);
CREATE INDEX edits_photo_created ON edits (photo_id, created_at);
CREATE INDEX edits_owner_created ON edits (owner_id, created_at);
