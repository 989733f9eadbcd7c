//! Class votes: counts per choice from a show of hands or coloured cards, in one or two rounds
//! (first instinct, then after discussion), the class decision by majority with the
//! instructor breaking ties, how united the class is and how opinion shifted. Also the
//! `--votes` SPEC of scripted class sessions.

use super::class::ClassError;
use super::rng::Draw;
use super::session::EngineError;
use crate::i18n::{Localize, Message};
use crate::msg;
use serde::{Deserialize, Serialize};

/// Share of the final round the leading choice needs, by default, for the class's opinion to
/// count as concentrated (意见集中): three in four, nearer what "united" means in a meeting than
/// a bare majority.
pub const UNITED: f64 = 0.75;

/// The most rounds a vote has: first instinct, then the final vote after discussion.
pub const MAX_ROUNDS: usize = 2;

/// The votes of one decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    /// Ids of the choices voted on, in the order shown.
    pub choices: Vec<String>,
    /// Counts per choice, one list per round.
    pub rounds: Vec<Vec<u32>>,
    /// The choice the class took, once decided (`None`: not yet, or the timer ran out).
    #[serde(default)]
    pub decided: Option<String>,
    /// Whether the instructor settled it: a tie broken, or a decision other than the vote's.
    #[serde(default)]
    pub by_instructor: bool,
}

/// What the final round says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    NoVotes,
    /// The choice (index into `choices`) with the most votes.
    Majority(usize),
    /// Choices sharing the most votes: the instructor decides.
    Tie(Vec<usize>),
}

/// How far the class agrees, from the leading choice's share of the final round.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Consensus {
    /// At least the threshold (75% by default) chose the same.
    United,
    /// More than half, under the threshold.
    Majority,
    /// No choice has more than half.
    Divided,
}

/// Why a vote cannot decide yet.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VoteError {
    #[error("no votes have been entered yet")]
    NoVotes,
    /// A tie among these choices (indices into `choices`): the instructor must pick one of them.
    #[error("options {} are tied: the instructor decides", numbers(.0))]
    Tie(Vec<usize>),
    /// The tie-break names a choice that is not among the tied ones.
    #[error("option {} is not one of the tied options", .0 + 1)]
    NotTied(usize),
    #[error("this vote is already decided")]
    AlreadyDecided,
}

/// Option numbers as the class sees them (from 1).
fn numbers(options: &[usize]) -> String {
    options.iter().map(|k| (k + 1).to_string()).collect::<Vec<_>>().join(", ")
}

impl Localize for VoteError {
    fn message(&self) -> Message {
        match self {
            VoteError::NoVotes => msg!("error-vote-no-votes"),
            VoteError::Tie(t) => msg!("error-vote-tie", options = t.iter().map(|k| (k + 1).to_string()).collect::<Vec<_>>()),
            VoteError::NotTied(k) => msg!("error-vote-not-tied", option = k + 1),
            VoteError::AlreadyDecided => msg!("error-vote-already-decided"),
        }
    }
}

impl Vote {
    /// A vote over `choices` with an empty first round.
    pub fn new(choices: Vec<String>) -> Vote {
        let n = choices.len();
        Vote { choices, rounds: vec![vec![0; n]], decided: None, by_instructor: false }
    }

    /// The round being counted.
    pub fn current(&self) -> &[u32] {
        self.rounds.last().map_or(&[], Vec::as_slice)
    }

    pub fn round(&self) -> usize {
        self.rounds.len()
    }

    /// Changes a count in the current round by `delta`, never below zero.
    pub fn add(&mut self, choice: usize, delta: i64) {
        if let Some(n) = self.rounds.last_mut().and_then(|r| r.get_mut(choice)) {
            *n = u32::try_from((i64::from(*n) + delta).max(0)).unwrap_or(u32::MAX);
        }
    }

    /// Sets a count in the current round.
    pub fn set(&mut self, choice: usize, count: u32) {
        if let Some(n) = self.rounds.last_mut().and_then(|r| r.get_mut(choice)) {
            *n = count;
        }
    }

