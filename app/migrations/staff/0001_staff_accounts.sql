-- The staff store: who may sign in to /personale, and their sessions. It holds no booking, no
-- token and no case: staff identities stay out of both the anonymous store and the case store.

CREATE TABLE staff_account (
    id              INTEGER PRIMARY KEY,
    username        TEXT    NOT NULL UNIQUE,
    password_hash   TEXT    NOT NULL,           -- Argon2id, PHC string (salt and parameters inside)
    role            TEXT    NOT NULL CHECK (role IN ('anonymous_counsellor', 'case_worker', 'admin')),
    created_at      TEXT    NOT NULL,
    disabled_at     TEXT
) STRICT;

-- A signed-in browser. The cookie carries a random 256-bit id; only its SHA-256 is kept, so a
-- copy of this file cannot be used to take over a session.
CREATE TABLE staff_session (
    id_hash         BLOB    PRIMARY KEY CHECK (length(id_hash) = 32),
    account_id      INTEGER NOT NULL REFERENCES staff_account(id) ON DELETE CASCADE,
    csrf            TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    last_seen_at    TEXT    NOT NULL,
    expires_at      TEXT    NOT NULL
) STRICT;

CREATE INDEX staff_session_by_account ON staff_session(account_id);
