-- The staff store on PostgreSQL: the same logical schema as app/migrations/staff/ on SQLite
-- (0001–0002 together), checked by a test. It holds no booking, no token and no case.

CREATE TABLE staff_account (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        TEXT    NOT NULL UNIQUE,
    password_hash   TEXT    NOT NULL,
    role            TEXT    NOT NULL CHECK (role IN ('anonymous_counsellor', 'case_worker', 'admin')),
    created_at      TEXT    NOT NULL,
    disabled_at     TEXT,
    kommune         TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX staff_account_by_kommune ON staff_account(kommune);

CREATE TABLE staff_session (
    id_hash         BYTEA   PRIMARY KEY CHECK (octet_length(id_hash) = 32),
    account_id      BIGINT  NOT NULL REFERENCES staff_account(id) ON DELETE CASCADE,
    csrf            TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    last_seen_at    TEXT    NOT NULL,
    expires_at      TEXT    NOT NULL
);

CREATE INDEX staff_session_by_account ON staff_session(account_id);

CREATE TABLE staff_account_site (
    account_id      BIGINT  NOT NULL REFERENCES staff_account(id) ON DELETE CASCADE,
    site            TEXT    NOT NULL,
    PRIMARY KEY (account_id, site)
);
