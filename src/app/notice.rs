//! Notices: what went wrong that the user must know, in the interface language with what to do —
//! a run that could not start or resume, results that could not be written, scores that are only
//! estimated, a scene with no way out. Nothing the user should know is swallowed: a system that
//! meets such a failure pushes a notice, and the chrome shows the list until each is dismissed.

use crate::i18n::{Localize, Message};
use bevy::prelude::*;

/// How much a notice matters: a warning (the run goes on, somewhat less well) or an error
/// (what was asked for did not happen).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub level: Level,
    pub message: Message,
}

/// The notices not yet dismissed, oldest first.
#[derive(Resource, Debug, Default)]
pub struct Notices(Vec<Notice>);

impl Notices {
    /// Adds a notice; the same notice twice in a row shows once.
    pub fn push(&mut self, level: Level, message: Message) {
        let notice = Notice { level, message };
        if self.0.last() != Some(&notice) {
            self.0.push(notice);
        }
    }

    pub fn error(&mut self, message: Message) {
        self.push(Level::Error, message);
    }

    pub fn warn(&mut self, message: Message) {
        self.push(Level::Warning, message);
    }

    /// A failure whose own message already says what happened and what to do.
    pub fn failed(&mut self, key: &'static str, error: &impl Localize) {
        self.error(Message::new(key).arg("reason", error.message()));
    }

    pub fn dismiss(&mut self, index: usize) {
        if index < self.0.len() {
            self.0.remove(index);
        }
    }

    pub fn list(&self) -> &[Notice] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Notices>();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn a_repeated_notice_shows_once_and_dismissing_removes_only_that_one() {
        let mut n = Notices::default();
        n.error(Message::new("notice-start-missing").arg("path", "a.ron"));
        n.error(Message::new("notice-start-missing").arg("path", "a.ron"));
        n.warn(Message::new("error-explore-too-large").arg("states", 10));
        assert_eq!(n.list().len(), 2);
        n.dismiss(0);
        assert_eq!(n.list()[0].level, Level::Warning);
        n.dismiss(5);
        assert_eq!(n.list().len(), 1);
    }

    #[test]
    fn every_notice_reads_in_both_languages_with_its_file_or_reason() {
        for key in [
            "notice-start-missing",
            "notice-start-failed",
            "notice-resume-missing",
            "notice-resume-failed",
            "notice-records-unreadable",
            "notice-records-write-failed",
        ] {
            for lang in [Lang::ZH_CN, Lang::EN] {
                assert!(crate::i18n::has(lang, key), "{key} missing in {}", lang.code());
                let text = Message::new(key).arg("path", "p.ron").arg("reason", "REASON").render(lang);
                assert!(!text.contains('{'), "{key}: {text}");
                assert!(text.contains("REASON") || text.contains("p.ron"), "{key} says which file or why: {text}");
            }
        }
    }
}
