-- Anonymous evaluation and follow-up (issue 18). A code is kept only as a keyed hash, with what
-- it is for (municipality, site, moment) and the month it was handed out: nothing about the
-- person, and no time finer than the month. Answers are never kept as a response: answering adds
-- one to each answer's count and uses the code up, in the same transaction. No free text.

-- A code handed out and not yet used up. WITHOUT ROWID, keyed by the hash: the table keeps no
-- order of handing out that could be laid beside a staff member's day.
CREATE TABLE eval_code (
    code_hmac       BLOB    NOT NULL PRIMARY KEY CHECK (length(code_hmac) = 32),
    kommune         TEXT    NOT NULL,
    site            TEXT    NOT NULL,
    moment          TEXT    NOT NULL CHECK (moment IN ('samtale', 'gruppeforloeb', 'udskrivning', 'opfoelgning')),
    month           TEXT    NOT NULL,          -- YYYY-MM, Copenhagen: when it was handed out
    expires_month   TEXT    NOT NULL,          -- the last month it can be used
    -- The follow-up points (months after discharge) already answered, one bit per month; a
    -- one-use code is deleted when used instead.
    used_points     INTEGER NOT NULL DEFAULT 0 CHECK (used_points >= 0)
) STRICT, WITHOUT ROWID;

CREATE INDEX eval_code_by_expiry ON eval_code(expires_month);

-- How many codes were handed out: the denominator of the response rate.
CREATE TABLE eval_issued_count (
    kommune         TEXT    NOT NULL,
    site            TEXT    NOT NULL,
    moment          TEXT    NOT NULL,
    month           TEXT    NOT NULL,
    codes           INTEGER NOT NULL CHECK (codes >= 0),
    PRIMARY KEY (kommune, site, moment, month)
) STRICT;

-- How many questionnaires were answered, by the month the code was handed out in, and for a
-- follow-up the point (months after discharge; 0 for the other moments).
CREATE TABLE eval_response_count (
    kommune         TEXT    NOT NULL,
    site            TEXT    NOT NULL,
    moment          TEXT    NOT NULL,
    point           INTEGER NOT NULL CHECK (point >= 0),
    month           TEXT    NOT NULL,
    responses       INTEGER NOT NULL CHECK (responses >= 0),
    PRIMARY KEY (kommune, site, moment, point, month)
) STRICT;

-- How many gave each answer to each question (`ubesvaret` for none), on the same keys.
CREATE TABLE eval_answer_count (
    kommune         TEXT    NOT NULL,
    site            TEXT    NOT NULL,
    moment          TEXT    NOT NULL,
    point           INTEGER NOT NULL CHECK (point >= 0),
    month           TEXT    NOT NULL,
    question        TEXT    NOT NULL CHECK (length(question) BETWEEN 1 AND 40),
    answer          TEXT    NOT NULL CHECK (length(answer) BETWEEN 1 AND 40),
    answers         INTEGER NOT NULL CHECK (answers >= 0),
    PRIMARY KEY (kommune, site, moment, point, month, question, answer)
) STRICT;
