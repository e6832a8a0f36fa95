//! What a reader can work out about hidden counts from the figures published beside them.
//!
//! A published report is a set of facts about non-negative whole numbers (the counts): some are
//! shown, and the rest are tied to them by sums (a row and its total, a table's column and the
//! municipality's row, one count shown in two tables). [`System`] holds such facts; [`System::range`]
//! gives, for one unknown, the smallest and the largest value it can take in *any* non-negative
//! integer solution of them: exactly what a reader with every published figure and a solver
//! can narrow it down to, and no more.
//!
//! The bounds are integer bounds, not the linear programme's: a linear relaxation's interval
//! contains the integer one, so a wide relaxation would prove nothing. [`System::range`] runs the
//! simplex method (two phases, Bland's rule, so it cannot cycle) inside a branch and bound:
//! - a value counts as *reached* only with a witness, an integer solution checked exactly
//!   against every fact in integers (no floating-point rounding is trusted for it);
//! - a value counts as *beyond reach* only by the relaxation's bound (floored or ceiled with a
//!   tolerance of 1e-6, far below one count).
//!
//! When the search stops early (a node limit, never reached by a report's sizes), the range
//! says so ([`Range::exact`] is false) and [`Range::wide`] answers only from witnesses, so an
//! undecided unknown is never called safe.

/// The width a hidden count must keep: at least this many whole values must remain possible.
pub const K: i64 = 5;

/// Unknowns are at most this large: a cap far above any count, so that no linear programme is
/// unbounded. A witness at the cap is a true solution (the cap only takes solutions away), and a
/// range reaching it is wide by any measure.
pub const CAP: i64 = 1_000_000;

/// Branch-and-bound nodes per optimisation before the search gives up (and says so).
const NODE_LIMIT: usize = 4_000;
const EPS: f64 = 1e-9;
const INT_EPS: f64 = 1e-6;

/// Facts about unknowns `x[0..n]`, each a non-negative integer: equations `Σ coef·x = rhs` and
/// bounds.
#[derive(Clone, Debug, Default)]
pub struct System {
    n: usize,
    equations: Vec<(Vec<(usize, i64)>, i64)>,
    lower: Vec<i64>,
    upper: Vec<i64>,
}

/// How far one unknown can be narrowed down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Range {
    /// No non-negative integer solution: the published facts contradict each other (a false
    /// bound was printed).
    Infeasible,
    /// `lo..=hi` holds every value the unknown takes in a solution, and `lo` and `hi` are each
    /// taken by a checked integer solution (`low_seen`, `high_seen`). With `exact`, they are the
    /// same as `lo` and `hi`; without (the search stopped early), only `low_seen..=high_seen`
    /// is known to be reached.
    Values { lo: i64, hi: i64, low_seen: i64, high_seen: i64, exact: bool },
}

impl Range {
    /// At least `k` whole values are possible: proven by two witnesses `k − 1` or more apart.
    pub fn wide(self, k: i64) -> bool {
        matches!(self, Range::Values { low_seen, high_seen, .. } if high_seen - low_seen >= k - 1)
    }

    /// Fewer than `k` whole values are possible (or none): proven by the bounds.
    pub fn narrow(self, k: i64) -> bool {
        match self {
            Range::Infeasible => true,
            Range::Values { lo, hi, .. } => hi - lo < k - 1,
        }
    }

    pub fn exact(self) -> bool {
        matches!(self, Range::Values { exact: true, .. } | Range::Infeasible)
    }
}

impl System {
    pub fn new(n: usize) -> System {
        System { n, equations: Vec::new(), lower: vec![0; n], upper: vec![CAP; n] }
    }

    pub fn unknowns(&self) -> usize {
        self.n
    }

    /// `Σ coef·x = rhs`.
    pub fn equation(&mut self, terms: Vec<(usize, i64)>, rhs: i64) {
        self.equations.push((terms, rhs));
    }

    /// `x ≤ value` (a figure printed as "< 5" says `x ≤ 4`).
    pub fn at_most(&mut self, x: usize, value: i64) {
        self.upper[x] = self.upper[x].min(value);
    }

