-- The case store (SEL § 101, SUL §§ 141–142) on PostgreSQL: the same logical schema as
-- app/migrations/case/ on SQLite (0001–0002 together), checked by a test. It never holds a
-- token, a token hash, a booking label or any id from the anonymous store.

CREATE TABLE treatment_request (
    id                  BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference           TEXT    NOT NULL UNIQUE,
    kommune             TEXT    NOT NULL,
    substance           TEXT    NOT NULL CHECK (substance IN ('alcohol', 'other', 'both')),
    contact_name        TEXT    NOT NULL,
    contact_phone       TEXT,
    contact_email       TEXT,
    preferred_times     TEXT,
    status              TEXT    NOT NULL DEFAULT 'new'
                        CHECK (status IN ('new', 'contacted', 'treatment_started', 'closed', 'chose_other_site')),
    received_at         TEXT    NOT NULL,
    guarantee_until     TEXT,
    form_nonce_sha256   BYTEA   CHECK (form_nonce_sha256 IS NULL OR octet_length(form_nonce_sha256) = 32),
    clock_started_on    TEXT,
    ended_at            TEXT,
    CHECK (contact_phone IS NOT NULL OR contact_email IS NOT NULL)
);

CREATE UNIQUE INDEX treatment_request_one_per_form ON treatment_request(form_nonce_sha256);
CREATE INDEX treatment_request_by_end ON treatment_request(ended_at) WHERE ended_at IS NOT NULL;

CREATE TABLE treatment_request_event (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id      BIGINT  NOT NULL REFERENCES treatment_request(id) ON DELETE CASCADE,
    at              TEXT    NOT NULL,
    staff_user      TEXT    NOT NULL,
    change          TEXT    NOT NULL
);

CREATE INDEX treatment_request_event_by_request ON treatment_request_event(request_id);

CREATE TABLE treatment_request_deletion (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          TEXT    NOT NULL,
    staff_user  TEXT    NOT NULL,
    reason      TEXT    NOT NULL CHECK (reason IN ('on_request', 'retention')),
    requests    BIGINT  NOT NULL CHECK (requests >= 1)
);
