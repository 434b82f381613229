//! The hedge and precision model, in one place: what a stated figure allows, and whether two
//! stated figures can both be true.
//!
//! Owns the closed set of hedge meanings (`Hedge`; the words that map to them are data, in
//! `rules/lexicon/numeric.toml`), a figure with the bounds its wording states (`Interval`, a
//! claim's value), the rounding step a figure's digits imply (`written_step`),
//! the values a hedged figure allows with open and closed ends (`Range`, `allowed`), how a hedge
//! follows its figure onto a falling scale (`directed`), and the test "are these two stated
//! values compatible?" (`compatible`). Every width is a named constant with the reason for its
//! size. Must not read text (extractors find hedges and figures) or decide which claims speak
//! of the same thing (`align/`, `rules/`). Sits below claims: it knows figures, not `Claim`
//! (`Stated::of`, what a claim states, is in `claim.rs`).
//!
//! The semantics, in short:
//!
//! - A strict bound excludes its figure: "more than 500" is (500, ∞), "fewer than 30" is
//!   (−∞, 30). An inclusive bound keeps it: "at least 500" is [500, ∞).
//! - "nearly" is below its figure and close to it, "just over" above and close; both keep the
//!   figure itself (writers use them loosely for a figure that rounds to it).
//! - "about" is the figure ± `ABOUT_FRACTION`, or ± half the rounding step of the figure as
//!   written when that is wider ("about 2,000" is about the nearest thousand).
//! - A bare figure carries the precision it is written with: "487" is exact, "1,400" the
//!   nearest hundred, "1.2 million" the nearest 0.1 million (`written_step`).
//! - A bare figure against a hedged one is its point: whoever hedged chose the bound, and the
//!   other source gave the figure itself ("480" against "more than 500" is 480, not 475–485).

use serde::Serialize;

/// How the wording qualifies a stated number. Hedges are data (rules/lexicon/numeric.toml); this
/// enum is the closed set of meanings they map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// No hedge: the number as stated (still subject to its rounding precision).
    #[default]
    Exact,
    /// "over", "more than", "above", "exceeding": strictly above.
    Above,
    /// "at least", "no fewer than": at or above.
    AtLeast,
    /// "just over", "slightly more than": a little above.
    JustAbove,
    /// "nearly", "almost", "just under", "close to": a little below.
    Nearly,
    /// "under", "less than", "below", "fewer than": strictly below.
    Below,
    /// "up to", "as many as", "no more than", "at most": at or below.
    AtMost,
    /// "about", "around", "roughly", "approximately", "some", "an estimated".
    About,
    /// "hundreds of", "dozens of", "tens of thousands of": an order of magnitude.
    Multiples,
}

impl Hedge {
    /// The contract bounds (`low`, `high`) this hedge puts on a stated `point`: what the wording
    /// allows, `None` where it does not bound. "About" bounds nothing in the contract's sense;
    /// `allowed` gives it its width.
    #[must_use]
    pub fn bounds(self, point: f64) -> (Option<f64>, Option<f64>) {
        match self {
            Hedge::Exact | Hedge::About => (None, None),
            Hedge::Above | Hedge::AtLeast | Hedge::JustAbove => (Some(point), None),
            Hedge::Nearly | Hedge::Below | Hedge::AtMost => (None, Some(point)),
            Hedge::Multiples => (Some(point), Some(point * MULTIPLES_SPAN)),
        }
    }

    /// The hedge of the same words read on a falling scale: "fell by more than half" leaves at
    /// most half of the old value, so a bound above the fall is a bound below what remains.
    /// Strictness is kept ("more than" becomes "less than", "at least" "at most") and so is
    /// closeness ("nearly" becomes "just over"); the widths of the two close hedges are one
    /// constant (`NEAR_FRACTION`), so the mirror keeps the meaning exactly.
    #[must_use]
    pub fn mirrored(self) -> Hedge {
        match self {
            Hedge::Above => Hedge::Below,
            Hedge::Below => Hedge::Above,
            Hedge::AtLeast => Hedge::AtMost,
            Hedge::AtMost => Hedge::AtLeast,
            Hedge::JustAbove => Hedge::Nearly,
            Hedge::Nearly => Hedge::JustAbove,
            h => h,
        }
    }

    /// The hedge after scaling its figure by `factor`: a negative factor (a decrease) mirrors it.
    #[must_use]
    pub fn scaled(self, factor: f64) -> Hedge {
        if factor < 0.0 {
            self.mirrored()
        } else {
            self
        }
    }

