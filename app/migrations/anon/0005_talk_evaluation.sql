-- A citizen may evaluate a talk booked with an anonymous booking code, once per talk (issue 18).
-- The booking row keeps only that it has been evaluated: the answers go to the counts of
-- eval_answer_count (moment 'samtale', the talk's month), never beside the booking. A held talk
-- of a municipality that evaluates talks is counted in eval_issued_count as one invitation to
-- evaluate, so the response rate of talks is held talks against evaluated ones.
ALTER TABLE anon_booking ADD COLUMN evaluated INTEGER NOT NULL DEFAULT 0 CHECK (evaluated IN (0, 1));
