-- The case store (SEL § 101, SUL §§ 141–142): identified requests for treatment. It never holds
-- a token, a token hash, a booking label or any id from the anonymous store.

CREATE TABLE treatment_request (
    id                  INTEGER PRIMARY KEY,
    reference           TEXT    NOT NULL UNIQUE,  -- shown on the person's receipt
    kommune             TEXT    NOT NULL,
    substance           TEXT    NOT NULL CHECK (substance IN ('alcohol', 'other', 'both')),
    contact_name        TEXT    NOT NULL,
    contact_phone       TEXT,
    contact_email       TEXT,
    preferred_times     TEXT,
    status              TEXT    NOT NULL DEFAULT 'new'
                        CHECK (status IN ('new', 'contacted', 'treatment_started', 'closed', 'chose_other_site')),
    received_at         TEXT    NOT NULL,         -- UTC, RFC 3339
    guarantee_until     TEXT,                     -- a date; NULL where the clock has not started
    CHECK (contact_phone IS NOT NULL OR contact_email IS NOT NULL)
) STRICT;

-- Every change to a request, with who made it and when.
CREATE TABLE treatment_request_event (
    id              INTEGER PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES treatment_request(id) ON DELETE CASCADE,
    at              TEXT    NOT NULL,
    staff_user      TEXT    NOT NULL,
    change          TEXT    NOT NULL
) STRICT;

CREATE INDEX treatment_request_event_by_request ON treatment_request_event(request_id);