    /// True for the bounds that exclude their own figure ("more than", "fewer than").
    #[must_use]
    pub fn is_strict(self) -> bool {
        matches!(self, Hedge::Above | Hedge::Below)
    }

    /// The contract's name of the hedge.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Hedge::Exact => "exact",
            Hedge::Above => "above",
            Hedge::AtLeast => "at_least",
            Hedge::JustAbove => "just_above",
            Hedge::Nearly => "nearly",
            Hedge::Below => "below",
            Hedge::AtMost => "at_most",
            Hedge::About => "about",
            Hedge::Multiples => "multiples",
        }
    }
}

/// The half-width of "about", as a share of the figure: "about 500" is 450 to 550. A tenth is
/// the loosest reading an editor would still call the same figure; a wider rounding step of
/// the figure as written takes over ("about 2,000" is about the nearest thousand).
pub const ABOUT_FRACTION: f64 = 0.10;

/// How close "nearly" and "just over" are, as a share of the figure: "nearly 1,400" is 1,302
/// to 1,400, "just over 300" 300 to 321. One width for both, so that a fall mirrors one into the
/// other without changing what it allows.
pub const NEAR_FRACTION: f64 = 0.07;

/// The top of "hundreds of", "dozens of" as a multiple of its low end: the next order of
/// magnitude ("hundreds of" is 100 to 1,000).
pub const MULTIPLES_SPAN: f64 = 10.0;

/// The fewest trailing zeros that mark a whole figure as rounded. "1,400" and "500" are the
/// nearest hundred; "490" and "1,380" are read as counted, since a writer who rounds rounds to
/// a hundred or further, and a figure ending in one zero is as often a count as a rounding. A
/// single digit followed by one zero ("30", "50") is rounded too: it has nothing else to be
/// precise with.
pub const ROUND_ZEROS: usize = 2;

/// The relative width given to a figure of unknown precision that a growth verb states
/// ("tripled", "rose 45%"): such figures are rounded in the telling by about this much.
pub const GROWTH_APPROX: f64 = 0.08;

/// The relative width of a factor computed from two stated endpoints ("from €450 million to
/// €610 million"): each endpoint is rounded by up to about 1%, so their ratio by up to about 2%.
pub const ENDPOINT_RATIO_SLACK: f64 = 0.02;

/// Half the step of a percentage written to one decimal (0.05), plus float slack: two such
/// figures, or a points difference of two of them, agree within it ("rose 7.2 points" against
/// 51.2% to 58.4%).
pub const TENTHS_SLACK: f64 = 0.051;

/// Relative float slack for "the same figure": a precise figure equal to a strict bound, read
/// through unit conversions, differs from it by rounding error only.
const SAME_FIGURE: f64 = 1e-9;

/// The rounding step implied by a figure's digits as written: `decimals` digits after the
/// point ("16.4" -> 0.1), or for a whole figure its `trailing_zeros` when they mark it as
/// rounded (`ROUND_ZEROS`: "1,400" -> 100, "490" -> 1); `digits` counts the figure's digits.
/// A scale word multiplies the step ("1.2 million" -> 0.1 million): see `extract::numeral`.
#[must_use]
pub fn written_step(decimals: usize, digits: usize, trailing_zeros: usize) -> f64 {
    if decimals > 0 {
        return 10f64.powi(-i32::try_from(decimals).unwrap_or(0));
    }
    let single_digit = digits == trailing_zeros + 1;
    if trailing_zeros == digits || (trailing_zeros < ROUND_ZEROS && !single_digit) {
        return 1.0;
    }
    10f64.powi(i32::try_from(trailing_zeros).unwrap_or(0))
}

/// A normalised number with the bounds its wording allows.
///
/// `point` is the stated number; `low`/`high` are bounds from hedges or ranges (`None` where the
/// text does not bound the value on that side, for exact values both `None`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    /// The stated number, normalised ("$16.4 million" -> 16400000).
    pub point: f64,
    /// The lower bound the wording allows, if any.
    pub low: Option<f64>,
    /// The upper bound the wording allows, if any.
    pub high: Option<f64>,
}

impl Interval {
    /// An exact value.
    #[must_use]
    pub fn exact(point: f64) -> Interval {
        Interval {
            point,
            low: None,
            high: None,
        }
    }