    /// Starts the final round after discussion. False when there already are two rounds or the
    /// first has no votes.
    pub fn second_round(&mut self) -> bool {
        if self.rounds.len() >= MAX_ROUNDS || total(self.current()) == 0 || self.decided.is_some() {
            return false;
        }
        self.rounds.push(vec![0; self.choices.len()]);
        true
    }

    /// Votes cast in the current round.
    pub fn total(&self) -> u32 {
        total(self.current())
    }

    /// What the current round says.
    pub fn verdict(&self) -> Verdict {
        let counts = self.current();
        let top = counts.iter().copied().max().unwrap_or(0);
        if top == 0 {
            return Verdict::NoVotes;
        }
        let leaders: Vec<usize> = (0..counts.len()).filter(|&k| counts[k] == top).collect();
        if leaders.len() == 1 { Verdict::Majority(leaders[0]) } else { Verdict::Tie(leaders) }
    }

    /// The leading choice's share of the current round (0 with no votes).
    pub fn share(&self) -> f64 {
        let t = self.total();
        if t == 0 { 0.0 } else { f64::from(self.current().iter().copied().max().unwrap_or(0)) / f64::from(t) }
    }

    /// How far the class agrees, at the default threshold.
    pub fn consensus(&self) -> Option<Consensus> {
        self.consensus_at(UNITED)
    }

    /// How far the class agrees, counting it united from `united` (a share, 0.5 to 1) up.
    pub fn consensus_at(&self, united: f64) -> Option<Consensus> {
        let t = self.total();
        if t == 0 {
            return None;
        }
        let share = self.share();
        Some(if share >= united - 1e-9 {
            Consensus::United
        } else if share > 0.5 {
            Consensus::Majority
        } else {
            Consensus::Divided
        })
    }

    /// How each choice's share changed from the first round to the last, in percentage points.
    pub fn shift(&self) -> Option<Vec<f64>> {
        let [first, last] = self.rounds.as_slice() else { return None };
        let (a, b) = (total(first), total(last));
        if a == 0 || b == 0 {
            return None;
        }
        Some(first.iter().zip(last).map(|(x, y)| 100.0 * (f64::from(*y) / f64::from(b) - f64::from(*x) / f64::from(a))).collect())
    }

    /// Settles the vote: the majority, or `tiebreak` among tied choices. Returns the index of the
    /// choice taken (into `choices`).
    pub fn decide(&mut self, tiebreak: Option<usize>) -> Result<usize, VoteError> {
        if self.decided.is_some() {
            return Err(VoteError::AlreadyDecided);
        }
        let k = match (self.verdict(), tiebreak) {
            (Verdict::NoVotes, _) => return Err(VoteError::NoVotes),
            (Verdict::Majority(k), _) => k,
            (Verdict::Tie(t), None) => return Err(VoteError::Tie(t)),
            (Verdict::Tie(t), Some(k)) if t.contains(&k) => {
                self.by_instructor = true;
                k
            }
            (Verdict::Tie(_), Some(k)) => return Err(VoteError::NotTied(k)),
        };
        self.decided = Some(self.choices[k].clone());
        Ok(k)
    }

    /// The instructor decides whatever the counts say (or without a vote).
    pub fn overrule(&mut self, choice: usize) {
        let by_vote = matches!(self.verdict(), Verdict::Majority(k) if k == choice);
        self.by_instructor = !by_vote;
        self.decided = self.choices.get(choice).cloned();
    }
}

fn total(counts: &[u32]) -> u32 {
    counts.iter().fold(0u32, |a, b| a.saturating_add(*b))
}

/// Scripted votes for a whole class session (`--votes`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoteSpec {
    /// Per decision, the rounds of counts per choice.
    Counts(Vec<Vec<Vec<u32>>>),
    /// Plausible two-round votes drawn from the seed.
    Auto,
}

