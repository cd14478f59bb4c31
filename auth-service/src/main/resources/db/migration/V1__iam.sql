-- One schema for the embedded H2 database and PostgreSQL: only types and statements both take
-- the same way (VARCHAR, BIGINT epoch milliseconds, BOOLEAN, plain foreign keys).

CREATE TABLE iam_users (
    uid           VARCHAR(96)   NOT NULL PRIMARY KEY,
    description   VARCHAR(1000) NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    password_hash VARCHAR(200),
    public_key    VARCHAR(4000),
    created_at    BIGINT        NOT NULL
);

CREATE TABLE iam_groups (
    gid         VARCHAR(96)   NOT NULL PRIMARY KEY,
    description VARCHAR(1000) NOT NULL
);

CREATE TABLE iam_memberships (
    gid VARCHAR(96) NOT NULL REFERENCES iam_groups (gid) ON DELETE CASCADE,
    uid VARCHAR(96) NOT NULL REFERENCES iam_users (uid) ON DELETE CASCADE,
    PRIMARY KEY (gid, uid)
);
CREATE INDEX iam_memberships_uid ON iam_memberships (uid);

CREATE TABLE iam_acls (
    rid         VARCHAR(512)  NOT NULL PRIMARY KEY,
    description VARCHAR(1000) NOT NULL
);

-- principal_kind is 'user' or 'group'; principal_id a uid or a gid. ACEs of a deleted user or
-- group are deleted with it by the store (one table for both kinds, so no foreign key).
CREATE TABLE iam_aces (
    rid            VARCHAR(512) NOT NULL REFERENCES iam_acls (rid) ON DELETE CASCADE,
    principal_kind VARCHAR(8)   NOT NULL,
    principal_id   VARCHAR(96)  NOT NULL,
    action         VARCHAR(16)  NOT NULL,
    PRIMARY KEY (rid, principal_kind, principal_id, action)
);
CREATE INDEX iam_aces_principal ON iam_aces (principal_kind, principal_id);

-- Token signing keys, shared by the replicas. The private key is AES-GCM encrypted with the
-- key-encryption key of the configuration; activates_at is unique so that two replicas creating
-- the same next key agree on one.
CREATE TABLE signing_keys (
    kid             VARCHAR(64)   NOT NULL PRIMARY KEY,
    private_key_enc VARCHAR(8000) NOT NULL,
    public_key      VARCHAR(4000) NOT NULL,
    created_at      BIGINT        NOT NULL,
    activates_at    BIGINT        NOT NULL UNIQUE,
    retires_at      BIGINT        NOT NULL
);

-- jti of service-account login tokens already used, kept until the token expires (one-time use
-- across replicas).
CREATE TABLE used_login_tokens (
    uid        VARCHAR(96)  NOT NULL,
    jti        VARCHAR(200) NOT NULL,
    expires_at BIGINT       NOT NULL,
    PRIMARY KEY (uid, jti)
);
