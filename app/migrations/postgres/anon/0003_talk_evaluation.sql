-- As migrations/anon/0005_talk_evaluation.sql: a talk booked with a booking code is evaluated
-- once; the booking keeps only that it was.
ALTER TABLE anon_booking ADD COLUMN evaluated BIGINT NOT NULL DEFAULT 0 CHECK (evaluated IN (0, 1));
