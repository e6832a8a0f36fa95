-- Anonymous evaluation and follow-up (issue 18) on PostgreSQL: the same logical schema as
-- app/migrations/anon/0004_evaluation.sql, where what each table may hold is said. A code is
-- kept only as a keyed hash; answers only as counts.

CREATE TABLE eval_code (
    code_hmac       BYTEA   NOT NULL PRIMARY KEY CHECK (octet_length(code_hmac) = 32),
    kommune         TEXT    NOT NULL,
    site            TEXT    NOT NULL,
    moment          TEXT    NOT NULL CHECK (moment IN ('samtale', 'gruppeforloeb', 'udskrivning', 'opfoelgning')),
    month           TEXT    NOT NULL,
    expires_month   TEXT    NOT NULL,
    used_points     BIGINT  NOT NULL DEFAULT 0 CHECK (used_points >= 0)
);

CREATE INDEX eval_code_by_expiry ON eval_code(expires_month);

CREATE TABLE eval_issued_count (
    kommune         TEXT    NOT NULL,
    site            TEXT    NOT NULL,
    moment          TEXT    NOT NULL,
    month           TEXT    NOT NULL,
    codes           BIGINT  NOT NULL CHECK (codes >= 0),
    PRIMARY KEY (kommune, site, moment, month)
);

CREATE TABLE eval_response_count (
    kommune         TEXT    NOT NULL,
    site            TEXT    NOT NULL,
    moment          TEXT    NOT NULL,
    point           BIGINT  NOT NULL CHECK (point >= 0),
    month           TEXT    NOT NULL,
    responses       BIGINT  NOT NULL CHECK (responses >= 0),
    PRIMARY KEY (kommune, site, moment, point, month)
);

CREATE TABLE eval_answer_count (
    kommune         TEXT    NOT NULL,
    site            TEXT    NOT NULL,
    moment          TEXT    NOT NULL,
    point           BIGINT  NOT NULL CHECK (point >= 0),
    month           TEXT    NOT NULL,
    question        TEXT    NOT NULL CHECK (length(question) BETWEEN 1 AND 40),
    answer          TEXT    NOT NULL CHECK (length(answer) BETWEEN 1 AND 40),
    answers         BIGINT  NOT NULL CHECK (answers >= 0),
    PRIMARY KEY (kommune, site, moment, point, month, question, answer)
);