    /// `x ≥ value`.
    pub fn at_least(&mut self, x: usize, value: i64) {
        self.lower[x] = self.lower[x].max(value);
    }

    /// Whether `values` satisfies every fact, checked in integers.
    pub fn satisfied_by(&self, values: &[i64]) -> bool {
        values.len() == self.n
            && values.iter().zip(&self.lower).zip(&self.upper).all(|((v, l), u)| l <= v && v <= u)
            && self.equations.iter().all(|(terms, rhs)| terms.iter().map(|(x, c)| c * values[*x]).sum::<i64>() == *rhs)
    }

    /// The smallest and the largest value of `x` over every solution.
    pub fn range(&self, x: usize) -> Range {
        let (Some(high), Some(low)) = (self.extreme(x, 1), self.extreme(x, -1)) else { return Range::Infeasible };
        Range::Values { lo: -low.bound, hi: high.bound, low_seen: -low.seen, high_seen: high.seen, exact: high.exact && low.exact }
    }

    /// The largest `sign·x` over the integer solutions; `None` when there is none.
    fn extreme(&self, x: usize, sign: i64) -> Option<Extreme> {
        let mut best: Option<i64> = None;
        let mut root_bound: Option<i64> = None;
        let mut nodes = 0usize;
        let mut stack = vec![(self.lower.clone(), self.upper.clone())];
        let mut exact = true;
        while let Some((lower, upper)) = stack.pop() {
            nodes += 1;
            if nodes > NODE_LIMIT {
                exact = false;
                break;
            }
            let Some((values, objective)) = self.relaxation(&lower, &upper, x, sign) else { continue };
            let bound = (objective + INT_EPS).floor() as i64;
            if root_bound.is_none() {
                root_bound = Some(bound);
            }
            if best.is_some_and(|b| bound <= b) {
                continue;
            }
            match values.iter().position(|v| (v - v.round()).abs() > INT_EPS) {
                None => {
                    let whole: Vec<i64> = values.iter().map(|v| v.round() as i64).collect();
                    if self.satisfied_by(&whole) {
                        best = Some(best.map_or(sign * whole[x], |b| b.max(sign * whole[x])));
                    } else {
                        // Rounding broke a fact: not trusted as a witness, and not searched
                        // further; the result says it is not exact.
                        exact = false;
                    }
                }
                Some(j) => {
                    let v = values[j];
                    let (mut down, mut up) = ((lower.clone(), upper.clone()), (lower, upper));
                    down.1[j] = v.floor() as i64;
                    up.0[j] = v.ceil() as i64;
                    // The side the objective leans to is searched first.
                    stack.push(down);
                    stack.push(up);
                }
            }
        }
        match (best, root_bound) {
            (Some(seen), _) if exact => Some(Extreme { seen, bound: seen, exact }),
            (Some(seen), bound) => Some(Extreme { seen, bound: bound.unwrap_or(seen).max(seen), exact: false }),
            // Searched to the end without an integer solution: there is none.
            (None, _) if exact => None,
            // Stopped early without a witness: the relaxation's bound, and no value seen.
            (None, Some(bound)) => Some(Extreme { seen: i64::MIN / 4, bound, exact: false }),
            (None, None) => None,
        }
    }

    /// The linear relaxation within bounds: maximise `sign·x`. `None` when infeasible.
    fn relaxation(&self, lower: &[i64], upper: &[i64], x: usize, sign: i64) -> Option<(Vec<f64>, f64)> {
        if lower.iter().zip(upper).any(|(l, u)| l > u) {
            return None;
        }
        // y = x − lower ≥ 0; y_j + s_j = upper_j − lower_j for each bound.
        let n = self.n;
        let mut rows: Vec<(Vec<f64>, f64)> = Vec::new();
        for (terms, rhs) in &self.equations {
            let mut a = vec![0.0; 2 * n];
            let mut b = *rhs as f64;
            for (j, c) in terms {
                a[*j] += *c as f64;
                b -= (*c * lower[*j]) as f64;
            }
            rows.push((a, b));
        }
        for j in 0..n {
            let mut a = vec![0.0; 2 * n];
            a[j] = 1.0;
            a[n + j] = 1.0;
            rows.push((a, (upper[j] - lower[j]) as f64));
        }
        let mut c = vec![0.0; 2 * n];
        c[x] = sign as f64;
        let y = simplex(&rows, &c)?;
        let values: Vec<f64> = (0..n).map(|j| y[j] + lower[j] as f64).collect();
        Some((values.clone(), sign as f64 * values[x]))
    }
}

