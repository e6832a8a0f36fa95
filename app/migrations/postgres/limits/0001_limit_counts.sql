-- The limits' counters, shared by every instance of the portal (PostgreSQL only; one instance on
-- SQLite counts in memory). A database of its own, with a role of its own: the counters are the
-- only data derived from a client's address or a staff username, and they stay out of the
-- anonymous, case and staff stores.
--
-- A row is one client's use of one limit in one window of time. The client is known only as
-- key_hash = HMAC-SHA256(key, limit, window, address or username), cut to 16 bytes, with a key
-- derived from the token secret (kept outside every database). The window is inside the hash, so
-- rows of two windows cannot be linked to each other, and a row is deleted once its window has
-- ended. Nothing else is kept: no address, no username, no time of an attempt.
CREATE TABLE limit_count (
    limit_name  TEXT    NOT NULL CHECK (limit_name IN ('guesses', 'bookings', 'sign_in_client', 'sign_in_user')),
    key_hash    BYTEA   NOT NULL CHECK (octet_length(key_hash) = 16),
    window_end  BIGINT  NOT NULL,   -- Unix seconds: the row is deleted from then on
    used        INTEGER NOT NULL CHECK (used >= 0),
    PRIMARY KEY (limit_name, key_hash)
);

CREATE INDEX limit_count_by_window_end ON limit_count (window_end);
