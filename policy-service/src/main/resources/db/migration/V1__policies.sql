-- MessageLogging policies: every revision kept; the policy's latest revision beside it.
CREATE TABLE policies (
    name        VARCHAR(255) PRIMARY KEY,
    latest      INTEGER      NOT NULL
);

CREATE TABLE policy_revisions (
    name        VARCHAR(255)    NOT NULL,
    revision    INTEGER         NOT NULL,
    xml         VARCHAR(1048576) NOT NULL,
    created_at  BIGINT          NOT NULL,
    created_by  VARCHAR(96),
    PRIMARY KEY (name, revision)
);

-- What is deployed where: one revision of a policy per environment, for some services or all (NULL).
CREATE TABLE deployments (
    environment VARCHAR(255) NOT NULL,
    name        VARCHAR(255) NOT NULL,
    revision    INTEGER      NOT NULL,
    services    VARCHAR(4096),
    deployed_at BIGINT       NOT NULL,
    PRIMARY KEY (environment, name)
);

-- A number per environment that every change of its deployments raises: the deployed set's ETag.
CREATE TABLE environment_versions (
    environment VARCHAR(255) PRIMARY KEY,
    version     BIGINT       NOT NULL
);
