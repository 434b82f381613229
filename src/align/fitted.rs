//! One fitted decision for "do these two figures state the same quantity of the same thing?":
//! a logistic model over general features of a candidate pair (lemma and WordNet overlap, slot
//! alignment, entity and agent agreement, predicate, time anchor, standing), whose weights are
//! fitted by `scripts/fit-alignment.py` on the development data and validated by leaving one
//! story set out at a time (`../shared/DESIGN-alignment.md`). The weights are data
//! (`rules/model/value.toml`), embedded at build time.
//!
//! Invariant: the features name no story. Each is a fact about the two sentences' structure or
//! vocabulary, in 0..=1, so that a weight says how much that fact counts.

use std::sync::OnceLock;

use serde::Deserialize;

/// The embedded weights.
const MODEL: &str = include_str!("../../rules/model/value.toml");

/// The features of a candidate pair, in the order of `NAMES`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Features {
    /// Both figures have the same measure (counted noun, or dimension and unit).
    pub same_measure: bool,
    /// The alignment score of the two subjects (`align::compare`), 0 to 1.
    pub score: f64,
    /// The clauses share a content word beyond the measured noun and names.
    pub shared_word: bool,
    /// Both figures belong to the same named agent.
    pub same_agent: bool,
    /// Both figures have an agent and they differ.
    pub agent_conflict: bool,
    /// The figures modify different head nouns ("42,000-seat stadium" / "42,000-seat arena").
    pub head_conflict: bool,
    /// Both sides share the entities their sentences name.
    pub shared_entity: bool,
    /// Same year and statistic qualifiers ("average", "daily").
    pub same_frame: bool,
    /// The clauses anchor the figures to different explicit years.
    pub years_differ: bool,
    /// The figures stand in corresponding places of the word-by-word alignment.
    pub slot_aligned: bool,
    /// The sentences are one sentence with another figure.
    pub slot_same_sentence: bool,
    /// The figures are framed alike (two aligned near words, a fair cover).
    pub slot_same_frame: bool,
    /// Aligned content words next to the figures, up to four, over four.
    pub slot_near: f64,
    /// Aligned content words over the shorter sentence's.
    pub slot_cover: f64,
    /// Aligned content words over the longer sentence's.
    pub slot_ratio: f64,
    /// Another content word stands in the subject, verb or noun place.
    pub slot_substituted: bool,
    /// The counted nouns are subjects of the same verb.
    pub same_verb: bool,
    /// Both are plain levels (no plan, part, increment, attribution, negation, hypothesis).
    pub eligible: bool,
    /// Both carry the same flags (two plans, two hypotheticals, two plain levels).
    pub same_standing: bool,
    /// How far apart the values are: log10 of their ratio, capped at 2, over 2.
    pub spread: f64,
    /// The subjects' words show one measure: a measure, a shared context word or agent, no
    /// agent or head conflict, the same year and statistic, an alignment score at the rule's
    /// minimum (`subject_gate` in rules/compare.rs).
    pub words_agree: bool,
    /// The same verb of the same counted noun, with no agent, head or year conflict.
    pub verb_holds: bool,
    /// The slot holds: one sentence with another figure, or the same frame.
    pub slot_holds: bool,
    /// The two sentences are one sentence with another figure: the figures aligned, every
    /// content word of each aligned with the other's, none substituted. Not a weighted feature:
    /// such a pair states one quantity by construction and is accepted before the model (so the
    /// model is fitted on the other candidates only).
    pub slot_whole: bool,
}

/// How many features there are.
pub const COUNT: usize = 23;

/// Feature names, as the weights file and the feature dump spell them.
pub const NAMES: [&str; COUNT] = [
    "same_measure",
    "score",
    "shared_word",
    "same_agent",
    "agent_conflict",
    "head_conflict",
    "shared_entity",
    "same_frame",
    "years_differ",
    "slot_aligned",
    "slot_same_sentence",
    "slot_same_frame",
    "slot_near",
    "slot_cover",
    "slot_ratio",
    "slot_substituted",
    "same_verb",
    "eligible",
    "same_standing",
    "spread",
    "words_agree",
    "verb_holds",
    "slot_holds",
];

impl Features {
    /// The features as numbers, in the order of `NAMES`.
    #[must_use]
    pub fn vector(&self) -> [f64; COUNT] {
        let b = |x: bool| if x { 1.0 } else { 0.0 };
        [
            b(self.same_measure),
            self.score,
            b(self.shared_word),
            b(self.same_agent),
            b(self.agent_conflict),
            b(self.head_conflict),
            b(self.shared_entity),
            b(self.same_frame),
            b(self.years_differ),
            b(self.slot_aligned),
            b(self.slot_same_sentence),
            b(self.slot_same_frame),
            self.slot_near,
            self.slot_cover,
            self.slot_ratio,
            b(self.slot_substituted),
            b(self.same_verb),
            b(self.eligible),
            b(self.same_standing),
            self.spread,
            b(self.words_agree),
            b(self.verb_holds),
            b(self.slot_holds),
        ]
    }

    /// The features as a JSON object (the dump `scripts/fit-alignment.py` reads).
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        let v = self.vector();
        let mut out: serde_json::Map<String, serde_json::Value> = NAMES
            .iter()
            .zip(v)
            .map(|(n, x)| ((*n).to_string(), serde_json::json!(x)))
            .collect();
        out.insert("slot_whole".into(), serde_json::json!(self.slot_whole));
        serde_json::Value::Object(out)
    }
}

/// The spread feature of two values: 0 when equal, 1 at a hundredfold or more.
#[must_use]
pub fn spread(x: f64, y: f64) -> f64 {
    let (lo, hi) = (x.abs().min(y.abs()), x.abs().max(y.abs()));
    if lo <= 0.0 || !hi.is_finite() {
        return 1.0;
    }
    ((hi / lo).log10() / 2.0).clamp(0.0, 1.0)
}