/// Published figures about unknowns `0..n`: each shown (its value printed) or hidden, with
/// equations among them (`Σ coef·x = rhs`) and the bounds a printed mark gives ("< 5": at most
/// 4). What a reader can work out about each hidden unknown is [`Prepared::range`].
#[derive(Clone, Debug)]
pub struct Release {
    shown: Vec<Option<i64>>,
    lower: Vec<i64>,
    upper: Vec<i64>,
    equations: Vec<(Vec<(usize, i64)>, i64)>,
}

/// A [`Release`] with its shown values put in, and the hidden unknowns in groups that share no
/// equation (solved apart, which changes no bound: a group's solutions combine freely with the
/// others').
#[derive(Clone, Debug)]
pub struct Prepared {
    systems: Vec<System>,
    /// Per unknown: its group and its index there (hidden ones).
    place: Vec<Option<(usize, usize)>>,
    /// Equations of shown unknowns only that do not hold: a contradiction in what is printed.
    pub contradictions: usize,
}

impl Release {
    pub fn new(n: usize) -> Release {
        Release { shown: vec![None; n], lower: vec![0; n], upper: vec![CAP; n], equations: Vec::new() }
    }

    pub fn show(&mut self, x: usize, value: i64) {
        self.shown[x] = Some(value);
    }

    pub fn is_shown(&self, x: usize) -> bool {
        self.shown[x].is_some()
    }

    pub fn equation(&mut self, terms: Vec<(usize, i64)>, rhs: i64) {
        self.equations.push((terms, rhs));
    }

    /// The parts and their total: `Σ parts − total = 0`.
    pub fn sum(&mut self, parts: &[usize], total: usize) {
        self.equation(parts.iter().map(|p| (*p, 1)).chain([(total, -1)]).collect(), 0);
    }

    pub fn at_most(&mut self, x: usize, value: i64) {
        self.upper[x] = self.upper[x].min(value);
    }

    pub fn at_least(&mut self, x: usize, value: i64) {
        self.lower[x] = self.lower[x].max(value);
    }

    pub fn prepare(&self) -> Prepared {
        let n = self.shown.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn root(parent: &mut [usize], mut e: usize) -> usize {
            while parent[e] != e {
                parent[e] = parent[parent[e]];
                e = parent[e];
            }
            e
        }
        let hidden = |x: usize| self.shown[x].is_none();
        for (terms, _) in &self.equations {
            let mut it = terms.iter().map(|t| t.0).filter(|x| hidden(*x));
            if let Some(first) = it.next() {
                for x in it {
                    let (a, b) = (root(&mut parent, first), root(&mut parent, x));
                    parent[a] = b;
                }
            }
        }
        let mut group_of_root: Vec<Option<usize>> = vec![None; n];
        let mut sizes: Vec<usize> = Vec::new();
        let mut place = vec![None; n];
        for x in (0..n).filter(|x| hidden(*x)) {
            let r = root(&mut parent, x);
            let g = *group_of_root[r].get_or_insert_with(|| {
                sizes.push(0);
                sizes.len() - 1
            });
            place[x] = Some((g, sizes[g]));
            sizes[g] += 1;
        }
        let mut systems: Vec<System> = sizes.iter().map(|s| System::new(*s)).collect();
        for x in (0..n).filter(|x| hidden(*x)) {
            let (g, i) = place[x].expect("placed above");
            systems[g].at_least(i, self.lower[x]);
            systems[g].at_most(i, self.upper[x]);
        }
        let mut contradictions = 0;
        for (terms, rhs) in &self.equations {
            let mut unknown = Vec::new();
            let mut rest = *rhs;
            for (x, c) in terms {
                match (self.shown[*x], place[*x]) {
                    (Some(v), _) => rest -= c * v,
                    (None, Some((_, i))) => unknown.push((i, *c)),
                    (None, None) => unreachable!("a hidden unknown is placed"),
                }
            }
            match terms.iter().find_map(|(x, _)| place[*x]) {
                Some((g, _)) => systems[g].equation(unknown, rest),
                None if rest != 0 => contradictions += 1,
                None => {}
            }
        }
        for (x, v) in self.shown.iter().enumerate() {
            if v.is_some_and(|v| v < self.lower[x] || v > self.upper[x]) {
                contradictions += 1;
            }
        }
        Prepared { systems, place, contradictions }
    }
}

