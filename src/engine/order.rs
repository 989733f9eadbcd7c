//! The order a scene's options are shown in: a permutation drawn from the run's seed and the
//! scene's id, so where the author happened to list the best option tells the trainee nothing,
//! and the same seed shows the same order in the terminal, the app, a class vote, a resumed run
//! and a replay. Greyed-out options always come after the live ones, which keep their numbers.

use super::compiled::{Compiled, fnv1a};
use super::rng::Draw;
use super::session::Offer;
use crate::scenario::model::Order;

/// The shown position of each of scene `scene`'s authored choices: `rank[k]` is where the
/// scene's `k`-th choice (in the author's order) stands among them all. A Fisher-Yates shuffle on
/// the project's own seeded generator, keyed by the seed and the scene's id (not its index, so
/// adding a scene elsewhere does not reshuffle this one). `Order::Fixed` keeps the author's order.
pub fn ranks(c: &Compiled, seed: u64, scene: usize) -> Vec<usize> {
    let sc = &c.scenario.scenes[scene];
    let n = sc.choices.len();
    let mut perm: Vec<usize> = (0..n).collect();
    if sc.order == Order::Shuffled && n > 1 {
        let mut draw = Draw::new(seed ^ fnv1a(format!("order:{}", sc.id).as_bytes()));
        for i in (1..n).rev() {
            let j = draw.below(i as u64 + 1) as usize;
            perm.swap(i, j);
        }
    }
    // perm[p] is the authored choice shown at position p; invert it.
    let mut rank = vec![0; n];
    for (p, k) in perm.into_iter().enumerate() {
        rank[k] = p;
    }
    rank
}

/// Puts offers (in the author's order, all of one scene) into the order shown: live ones first in
/// the drawn order, then the greyed-out ones in the drawn order.
pub fn arrange(c: &Compiled, seed: u64, offers: &mut [Offer]) {
    let Some(first) = offers.first() else { return };
    let scene = c.choices[first.choice].scene;
    let start = c.scenes[scene].choices.start;
    let rank = ranks(c, seed, scene);
    offers.sort_by_key(|o| (!o.enabled, rank[o.choice - start]));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::load::load_str;

    fn compiled(order: &str, n: usize) -> Compiled {
        let choices: String =
            (0..n).map(|i| format!(r#"(id: "c{i}", text: "C{i}", scores: {{"k": {i}}}, feedback: "F", next: End),"#)).collect();
        let src = format!(
            r#"(format: 1, id: "t", languages: ["en"], title: "T", category: Other, summary: "S", minutes: 1,
            difficulty: Easy, competencies: [(id: "k", name: "K", weight: 1)], roles: [(id: "r", name: "R", briefing: "B")],
            start: "a", scenes: [(id: "a", text: "A", {order} choices: [{choices}])],
            endings: [(id: "e", title: "E", grade: Pass, text: "E")])"#
        );
        let l = load_str(std::path::Path::new("t.ron"), src, &[]);
        Compiled::new(l.playable().cloned().unwrap_or_else(|| panic!("{:?}", l.diagnostics)))
    }

    #[test]
    fn a_seed_always_draws_the_same_permutation() {
        let c = compiled("", 5);
        let r = ranks(&c, 7, 0);
        assert_eq!(r, ranks(&c, 7, 0));
        let mut sorted = r.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![0, 1, 2, 3, 4], "a permutation");
        assert!((0..50).any(|s| ranks(&c, s, 0) != r), "other seeds draw other orders");
    }

    #[test]
    fn fixed_keeps_the_authors_order() {
        let c = compiled("order: Fixed,", 5);
        for seed in 0..20 {
            assert_eq!(ranks(&c, seed, 0), vec![0, 1, 2, 3, 4]);
        }
    }

    #[test]
    fn every_position_is_drawn_about_as_often() {
        let c = compiled("", 4);
        let mut first = [0u32; 4];
        for seed in 0..4000 {
            let r = ranks(&c, seed, 0);
            first[r.iter().position(|&p| p == 0).unwrap()] += 1;
        }
        assert!(first.iter().all(|&n| (850..1150).contains(&n)), "{first:?}");
    }

    #[test]
    fn greyed_out_offers_come_last() {
        let c = compiled("", 4);
        for seed in 0..20 {
            let mut offers: Vec<Offer> = (0..4).map(|i| Offer { choice: i, enabled: i != 0 && i != 2 }).collect();
            arrange(&c, seed, &mut offers);
            assert!(offers[..2].iter().all(|o| o.enabled) && offers[2..].iter().all(|o| !o.enabled), "{offers:?}");
        }
    }
}
