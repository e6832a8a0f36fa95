//! Anonymous evaluation, follow-up after treatment, and the figures a municipality holds up
//! against its standard (issue 18). Plain rules only: which moments there are, which answers a
//! question may take, when a follow-up point is due, and which figures a report may show.
//!
//! What is stored is counts, never a response: a code (kept as a keyed hash) carries the
//! municipality, the site, the moment and the month it was handed out, and nothing about the
//! person; answering adds one to each answer's count and uses the code up, in one transaction.

use super::disclosure;
use serde::{Deserialize, Serialize};

/// When a person is asked to evaluate: the moments the standards name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Moment {
    /// After an anonymous clarifying or counselling talk.
    Talk,
    /// At the end of a group course.
    GroupCourse,
    /// At discharge.
    Discharge,
    /// At a follow-up point after treatment (1, 3, 6 or 12 months, as the standard says).
    FollowUp,
}

impl Moment {
    pub const ALL: [Moment; 4] = [Moment::Talk, Moment::GroupCourse, Moment::Discharge, Moment::FollowUp];

    /// The name stored, posted and used in the content files.
    pub const fn slug(self) -> &'static str {
        match self {
            Moment::Talk => "samtale",
            Moment::GroupCourse => "gruppeforloeb",
            Moment::Discharge => "udskrivning",
            Moment::FollowUp => "opfoelgning",
        }
    }

    pub fn from_slug(s: &str) -> Option<Moment> {
        Moment::ALL.into_iter().find(|m| m.slug() == s)
    }
}

/// The answers a question may take. Every set is closed: there is no free text anywhere on the
/// anonymous side, since a sentence typed about oneself could identify the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AnswerSet {
    /// A five-point agreement scale.
    Agreement,
    /// A five-point satisfaction scale.
    Satisfaction,
    /// How the person's use is now, compared with before treatment: what the standards' outcome
    /// targets count.
    UseNow,
    /// Whether the person wants to be contacted: a "yes" shows how to book anonymously or call,
    /// and nothing more is stored.
    ContactWish,
}

impl AnswerSet {
    pub fn from_slug(s: &str) -> Option<AnswerSet> {
        [AnswerSet::Agreement, AnswerSet::Satisfaction, AnswerSet::UseNow, AnswerSet::ContactWish].into_iter().find(|a| a.slug() == s)
    }

    pub const fn slug(self) -> &'static str {
        match self {
            AnswerSet::Agreement => "enighed",
            AnswerSet::Satisfaction => "tilfredshed",
            AnswerSet::UseNow => "forbrug-nu",
            AnswerSet::ContactWish => "kontakt",
        }
    }

    /// The answers' stored values, in the order they are offered.
    pub const fn answers(self) -> &'static [&'static str] {
        match self {
            AnswerSet::Agreement => &["helt-enig", "enig", "hverken-eller", "uenig", "helt-uenig"],
            AnswerSet::Satisfaction => &["meget-tilfreds", "tilfreds", "hverken-eller", "utilfreds", "meget-utilfreds"],
            AnswerSet::UseNow => &[USE_NONE, USE_LESS, "uaendret", "mere"],
            AnswerSet::ContactWish => &[CONTACT_YES, "nej"],
        }
    }

    pub fn has(self, answer: &str) -> bool {
        self.answers().contains(&answer)
    }
}

/// "I use no drugs or alcohol now": what the drug-free (clean, sober) targets count.
pub const USE_NONE: &str = "ingen";
/// "I use less than before treatment": what the reduced-use targets count.
pub const USE_LESS: &str = "mindre";
/// "Yes, I want to be contacted".
pub const CONTACT_YES: &str = "ja";
/// A question left unanswered. Counted as a category of its own, so a question's counts always
/// add up to the responses and an unanswered count is never a hidden difference.
pub const UNANSWERED: &str = "ubesvaret";

pub use super::period::{Month, Quarter};

// ---- Follow-up points ------------------------------------------------------------------------

/// The longest follow-up point a standard may name, in months; also the width of a code's
/// used-points mask (one bit per month).
pub const MAX_POINT: u32 = 24;

/// The bit of a follow-up point (months after discharge) in a code's used-points mask. A
/// one-use code uses point 0.
pub fn point_bit(point: u32) -> i64 {
    1i64 << point.min(MAX_POINT)
}

