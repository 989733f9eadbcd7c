//! A class vote in words: the consensus label and the one-line summary the debrief, the records
//! and the app show beside a decision. The engine's `Vote` holds only counts.

use crate::engine::vote::{Consensus, Vote};
use crate::lang::Lang;
use crate::t;

/// How far the class agrees, in words.
pub fn consensus_label(c: Consensus, lang: Lang) -> String {
    match c {
        Consensus::United => t!(lang, "debrief-consensus-united"),
        Consensus::Majority => t!(lang, "debrief-consensus-majority"),
        Consensus::Divided => t!(lang, "debrief-consensus-divided"),
    }
}

/// One line for the debrief and the records: counts per round, share and consensus.
pub fn summary(v: &Vote, lang: Lang) -> String {
    let rounds: Vec<String> = v.rounds.iter().map(|r| r.iter().map(u32::to_string).collect::<Vec<_>>().join("/")).collect();
    let mut s = if rounds.len() == 2 {
        t!(lang, "debrief-vote-rounds", first = rounds[0].as_str(), last = rounds[1].as_str())
    } else {
        t!(lang, "debrief-vote-counts", counts = rounds.first().cloned().unwrap_or_default())
    };
    if let Some(c) = v.consensus() {
        let share = format!("{:.0}", v.share() * 100.0);
        s.push_str(&t!(lang, "debrief-vote-share", share = share, consensus = consensus_label(c, lang)));
    }
    if v.by_instructor {
        s.push_str(&t!(lang, "debrief-vote-by-instructor"));
    }
    s
}

/// The decided choice's votes in one line for the projector, after the decision: its count in
/// each round and its share of the last ("第一轮 15 票 → 第二轮 19 票，占 79%（意见集中）"), with
/// no column of numbers to match to options.
pub fn headline(v: &Vote, lang: Lang) -> String {
    let Some(k) = v.decided.as_ref().and_then(|id| v.choices.iter().position(|c| c == id)) else { return summary(v, lang) };
    let count = |r: &[u32]| r.get(k).copied().unwrap_or(0);
    let last = v.rounds.last().map_or(&[][..], Vec::as_slice);
    let total: u32 = last.iter().sum();
    let share = if total == 0 { 0.0 } else { 100.0 * f64::from(count(last)) / f64::from(total) };
    let mut s = match v.rounds.as_slice() {
        [first, second] => t!(lang, "debrief-vote-headline-rounds", first = count(first), last = count(second)),
        _ => t!(lang, "debrief-vote-headline", votes = count(last)),
    };
    s.push_str(&t!(lang, "debrief-vote-headline-share", share = format!("{share:.0}")));
    if let Some(c) = v.consensus().filter(|_| matches!(v.verdict(), crate::engine::vote::Verdict::Majority(m) if m == k)) {
        s.push_str(&crate::present::format::paren(lang, &consensus_label(c, lang)));
    }
    if v.by_instructor {
        s.push_str(&t!(lang, "debrief-vote-by-instructor"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_two_round_vote_reads_as_both_rounds_in_each_language() {
        let mut v = Vote::new(vec!["a".into(), "b".into(), "c".into()]);
        for (k, n) in [5, 20, 5].into_iter().enumerate() {
            v.set(k, n);
        }
        assert!(v.second_round());
        for (k, n) in [2, 26, 2].into_iter().enumerate() {
            v.set(k, n);
        }
        let zh = summary(&v, Lang::ZH_CN);
        assert!(zh.contains("第一轮 5/20/5 → 第二轮 2/26/2"), "{zh}");
        let en = summary(&v, Lang::EN);
        assert!(en.contains("5/20/5") && en.contains("2/26/2") && !en.contains("第"), "{en}");
        v.decide(None).unwrap();
        assert_eq!(headline(&v, Lang::ZH_CN), "第一轮 20 票 → 第二轮 26 票，占 87%（意见集中）");
        assert_eq!(headline(&v, Lang::EN), "first round 20 → final 26 votes, 87% (concentrated)");
    }
}
