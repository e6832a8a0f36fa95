-- Whether a kind of talk's opening hours are reviewed (issue 20): 1 where the content gives the
-- site's real hours or an admin has saved them, 0 for the example hours the content seeds. A
-- portal run with example hours refused (the production setting) offers no time from a row
-- with 0; the booking page shows the site's phone instead.
ALTER TABLE anon_opening_hours ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0 CHECK (reviewed IN (0, 1));
