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