impl Prepared {
    /// What a reader can narrow a hidden unknown down to; `None` for a shown one.
    pub fn range(&self, x: usize) -> Option<Range> {
        self.place[x].map(|(g, i)| self.systems[g].range(i))
    }
}

struct Extreme {
    /// The best value of a checked integer solution.
    seen: i64,
    /// No solution is better than this.
    bound: i64,
    exact: bool,
}

/// Maximises `c·y` subject to `a·y = b` (one row per `(a, b)`), `y ≥ 0`, all bounded (every
/// unknown has a bound row). Two phases with artificial unknowns; Bland's rule. `None` when
/// infeasible.
fn simplex(rows: &[(Vec<f64>, f64)], c: &[f64]) -> Option<Vec<f64>> {
    let m = rows.len();
    let n = c.len();
    let width = n + m + 1;
    let rhs = width - 1;
    let mut t: Vec<Vec<f64>> = rows
        .iter()
        .enumerate()
        .map(|(i, (a, b))| {
            let s = if *b < 0.0 { -1.0 } else { 1.0 };
            let mut row: Vec<f64> = a.iter().map(|v| s * v).collect();
            row.resize(width, 0.0);
            row[n + i] = 1.0;
            row[rhs] = s * b;
            row
        })
        .collect();
    let mut basis: Vec<usize> = (n..n + m).collect();
    // Phase 1: maximise −Σ artificials.
    let mut obj = vec![0.0; width];
    for j in n..n + m {
        obj[j] = 1.0;
    }
    for row in &t {
        for (o, v) in obj.iter_mut().zip(row) {
            *o -= v;
        }
    }
    run(&mut t, &mut obj, &mut basis, n);
    if obj[rhs] < -1e-7 {
        return None;
    }
    // Artificials still basic (at zero): swapped for a real column where the row has one.
    for i in 0..m {
        if basis[i] >= n {
            if let Some(j) = (0..n).find(|j| t[i][*j].abs() > 1e-7) {
                pivot(&mut t, &mut obj, i, j);
                basis[i] = j;
            }
        }
    }
    // Phase 2.
    let mut obj = vec![0.0; width];
    for j in 0..n {
        obj[j] = -c[j];
    }
    for (i, b) in basis.iter().enumerate() {
        let f = obj[*b];
        if f != 0.0 {
            for (o, v) in obj.iter_mut().zip(&t[i]) {
                *o -= f * v;
            }
        }
    }
    run(&mut t, &mut obj, &mut basis, n);
    let mut y = vec![0.0; n];
    for (i, b) in basis.iter().enumerate() {
        if *b < n {
            y[*b] = t[i][rhs];
        }
    }
    Some(y)
}

/// Pivots until no column among the first `n` improves the objective row (Bland's rule).
fn run(t: &mut [Vec<f64>], obj: &mut [f64], basis: &mut [usize], n: usize) {
    let rhs = obj.len() - 1;
    while let Some(col) = (0..n).find(|j| obj[*j] < -EPS) {
        let mut leave: Option<(usize, f64)> = None;
        for (i, row) in t.iter().enumerate() {
            if row[col] > EPS {
                let ratio = row[rhs] / row[col];
                let better = match leave {
                    None => true,
                    Some((l, r)) => ratio < r - EPS || ((ratio - r).abs() <= EPS && basis[i] < basis[l]),
                };
                if better {
                    leave = Some((i, ratio));
                }
            }
        }
        // Every unknown is bounded, so some row limits the entering column.
        let Some((row, _)) = leave else { return };
        pivot(t, obj, row, col);
        basis[row] = col;
    }
}