    /// A value qualified by a hedge.
    #[must_use]
    pub fn hedged(point: f64, hedge: Hedge) -> Interval {
        let (low, high) = hedge.bounds(point);
        Interval { point, low, high }
    }

    /// A range "between `low` and `high`"; `point` is the midpoint.
    #[must_use]
    pub fn range(low: f64, high: f64) -> Interval {
        Interval {
            point: f64::midpoint(low, high),
            low: Some(low),
            high: Some(high),
        }
    }

    /// Multiplies every bound by `k` (scales, unit conversion). A negative `k` swaps the bounds.
    #[must_use]
    pub fn scale(self, k: f64) -> Interval {
        let (low, high) = if k < 0.0 {
            (self.high.map(|h| h * k), self.low.map(|l| l * k))
        } else {
            (self.low.map(|l| l * k), self.high.map(|h| h * k))
        };
        Interval {
            point: self.point * k,
            low,
            high,
        }
    }
}

/// The values a stated figure allows: from `lo` to `hi`, infinite where the wording does not
/// bound it; an open end excludes its own value ("more than 500" is open at 500).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    /// Lowest allowed value.
    pub lo: f64,
    /// Highest allowed value.
    pub hi: f64,
    /// True when `lo` itself is excluded.
    pub lo_open: bool,
    /// True when `hi` itself is excluded.
    pub hi_open: bool,
}

impl Range {
    /// The values from `lo` to `hi`, both included.
    #[must_use]
    pub fn closed(lo: f64, hi: f64) -> Range {
        Range {
            lo,
            hi,
            lo_open: false,
            hi_open: false,
        }
    }

    /// True when no value lies in both ranges. Ends that meet count as meeting only when both
    /// include the value (figures equal to rounding error are equal).
    #[must_use]
    pub fn disjoint(self, o: Range) -> bool {
        let apart = |hi: f64, hi_open: bool, lo: f64, lo_open: bool| {
            hi < lo && !same(hi, lo) || (same(hi, lo) && (hi_open || lo_open))
        };
        apart(self.hi, self.hi_open, o.lo, o.lo_open)
            || apart(o.hi, o.hi_open, self.lo, self.lo_open)
    }

    /// True when `x` lies in the range.
    #[must_use]
    pub fn contains(self, x: f64) -> bool {
        !self.disjoint(Range::closed(x, x))
    }

    /// The range widened by `rel` of each finite end's size (a rule's tolerance). An open end is
    /// a strict bound, exact about what it rules out, and is not widened.
    #[must_use]
    pub fn widen(self, rel: f64) -> Range {
        let lo = if self.lo.is_finite() && !self.lo_open {
            self.lo - self.lo.abs() * rel
        } else {
            self.lo
        };
        let hi = if self.hi.is_finite() && !self.hi_open {
            self.hi + self.hi.abs() * rel
        } else {
            self.hi
        };
        Range { lo, hi, ..self }
    }
}

/// True when two finite figures are equal up to float error (infinities are equal to nothing
/// finite, however large the relative slack).
fn same(x: f64, y: f64) -> bool {
    x == y
        || (x.is_finite() && y.is_finite() && (x - y).abs() <= SAME_FIGURE * x.abs().max(y.abs()))
}

/// A figure as stated: its value with any stated bounds, its hedge, the rounding step of its
/// digits, and the origin its hedge is measured from. A claim's is `Stated::of` (in `claim.rs`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stated {
    /// The value and the bounds the wording states (`Claim::value`, in base units when
    /// converted).
    pub value: Interval,
    /// The hedge on the figure.
    pub hedge: Hedge,
    /// The rounding step of the figure as written, in the units of `value`; `None` when
    /// unknown.
    pub step: Option<f64>,
    /// What the hedged figure counts from: 0 for a figure, 1 for a factor read from a
    /// percentage or a fraction ("rose nearly 50%" hedges the 50%, not the factor 1.5). The
    /// widths of "about", "nearly" and "just over" are shares of the distance from it.
    pub origin: f64,
}

impl Stated {
    /// A bare figure with its rounding step.
    #[must_use]
    pub fn figure(point: f64, step: Option<f64>) -> Stated {
        Stated {
            value: Interval::exact(point),
            hedge: Hedge::Exact,
            step,
            origin: 0.0,
        }
    }

    /// A hedged figure.
    #[must_use]
    pub fn hedged(point: f64, hedge: Hedge, step: Option<f64>) -> Stated {
        Stated {
            value: Interval::hedged(point, hedge),
            hedge,
            step,
            origin: 0.0,
        }
    }

