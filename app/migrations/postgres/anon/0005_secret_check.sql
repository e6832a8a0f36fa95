-- The token secret's check value (issue 39) on PostgreSQL: the same logical schema as
-- app/migrations/anon/0007_secret_check.sql, where what it holds is said (one row, a keyed hash
-- of a fixed text; never the secret, nothing about anyone).
CREATE TABLE anon_secret_check (
    id              BIGINT  NOT NULL PRIMARY KEY CHECK (id = 1),
    check_hmac      BYTEA   NOT NULL CHECK (octet_length(check_hmac) = 32)
);
