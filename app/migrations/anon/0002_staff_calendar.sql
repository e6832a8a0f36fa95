-- The staff side of the anonymous calendar (issue 4): opening hours kept in the store (the
-- content files only seed them), one-off slots staff open, and what is left after retention.

-- A site's weekly rules, closed dates, notice and horizon for one kind of talk, as JSON
-- (domain::slots::OpeningHours without its extra slots). Seeded from app/content/booking.toml
-- when missing; edited by admins.
CREATE TABLE anon_opening_hours (
    site            TEXT    NOT NULL,
    talk_kind       TEXT    NOT NULL,
    rules_json      TEXT    NOT NULL CHECK (json_valid(rules_json)),
    updated_day     TEXT    NOT NULL,
    PRIMARY KEY (site, talk_kind)
) STRICT;

-- A single slot a counsellor opened beside the weekly rules.
CREATE TABLE anon_extra_slot (
    id              INTEGER PRIMARY KEY,
    site            TEXT    NOT NULL,
    talk_kind       TEXT    NOT NULL,
    starts_at       TEXT    NOT NULL,          -- UTC, RFC 3339
    talk_minutes    INTEGER NOT NULL CHECK (talk_minutes BETWEEN 5 AND 480),
    capacity        INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 20),
    UNIQUE (site, talk_kind, starts_at)
) STRICT;

-- Talks (booked or held) a holder had before retention deleted them: the cap on a relative's
-- or a counselling series' talks still counts them until the holder itself is deleted.
ALTER TABLE anon_holder ADD COLUMN purged_talks INTEGER NOT NULL DEFAULT 0;

-- What remains of deleted bookings: how many, per month, site, kind of talk, purpose, status and
-- outcome. No holder, no label, no time of day.
CREATE TABLE anon_monthly_count (
    month           TEXT    NOT NULL,          -- YYYY-MM, Copenhagen
    site            TEXT    NOT NULL,
    talk_kind       TEXT    NOT NULL,
    purpose         TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    outcome         TEXT    NOT NULL DEFAULT '',
    talks           INTEGER NOT NULL CHECK (talks >= 0),
    PRIMARY KEY (month, site, talk_kind, purpose, status, outcome)
) STRICT;

CREATE INDEX anon_booking_by_start ON anon_booking(starts_at);