    /// True when the figure is bare: no hedge and no stated range.
    #[must_use]
    pub fn is_bare(&self) -> bool {
        self.hedge == Hedge::Exact && self.value.low.is_none() && self.value.high.is_none()
    }

    /// The values the wording allows. `approx` is the relative width a bare figure of unknown
    /// precision gets (`GROWTH_APPROX` for growth verbs, 0 for figures).
    #[must_use]
    pub fn allowed(&self, approx: f64) -> Range {
        let v = self.value;
        let p = v.point;
        let half_step = self.step.map_or(p.abs() * approx, |s| s / 2.0);
        // The distance the hedge is a share of.
        let size = (p - self.origin).abs();
        let near = size * NEAR_FRACTION;
        let closed = Range::closed;
        let open_lo = |lo: f64| Range {
            lo_open: true,
            ..closed(lo, f64::INFINITY)
        };
        let open_hi = |hi: f64| Range {
            hi_open: true,
            ..closed(f64::NEG_INFINITY, hi)
        };
        match self.hedge {
            Hedge::Exact => closed(
                v.low.unwrap_or(p - half_step),
                v.high.unwrap_or(p + half_step),
            ),
            Hedge::Above => open_lo(v.low.unwrap_or(p)),
            Hedge::AtLeast => closed(v.low.unwrap_or(p), f64::INFINITY),
            Hedge::JustAbove => {
                let lo = v.low.unwrap_or(p);
                closed(lo, lo + near)
            }
            Hedge::Nearly => {
                let hi = v.high.unwrap_or(p);
                closed(hi - near, hi)
            }
            Hedge::Below => open_hi(v.high.unwrap_or(p)),
            Hedge::AtMost => closed(f64::NEG_INFINITY, v.high.unwrap_or(p)),
            Hedge::About => {
                let w = (size * ABOUT_FRACTION).max(half_step);
                closed(p - w, p + w)
            }
            Hedge::Multiples => closed(v.low.unwrap_or(p), v.high.unwrap_or(p * MULTIPLES_SPAN)),
        }
    }
}

/// True when `a` and `b` can both be true, within `tolerance` (a rule's relative tolerance,
/// shared between the two sides). A bare figure against a hedged one is its point: rounding
/// does not widen it ("480" against "more than 500" is 480), so a precise figure equal to a
/// strict bound is outside it ("500" against "more than 500"). Two bare figures, or two hedged
/// ones, compare by the ranges their wording and digits allow.
#[must_use]
pub fn compatible(a: &Stated, b: &Stated, tolerance: f64) -> bool {
    let half = tolerance / 2.0;
    let (ra, rb) = (a.allowed(0.0).widen(half), b.allowed(0.0).widen(half));
    if ra.disjoint(rb) {
        return false;
    }
    let point_in = |bare: &Stated, hedged: &Stated| {
        !bare.is_bare()
            || hedged.is_bare()
            || hedged.allowed(0.0).widen(half).contains(bare.value.point)
    };
    point_in(a, b) && point_in(b, a)
}

/// A figure and its hedge read on a scale `k` ("fell by more than 3 points" is the figure 3
/// times −1): the bounds scale (a negative `k` swaps them) and the hedge mirrors with them, so
/// that a bound above the fall stays a bound beyond it. `origin` is added after scaling (a
/// percentage becomes a factor: `k` 1/100, `origin` 1).
#[must_use]
pub fn directed(v: Interval, hedge: Hedge, k: f64, origin: f64) -> (Interval, Hedge) {
    let s = v.scale(k);
    (
        Interval {
            point: s.point + origin,
            low: s.low.map(|x| x + origin),
            high: s.high.map(|x| x + origin),
        },
        hedge.scaled(k),
    )
}

