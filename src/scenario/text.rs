//! Author-facing values with their own RON shapes: `Text` (one string, or one string per language)
//! and `Entries` (a `{ "key": value }` map that keeps order and duplicates so the validator can
//! point at a repeated key instead of serde silently keeping the last one).

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::{Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// Text the trainee reads: either one string (a single-language scenario) or
/// `{"zh-CN": "…", "en": "…"}` with one string per declared language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    Plain(String),
    Translated(Vec<(String, String)>),
}

impl Text {
    /// The text in `lang`, else in the first language written, else empty.
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Translated(entries) => {
                entries.iter().find(|(code, _)| code == lang).or_else(|| entries.first()).map(|(_, s)| s.as_str()).unwrap_or("")
            }
        }
    }

    /// Every string in this text with its language code (`None` for a plain string).
    pub fn variants(&self) -> impl Iterator<Item = (Option<&str>, &str)> {
        let (plain, entries) = match self {
            Text::Plain(s) => (Some(s.as_str()), &[][..]),
            Text::Translated(entries) => (None, entries.as_slice()),
        };
        plain.map(|s| (None, s)).into_iter().chain(entries.iter().map(|(l, s)| (Some(l.as_str()), s.as_str())))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_string())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or a map of language code to string like {\"zh-CN\": \"…\", \"en\": \"…\"}")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Plain(v.to_string()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::Plain(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    entries.push((k, v));
                }
                Ok(Text::Translated(entries))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(s) => serializer.serialize_str(s),
            Text::Translated(entries) => serializer.collect_map(entries.iter().map(|(k, v)| (k, v))),
        }
    }
}

/// A `{ "key": value, … }` map kept in the order written, duplicates included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entries<V>(pub Vec<(String, V)>);

impl<V> Default for Entries<V> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<V> Entries<V> {
    pub fn iter(&self) -> impl Iterator<Item = &(String, V)> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Entries<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for EntriesVisitor<V> {
            type Value = Entries<V>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map like {\"id\": value}")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<V>, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, V>()? {
                    entries.push((k, v));
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}

impl<V: Serialize> Serialize for Entries<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_reads_plain_and_translated() {
        let plain: Text = ron::from_str("\"你好\"").unwrap();
        assert_eq!(plain, Text::Plain("你好".into()));
        let both: Text = ron::from_str("{\"zh-CN\": \"你好\", \"en\": \"hello\"}").unwrap();
        assert_eq!(both.get("en"), "hello");
        assert_eq!(both.get("zh-CN"), "你好");
        assert_eq!(both.get("fr"), "你好", "falls back to the first language");
    }

    #[test]
    fn entries_keep_duplicates_and_order() {
        let e: Entries<i64> = ron::from_str("{\"b\": 1, \"a\": 2, \"b\": 3}").unwrap();
        assert_eq!(e.0, vec![("b".into(), 1), ("a".into(), 2), ("b".into(), 3)]);
    }
}
