-- Anonymous written contact (issue 19) on PostgreSQL: the same logical schema as
-- app/migrations/anon/0006_messages.sql, where what each table may hold is said. Bodies are
-- sealed before they reach the database; the purge rewrites the tables (VACUUM FULL) so deleted
-- bodies leave the files.

CREATE TABLE msg_thread (
    id              BYTEA   NOT NULL PRIMARY KEY CHECK (octet_length(id) = 16),
    code_hmac       BYTEA   NOT NULL UNIQUE CHECK (octet_length(code_hmac) = 32),
    kommune         TEXT    NOT NULL,
    site            TEXT    NOT NULL,
    writer          TEXT    NOT NULL CHECK (writer IN ('mig-selv', 'paaroerende')),
    label           TEXT    NOT NULL UNIQUE,
    status          TEXT    NOT NULL CHECK (status IN ('venter', 'besvaret', 'lukket')),
    opened_day      TEXT    NOT NULL,
    last_day        TEXT    NOT NULL
);

CREATE INDEX msg_thread_by_site ON msg_thread(site, status, last_day);
CREATE INDEX msg_thread_by_last_day ON msg_thread(last_day);

CREATE TABLE msg_message (
    thread_id       BYTEA   NOT NULL REFERENCES msg_thread(id) ON DELETE CASCADE,
    seq             BIGINT  NOT NULL CHECK (seq BETWEEN 1 AND 40),
    sender          TEXT    NOT NULL CHECK (sender IN ('skriver', 'raadgiver')),
    day             TEXT    NOT NULL,
    sealed          BYTEA   NOT NULL CHECK (octet_length(sealed) BETWEEN 41 AND 8040),
    PRIMARY KEY (thread_id, seq)
);
