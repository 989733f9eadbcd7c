//! Views are functions: each takes the data it shows and returns what the trainee asked for.

pub mod class;
pub mod console;
pub mod debrief;
pub mod library;
pub mod map;
pub mod notice;
pub mod play;
pub mod predict;
pub mod records;
pub mod setup;
pub mod typeset;

#[cfg(test)]
mod tests {
    use crate::lang::Lang;
    use crate::t;

    /// The views' messages with arguments read as the texts they replaced did: spaces, line
    /// breaks, plurals and brackets survive the catalogues.
    #[test]
    fn messages_with_arguments_keep_their_wording() {
        let (zh, en) = (Lang::ZH_CN, Lang::EN);
        assert_eq!(t!(zh, "app-library-interrupted", title = "水", decisions = 2), "上次的演练《水》没有完成（已作出 2 个决定）。");
        assert_eq!(
            t!(en, "app-library-interrupted", title = "Water", decisions = 1),
            "The last run of “Water” did not finish (1 decision made)."
        );
        assert_eq!(
            t!(en, "app-library-interrupted", title = "Water", decisions = 3),
            "The last run of “Water” did not finish (3 decisions made)."
        );
        assert_eq!(
            t!(zh, "app-library-facts", minutes = "单人 15 分钟", difficulty = "入门", languages = "zh-CN / en"),
            "单人 15 分钟 · 入门 · zh-CN / en"
        );
        assert_eq!(t!(zh, "app-map-endings-reached", reached = 3, all = 4), "可达结局 3/4");
        assert_eq!(t!(zh, "app-class-vote-bar", votes = 12, share = "40"), "12票 · 40%");
        assert_eq!(t!(en, "app-class-vote-bar", votes = 12, share = "40"), "12 votes · 40%");
        assert_eq!(t!(zh, "app-total", total = "72.5", grade = "优秀"), "总分 72.5  优秀");
        assert_eq!(
            t!(en, "app-console-reload-problem", problem = "p.ron: bad"),
            "The edited file has errors; the last good version keeps running:\np.ron: bad"
        );
        assert_eq!(t!(zh, "app-console-reload-problem", problem = "p.ron"), "修改后的场景文件有错误，仍在运行上一个正确版本：\np.ron");
        assert_eq!(t!(en, "app-console-to-random", outcomes = 2), "→ random: 2 outcomes");
        assert_eq!(
            t!(zh, "app-records-spread", competency = "law", mean = "61.0", low = "40", high = "80", bars = "█1"),
            "law: 平均 61.0 (40..80)   █1"
        );
        assert_eq!(t!(en, "app-bar-projector-line-class", group = "一班"), "Class: 一班 · Projector · H: instructor's keys");
        assert_eq!(
            t!(en, "app-class-tie", options = vec!["1".to_string(), "2".to_string()]),
            "Tied (options 1, 2): the instructor decides"
        );
        // A remark after a name: full-width brackets in Chinese, a space and brackets in English.
        let remark = |l: Lang| t!(l, "format-paren", remark = t!(l, "app-console-not-available"));
        assert_eq!((remark(zh), remark(en)), ("（条件未满足）".to_string(), " (not available)".to_string()));
    }

    #[test]
    fn the_language_button_names_each_language_in_itself() {
        assert_eq!(t!(Lang::ZH_CN, "lang-name"), "中文");
        assert_eq!(t!(Lang::EN, "lang-name"), "English");
        assert_eq!(t!(Lang::ZH_CN.next(), "lang-name"), "English");
    }
}
