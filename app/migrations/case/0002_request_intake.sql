-- The case store, second step (issue 7): what the intake of identified requests needs beyond
-- 0001. Still no token, token hash, booking label or anonymous id: nothing here can point at the
-- anonymous store.

-- SHA-256 of the random form nonce (`skema`) rendered into the request form. One form, one
-- request: a double click or a reload posts the same nonce, and the unique index turns the second
-- insert into a look-up of the first.
ALTER TABLE treatment_request ADD COLUMN form_nonce_sha256 BLOB
    CHECK (form_nonce_sha256 IS NULL OR length(form_nonce_sha256) = 32);
CREATE UNIQUE INDEX treatment_request_one_per_form ON treatment_request(form_nonce_sha256);

-- The day the guarantee's clock started (a date in Europe/Copenhagen). The day of the request
-- where the municipality counts from contact; set by a case worker where it counts from
-- attendance or application. NULL until then, like guarantee_until.
ALTER TABLE treatment_request ADD COLUMN clock_started_on TEXT;

-- When the request reached a final status (closed, or the person chose another site): retention
-- counts from here. NULL while the request is open; cleared if it is reopened.
ALTER TABLE treatment_request ADD COLUMN ended_at TEXT;

CREATE INDEX treatment_request_by_end ON treatment_request(ended_at) WHERE ended_at IS NOT NULL;

-- A request that is deleted (on the person's request, or at the end of retention) takes its
-- events with it. What stays is that a deletion happened, when, by whom and why: no reference,
-- no id, nothing about the person.
CREATE TABLE treatment_request_deletion (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    staff_user  TEXT    NOT NULL,
    reason      TEXT    NOT NULL CHECK (reason IN ('on_request', 'retention')),
    requests    INTEGER NOT NULL CHECK (requests >= 1)
) STRICT;