fn pivot(t: &mut [Vec<f64>], obj: &mut [f64], r: usize, c: usize) {
    let p = t[r][c];
    for v in t[r].iter_mut() {
        *v /= p;
    }
    let pivot_row = t[r].clone();
    for (i, row) in t.iter_mut().enumerate() {
        if i != r && row[c].abs() > 0.0 {
            let f = row[c];
            for (v, pv) in row.iter_mut().zip(&pivot_row) {
                *v -= f * pv;
            }
            row[c] = 0.0;
        }
    }
    let f = obj[c];
    if f != 0.0 {
        for (v, pv) in obj.iter_mut().zip(&pivot_row) {
            *v -= f * pv;
        }
        obj[c] = 0.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// a + b = t, with t shown as `total`.
    fn pair(total: i64) -> System {
        let mut s = System::new(2);
        s.equation(vec![(0, 1), (1, 1)], total);
        s
    }

    #[test]
    fn a_hidden_pair_ranges_over_its_total() {
        assert_eq!(pair(7).range(0), Range::Values { lo: 0, hi: 7, low_seen: 0, high_seen: 7, exact: true });
        let mut s = pair(7);
        s.at_least(1, 5);
        assert_eq!(s.range(0), Range::Values { lo: 0, hi: 2, low_seen: 0, high_seen: 2, exact: true });
        assert!(s.range(0).narrow(K) && !s.range(0).wide(K));
        s.at_most(0, 1);
        s.at_least(0, 2);
        assert_eq!(s.range(0), Range::Infeasible);
    }

    #[test]
    fn integer_bounds_not_the_relaxations() {
        // 2a + 2b = 7 has rational solutions and no integer one; 2a + 2b + c = 7 with c ≤ 1:
        // c = 1, a + b = 3, so a ∈ 0..=3 (the relaxation allows 3.5).
        let mut s = System::new(2);
        s.equation(vec![(0, 2), (1, 2)], 7);
        assert_eq!(s.range(0), Range::Infeasible);
        let mut s = System::new(3);
        s.equation(vec![(0, 2), (1, 2), (2, 1)], 7);
        s.at_most(2, 1);
        assert_eq!(s.range(0), Range::Values { lo: 0, hi: 3, low_seen: 0, high_seen: 3, exact: true });
        assert_eq!(s.range(2), Range::Values { lo: 1, hi: 1, low_seen: 1, high_seen: 1, exact: true });
    }

    #[test]
    fn the_issues_linked_tables_pin_a_small_count() {
        // Handed out 28 (shown) = answered A + unused U; question 1: "Tilfreds" 28 (shown) +
        // others O = A; question 2: 25 (shown) + small x + rest R = A. Unknowns A, U, O, x, R.
        let mut s = System::new(5);
        let (a, u, o, x, r) = (0, 1, 2, 3, 4);
        s.equation(vec![(a, 1), (u, 1)], 28);
        s.equation(vec![(a, -1), (o, 1)], -28);
        s.equation(vec![(a, -1), (x, 1), (r, 1)], -25);
        assert_eq!(s.range(a), Range::Values { lo: 28, hi: 28, low_seen: 28, high_seen: 28, exact: true });
        let rx = s.range(x);
        assert_eq!(rx, Range::Values { lo: 0, hi: 3, low_seen: 0, high_seen: 3, exact: true });
        assert!(rx.narrow(K));
    }

    #[test]
    fn an_unbounded_unknown_reaches_the_cap() {
        let mut s = System::new(2);
        s.equation(vec![(0, 1), (1, -1)], 0);
        assert!(s.range(0).wide(K));
        assert_eq!(s.range(0), Range::Values { lo: 0, hi: CAP, low_seen: 0, high_seen: CAP, exact: true });
    }
}