/// A factor stated by a growth word, with its hedge: a rise is hedged on the factor ("more than
/// doubled" is above 2), a fall on its size ("more than halved" is a fall of more than half,
/// below 0.5 left; "nearly halved" a little over 0.5 left).
#[must_use]
pub fn factor(f: f64, hedge: Hedge) -> (Interval, Hedge) {
    if f < 1.0 {
        directed(Interval::hedged(1.0 - f, hedge), hedge, -1.0, 1.0)
    } else {
        (Interval::hedged(f, hedge), hedge)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hedge_bounds_follow_the_contract() {
        assert_eq!(
            Interval::hedged(300.0, Hedge::Above),
            Interval {
                point: 300.0,
                low: Some(300.0),
                high: None
            }
        );
        assert_eq!(Interval::hedged(1400.0, Hedge::Nearly).high, Some(1400.0));
        assert_eq!(Interval::hedged(1400.0, Hedge::Nearly).low, None);
    }

    #[test]
    fn negative_scale_swaps_bounds() {
        let i = Interval::range(1.0, 2.0).scale(-1.0);
        assert_eq!((i.low, i.high), (Some(-2.0), Some(-1.0)));
    }

    fn shape(r: Range) -> (f64, bool, f64, bool) {
        let round = |x: f64| {
            if x.is_finite() {
                (x * 1e6).round() / 1e6
            } else {
                x
            }
        };
        (round(r.lo), r.lo_open, round(r.hi), r.hi_open)
    }

    fn bare(p: f64, step: f64) -> Stated {
        Stated::figure(p, Some(step))
    }

    fn ok(a: Stated, b: Stated) -> bool {
        compatible(&a, &b, 0.0) && compatible(&b, &a, 0.0)
    }

    #[test]
    fn strict_bounds_exclude_their_figure_and_beyond() {
        let more_500 = Stated::hedged(500.0, Hedge::Above, Some(100.0));
        assert!(!ok(more_500, bare(480.0, 1.0)));
        assert!(!ok(more_500, bare(500.0, 100.0)), "strict");
        assert!(ok(more_500, bare(520.0, 10.0)));
        let at_least_500 = Stated::hedged(500.0, Hedge::AtLeast, Some(100.0));
        assert!(ok(at_least_500, bare(500.0, 100.0)), "inclusive");
        let fewer_30 = Stated::hedged(30.0, Hedge::Below, Some(10.0));
        assert!(!ok(fewer_30, bare(32.0, 1.0)));
        assert!(!ok(fewer_30, bare(30.0, 10.0)));
        assert!(ok(fewer_30, bare(28.0, 1.0)));
    }

    #[test]
    fn about_and_near_hedges_stay_close() {
        let about_500 = Stated::hedged(500.0, Hedge::About, Some(100.0));
        assert!(ok(about_500, bare(540.0, 10.0)));
        assert!(!ok(about_500, bare(600.0, 100.0)));
        // No false alarm for a figure "nearly" rounds up to.
        let nearly_1400 = Stated::hedged(1400.0, Hedge::Nearly, Some(100.0));
        assert!(ok(nearly_1400, bare(1380.0, 1.0)));
        assert!(ok(nearly_1400, bare(1400.0, 100.0)));
        assert!(!ok(nearly_1400, bare(1450.0, 10.0)));
        // The current reading of a strict bound on a percentage: "over 300%" excludes 300%.
        let over_300 = Stated::hedged(300.0, Hedge::Above, Some(100.0));
        assert!(!ok(over_300, bare(300.0, 100.0)));
    }

    #[test]
    fn a_figure_carries_the_precision_it_is_written_with() {
        // "1.2 million" is the nearest 0.1 million: "1,230,000" rounds to it.
        let step = written_step(1, 2, 0) * 1e6;
        assert!((step - 100_000.0).abs() < 1e-6);
        let million = bare(1.2e6, step);
        assert!(ok(million, bare(1_230_000.0, written_step(0, 7, 4))));
        // Neighbouring round figures meet at the half step (1.25 million rounds to either), so
        // only a figure two steps away is ruled out by rounding alone.
        assert!(ok(million, bare(1_300_000.0, 100_000.0)));
        assert!(!ok(million, bare(1_400_000.0, 100_000.0)));
        assert!(!ok(million, bare(1_260_000.0, 10_000.0)));
        // "487" is exact, and so is "490".
        assert_eq!(written_step(0, 3, 0), 1.0);
        assert_eq!(written_step(0, 3, 1), 1.0);
        assert!(!ok(bare(487.0, 1.0), bare(490.0, written_step(0, 3, 1))));
        // Round figures.
        assert_eq!(written_step(0, 4, 2), 100.0);
        assert_eq!(written_step(0, 3, 2), 100.0);
        assert_eq!(written_step(0, 2, 1), 10.0);
        assert_eq!(written_step(0, 1, 1), 1.0, "a lone zero is exact");
        assert_eq!(written_step(2, 3, 0), 0.01);
    }

    /// A change's factor as the comparison reads it: the interval and hedge `directed` gives,
    /// with no rounding step, measured from no change (1).
    fn factor_left(value: Interval, hedge: Hedge) -> Stated {
        Stated {
            value,
            hedge,
            step: None,
            origin: 1.0,
        }
    }

    #[test]
    fn a_fall_flips_the_bounds_and_keeps_the_meaning() {
        // "fell by more than half": the factor left is below one half, strictly.
        let (v, h) = directed(Interval::hedged(0.5, Hedge::Above), Hedge::Above, -1.0, 1.0);
        assert_eq!(h, Hedge::Below);
        let s = factor_left(v, h);
        assert_eq!(shape(s.allowed(0.0)), (f64::NEG_INFINITY, false, 0.5, true));
        // "fell by at least 50%": at most half left, half included.
        let (v, h) = directed(
            Interval::hedged(50.0, Hedge::AtLeast),
            Hedge::AtLeast,
            -0.01,
            1.0,
        );
        let s = factor_left(v, h);
        assert_eq!(
            shape(s.allowed(0.0)),
            (f64::NEG_INFINITY, false, 0.5, false)
        );
        // "fell by nearly half": a fall a little short of half, so a little over half left,
        // by the same width as "nearly half" itself.
        let (v, h) = directed(
            Interval::hedged(0.5, Hedge::Nearly),
            Hedge::Nearly,
            -1.0,
            1.0,
        );
        assert_eq!(h, Hedge::JustAbove);
        let s = factor_left(v, h);
        let fall = Stated::hedged(0.5, Hedge::Nearly, None).allowed(0.0);
        let left = s.allowed(0.0);
        assert!((left.lo - (1.0 - fall.hi)).abs() < 1e-12);
        assert!((left.hi - (1.0 - fall.lo)).abs() < 1e-12);
        // "fell by more than 3 points": beyond −3, strictly.
        let (v, h) = directed(Interval::hedged(3.0, Hedge::Above), Hedge::Above, -1.0, 0.0);
        let s = Stated {
            value: v,
            hedge: h,
            step: None,
            origin: 0.0,
        };
        assert_eq!(
            shape(s.allowed(0.0)),
            (f64::NEG_INFINITY, false, -3.0, true)
        );
    }

    #[test]
    fn a_growth_word_for_a_fall_is_hedged_on_its_size() {
        let (v, h) = factor(0.5, Hedge::Above);
        assert_eq!(
            (v.point, v.low, v.high, h),
            (0.5, None, Some(0.5), Hedge::Below)
        );
        let (v, h) = factor(2.0, Hedge::Above);
        assert_eq!(
            (v.point, v.low, v.high, h),
            (2.0, Some(2.0), None, Hedge::Above)
        );
        let (v, h) = factor(0.5, Hedge::Nearly);
        assert_eq!((v.low, v.high, h), (Some(0.5), None, Hedge::JustAbove));
    }

    #[test]
    fn a_falling_scale_mirrors_every_bounding_hedge() {
        for (h, m) in [
            (Hedge::Above, Hedge::Below),
            (Hedge::AtLeast, Hedge::AtMost),
            (Hedge::JustAbove, Hedge::Nearly),
        ] {
            assert_eq!(h.mirrored(), m);
            assert_eq!(m.mirrored(), h);
            assert_eq!(h.scaled(-1.0), m);
            assert_eq!(h.scaled(1.0), h);
        }
        for h in [Hedge::Exact, Hedge::About, Hedge::Multiples] {
            assert_eq!(h.scaled(-1.0), h);
        }
    }

    #[test]
    fn two_open_bounds_on_one_side_meet() {
        let more_12 = Stated::hedged(12.0, Hedge::Above, Some(1.0));
        assert!(ok(more_12, more_12));
        let fewer_12 = Stated::hedged(12.0, Hedge::Below, Some(1.0));
        assert!(ok(fewer_12, fewer_12));
        assert!(!ok(more_12, fewer_12));
    }

    #[test]
    fn tolerance_never_widens_a_strict_bound() {
        let more_500 = Stated::hedged(500.0, Hedge::Above, Some(100.0));
        assert!(!compatible(&more_500, &bare(499.0, 1.0), 0.02));
        let at_least_500 = Stated::hedged(500.0, Hedge::AtLeast, Some(100.0));
        assert!(compatible(&at_least_500, &bare(499.0, 1.0), 0.02));
    }
}