/// A SPEC (`--votes`) that cannot be read, or that does not fit the road its votes lead down.
/// Groups and decisions are numbered from 1. Every message also says what a SPEC looks like.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    #[error("the SPEC is empty; {SPEC_HELP}")]
    Empty,
    #[error("group {group} is empty; {SPEC_HELP}")]
    EmptyGroup { group: usize },
    #[error("\"{item}\" in group {group} is negative; counts cannot be negative; {SPEC_HELP}")]
    Negative { group: usize, item: String },
    #[error("\"{item}\" in group {group} is not a count (a whole number, 0 or more); {SPEC_HELP}")]
    NotACount { group: usize, item: String },
    #[error("group {group} has {rounds} rounds; at most two; {SPEC_HELP}")]
    TooManyRounds { group: usize, rounds: usize },
    #[error("the two rounds of group {group} count different numbers of choices; {SPEC_HELP}")]
    RoundsDiffer { group: usize },
    #[error("a round of group {group} has no votes; {SPEC_HELP}")]
    NoVotes { group: usize },
    #[error("cannot start: {0}; {SPEC_HELP}")]
    CannotStart(EngineError),
    #[error("with these votes the session has not ended after {limit} decisions; {SPEC_HELP}")]
    Endless { limit: usize },
    #[error("the SPEC has votes for {given} decisions but the session has at least {needed}; {SPEC_HELP}")]
    TooFew { given: usize, needed: usize },
    #[error("decision {decision} offers {offers} choices but group {decision} gives {counts} counts; {SPEC_HELP}")]
    WrongWidth { decision: usize, offers: usize, counts: usize },
    #[error("decision {decision} has no scene to vote in; {SPEC_HELP}")]
    NoVote { decision: usize },
    #[error("decision {decision}: {error}; {SPEC_HELP}")]
    Refused { decision: usize, error: ClassError },
    #[error("decision {decision} leads to scene '{scene}', which offers nothing and has no timer; {SPEC_HELP}")]
    Stuck { decision: usize, scene: String },
    #[error("the SPEC has votes for {given} decisions but with these votes the session ends after {used}; {SPEC_HELP}")]
    TooMany { given: usize, used: usize },
}

/// What a SPEC looks like, for the English log line.
const SPEC_HELP: &str = "expected auto, or one group of counts per decision: groups separated by ';', counts per choice by ',', two rounds by '/', e.g. \"12,10,8;5,20,5/2,26,2\"";

impl Localize for SpecError {
    fn message(&self) -> Message {
        let problem = match self {
            SpecError::Empty => msg!("error-spec-empty"),
            SpecError::EmptyGroup { group } => msg!("error-spec-empty-group", group = *group),
            SpecError::Negative { group, item } => msg!("error-spec-negative", group = *group, item = item),
            SpecError::NotACount { group, item } => msg!("error-spec-not-a-count", group = *group, item = item),
            SpecError::TooManyRounds { group, rounds } => msg!("error-spec-too-many-rounds", group = *group, rounds = *rounds),
            SpecError::RoundsDiffer { group } => msg!("error-spec-rounds-differ", group = *group),
            SpecError::NoVotes { group } => msg!("error-spec-no-votes", group = *group),
            SpecError::CannotStart(e) => msg!("error-spec-cannot-start", reason = e.message()),
            SpecError::Endless { limit } => msg!("error-spec-endless", limit = *limit),
            SpecError::TooFew { given, needed } => msg!("error-spec-too-few", given = *given, needed = *needed),
            SpecError::WrongWidth { decision, offers, counts } => {
                msg!("error-spec-wrong-width", decision = *decision, offers = *offers, counts = *counts)
            }
            SpecError::NoVote { decision } => msg!("error-spec-no-vote", decision = *decision),
            SpecError::Refused { decision, error } => msg!("error-spec-refused", decision = *decision, reason = error.message()),
            SpecError::Stuck { decision, scene } => msg!("error-spec-stuck", decision = *decision, scene = scene),
            SpecError::TooMany { given, used } => msg!("error-spec-too-many", given = *given, used = *used),
        };
        msg!("error-spec", problem = problem)
    }
}

