-- Anonymous written contact (issue 19): the one place the anonymous store holds free text, and
-- only here, sealed. A thread is found by the keyed hash of its code (a key derived for message
-- codes alone, so the hash is never a booking token's, even where a booking's code opened the
-- thread); a message body is sealed with XChaCha20-Poly1305 under a key derived from the token
-- secret, which is kept outside the database: a copy of these files alone reads nothing. Days,
-- never times. A thread goes, with its messages, a set number of days after its last message
-- (secure_delete overwrites the freed pages).

-- One conversation. WITHOUT ROWID, keyed by a random id: no order of opening is kept.
CREATE TABLE msg_thread (
    id              BLOB    NOT NULL PRIMARY KEY CHECK (length(id) = 16),
    code_hmac       BLOB    NOT NULL UNIQUE CHECK (length(code_hmac) = 32),
    kommune         TEXT    NOT NULL,
    site            TEXT    NOT NULL,
    writer          TEXT    NOT NULL CHECK (writer IN ('mig-selv', 'paaroerende')),
    label           TEXT    NOT NULL UNIQUE,   -- what staff see ("grøn odder 31"), never the code
    status          TEXT    NOT NULL CHECK (status IN ('venter', 'besvaret', 'lukket')),
    opened_day      TEXT    NOT NULL,          -- YYYY-MM-DD, Copenhagen
    last_day        TEXT    NOT NULL           -- the day of the last message: retention counts from it
) STRICT, WITHOUT ROWID;

CREATE INDEX msg_thread_by_site ON msg_thread(site, status, last_day);
CREATE INDEX msg_thread_by_last_day ON msg_thread(last_day);

-- One message: who wrote it, the day, and the sealed body (24-byte nonce, then the ciphertext
-- with its 16-byte tag; the thread id and the number are the associated data, so a body cannot be
-- moved to another thread or place unnoticed).
CREATE TABLE msg_message (
    thread_id       BLOB    NOT NULL REFERENCES msg_thread(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 40),
    sender          TEXT    NOT NULL CHECK (sender IN ('skriver', 'raadgiver')),
    day             TEXT    NOT NULL,
    sealed          BLOB    NOT NULL CHECK (length(sealed) BETWEEN 41 AND 8040),
    PRIMARY KEY (thread_id, seq)
) STRICT, WITHOUT ROWID;
