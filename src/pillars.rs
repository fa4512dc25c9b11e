//! The projected effect of a plan on the SSI pillars "Build relationships" (BR) and
//! "Find the right people" (FRP), exactly as DESIGN.md §5: features before and after,
//! four BR scenarios, a range and a direction, never LinkedIn's formula.
//!
//! Must not: read the database; callers pass the network, readings and assumptions.

use crate::error::did_you_mean;
use crate::model::{Decision, Direction, Flags, InvitationStatus};
use crate::network::Network;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const DISCLAIMER: &str =
    "Estimate from public information; LinkedIn does not publish the SSI formula.";

/// The documented levers of FRP, none of which appears in an export.
pub const FRP_LEVERS: [&str; 4] = [
    "people searches",
    "profile views from searches",
    "leads saved",
    "days active on LinkedIn",
];

/// One SSI reading typed from LinkedIn's SSI page.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct SsiReading {
    pub date: NaiveDate,
    pub total: f64,
    pub brand: f64,
    pub frp: f64,
    pub engage: f64,
    pub br: f64,
    /// "Top N% of your industry", when typed.
    pub industry_rank: Option<f64>,
    /// "Top N% of your network", when typed.
    pub network_rank: Option<f64>,
}

impl SsiReading {
    /// The first number outside its range, as (name, value, the range's top): the total
    /// 0–100, each pillar 0–25, the ranks 0–100 when typed.
    pub fn out_of_range(&self) -> Option<(&'static str, f64, f64)> {
        [
            ("total", self.total, 100.0),
            ("brand", self.brand, 25.0),
            ("frp", self.frp, 25.0),
            ("engage", self.engage, 25.0),
            ("br", self.br, 25.0),
            ("industry-rank", self.industry_rank.unwrap_or(0.0), 100.0),
            ("network-rank", self.network_rank.unwrap_or(0.0), 100.0),
        ]
        .into_iter()
        .find(|&(_, v, max)| !(0.0..=max).contains(&v))
    }

    /// The four pillars' sum when it is not the total (LinkedIn's total is their sum; a
    /// point or two either way is rounding, more is most likely a number mistyped).
    pub fn pillars_disagree(&self) -> Option<f64> {
        let sum = self.brand + self.frp + self.engage + self.br;
        ((sum - self.total).abs() > PILLARS_ROUNDING).then_some(sum)
    }
}

/// How far the four pillars typed as shown may add up from the total shown: each is
/// rounded on LinkedIn's page.
const PILLARS_ROUNDING: f64 = 2.0;

/// A projection logged when a plan was applied, to compare with the next reading.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LoggedProjection {
    pub date: NaiveDate,
    pub baseline: Option<f64>,
    pub low: f64,
    pub high: f64,
}

impl LoggedProjection {
    /// "projected BR +0.3…+1.7 on 2026-11-12, observed +0.4 ✓ inside": the projection
    /// against the first reading recorded after it.
    pub fn outcome(&self, readings: &[SsiReading]) -> String {
        let projected = match self.baseline {
            Some(b) => format!(
                "projected BR {:+.1}…{:+.1} on {}",
                self.low - b,
                self.high - b,
                self.date
            ),
            None => format!(
                "projected BR Δ {:+.1}…{:+.1} on {}",
                self.low, self.high, self.date
            ),
        };
        let next = readings.iter().find(|r| r.date > self.date);
        let observed = match (next, self.baseline) {
            (Some(r), Some(b)) => {
                let inside = r.br >= self.low && r.br <= self.high;
                let verdict = if inside { "✓ inside" } else { "✗ outside" };
                format!(", observed {:+.1} {verdict}", r.br - b)
            }
            (Some(_), None) => ", no baseline to compare with".to_string(),
            (None, _) => ", no reading since".to_string(),
        };
        format!("{projected}{observed}")
    }
}

