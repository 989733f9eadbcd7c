//! The interface languages Shapan speaks: one per folder of message catalogues under
//! `assets/locales/`, Chinese first, and how the default is picked.
//!
//! A `Lang` is an *interface* language. Scenario texts carry their own language tags (any BCP 47
//! tag the author declares), chosen for an interface language by `Scenario::text_language`.

use std::fmt;
use std::str::FromStr;

/// An interface language: the tag of one catalogue folder under `assets/locales/`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(&'static str);

impl Lang {
    /// Simplified Chinese, the product's first language; every other language falls back to it.
    pub const ZH_CN: Lang = Lang("zh-CN");
    /// English.
    pub const EN: Lang = Lang("en");

    /// Every interface language with a catalogue, Chinese first.
    pub fn all() -> impl Iterator<Item = Lang> {
        crate::i18n::tags().map(Lang)
    }

    /// The next interface language after this one, wrapping round: what a language button does.
    pub fn next(self) -> Lang {
        let all: Vec<Lang> = Lang::all().collect();
        let at = all.iter().position(|l| *l == self).unwrap_or(0);
        all.get((at + 1) % all.len().max(1)).copied().unwrap_or_default()
    }

    /// The tag used in scenario files, on the command line and in catalogue folder names.
    pub fn code(self) -> &'static str {
        self.0
    }

    /// Whether the language is Chinese (its typesetting rules and full-width punctuation apply).
    pub fn is_chinese(self) -> bool {
        self.0.starts_with("zh")
    }

    /// Picks the language from the usual locale variables. Chinese unless the locale names another
    /// language the interface speaks, because Chinese is the product's first language and
    /// `C`/`POSIX` say nothing about the user.
    pub fn from_env() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(value) = std::env::var(var) {
                if value.is_empty() || value == "C" || value == "POSIX" {
                    continue;
                }
                let tag = value.split(['.', '@']).next().unwrap_or_default();
                if let Ok(lang) = tag.parse() {
                    return lang;
                }
            }
        }
        Lang::ZH_CN
    }
}

impl Default for Lang {
    fn default() -> Self {
        Lang::ZH_CN
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Not a language the interface speaks.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown language '{given}' (expected one of: {known})")]
pub struct UnknownLang {
    pub given: String,
    pub known: String,
}

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Leniently: `zh_CN`, `zh`, `zh-Hans` and `cn` are Chinese; `en-US` is English; a language
    /// with a region falls back to the bare language when only that has a catalogue.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let want = s.trim().replace('_', "-").to_ascii_lowercase();
        let want = match want.as_str() {
            "zh" | "zh-hans" | "zh-hans-cn" | "cn" | "zh-sg" => "zh-cn".to_string(),
            _ => want,
        };
        let primary = want.split('-').next().unwrap_or_default().to_string();
        let found = Lang::all()
            .find(|l| l.0.to_ascii_lowercase() == want)
            .or_else(|| Lang::all().find(|l| l.0.to_ascii_lowercase() == primary))
            .or_else(|| Lang::all().find(|l| l.0.to_ascii_lowercase().split('-').next() == Some(primary.as_str())));
        found.ok_or_else(|| UnknownLang { given: s.to_string(), known: Lang::all().map(|l| l.0).collect::<Vec<_>>().join(", ") })
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_leniently() {
        assert_eq!("zh-CN".parse::<Lang>(), Ok(Lang::ZH_CN));
        assert_eq!("zh_cn".parse::<Lang>(), Ok(Lang::ZH_CN));
        assert_eq!("zh".parse::<Lang>(), Ok(Lang::ZH_CN));
        assert_eq!("EN".parse::<Lang>(), Ok(Lang::EN));
        assert_eq!("en_US".parse::<Lang>(), Ok(Lang::EN));
        assert!("fr".parse::<Lang>().is_err());
    }

    #[test]
    fn chinese_comes_first_and_every_language_is_reached_by_next() {
        let all: Vec<Lang> = Lang::all().collect();
        assert_eq!(all.first(), Some(&Lang::ZH_CN));
        assert!(all.contains(&Lang::EN));
        let mut seen = vec![Lang::ZH_CN];
        let mut l = Lang::ZH_CN.next();
        while l != Lang::ZH_CN {
            seen.push(l);
            l = l.next();
        }
        assert_eq!(seen.len(), all.len());
    }

    #[test]
    fn a_language_round_trips_through_serde() {
        let json = serde_json::to_string(&Lang::EN).unwrap();
        assert_eq!(json, "\"en\"");
        assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), Lang::EN);
        assert!(serde_json::from_str::<Lang>("\"xx\"").is_err());
    }
}
