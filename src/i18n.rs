//! Interface text from message catalogues (Fluent, `assets/locales/<language>/*.ftl`).
//!
//! Code never holds text in a language: it names a message and its arguments (`t!(lang,
//! "play-time-left", secs = 30)`), or keeps a [`Message`] as data to render later (diagnostics,
//! notices, engine errors), so switching language re-renders and rebuilds nothing. A message
//! missing from a language falls back to Chinese, then to its own key, never to a panic.
//!
//! Placeables are not wrapped in Unicode isolation marks: egui and terminals would show them as
//! boxes, and the interface never mixes right-to-left text into a line.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::lang::Lang;

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// The tags of every catalogue folder, Chinese first.
pub(crate) fn tags() -> impl Iterator<Item = &'static str> {
    CATALOGUES.iter().map(|(tag, _)| *tag)
}

/// One argument of a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text shown as it is: an id, a name from the scenario, a file path.
    Str(String),
    /// A number, which Fluent can select plural forms on.
    Num(f64),
    /// Another message, rendered in the same language first.
    Msg(Box<Message>),
    /// Items joined with the language's list separator (`、` or `, `).
    List(Vec<String>),
}

/// A message named by its catalogue key, with arguments: text that is not yet in any language.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub key: Cow<'static, str>,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(key: impl Into<Cow<'static, str>>) -> Message {
        Message { key: key.into(), args: Vec::new() }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The message in a language.
    pub fn render(&self, lang: Lang) -> String {
        format(lang, &self.key, &self.args)
    }
}

/// An error or notice that can tell the user, in their language, what happened and what to do.
/// `Display` stays English for logs; front ends show `message().render(lang)`.
pub trait Localize {
    fn message(&self) -> Message;
}

macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                #[allow(clippy::cast_precision_loss, clippy::cast_lossless, reason = "counts and scores, far below 2^53")]
                Arg::Num(n as f64)
            }
        }
    )*};
}
num_arg!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, f32, f64);

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}
/// A borrowed value of any kind that converts (`&String`, `&i64`, `&&str`, `&char`): arguments
/// are often fields of borrowed data.
impl<T: Clone + Into<Arg>> From<&T> for Arg {
    fn from(v: &T) -> Arg {
        v.clone().into()
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}
impl From<char> for Arg {
    fn from(c: char) -> Arg {
        Arg::Str(c.to_string())
    }
}
impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Msg(Box::new(m))
    }
}
impl From<Vec<String>> for Arg {
    fn from(v: Vec<String>) -> Arg {
        Arg::List(v)
    }
}

/// A message as data: `msg!("unknown-scene", id = id, near = near)`.
#[macro_export]
macro_rules! msg {
    ($key:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($key) $(.arg(stringify!($name), $value))*
    };
}

/// A message rendered now: `t!(lang, "play-time-left", secs = 30)`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $key:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::format($lang, $key, &[$((stringify!($name), $crate::i18n::Arg::from($value))),*])
    };
}

/// One language's catalogue, parsed the first time that language is used: a Chinese session
/// never parses the English files.
fn catalogue(tag: &str) -> Option<&'static FluentBundle<FluentResource>> {
    static ALL: OnceLock<Vec<OnceLock<FluentBundle<FluentResource>>>> = OnceLock::new();
    let all = ALL.get_or_init(|| CATALOGUES.iter().map(|_| OnceLock::new()).collect());
    let i = CATALOGUES.iter().position(|(t, _)| *t == tag)?;
    let (tag, files) = CATALOGUES[i];
    Some(all.get(i)?.get_or_init(|| {
        let id = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        for (_, text) in files {
            // A broken entry is skipped, never fatal: `tests/i18n.rs` keeps the files clean.
            let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(partial, _)| partial);
            let _ = bundle.add_resource(resource);
        }
        bundle
    }))
}

/// Renders the message `key` in `lang` with `args`, falling back to Chinese, then to the key.
pub fn format(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let mine = || catalogue(lang.code());
    let chinese = || CATALOGUES.first().and_then(|(tag, _)| catalogue(tag));
    // The fallback is parsed only when a message is missing from the language's own catalogue.
    for bundle in std::iter::once_with(mine).chain(std::iter::once_with(chinese)).flatten() {
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut fargs = FluentArgs::new();
            for (name, value) in args {
                let v: FluentValue = match value {
                    Arg::Str(s) => FluentValue::from(s.as_str()),
                    Arg::Num(n) => FluentValue::from(*n),
                    Arg::Msg(m) => FluentValue::from(m.render(lang)),
                    Arg::List(items) => FluentValue::from(items.join(&format(lang, "list-separator", &[]))),
                };
                fargs.set(*name, v);
            }
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
        }
    }
    key.to_string()
}

/// Whether a message exists in a language's own catalogue (not by fallback).
pub fn has(lang: Lang, key: &str) -> bool {
    catalogue(lang.code()).is_some_and(|c| c.has_message(key))
}

/// Every message key of a language's catalogue files, in file order, with the file it is in.
pub fn keys(lang: Lang) -> Vec<(&'static str, String)> {
    let Some((_, files)) = CATALOGUES.iter().find(|(tag, _)| *tag == lang.code()) else { return Vec::new() };
    let mut out = Vec::new();
    for (file, text) in *files {
        let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(partial, _)| partial);
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                out.push((*file, m.id.name.to_string()));
            }
        }
    }
    out
}

/// The parse errors in a language's catalogue files, as `file: error` lines.
pub fn catalogue_errors(lang: Lang) -> Vec<String> {
    let Some((_, files)) = CATALOGUES.iter().find(|(tag, _)| *tag == lang.code()) else { return Vec::new() };
    let mut out = Vec::new();
    for (file, text) in *files {
        if let Err((_, errors)) = FluentResource::try_new((*text).to_string()) {
            out.extend(errors.iter().map(|e| format!("{file}: {e:?}")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_render_with_arguments_in_each_language() {
        assert_eq!(t!(Lang::ZH_CN, "list-separator"), "、");
        assert_eq!(t!(Lang::EN, "list-separator"), ", ");
        let m = msg!("i18n-selftest", name = "甲", count = 2, items = vec!["a".to_string(), "b".to_string()]);
        assert_eq!(m.render(Lang::ZH_CN), "甲：2 项（a、b）");
        assert_eq!(m.render(Lang::EN), "甲: 2 items (a, b)");
        assert_eq!(msg!("i18n-selftest", name = "x", count = 1, items = Vec::<String>::new()).render(Lang::EN), "x: 1 item ()");
    }

    #[test]
    fn a_missing_message_falls_back_to_chinese_then_to_its_key() {
        assert_eq!(t!(Lang::EN, "no-such-message-anywhere"), "no-such-message-anywhere");
        assert!(has(Lang::ZH_CN, "list-separator"));
        assert!(!has(Lang::EN, "no-such-message-anywhere"));
    }

    #[test]
    fn nested_messages_render_in_the_outer_language() {
        let inner = msg!("list-separator");
        let outer = msg!("i18n-selftest", name = inner, count = 0, items = Vec::<String>::new());
        assert!(outer.render(Lang::EN).starts_with(", : 0 items"), "{}", outer.render(Lang::EN));
    }
}
