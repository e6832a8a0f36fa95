-- The anonymous store (SEL § 101a) on PostgreSQL: the same logical schema as
-- app/migrations/anon/ on SQLite (0001–0003 together), checked by a test. What it may hold is
-- said there: never a name, phone, e-mail, CPR number, address, IP address, browser data, plain
-- token or free text. Times are RFC 3339 text in UTC and days YYYY-MM-DD, as on SQLite, so the
-- store code binds the same values on both engines.

CREATE TABLE anon_holder (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hmac      BYTEA   NOT NULL UNIQUE CHECK (octet_length(token_hmac) = 32),
    kommune         TEXT    NOT NULL,
    purpose         TEXT    NOT NULL CHECK (purpose IN ('clarifying', 'relative', 'counselling')),
    created_day     TEXT    NOT NULL,
    last_talk_day   TEXT,
    purged_talks    BIGINT  NOT NULL DEFAULT 0
);

CREATE TABLE anon_booking (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    holder_id       BIGINT  NOT NULL REFERENCES anon_holder(id) ON DELETE CASCADE,
    label           TEXT    NOT NULL UNIQUE,
    site            TEXT    NOT NULL,
    talk_kind       TEXT    NOT NULL,
    starts_at       TEXT    NOT NULL,
    seat            BIGINT  NOT NULL CHECK (seat >= 0),
    status          TEXT    NOT NULL DEFAULT 'booked'
                    CHECK (status IN ('booked', 'held', 'no_show', 'cancelled')),
    outcome         TEXT    CHECK (outcome IN ('advice_given', 'referred_anonymous_101a',
                                               'referred_other_treatment', 'no_further_need')),
    -- As on SQLite: a seat of a slot is taken at most once among live bookings. PostgreSQL keeps
    -- generated columns stored, not virtual.
    live_seat       TEXT GENERATED ALWAYS AS
                    (CASE WHEN status <> 'cancelled' THEN site || '|' || talk_kind || '|' || starts_at || '|' || seat::text END) STORED
);

CREATE UNIQUE INDEX anon_booking_one_live_seat ON anon_booking(live_seat);
CREATE INDEX anon_booking_by_slot ON anon_booking(site, talk_kind, starts_at);
CREATE INDEX anon_booking_by_holder ON anon_booking(holder_id);
CREATE INDEX anon_booking_by_start ON anon_booking(starts_at);

CREATE TABLE anon_opening_hours (
    site            TEXT    NOT NULL,
    talk_kind       TEXT    NOT NULL,
    rules_json      TEXT    NOT NULL CHECK (rules_json::jsonb IS NOT NULL),
    updated_day     TEXT    NOT NULL,
    reviewed        BIGINT  NOT NULL DEFAULT 0 CHECK (reviewed IN (0, 1)),
    PRIMARY KEY (site, talk_kind)
);

CREATE TABLE anon_extra_slot (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site            TEXT    NOT NULL,
    talk_kind       TEXT    NOT NULL,
    starts_at       TEXT    NOT NULL,
    talk_minutes    BIGINT  NOT NULL CHECK (talk_minutes BETWEEN 5 AND 480),
    capacity        BIGINT  NOT NULL CHECK (capacity BETWEEN 1 AND 20),
    UNIQUE (site, talk_kind, starts_at)
);

CREATE TABLE anon_monthly_count (
    month           TEXT    NOT NULL,
    site            TEXT    NOT NULL,
    talk_kind       TEXT    NOT NULL,
    purpose         TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    outcome         TEXT    NOT NULL DEFAULT '',
    talks           BIGINT  NOT NULL CHECK (talks >= 0),
    PRIMARY KEY (month, site, talk_kind, purpose, status, outcome)
);