/// Every parameter of the projection; all editable (`pillars --set name=value`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assumptions {
    pub k_connections: f64,
    pub k_vp: f64,
    pub k_internal: f64,
    pub s_vp: f64,
    pub s_internal: f64,
    pub w_relevant: f64,
    pub kappa: f64,
    pub stale_days: i64,
    pub noise: f64,
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions {
            k_connections: 500.0,
            k_vp: 50.0,
            k_internal: 25.0,
            s_vp: 0.15,
            s_internal: 0.05,
            w_relevant: 0.10,
            kappa: 1.0,
            stale_days: 21,
            noise: 0.5,
        }
    }
}

impl Assumptions {
    /// Every parameter's name, as [`Assumptions::set`] takes it.
    pub const NAMES: [&str; 9] = [
        "k_connections",
        "k_vp",
        "k_internal",
        "s_vp",
        "s_internal",
        "w_relevant",
        "kappa",
        "stale_days",
        "noise",
    ];

    /// One parameter's value by name (as it is stored), or `None` for an unknown name.
    pub fn get(&self, name: &str) -> Option<f64> {
        serde_json::to_value(self).ok()?.get(name)?.as_f64()
    }

    /// Sets one parameter by name from text (`kappa=0.8`).
    pub fn set(&mut self, assignment: &str) -> Result<(), String> {
        let (name, value) = assignment
            .split_once('=')
            .ok_or_else(|| format!("'{assignment}' is not name=value"))?;
        let name = name.trim();
        let Some((max, what)) = Self::limit(name) else {
            let (names, near) = (Self::NAMES.join(" "), did_you_mean(name, Self::NAMES));
            return Err(format!("unknown assumption '{name}'{near}: {names}"));
        };
        let v: f64 = value
            .trim()
            .parse()
            .map_err(|_| format!("'{}' is not a number", value.trim()))?;
        let whole = name == "stale_days";
        if !(0.0..=max).contains(&v) || (whole && v.fract() != 0.0) {
            return Err(format!("{name} is {what} from 0 to {max}"));
        }
        let slot = match name {
            "k_connections" => &mut self.k_connections,
            "k_vp" => &mut self.k_vp,
            "k_internal" => &mut self.k_internal,
            "s_vp" => &mut self.s_vp,
            "s_internal" => &mut self.s_internal,
            "w_relevant" => &mut self.w_relevant,
            "kappa" => &mut self.kappa,
            "noise" => &mut self.noise,
            // stale_days, the one whole number (the name was checked above)
            _ => {
                self.stale_days = v as i64;
                return Ok(());
            }
        };
        *slot = v;
        Ok(())
    }

    /// The largest value a parameter takes (each takes 0 too), and what it is, for the
    /// message that refuses another; `None` for an unknown name. Shares and weights are
    /// at most 1 and the noise band at most the pillar's 25 points; the bounds keep every
    /// projection a finite number of points (an unbounded kappa of 1e308 made an empty
    /// plan's change NaN).
    fn limit(name: &str) -> Option<(f64, &'static str)> {
        Some(match name {
            "k_connections" | "k_vp" | "k_internal" => (100_000.0, "a number of connections"),
            "s_vp" | "s_internal" => (1.0, "a share"),
            "w_relevant" => (1.0, "a weight"),
            "kappa" => (10.0, "a factor"),
            "stale_days" => (3650.0, "a whole number of days"),
            "noise" => (25.0, "a number of BR points"),
            _ => return None,
        })
    }
}

/// The inputs the projection reads from the network.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Features {
    pub connections: u64,
    pub vp_plus: u64,
    pub internal: u64,
    pub acceptance_rate: f64,
    pub relevant_share: f64,
    pub pending: u64,
    pub stale: u64,
    #[serde(skip)]
    pub accepted: u64,
}

