-- The token secret's check value (issue 39): one row, HMAC-SHA256 of a fixed text under a key
-- derived from the token secret (`TokenSecret::derive`, for this alone), never the secret or a
-- key. It holds nothing about anyone. At start an instance compares it with its own secret and
-- refuses to run on another secret than the one the store's codes were hashed with; the first
-- instance on an empty store writes it (insert if absent, then read back), so of two instances
-- starting at once with different secrets only one can win.
CREATE TABLE anon_secret_check (
    id              INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    check_hmac      BLOB    NOT NULL CHECK (length(check_hmac) = 32)
) STRICT;
