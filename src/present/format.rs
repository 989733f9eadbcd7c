//! Small pieces of text every front end formats the same way: a count as its channel shows it, a
//! post's engagement, the story clock, a remark in parentheses, a signed change. Pure functions of
//! numbers and the interface language; the words come from `assets/locales/*/format.ftl`.

use crate::engine::Compiled;
use crate::lang::Lang;
use crate::scenario::model::Media;
use crate::t;

/// A count the way Chinese apps show it: 12000 → 1.2万 (and 12.0k, 1.2M in English).
pub fn count(n: u64, lang: Lang) -> String {
    match lang {
        Lang::ZH_CN if n >= 10_000 => format!("{:.1}万", n as f64 / 10_000.0).replace(".0万", "万"),
        Lang::EN if n >= 1_000_000 => format!("{:.1}M", n as f64 / 1_000_000.0),
        Lang::EN if n >= 10_000 => format!("{:.1}k", n as f64 / 1_000.0),
        _ => n.to_string(),
    }
}

/// A post's engagement as its channel shows it (views, shares, comments, likes), zeros left out.
pub fn engagement(m: &Media, lang: Lang) -> String {
    [(m.views, "format-views"), (m.shares, "format-shares"), (m.comments, "format-comments"), (m.likes, "format-likes")]
        .iter()
        .filter(|(v, _)| *v > 0)
        .map(|(v, key)| t!(lang, key, count = count(*v, lang)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Story time as `HH:MM` from the scenario's start time (a later day is marked).
pub fn clock_label(c: &Compiled, minutes: u64, lang: Lang) -> Option<String> {
    let clock = c.scenario.clock.as_ref()?;
    let start = clock.start.as_deref().and_then(crate::scenario::validate::parse_hhmm).unwrap_or(0);
    let t = u64::from(start) + minutes;
    let (day, h, m) = (t / 1440, (t % 1440) / 60, t % 60);
    let time = format!("{h:02}:{m:02}");
    Some(if day == 0 { time } else { t!(lang, "format-later-day", day = day + 1, time = time) })
}

/// A remark in parentheses after a word: full-width in Chinese (`名称（说明）`), spaced in English
/// (`name (remark)`).
pub fn paren(lang: Lang, remark: &str) -> String {
    t!(lang, "format-paren", remark = remark)
}

/// A change with its sign: `+3`, `-2`, `0`.
pub fn signed(d: i64) -> String {
    if d > 0 { format!("+{d}") } else { d.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_each_language_writes_them() {
        assert_eq!(count(9_999, Lang::ZH_CN), "9999");
        assert_eq!(count(12_000, Lang::ZH_CN), "1.2万");
        assert_eq!(count(30_000, Lang::ZH_CN), "3万");
        assert_eq!(count(12_000, Lang::EN), "12.0k");
        assert_eq!(count(2_500_000, Lang::EN), "2.5M");
    }

    #[test]
    fn engagement_leaves_zeros_out() {
        let m: Media = ron::from_str("(channel: Weibo, author: \"a\", text: \"b\", views: 12000, likes: 3)").unwrap();
        assert_eq!(engagement(&m, Lang::ZH_CN), "播放 1.2万 · 赞 3");
        assert_eq!(engagement(&m, Lang::EN), "views 12.0k · likes 3");
    }

    #[test]
    fn parentheses_and_signs() {
        assert_eq!(paren(Lang::ZH_CN, "良好"), "（良好）");
        assert_eq!(paren(Lang::EN, "Good"), " (Good)");
        assert_eq!(signed(3), "+3");
        assert_eq!(signed(-2), "-2");
        assert_eq!(signed(0), "0");
    }
}