/// What a follow-up code can do this month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FollowUpDue {
    /// Answer for this point (months after discharge).
    Point(u32),
    /// No point is due before this month.
    NotYet(Month),
    /// Every point has been answered, or the last one has passed.
    Done,
}

/// Months after the last follow-up point during which its answer is still taken.
pub const FOLLOW_UP_GRACE_MONTHS: u32 = 2;

/// Which point a follow-up code handed out in `issued` answers for in `now`: the latest point
/// that has come and is not yet answered. A point passed over (answered late, or not at all)
/// stays unanswered: each answer counts for one point, so the counts stay exact.
pub fn follow_up_due(points: &[u32], issued: Month, now: Month, used_mask: i64) -> FollowUpDue {
    let elapsed = issued.months_until(now);
    let last = points.iter().copied().max().unwrap_or(0);
    if elapsed > i64::from(last + FOLLOW_UP_GRACE_MONTHS) {
        return FollowUpDue::Done;
    }
    let latest_due = points.iter().copied().filter(|p| i64::from(*p) <= elapsed).max();
    match latest_due {
        Some(p) if used_mask & point_bit(p) == 0 => FollowUpDue::Point(p),
        _ => match points.iter().copied().filter(|p| i64::from(*p) > elapsed).min() {
            Some(next) => FollowUpDue::NotYet(issued.plus(next)),
            None => FollowUpDue::Done,
        },
    }
}

/// The last month a code handed out in `issued` can be used: three months for a one-use code
/// (time to answer, not to keep), the last point plus the grace for a follow-up code.
pub fn expires(moment: Moment, points: &[u32], issued: Month) -> Month {
    match moment {
        Moment::FollowUp => issued.plus(points.iter().copied().max().unwrap_or(0) + FOLLOW_UP_GRACE_MONTHS),
        _ => issued.plus(ONE_USE_MONTHS),
    }
}

/// How long a one-use code stays valid after the month it is handed out in.
pub const ONE_USE_MONTHS: u32 = 3;

/// Why answers could not be taken. None of these says whether a code exists: a wrong, a used
/// and an expired code get the same neutral words (`text`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerRefusal {
    /// Unknown, used up, expired, or of another municipality.
    CodeNotUsable,
    /// A follow-up code before its first point.
    NotYet(Month),
    /// An answer not among the question's (a forged form).
    UnknownAnswer,
}

// ---- Small-count suppression -----------------------------------------------------------------

/// Counts under this are suppressed (also 0: a zero beside a shown total tells as much).
pub const SMALL: u64 = 5;

/// A figure as a report may show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shown {
    Count(u64),
    /// Under [`SMALL`], or hidden so that a small count cannot be worked out from the others.
    /// Both are printed alike ("skjult"): a mark that told them apart would itself be a bound
    /// (a secondary cell is 5 or more), and would narrow the small counts beside it.
    Suppressed,
}

impl Shown {
    pub fn count(self) -> Option<u64> {
        match self {
            Shown::Count(n) => Some(n),
            Shown::Suppressed => None,
        }
    }
}

/// Counts to publish together, and the sums that tie them: each line is a set of entries of
/// which the last is the sum of the others (a row or a column of a table with its total). An
/// entry may stand in several lines and several tables (a site's responses are the total of every
/// question's row and a cell of the response-rate table; a follow-up's codes handed out are a
/// cell of every point's response-rate table), so the whole report is one `Figures`: one release.
///
/// [`Figures::suppress`] is complementary cell suppression across linked tables, audited:
/// 1. primary suppression: every count under [`SMALL`] is hidden;
/// 2. wherever a line has exactly one hidden entry, which the line's other entries would give
///    away, the smallest shown entry of that line is hidden too, until no line has exactly one
///    (the usual rule for a single table, cheap, and a first step only);
/// 3. the audit: for every hidden entry, the smallest and largest whole value it can take in any
///    non-negative integer solution of *all* the lines, every shown entry fixed
///    ([`disclosure::System::range`], exact integer bounds). Where fewer than
///    [`disclosure::K`] (5) values remain possible, or that is not proven, one more entry is hidden
///    (the smallest shown entry of a line through it), and 2–3 run again, until every hidden
///    entry keeps at least 5 possible values.
///
/// A report covers one whole quarter (see [`Quarter`]) and its counts are those of the codes
/// handed out (talks held) in that quarter's months: no figure of one quarter is a figure, or a
/// part of a figure, of another, so the previous and the next quarter add no equation to these.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    values: Vec<u64>,
    lines: Vec<Vec<usize>>,
}

