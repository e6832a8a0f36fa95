-- Each account belongs to one municipality (the data controller whose data it works with), and a
-- counsellor also to the treatment sites whose calendars they work. Accounts made before this get
-- the empty municipality: they can sign in but enter no area until `server assign-staff USERNAME
-- KOMMUNE [SITE ...]` gives them one (README, "Staff: accounts and roles").
ALTER TABLE staff_account ADD COLUMN kommune TEXT NOT NULL DEFAULT '';

CREATE TABLE staff_account_site (
    account_id      INTEGER NOT NULL REFERENCES staff_account(id) ON DELETE CASCADE,
    site            TEXT    NOT NULL,
    PRIMARY KEY (account_id, site)
) STRICT;

CREATE INDEX staff_account_by_kommune ON staff_account(kommune);