impl VoteSpec {
    pub fn parse(spec: &str) -> Result<VoteSpec, SpecError> {
        let spec = spec.trim();
        if spec.eq_ignore_ascii_case("auto") {
            return Ok(VoteSpec::Auto);
        }
        if spec.is_empty() {
            return Err(SpecError::Empty);
        }
        let mut decisions = Vec::new();
        for (d, group) in spec.split(';').enumerate() {
            let group = group.trim();
            if group.is_empty() {
                return Err(SpecError::EmptyGroup { group: d + 1 });
            }
            let mut rounds = Vec::new();
            for round in group.split('/') {
                let mut counts = Vec::new();
                for item in round.split(',') {
                    let item = item.trim();
                    match item.parse::<u32>() {
                        Ok(n) => counts.push(n),
                        Err(_) if item.starts_with('-') => {
                            return Err(SpecError::Negative { group: d + 1, item: item.to_string() });
                        }
                        Err(_) => {
                            return Err(SpecError::NotACount { group: d + 1, item: item.to_string() });
                        }
                    }
                }
                rounds.push(counts);
            }
            if rounds.len() > MAX_ROUNDS {
                return Err(SpecError::TooManyRounds { group: d + 1, rounds: rounds.len() });
            }
            if rounds.iter().any(|r| r.len() != rounds[0].len()) {
                return Err(SpecError::RoundsDiffer { group: d + 1 });
            }
            if rounds.iter().any(|r| total(r) == 0) {
                return Err(SpecError::NoVotes { group: d + 1 });
            }
            decisions.push(rounds);
        }
        Ok(VoteSpec::Counts(decisions))
    }
}

/// Plausible votes of a class of 24 to 32 for `n` choices: a spread first instinct, then a final
/// round where discussion moves part of the room, to the leader or to another choice. With a
/// single choice there is one round.
pub fn plausible(n: usize, draw: &mut Draw) -> Vec<Vec<u32>> {
    let class = 24 + draw.below(9) as u32;
    if n <= 1 {
        // Nothing to discuss: everyone takes the only road, in one round.
        return vec![vec![class; n]];
    }
    let weights: Vec<u64> = (0..n).map(|_| 1 + draw.below(10)).collect();
    let first = split(class, &weights, draw);
    let leader = (0..n).max_by_key(|&k| (first[k], std::cmp::Reverse(k))).unwrap_or(0);
    // Half the time the discussion rallies to the first instinct, otherwise to another choice.
    let target = if draw.below(2) == 0 { (leader + 1 + draw.below(n as u64 - 1) as usize) % n } else { leader };
    let mut last = first.clone();
    for k in 0..n {
        if k != target {
            let moved = last[k] * (3 + draw.below(5) as u32) / 10;
            last[k] -= moved;
            last[target] += moved;
        }
    }
    vec![first, last]
}