impl Figures {
    /// A new entry; its index names it in lines and in the result.
    pub fn add(&mut self, value: u64) -> usize {
        self.values.push(value);
        self.values.len() - 1
    }

    pub fn value(&self, entry: usize) -> u64 {
        self.values[entry]
    }

    /// Entries of which the last is the sum of the others.
    pub fn line(&mut self, entries: Vec<usize>) {
        debug_assert!(entries.split_last().is_some_and(|(total, parts)| parts.iter().map(|e| self.values[*e]).sum::<u64>() == self.values[*total]));
        if entries.len() >= 2 {
            self.lines.push(entries);
        }
    }

    /// Each entry as it may be shown.
    pub fn suppress(&self) -> Vec<Shown> {
        let mut hidden: Vec<bool> = self.values.iter().map(|n| *n < SMALL).collect();
        // Hiding one more entry takes a fact away, so every range can only widen: an entry
        // found wide stays wide, and is not solved again.
        let mut wide = vec![false; self.values.len()];
        loop {
            self.no_line_with_one_hidden(&mut hidden);
            let prepared = self.release(&hidden).prepare();
            let mut exposed = None;
            for e in (0..self.values.len()).filter(|e| hidden[*e]) {
                if !wide[e] {
                    wide[e] = prepared.range(e).is_some_and(|r| r.wide(disclosure::K));
                    if !wide[e] {
                        exposed = Some(e);
                        break;
                    }
                }
            }
            let Some(exposed) = exposed else { break };
            match self.complement(exposed, &hidden) {
                Some(e) => hidden[e] = true,
                // Nothing shown is linked to it: it cannot be narrowed further by hiding
                // (never the case for a report's lines, whose totals are counts).
                None => break,
            }
        }
        self.values.iter().zip(hidden).map(|(n, hide)| if hide { Shown::Suppressed } else { Shown::Count(*n) }).collect()
    }

