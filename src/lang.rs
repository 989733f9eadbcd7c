//! The interface languages Shapan speaks (Chinese first, English second) and how the default is picked.

use std::fmt;
use std::str::FromStr;

/// A language for messages and for scenario text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    /// Simplified Chinese, the language most scenarios are written in.
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Every language the interface speaks, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// The code used in scenario files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Picks the language from the usual locale variables. Chinese unless the locale says English,
    /// because Chinese is the product's first language and `C`/`POSIX` say nothing about the user.
    pub fn from_env() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(value) = std::env::var(var) {
                if value.is_empty() {
                    continue;
                }
                let lower = value.to_ascii_lowercase();
                if lower.starts_with("en") {
                    return Lang::En;
                }
                if lower.starts_with("zh") {
                    return Lang::ZhCn;
                }
            }
        }
        Lang::ZhCn
    }

    /// Picks one of two texts.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::ZhCn => zh,
            Lang::En => en,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "zh-cn" | "zh" | "zh-hans" | "cn" => Ok(Lang::ZhCn),
            "en" | "en-us" | "en-gb" => Ok(Lang::En),
            _ => Err(format!("unknown language '{s}' (expected zh-CN or en)")),
        }
    }
}

/// A message in both interface languages, so diagnostics stay data and are rendered late.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Bilingual {
    pub zh: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Bilingual { zh: zh.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// Builds a [`Bilingual`] from two format strings: `bi!("场景 {id}", "scene {id}")`, or with
/// arguments for each: `bi!(("{}个", n), ("{} items", n))`.
#[macro_export]
macro_rules! bi {
    (($zh:literal $(, $za:expr)* $(,)?), ($en:literal $(, $ea:expr)* $(,)?) $(,)?) => {
        $crate::lang::Bilingual::new(format!($zh $(, $za)*), format!($en $(, $ea)*))
    };
    ($zh:literal, $en:literal $(,)?) => {
        $crate::lang::Bilingual::new(format!($zh), format!($en))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_leniently() {
        assert_eq!("zh-CN".parse::<Lang>(), Ok(Lang::ZhCn));
        assert_eq!("zh_cn".parse::<Lang>(), Ok(Lang::ZhCn));
        assert_eq!("EN".parse::<Lang>(), Ok(Lang::En));
        assert!("fr".parse::<Lang>().is_err());
    }

    #[test]
    fn picks_the_right_text() {
        let m = Bilingual::new("你好", "hello");
        assert_eq!(m.get(Lang::ZhCn), "你好");
        assert_eq!(m.get(Lang::En), "hello");
    }
}