/// Splits `people` among choices in proportion to weights, with the remainder drawn.
fn split(people: u32, weights: &[u64], draw: &mut Draw) -> Vec<u32> {
    let sum: u64 = weights.iter().sum::<u64>().max(1);
    let mut counts: Vec<u32> = weights.iter().map(|w| (u64::from(people) * w / sum) as u32).collect();
    let given: u32 = counts.iter().sum();
    for _ in given..people {
        let pairs: Vec<(u64, usize)> = weights.iter().enumerate().map(|(k, w)| (*w, k)).collect();
        counts[draw.pick(&pairs)] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn vote(rounds: &[&[u32]]) -> Vote {
        let n = rounds[0].len();
        let mut v = Vote::new((0..n).map(|k| format!("c{k}")).collect());
        for (r, counts) in rounds.iter().enumerate() {
            if r > 0 {
                assert!(v.second_round());
            }
            for (k, c) in counts.iter().enumerate() {
                v.set(k, *c);
            }
        }
        v
    }

    #[test]
    fn the_majority_decides_and_consensus_follows_the_leading_share() {
        let mut v = vote(&[&[23, 5, 2]]);
        assert_eq!(v.verdict(), Verdict::Majority(0));
        assert_eq!(v.consensus(), Some(Consensus::United));
        assert_eq!(v.decide(None), Ok(0));
        assert_eq!(v.decided.as_deref(), Some("c0"));
        assert!(!v.by_instructor);
        assert_eq!(v.decide(None), Err(VoteError::AlreadyDecided));
        assert_eq!(vote(&[&[16, 14]]).consensus(), Some(Consensus::Majority));
        assert_eq!(vote(&[&[12, 10, 8]]).consensus(), Some(Consensus::Divided));
        // Two in three is a majority, not unity; exactly three in four is united, and an
        // instructor who sets the bar at 60% counts two in three as united.
        assert_eq!(vote(&[&[20, 10]]).consensus(), Some(Consensus::Majority));
        assert_eq!(vote(&[&[18, 6]]).consensus(), Some(Consensus::United));
        assert_eq!(vote(&[&[20, 10]]).consensus_at(0.6), Some(Consensus::United));
        assert_eq!(vote(&[&[0, 0]]).consensus(), None);
    }

    #[test]
    fn a_tie_needs_the_instructor_and_only_a_tied_choice_breaks_it() {
        let mut v = vote(&[&[10, 10, 5]]);
        assert_eq!(v.decide(None), Err(VoteError::Tie(vec![0, 1])));
        assert_eq!(v.decide(Some(2)), Err(VoteError::NotTied(2)));
        assert_eq!(v.decide(Some(1)), Ok(1));
        assert!(v.by_instructor);
        assert_eq!(vote(&[&[0, 0]]).decide(None), Err(VoteError::NoVotes));
    }

    #[test]
    fn the_final_round_decides_and_the_shift_is_measured() {
        let mut v = vote(&[&[5, 20, 5], &[2, 26, 2]]);
        assert_eq!(v.round(), 2);
        assert!(!v.second_round(), "at most two rounds");
        let shift = v.shift().unwrap();
        assert!((shift[1] - 20.0).abs() < 1e-9, "{shift:?}");
        assert!((shift.iter().sum::<f64>()).abs() < 1e-9);
        // The first round's leader lost in the second: the second decides.
        let mut w = vote(&[&[20, 10], &[10, 20]]);
        assert_eq!(w.decide(None), Ok(1));
        assert_eq!(v.decide(None), Ok(1));
    }

    #[test]
    fn counts_never_go_below_zero_and_an_empty_round_cannot_be_followed() {
        let mut v = Vote::new(vec!["a".into(), "b".into()]);
        assert!(!v.second_round());
        v.add(0, 1);
        v.add(0, -3);
        v.add(1, 2);
        v.add(5, 1);
        assert_eq!(v.current(), &[0, 2]);
    }

    #[test]
    fn overruling_the_vote_is_marked_but_following_it_is_not() {
        let mut v = vote(&[&[3, 9]]);
        v.overrule(1);
        assert!(!v.by_instructor);
        v.overrule(0);
        assert!(v.by_instructor);
        assert_eq!(v.decided.as_deref(), Some("c0"));
    }

    #[test]
    fn specs_are_read_or_refused_with_what_was_expected() {
        assert_eq!(VoteSpec::parse(" AUTO "), Ok(VoteSpec::Auto));
        assert_eq!(
            VoteSpec::parse("12,10,8;5,20,5/2,26,2"),
            Ok(VoteSpec::Counts(vec![vec![vec![12, 10, 8]], vec![vec![5, 20, 5], vec![2, 26, 2]]]))
        );
        for (bad, says) in [
            ("12,a,8", "\"a\""),
            ("12,-1,8", "负数"),
            ("", "空"),
            ("1,2;;3,4", "第 2 组"),
            ("1,2/3,4/5,6", "最多两轮"),
            ("1,2/3,4,5", "选项数不同"),
            ("0,0", "没有票"),
        ] {
            let e = VoteSpec::parse(bad).unwrap_err().message();
            let (zh, en) = (e.render(Lang::ZH_CN), e.render(Lang::EN));
            assert!(zh.contains(says), "{bad}: {zh}");
            assert!(zh.contains("例如"), "says what is expected: {zh}");
            assert!(en.contains("expected"), "{en}");
        }
    }

    #[test]
    fn plausible_votes_are_two_rounds_of_a_whole_class_and_repeat_with_the_seed() {
        for seed in 0..50 {
            let v = plausible(3, &mut Draw::new(seed));
            assert_eq!(v.len(), 2);
            let (a, b): (u32, u32) = (v[0].iter().sum(), v[1].iter().sum());
            assert!((24..=32).contains(&a) && a == b, "{v:?}");
            assert_eq!(v, plausible(3, &mut Draw::new(seed)));
        }
        assert!((0..50).any(|s| plausible(3, &mut Draw::new(s)) != plausible(3, &mut Draw::new(0))));
        let only = plausible(1, &mut Draw::new(4));
        assert_eq!(only.len(), 1);
        assert!((24..=32).contains(&only[0][0]));
    }
}
