-- The anonymous store (SEL § 101a). It never holds a name, phone, e-mail, CPR number, address,
-- IP address, browser data, plain token or free text: only what a booking needs to exist.
-- Tokens are kept as HMAC-SHA256(server secret, normalised token), never in plain.

-- A person's anonymous access: one token may hold several talks (a relative's five talks,
-- a citizen's counselling series).
CREATE TABLE anon_holder (
    id              INTEGER PRIMARY KEY,
    token_hmac      BLOB    NOT NULL UNIQUE CHECK (length(token_hmac) = 32),
    kommune         TEXT    NOT NULL,
    purpose         TEXT    NOT NULL CHECK (purpose IN ('clarifying', 'relative', 'counselling')),
    created_day     TEXT    NOT NULL,   -- a date (YYYY-MM-DD), not a time: less to correlate
    last_talk_day   TEXT
) STRICT;

-- One booked talk.
CREATE TABLE anon_booking (
    id              INTEGER PRIMARY KEY,
    holder_id       INTEGER NOT NULL REFERENCES anon_holder(id) ON DELETE CASCADE,
    label           TEXT    NOT NULL UNIQUE,   -- short non-secret name staff see ("blå måge 42")
    site            TEXT    NOT NULL,
    talk_kind       TEXT    NOT NULL,
    starts_at       TEXT    NOT NULL,          -- UTC, RFC 3339
    seat            INTEGER NOT NULL CHECK (seat >= 0),
    status          TEXT    NOT NULL DEFAULT 'booked'
                    CHECK (status IN ('booked', 'held', 'no_show', 'cancelled')),
    outcome         TEXT    CHECK (outcome IN ('advice_given', 'referred_anonymous_101a',
                                               'referred_other_treatment', 'no_further_need')),
    -- A seat of a slot is taken at most once among live bookings; the store, not the code,
    -- decides a race for the last seat.
    live_seat       TEXT GENERATED ALWAYS AS
                    (CASE WHEN status <> 'cancelled' THEN site || '|' || talk_kind || '|' || starts_at || '|' || seat END) VIRTUAL
) STRICT;

CREATE UNIQUE INDEX anon_booking_one_live_seat ON anon_booking(live_seat);
CREATE INDEX anon_booking_by_slot ON anon_booking(site, talk_kind, starts_at);
CREATE INDEX anon_booking_by_holder ON anon_booking(holder_id);