/// The weights file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// What produced the weights (script, data, date): shown by nothing, kept for readers.
    #[allow(dead_code)]
    fitted: String,
    bias: f64,
    threshold: f64,
    weights: std::collections::BTreeMap<String, f64>,
}

/// A fitted logistic model.
#[derive(Debug, Clone)]
pub struct Model {
    bias: f64,
    threshold: f64,
    weights: [f64; COUNT],
}

impl Model {
    /// The embedded model, parsed on first use.
    ///
    /// # Panics
    /// Never in a released build: a unit test parses the embedded file.
    #[must_use]
    pub fn builtin() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| {
            // A development aid: `CROSSCHECK_MODEL=FILE` replaces the embedded weights (the
            // fitting script scores each left-out story set with weights fitted without it).
            if let Some(text) =
                std::env::var_os("CROSSCHECK_MODEL").and_then(|p| std::fs::read_to_string(p).ok())
            {
                match Model::parse(&text) {
                    Ok(m) => return m,
                    Err(e) => eprintln!("crosscheck: CROSSCHECK_MODEL ignored: {e}"),
                }
            }
            Model::parse(MODEL).expect("the embedded alignment model is valid")
        })
    }

    /// Parses a weights file.
    ///
    /// # Errors
    /// A TOML error, an unknown feature name, or a feature without a weight.
    pub fn parse(text: &str) -> Result<Model, String> {
        let f: File = toml::from_str(text).map_err(|e| e.to_string())?;
        if let Some(k) = f.weights.keys().find(|k| !NAMES.contains(&k.as_str())) {
            return Err(format!("unknown feature {k:?}"));
        }
        let mut weights = [0.0; COUNT];
        for (w, n) in weights.iter_mut().zip(NAMES) {
            *w = *f
                .weights
                .get(n)
                .ok_or_else(|| format!("no weight for feature {n:?}"))?;
        }
        Ok(Model {
            bias: f.bias,
            threshold: f.threshold,
            weights,
        })
    }

    /// The probability that the pair states one quantity.
    #[must_use]
    pub fn probability(&self, f: &Features) -> f64 {
        let z: f64 = self.bias
            + self
                .weights
                .iter()
                .zip(f.vector())
                .map(|(w, x)| w * x)
                .sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// True when the probability reaches the fitted threshold.
    #[must_use]
    pub fn accepts(&self, f: &Features) -> bool {
        self.probability(f) >= self.threshold
    }

    /// The decision: one sentence with another figure (`slot_whole`) states one quantity by
    /// construction; every other pair is decided by the fitted score.
    #[must_use]
    pub fn decide(&self, f: &Features) -> bool {
        f.slot_whole || self.accepts(f)
    }

    /// The features that pushed the decision most, strongest first, as "name +0.8" (the
    /// evidence a finding shows).
    #[must_use]
    pub fn deciding(&self, f: &Features, n: usize) -> Vec<String> {
        let mut parts: Vec<(f64, &str)> = self
            .weights
            .iter()
            .zip(f.vector())
            .zip(NAMES)
            .map(|((w, x), name)| (w * x, name))
            .filter(|(c, _)| c.abs() > 1e-9)
            .collect();
        parts.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
        parts
            .into_iter()
            .take(n)
            .map(|(c, name)| format!("{} {c:+.1}", name.replace('_', " ")))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_parses() {
        let m = Model::parse(MODEL).unwrap();
        assert!(m.threshold > 0.0 && m.threshold < 1.0);
    }

    #[test]
    fn bad_weights_files_are_errors() {
        let ok = MODEL.to_string();
        assert!(Model::parse(&ok.replace("spread", "sprawl")).is_err());
        assert!(Model::parse("fitted = \"x\"\nbias = 0\nthreshold = 0.5\n[weights]\n").is_err());
    }

    #[test]
    fn one_sentence_with_another_figure_is_accepted_and_a_bare_pair_is_not() {
        let m = Model::builtin();
        let copy = Features {
            same_measure: true,
            score: 0.8,
            shared_word: true,
            shared_entity: true,
            same_frame: true,
            slot_aligned: true,
            slot_same_sentence: true,
            slot_same_frame: true,
            slot_near: 1.0,
            slot_cover: 1.0,
            slot_ratio: 0.9,
            eligible: true,
            same_standing: true,
            spread: 0.1,
            words_agree: true,
            slot_holds: true,
            ..Features::default()
        };
        assert!(m.accepts(&copy), "{}", m.probability(&copy));
        // The same sentence with another figure is one quantity even when its subject has no
        // measure the words could show ("in 80 days" / "in 120 days").
        let bare_copy = Features {
            slot_aligned: true,
            slot_cover: 1.0,
            slot_ratio: 1.0,
            slot_whole: true,
            eligible: true,
            same_standing: true,
            spread: 0.2,
            ..Features::default()
        };
        assert!(m.decide(&bare_copy));
        let stranger = Features {
            eligible: true,
            same_standing: true,
            spread: 0.5,
            ..Features::default()
        };
        assert!(!m.decide(&stranger), "{}", m.probability(&stranger));
    }

    #[test]
    fn spread_is_zero_for_equal_values_and_one_a_hundredfold_apart() {
        assert!(spread(5.0, 5.0).abs() < 1e-12);
        assert!((spread(1.0, 100.0) - 1.0).abs() < 1e-12);
        assert!((spread(1.0, 10.0) - 0.5).abs() < 1e-12);
        assert!((spread(0.0, 3.0) - 1.0).abs() < 1e-12);
    }
}