/// How withdrawn invitations enter the acceptance rate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WithdrawnReading {
    /// AR-A: withdrawn invitations leave the denominator.
    LeaveDenominator,
    /// AR-B: withdrawn invitations still count as not accepted.
    CountAsNotAccepted,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reading {
    Count,
    Share,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scenario {
    pub reading: Reading,
    pub withdrawn: WithdrawnReading,
    pub delta: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trend {
    Up,
    Down,
    Uncertain,
    TooSmall,
}

impl Trend {
    /// In words, for people.
    pub fn words(self) -> &'static str {
        match self {
            Trend::Up => "likely ↑",
            Trend::Down => "likely ↓",
            Trend::Uncertain => "direction uncertain",
            Trend::TooSmall => "too small to notice",
        }
    }

    /// Up or down when all deltas agree, too small when all are inside the noise band.
    pub fn of(deltas: &[f64], noise: f64) -> Trend {
        if deltas.iter().all(|d| d.abs() <= noise) {
            Trend::TooSmall
        } else if deltas.iter().all(|d| *d >= 0.0) {
            Trend::Up
        } else if deltas.iter().all(|d| *d <= 0.0) {
            Trend::Down
        } else {
            Trend::Uncertain
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PillarProjection {
    pub baseline: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub delta_low: f64,
    pub delta_high: f64,
    pub direction: Trend,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeaturePair {
    pub before: Features,
    pub after: Features,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    pub build_relationships: PillarProjection,
    pub find_right_people: PillarProjection,
    pub features: FeaturePair,
    pub assumptions: Assumptions,
    /// The noise band used: the assumption, or the spread of the user's own readings.
    pub noise_used: f64,
    pub disclaimer: &'static str,
}

/// The user's own inputs for a projection.
pub struct Baseline {
    pub br: Option<f64>,
    pub frp: Option<f64>,
    /// Past BR readings, oldest first (for the noise band).
    pub br_history: Vec<f64>,
}

fn sat(x: f64, k: f64) -> f64 {
    if x + k <= 0.0 { 0.0 } else { x / (x + k) }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Standard deviation of day-to-day changes once there are 5+ readings.
pub fn noise_band(history: &[f64], default: f64) -> f64 {
    if history.len() < 5 {
        return default;
    }
    let diffs: Vec<f64> = history.windows(2).map(|w| w[1] - w[0]).collect();
    let mean = diffs.iter().sum::<f64>() / diffs.len() as f64;
    let var = diffs.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / diffs.len() as f64;
    var.sqrt()
}

/// Features before and after the plan (prune decisions, withdrawals).
/// Colleagues (internal connections) are those scoring flagged (the profile's
/// `my_companies`).
pub fn features(network: &Network, threshold: f64, stale_days: i64) -> FeaturePair {
    let mut before = Features::default();
    let mut after = Features::default();
    let (mut relevant_before, mut relevant_after) = (0u64, 0u64);
    for c in network.contacts.iter().filter(|c| c.in_network()) {
        let vp = u64::from(c.seniority.is_vp_plus());
        let internal = u64::from(c.flags.has(Flags::COLLEAGUE));
        let relevant = u64::from(crate::audience::in_audience(c.score, threshold));
        before.connections += 1;
        before.vp_plus += vp;
        before.internal += internal;
        relevant_before += relevant;
        if c.decision != Decision::Prune {
            after.connections += 1;
            after.vp_plus += vp;
            after.internal += internal;
            relevant_after += relevant;
        }
    }
    before.relevant_share = ratio(relevant_before, before.connections);
    after.relevant_share = ratio(relevant_after, after.connections);
    for inv in network
        .invitations
        .iter()
        .filter(|i| i.direction == Direction::Outgoing)
    {
        match inv.status {
            InvitationStatus::Pending => {
                let stale = u64::from(inv.age_days(network.as_of) > stale_days);
                before.pending += 1;
                before.stale += stale;
                if !inv.withdraw_planned {
                    after.pending += 1;
                    after.stale += stale;
                }
            }
            InvitationStatus::Accepted => {
                before.accepted += 1;
                after.accepted += 1;
            }
            // Withdrawn already: out of both, as a planned withdrawal is out of "after".
            InvitationStatus::Gone => {}
        }
    }
    before.acceptance_rate = ratio(before.accepted, before.accepted + before.pending);
    // The "after" rate shown is AR-A (withdrawn leave the denominator).
    after.acceptance_rate = ratio(after.accepted, after.accepted + after.pending);
    FeaturePair { before, after }
}

fn b_value(f: &Features, ar: f64, reading: Reading, a: &Assumptions) -> f64 {
    let n = f.connections as f64;
    let (vp_term, int_term) = match reading {
        Reading::Count => (
            sat(f.vp_plus as f64, a.k_vp),
            sat(f.internal as f64, a.k_internal),
        ),
        Reading::Share => (
            if a.s_vp > 0.0 {
                (ratio(f.vp_plus, f.connections) / a.s_vp).min(1.0)
            } else {
                1.0
            },
            if a.s_internal > 0.0 {
                (ratio(f.internal, f.connections) / a.s_internal).min(1.0)
            } else {
                1.0
            },
        ),
    };
    0.25 * sat(n, a.k_connections) + 0.25 * vp_term + 0.25 * int_term + 0.25 * ar
}

fn range(baseline: Option<f64>, deltas: &[f64], noise: f64) -> PillarProjection {
    let delta_low = deltas.iter().copied().fold(f64::INFINITY, f64::min);
    let delta_high = deltas.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let clamp = |b: f64, d: f64| round2((b + d).clamp(0.0, 25.0));
    PillarProjection {
        baseline,
        low: baseline.map(|b| clamp(b, delta_low)),
        high: baseline.map(|b| clamp(b, delta_high)),
        delta_low: round2(delta_low),
        delta_high: round2(delta_high),
        direction: Trend::of(deltas, noise),
        scenarios: Vec::new(),
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Projects the current plan from the features.
pub fn project(pair: &FeaturePair, baseline: &Baseline, a: &Assumptions) -> Projection {
    let (before, after) = (&pair.before, &pair.after);
    let ar_b_after = ratio(after.accepted, before.accepted + before.pending);
    let mut scenarios = Vec::new();
    for reading in [Reading::Count, Reading::Share] {
        let b_before = b_value(before, before.acceptance_rate, reading, a);
        for (withdrawn, ar_after) in [
            (WithdrawnReading::CountAsNotAccepted, ar_b_after),
            (WithdrawnReading::LeaveDenominator, after.acceptance_rate),
        ] {
            let delta = 25.0 * a.kappa * (b_value(after, ar_after, reading, a) - b_before);
            scenarios.push(Scenario {
                reading,
                withdrawn,
                delta: round2(delta),
            });
        }
    }
    let noise = noise_band(&baseline.br_history, a.noise);
    let deltas: Vec<f64> = scenarios.iter().map(|s| s.delta).collect();
    let mut br = range(baseline.br, &deltas, noise);
    br.scenarios = scenarios;
    let speculative = 25.0 * a.w_relevant * (after.relevant_share - before.relevant_share);
    let frp = range(baseline.frp, &[0.0, speculative], noise);
    Projection {
        build_relationships: br,
        find_right_people: frp,
        features: pair.clone(),
        assumptions: a.clone(),
        noise_used: round2(noise),
        disclaimer: DISCLAIMER,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reading's numbers are in range (the first one out is named), and its pillars add
    /// up to its total within rounding (each is rounded on LinkedIn's page).
    #[test]
    fn a_reading_is_checked_for_range_and_sum() {
        let reading = |total, brand, frp, engage, br| SsiReading {
            total,
            brand,
            frp,
            engage,
            br,
            ..SsiReading::default()
        };
        let r = reading(61.0, 14.0, 12.0, 16.0, 19.0);
        assert_eq!((r.out_of_range(), r.pillars_disagree()), (None, None));
        assert_eq!(
            reading(62.0, 14.0, 12.0, 18.0, 16.0).pillars_disagree(),
            None
        );
        assert_eq!(
            reading(61.0, 14.0, 12.0, 16.0, 9.0).pillars_disagree(),
            Some(51.0)
        );
        assert_eq!(
            reading(61.0, 14.0, 12.0, 16.0, 30.0).out_of_range(),
            Some(("br", 30.0, 25.0))
        );
        let ranked = SsiReading {
            industry_rank: Some(101.0),
            ..r
        };
        assert_eq!(ranked.out_of_range(), Some(("industry-rank", 101.0, 100.0)));
    }

    fn worked_example() -> FeaturePair {
        let before = Features {
            connections: 2000,
            vp_plus: 150,
            internal: 40,
            acceptance_rate: 0.35,
            relevant_share: 0.30,
            pending: 130,
            stale: 100,
            accepted: 70,
        };
        let after = Features {
            connections: 1400,
            vp_plus: 145,
            internal: 38,
            acceptance_rate: 0.70,
            relevant_share: 0.30,
            pending: 30,
            stale: 0,
            accepted: 70,
        };
        FeaturePair { before, after }
    }

    #[test]
    fn design_worked_example() {
        let baseline = Baseline {
            br: Some(15.0),
            frp: Some(5.0),
            br_history: vec![],
        };
        let p = project(&worked_example(), &baseline, &Assumptions::default());
        let deltas: Vec<f64> = p
            .build_relationships
            .scenarios
            .iter()
            .map(|s| s.delta)
            .collect();
        assert_eq!(deltas, vec![-0.51, 1.68, 1.69, 3.88]);
        assert_eq!(p.build_relationships.low, Some(14.49));
        assert_eq!(p.build_relationships.high, Some(18.88));
        assert_eq!(p.build_relationships.direction, Trend::Uncertain);
        assert_eq!(p.find_right_people.low, Some(5.0));
    }

    #[test]
    fn no_reading_gives_null_baselines_but_deltas() {
        let baseline = Baseline {
            br: None,
            frp: None,
            br_history: vec![],
        };
        let p = project(&worked_example(), &baseline, &Assumptions::default());
        assert_eq!(p.build_relationships.low, None);
        assert_eq!(p.build_relationships.delta_low, -0.51);
    }

    #[test]
    fn clamps_at_0_and_25() {
        let pair = worked_example();
        let high = project(
            &pair,
            &Baseline {
                br: Some(24.0),
                frp: None,
                br_history: vec![],
            },
            &Assumptions::default(),
        );
        assert_eq!(high.build_relationships.high, Some(25.0));
        let low = project(
            &pair,
            &Baseline {
                br: Some(0.2),
                frp: None,
                br_history: vec![],
            },
            &Assumptions::default(),
        );
        assert_eq!(low.build_relationships.low, Some(0.0));
    }

    #[test]
    fn empty_network_and_prune_everyone_do_not_divide_by_zero() {
        let empty = FeaturePair {
            before: Features::default(),
            after: Features::default(),
        };
        let p = project(
            &empty,
            &Baseline {
                br: Some(10.0),
                frp: Some(3.0),
                br_history: vec![],
            },
            &Assumptions::default(),
        );
        assert_eq!(p.build_relationships.direction, Trend::TooSmall);
        assert_eq!(p.build_relationships.low, Some(10.0));
        let mut everyone = worked_example();
        everyone.after = Features {
            accepted: 70,
            pending: 30,
            acceptance_rate: 0.7,
            ..Features::default()
        };
        let p = project(
            &everyone,
            &Baseline {
                br: Some(15.0),
                frp: None,
                br_history: vec![],
            },
            &Assumptions::default(),
        );
        assert!(p.build_relationships.delta_high < 0.0);
        assert_eq!(p.build_relationships.direction, Trend::Down);
    }

    #[test]
    fn no_invitations_means_no_acceptance_term_change() {
        let mut pair = worked_example();
        for f in [&mut pair.before, &mut pair.after] {
            f.accepted = 0;
            f.pending = 0;
            f.stale = 0;
            f.acceptance_rate = 0.0;
        }
        let p = project(
            &pair,
            &Baseline {
                br: Some(15.0),
                frp: None,
                br_history: vec![],
            },
            &Assumptions::default(),
        );
        let d: Vec<f64> = p
            .build_relationships
            .scenarios
            .iter()
            .map(|s| s.delta)
            .collect();
        assert_eq!(
            d[0], d[1],
            "without invitations the withdrawn readings agree"
        );
        assert_eq!(d[2], d[3]);
    }

    #[test]
    fn logged_projection_outcome_compares_the_next_reading() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let reading = |d, br| SsiReading {
            date: day(d),
            total: 50.0,
            brand: 10.0,
            frp: 5.0,
            engage: 10.0,
            br,
            ..SsiReading::default()
        };
        let logged = LoggedProjection {
            date: day(12),
            baseline: Some(15.0),
            low: 15.3,
            high: 16.7,
        };
        assert_eq!(
            logged.outcome(&[reading(1, 15.0)]),
            "projected BR +0.3…+1.7 on 2026-11-12, no reading since"
        );
        assert_eq!(
            logged.outcome(&[reading(1, 15.0), reading(20, 15.4)]),
            "projected BR +0.3…+1.7 on 2026-11-12, observed +0.4 ✓ inside"
        );
        assert!(
            logged
                .outcome(&[reading(20, 14.0)])
                .ends_with("observed -1.0 ✗ outside")
        );
    }

    #[test]
    fn noise_band_from_five_readings() {
        assert_eq!(noise_band(&[10.0, 11.0, 10.0], 0.5), 0.5);
        let n = noise_band(&[10.0, 11.0, 10.0, 11.0, 10.0], 0.5);
        assert!((n - 1.0).abs() < 1e-9, "{n}");
    }

    #[test]
    fn assumptions_set_by_name() {
        let mut a = Assumptions::default();
        a.set("kappa=0.8").unwrap();
        assert_eq!(a.kappa, 0.8);
        assert!(a.set("gamma=1").is_err());
        assert!(a.set("kappa=-1").is_err());
        // Every name is read back as it was set.
        for (k, name) in Assumptions::NAMES.iter().enumerate() {
            let value = (k as f64 + 2.0) / 10.0;
            let value = if *name == "stale_days" {
                value * 10.0
            } else {
                value
            };
            a.set(&format!("{name}={value}")).unwrap();
            assert_eq!(a.get(name), Some(value), "{name}");
        }
        assert_eq!(a.get("gamma"), None);
    }

    #[test]
    fn assumptions_out_of_their_range_are_refused_saying_it() {
        let mut a = Assumptions::default();
        let refused = |a: &mut Assumptions, assignment: &str| a.set(assignment).unwrap_err();
        assert_eq!(refused(&mut a, "s_vp=1.5"), "s_vp is a share from 0 to 1");
        assert_eq!(
            refused(&mut a, "stale_days=10.5"),
            "stale_days is a whole number of days from 0 to 3650"
        );
        assert_eq!(
            refused(&mut a, "kappa=1e308"),
            "kappa is a factor from 0 to 10"
        );
        assert_eq!(
            refused(&mut a, " noise = -1"),
            "noise is a number of BR points from 0 to 25"
        );
        assert_eq!(
            refused(&mut a, "kappa=NaN"),
            "kappa is a factor from 0 to 10"
        );
        assert_eq!(a, Assumptions::default(), "nothing refused is set");
        a.set("s_vp=1").unwrap();
        a.set("stale_days=3650").unwrap();
        assert_eq!((a.s_vp, a.stale_days), (1.0, 3650));
    }

    /// Counts of a network before and after a plan, as [`features`] makes them: the plan
    /// prunes some of each kind of connection and withdraws some pending invitations.
    fn feature_pair() -> impl proptest::strategy::Strategy<Value = FeaturePair> {
        use proptest::prelude::*;
        let counts = (0u64..40_000, 0.0..=1.0f64, 0.0..=1.0f64, 0.0..=1.0f64);
        let kept = (0.0..=1.0f64, 0.0..=1.0f64, 0.0..=1.0f64, 0.0..=1.0f64);
        let invitations = (0u64..3000, 0u64..3000, 0.0..=1.0f64, 0.0..=1.0f64);
        (counts, kept, invitations).prop_map(|((n, vp, int, rel), kept, (acc, pend, stale, w))| {
            let part = |n: u64, share: f64| (n as f64 * share).round() as u64;
            let (vp, int, rel) = (part(n, vp), part(n, int), part(n, rel));
            let stale = part(pend, stale);
            let features = |n, vp, int, rel, pending, stale| Features {
                connections: n,
                vp_plus: vp,
                internal: int,
                relevant_share: ratio(rel, n),
                accepted: acc,
                pending,
                stale,
                acceptance_rate: ratio(acc, acc + pending),
            };
            let (n_after, withdrawn) = (part(n, kept.0), part(stale, w));
            FeaturePair {
                before: features(n, vp, int, rel, pend, stale),
                after: features(
                    n_after,
                    part(vp, kept.1).min(n_after),
                    part(int, kept.2).min(n_after),
                    part(rel, kept.3).min(n_after),
                    pend - withdrawn,
                    stale - withdrawn,
                ),
            }
        })
    }

    /// What a user may type as an assumption's value: ordinary values, and any number
    /// up to the largest there is.
    fn assumption_value() -> impl proptest::strategy::Strategy<Value = f64> {
        use proptest::prelude::*;
        prop_oneof![
            0.0..30.0f64,
            proptest::num::f64::POSITIVE | proptest::num::f64::ZERO,
            Just(f64::MAX),
        ]
    }

    proptest::proptest! {
        /// Whatever the network, the plan and the assumptions a user can set, each pillar's
        /// projection is a range of finite points inside 0–25 around the baseline; FRP's
        /// documented change (0) is inside its range; no plan changes nothing.
        #[test]
        fn projections_are_ranges_of_points_for_any_assumptions(
            pair in feature_pair(),
            settings in proptest::collection::vec(
                (0..Assumptions::NAMES.len(), assumption_value()),
                0..6,
            ),
            br in 0.0..=25.0f64,
            frp in 0.0..=25.0f64,
            no_plan in proptest::prelude::any::<bool>(),
        ) {
            let mut a = Assumptions::default();
            for (name, value) in settings {
                let _ = a.set(&format!("{}={value}", Assumptions::NAMES[name]));
            }
            let pair = match no_plan {
                true => FeaturePair { before: pair.before, after: pair.before },
                false => pair,
            };
            let baseline = Baseline { br: Some(br), frp: Some(frp), br_history: vec![] };
            let p = project(&pair, &baseline, &a);
            for pillar in [&p.build_relationships, &p.find_right_people] {
                let (low, high) = (pillar.low.unwrap_or(f64::NAN), pillar.high.unwrap_or(f64::NAN));
                proptest::prop_assert!(pillar.delta_low.is_finite() && pillar.delta_high.is_finite(), "{p:?}");
                proptest::prop_assert!(pillar.delta_low <= pillar.delta_high, "{p:?}");
                proptest::prop_assert!((0.0..=25.0).contains(&low) && low <= high && high <= 25.0, "{p:?}");
            }
            let frp = &p.find_right_people;
            proptest::prop_assert!(frp.delta_low <= 0.0 && 0.0 <= frp.delta_high, "{p:?}");
            if no_plan {
                for pillar in [&p.build_relationships, &p.find_right_people] {
                    proptest::prop_assert_eq!((pillar.delta_low, pillar.delta_high), (0.0, 0.0));
                    proptest::prop_assert_eq!(pillar.direction, Trend::TooSmall);
                }
            }
        }
    }
}