    fn no_line_with_one_hidden(&self, hidden: &mut [bool]) {
        loop {
            let mut changed = false;
            for line in &self.lines {
                if line.iter().filter(|e| hidden[**e]).count() != 1 {
                    continue;
                }
                // The smallest; of equal ones the entry made last, which is the innermost (a
                // total is made before the entries derived from it, or shared by more lines).
                if let Some(e) = self.smallest_shown(line.iter().copied(), hidden) {
                    hidden[e] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }

    fn smallest_shown(&self, entries: impl Iterator<Item = usize>, hidden: &[bool]) -> Option<usize> {
        entries.filter(|e| !hidden[*e]).min_by_key(|e| (self.values[*e], std::cmp::Reverse(*e)))
    }

    /// The hidden entries that keep fewer than [`disclosure::K`] possible values (or are not
    /// proven to keep them), given every shown entry and every line.
    pub fn exposed(&self, hidden: &[bool]) -> Vec<usize> {
        let prepared = self.release(hidden).prepare();
        (0..self.values.len()).filter(|e| prepared.range(*e).is_some_and(|r| !r.wide(disclosure::K))).collect()
    }

    /// What the report publishes when `hidden` is hidden: the shown values and every line.
    pub fn release(&self, hidden: &[bool]) -> disclosure::Release {
        let mut release = disclosure::Release::new(self.values.len());
        for (e, v) in self.values.iter().enumerate() {
            if !hidden[e] {
                release.show(e, *v as i64);
            }
        }
        for line in &self.lines {
            let (total, parts) = line.split_last().expect("a line has two entries or more");
            release.sum(parts, *total);
        }
        release
    }

    /// The entry to hide next for an exposed one: the smallest shown entry of a line through
    /// it; where its lines show nothing, of a line through the hidden entries tied to it.
    fn complement(&self, exposed: usize, hidden: &[bool]) -> Option<usize> {
        let mut reached = vec![false; self.values.len()];
        let mut frontier = vec![exposed];
        reached[exposed] = true;
        while !frontier.is_empty() {
            let lines: Vec<&Vec<usize>> = self.lines.iter().filter(|l| l.iter().any(|e| frontier.contains(e))).collect();
            if let Some(e) = self.smallest_shown(lines.iter().flat_map(|l| l.iter().copied()), hidden) {
                return Some(e);
            }
            frontier = lines.iter().flat_map(|l| l.iter().copied()).filter(|e| !reached[*e]).collect();
            frontier.sort_unstable();
            frontier.dedup();
            for e in &frontier {
                reached[*e] = true;
            }
        }
        None
    }
}

/// A table of counts with its row and column totals, as a report may show it: `cells[r][c]`,
/// then one more row (the column totals) and one more column (the row totals), the grand total
/// in the corner; suppressed as [`Figures::suppress`] says.
pub fn suppress(cells: &[Vec<u64>]) -> Vec<Vec<Shown>> {
    let rows = cells.len();
    let cols = cells.first().map_or(0, Vec::len);
    let value = |r: usize, c: usize| cells[r].get(c).copied().unwrap_or(0);
    let mut f = Figures::default();
    // The totals first: of equal counts, the entry made last (an inner cell) is hidden first.
    let grand = f.add((0..rows).flat_map(|r| (0..cols).map(move |c| (r, c))).map(|(r, c)| value(r, c)).sum());
    let column_totals: Vec<usize> = (0..cols).map(|c| f.add((0..rows).map(|r| value(r, c)).sum())).collect();
    let row_totals: Vec<usize> = (0..rows).map(|r| f.add((0..cols).map(|c| value(r, c)).sum())).collect();
    let mut grid: Vec<Vec<usize>> = (0..rows).map(|r| (0..cols).map(|c| f.add(value(r, c))).chain([row_totals[r]]).collect()).collect();
    grid.push(column_totals.into_iter().chain([grand]).collect());
    for r in &grid {
        f.line(r.clone());
    }
    for c in 0..=cols {
        f.line(grid.iter().map(|r| r[c]).collect());
    }
    let shown = f.suppress();
    grid.iter().map(|r| r.iter().map(|e| shown[*e]).collect()).collect()
}

/// A share in whole per cent, rounded half up, when both counts are shown and the whole is not 0.
pub fn share(part: Shown, whole: Shown) -> Option<u64> {
    match (part, whole) {
        (Shown::Count(p), Shown::Count(w)) if w > 0 => Some((p * 200 + w) / (2 * w)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    #[test]
    fn slugs_round_trip() {
        for moment in Moment::ALL {
            assert_eq!(Moment::from_slug(moment.slug()), Some(moment));
        }
        for set in [AnswerSet::Agreement, AnswerSet::Satisfaction, AnswerSet::UseNow, AnswerSet::ContactWish] {
            assert_eq!(AnswerSet::from_slug(set.slug()), Some(set));
            assert!(!set.has(UNANSWERED), "{set:?}: unanswered is no answer one can give");
        }
    }

    #[test]
    fn the_latest_due_point_not_yet_answered_is_the_one_answered() {
        let points = [1, 3, 6, 12];
        let issued = m("2026-11");
        assert_eq!(follow_up_due(&points, issued, m("2026-11"), 0), FollowUpDue::NotYet(m("2026-12")));
        assert_eq!(follow_up_due(&points, issued, m("2026-12"), 0), FollowUpDue::Point(1));
        assert_eq!(follow_up_due(&points, issued, m("2027-01"), 0), FollowUpDue::Point(1));
        // Point 1 answered: nothing until point 3.
        assert_eq!(follow_up_due(&points, issued, m("2027-01"), point_bit(1)), FollowUpDue::NotYet(m("2027-02")));
        // Late: at 4 months, point 3 is the one answered; point 1 stays unanswered.
        assert_eq!(follow_up_due(&points, issued, m("2027-03"), 0), FollowUpDue::Point(3));
        assert_eq!(follow_up_due(&points, issued, m("2027-11"), point_bit(1) | point_bit(3) | point_bit(6)), FollowUpDue::Point(12));
        assert_eq!(follow_up_due(&points, issued, m("2028-01"), 0), FollowUpDue::Point(12));
        assert_eq!(follow_up_due(&points, issued, m("2028-02"), 0), FollowUpDue::Done, "past the grace months");
        assert_eq!(follow_up_due(&points, issued, m("2027-12"), point_bit(12)), FollowUpDue::Done);
        assert_eq!(expires(Moment::FollowUp, &points, issued), m("2028-01"));
        assert_eq!(expires(Moment::Discharge, &points, issued), m("2027-02"));
    }

    fn counts(table: &[Vec<Shown>]) -> Vec<Vec<Option<u64>>> {
        table.iter().map(|r| r.iter().map(|s| s.count()).collect()).collect()
    }

    #[test]
    fn large_counts_are_all_shown_with_their_totals() {
        let t = suppress(&[vec![10, 7], vec![5, 20]]);
        assert_eq!(counts(&t), vec![vec![Some(10), Some(7), Some(17)], vec![Some(5), Some(20), Some(25)], vec![Some(15), Some(27), Some(42)]]);
    }

    #[test]
    fn a_small_count_hides_a_second_one_in_its_row_and_its_column() {
        // One site, answers 12 / 3 / 9: the 3 is small, and 12 or 9 would give it away with the
        // total; the smallest other (9) goes too. The column totals equal the row here.
        let t = suppress(&[vec![12, 3, 9]]);
        for line in &t {
            assert_eq!(line.iter().filter(|s| **s == Shown::Suppressed).count(), 2, "{t:?}");
        }
        assert_eq!(t[0][0], Shown::Count(12));
        assert_eq!(t[0][3], Shown::Count(24));
    }

    #[test]
    fn no_line_ever_has_exactly_one_hidden_entry() {
        // Every 3×3 table with entries from a small set: the rule holds for each.
        let values = [0u64, 2, 5, 9];
        let mut seen = 0;
        for a in values {
            for b in values {
                for c in values {
                    for d in values {
                        for e in [1u64, 6] {
                            for f in [3u64, 11] {
                                let cells = vec![vec![a, b, e], vec![c, d, f]];
                                let t = suppress(&cells);
                                for r in &t {
                                    assert_ne!(r.iter().filter(|s| **s == Shown::Suppressed).count(), 1, "{cells:?} → {t:?}");
                                }
                                for col in 0..t[0].len() {
                                    assert_ne!(t.iter().filter(|r| r[col] == Shown::Suppressed).count(), 1, "{cells:?} → {t:?}");
                                }
                                for (r, row) in t.iter().enumerate() {
                                    for (c, s) in row.iter().enumerate() {
                                        let n = if r < 2 && c < 3 { cells[r][c] } else { continue };
                                        if n < SMALL {
                                            assert_eq!(*s, Shown::Suppressed, "{cells:?}");
                                        }
                                    }
                                }
                                seen += 1;
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(seen, 1024);
    }

    #[test]
    fn a_small_total_hides_its_whole_row() {
        // Site A has 3 answers in all: every count of it is hidden. Then site B's counts would
        // give A's away through the municipality's totals (32 − 30 = 2), so they go too; the
        // municipality's own totals stay.
        let t = suppress(&[vec![2, 1], vec![30, 40]]);
        assert_eq!(t[0], vec![Shown::Suppressed; 3]);
        assert_eq!(t[1], vec![Shown::Suppressed; 3]);
        assert_eq!(t[2], vec![Shown::Count(32), Shown::Count(41), Shown::Count(73)]);
    }

    #[test]
    fn an_entry_in_two_tables_is_hidden_in_both_and_protects_both() {
        // A site's 6 responses are the total of a question's row (5 + 1) and a cell of the rate
        // table (6 answered of 20). The 1 is small; the question's row alone would hide the 5
        // too. But had it hidden the 6 instead, the rate table would still show it: so the 6 is
        // one entry, and hiding it hides it everywhere, and then the rate table's row (6, 14, 20)
        // must hide a second entry as well.
        let mut f = Figures::default();
        let (yes, no, answered) = (f.add(5), f.add(1), f.add(6));
        let (unused, handed) = (f.add(14), f.add(20));
        f.line(vec![yes, no, answered]);
        f.line(vec![answered, unused, handed]);
        let shown = f.suppress();
        assert_eq!(shown[no], Shown::Suppressed);
        assert_eq!(shown[yes], Shown::Suppressed, "the smallest other entry of the question's row");
        assert_eq!(shown[answered], Shown::Count(6));
        assert_eq!(shown[handed], Shown::Count(20));
        // Now with the small count in the shared entry: 3 responses of 20.
        let mut f = Figures::default();
        let (yes, no, answered) = (f.add(2), f.add(1), f.add(3));
        let (unused, handed) = (f.add(17), f.add(20));
        f.line(vec![yes, no, answered]);
        f.line(vec![answered, unused, handed]);
        let shown = f.suppress();
        assert_eq!((shown[answered], shown[unused]), (Shown::Suppressed, Shown::Suppressed), "17 = 20 − 3 would give the 3 away");
        assert_eq!(shown[handed], Shown::Count(20));
    }

    /// The issue's quarter as figures: 28 discharge codes handed out, 28 answered, 0 unused;
    /// one question all "tilfreds" (28), another 25 "helt enig" and 3 "enig". Returns the
    /// figures and the 3's entry.
    fn the_issues_quarter() -> (Figures, usize) {
        let mut f = Figures::default();
        let handed = f.add(28);
        let answered = f.add(28);
        let unused = f.add(0);
        f.line(vec![answered, unused, handed]);
        let mut three = 0;
        for counts in [[0u64, 28, 0, 0, 0, 0], [25, 3, 0, 0, 0, 0]] {
            let cells: Vec<usize> = counts.iter().map(|n| f.add(*n)).collect();
            if counts[1] == 3 {
                three = cells[1];
            }
            f.line(cells.into_iter().chain([answered]).collect());
        }
        (f, three)
    }

    #[test]
    fn the_single_line_rule_alone_gives_the_issues_small_count_away_and_the_audit_says_so() {
        let (f, three) = the_issues_quarter();
        // The old rule: counts under 5, then no line with exactly one hidden entry.
        let mut hidden: Vec<bool> = f.values.iter().map(|n| *n < SMALL).collect();
        f.no_line_with_one_hidden(&mut hidden);
        assert!(hidden[1] && !hidden[0], "the 28 answered hidden (it printed as \"< 5\"), the 28 handed out shown");
        let range = f.release(&hidden).prepare().range(three).unwrap();
        assert_eq!(range, disclosure::Range::Values { lo: 0, hi: 3, low_seen: 0, high_seen: 3, exact: true }, "28 − 25: at most 3");
        assert!(f.exposed(&hidden).contains(&three));
        // The audited suppression: nothing hidden can be narrowed below 5 values.
        let hidden: Vec<bool> = f.suppress().iter().map(|s| *s == Shown::Suppressed).collect();
        assert!(hidden[three]);
        assert_eq!(f.exposed(&hidden), Vec::<usize>::new(), "{hidden:?}");
    }

    #[test]
    fn every_hidden_entry_of_every_small_table_keeps_five_possible_values() {
        // The 1024 tables above, and the audit of each: no hidden entry (small or not) can be
        // narrowed to fewer than 5 whole values from the table's shown entries and sums.
        let values = [0u64, 2, 5, 9];
        for a in values {
            for b in values {
                for c in values {
                    for d in values {
                        for (e, g) in [(1u64, 3u64), (6, 11), (1, 11), (6, 3)] {
                            let cells = [[a, b, e], [c, d, g]];
                            let mut f = Figures::default();
                            let entries: Vec<Vec<usize>> = cells.iter().map(|r| r.iter().map(|n| f.add(*n)).collect()).collect();
                            let row_totals: Vec<usize> = cells.iter().map(|r| f.add(r.iter().sum())).collect();
                            let col_totals: Vec<usize> = (0..3).map(|j| f.add(cells.iter().map(|r| r[j]).sum())).collect();
                            let grand = f.add(cells.iter().flatten().sum());
                            for (r, row) in entries.iter().enumerate() {
                                f.line(row.iter().copied().chain([row_totals[r]]).collect());
                            }
                            for j in 0..3 {
                                f.line(vec![entries[0][j], entries[1][j], col_totals[j]]);
                            }
                            f.line(row_totals.iter().copied().chain([grand]).collect());
                            f.line(col_totals.iter().copied().chain([grand]).collect());
                            let hidden: Vec<bool> = f.suppress().iter().map(|s| *s == Shown::Suppressed).collect();
                            assert_eq!(f.exposed(&hidden), Vec::<usize>::new(), "{cells:?} → {hidden:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn shares_only_of_shown_counts() {
        assert_eq!(share(Shown::Count(7), Shown::Count(20)), Some(35));
        assert_eq!(share(Shown::Count(1), Shown::Count(8)), Some(13), "12.5 rounds up");
        assert_eq!(share(Shown::Suppressed, Shown::Count(20)), None);
        assert_eq!(share(Shown::Count(0), Shown::Count(0)), None);
    }
}
