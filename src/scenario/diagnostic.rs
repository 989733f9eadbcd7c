//! Author mistakes as data: a `Diagnostic` has a code, a severity, a place in the file and a message
//! named by its catalogue key with arguments (`assets/locales/*/diagnostics.ftl`), rendered in a
//! language only where it is shown. Validation passes push them; rendering and JSON output read them.

use crate::i18n::Message;
use crate::lang::Lang;
use std::fmt;

/// How bad a problem is. Errors stop a scenario from being played; warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The catalogue key of the severity's word (`错误`, `error`).
    pub fn label_key(self) -> &'static str {
        match self {
            Severity::Error => "diag-severity-error",
            Severity::Warning => "diag-severity-warning",
        }
    }

    /// The severity's word in a language, from the catalogue.
    pub fn label(self, lang: Lang) -> String {
        crate::t!(lang, self.label_key())
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $name:ident = $text:literal, $sev:ident; )*) => {
        /// Every kind of problem the loader and the validator can report. The kebab-case text is
        /// stable: tests, JSON output and the author's guide use it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $( $(#[$doc])* $name, )* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$name => $text,)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$name => Severity::$sev,)* }
            }

            pub fn parse(s: &str) -> Option<Code> {
                match s { $($text => Some(Code::$name),)* _ => None }
            }
        }
    };
}

codes! {
    /// The path is missing, is a directory, or cannot be read.
    Io = "io-error", Error;
    /// The file is larger than the loader accepts.
    FileTooLarge = "file-too-large", Error;
    /// The file is not UTF-8 text.
    InvalidUtf8 = "invalid-utf8", Error;
    /// The file has nothing in it.
    EmptyFile = "empty-file", Error;
    /// RON syntax: a missing comma, bracket or quote.
    Syntax = "syntax-error", Error;
    /// Brackets nested deeper than the loader allows.
    TooDeep = "nesting-too-deep", Error;
    /// A field name that the format does not have (usually a typo).
    UnknownField = "unknown-field", Error;
    /// A variant name that the format does not have (usually a typo).
    UnknownVariant = "unknown-variant", Error;
    /// A required field is missing.
    MissingField = "missing-field", Error;
    /// The same field is written twice.
    DuplicateField = "duplicate-field", Error;
    /// A value of the wrong kind, e.g. text where a number belongs.
    WrongType = "wrong-type", Error;
    /// `format:` names a version this Shapan does not read.
    UnsupportedFormat = "unsupported-format", Error;
    /// An id that is empty, too long, or has characters ids may not have.
    BadId = "bad-id", Error;
    /// Two things of the same kind share an id, or a map names a key twice.
    DuplicateId = "duplicate-id", Error;
    /// A reference to a scene, ending, character, meter, flag, competency, role or choice that does not exist.
    DanglingReference = "dangling-reference", Error;
    /// A condition that cannot be parsed.
    BadExpression = "bad-expression", Error;
    /// A condition that parses but mixes numbers and yes/no values.
    ExpressionType = "expression-type", Error;
    /// A meter whose range is empty or whose start lies outside its range.
    BadRange = "bad-range", Error;
    /// A value outside what the field allows: a zero-second timer, a clock time that is not HH:MM.
    BadValue = "bad-value", Error;
    /// A weight that is zero or negative.
    BadWeight = "bad-weight", Error;
    /// A scene the trainee cannot leave: no choices and no timer.
    NoWayOut = "no-way-out", Error;
    /// No ending can be reached from the start.
    NoEndingReachable = "no-ending-reachable", Error;
    /// `End` is used but every ending has a condition, so a run may find no ending.
    NoFallbackEnding = "no-fallback-ending", Error;
    /// A text lacks one of the scenario's languages, or has one it does not declare.
    MissingTranslation = "missing-translation", Error;
    /// A role can reach a scene or ending that is limited to other roles.
    RoleMismatch = "role-mismatch", Error;
    /// A language tag that is not a well-formed BCP 47 tag (any well-formed one is accepted: content
    /// languages need not be interface languages).
    UnknownLanguage = "unknown-language", Error;
    /// An asset path that leaves the scenario's asset folder.
    UnsafePath = "unsafe-path", Error;
    /// An asset file that does not exist.
    MissingAsset = "missing-asset", Error;
    /// An image that is not a PNG or is larger than 4096 x 4096 pixels.
    BadImage = "bad-image", Error;
    /// A choice's `predict` lists fewer than two or more than four outcomes.
    PredictionCount = "prediction-count", Error;
    /// Which predicted outcome follows is not clear: none or several say `happens`, `happens`
    /// beside a `Random` next, or a random branch that names no outcome.
    PredictionAnswer = "prediction-answer", Error;
    /// A random branch names an `outcome` where nothing is predicted: the choice has no
    /// `predict`, or the branch belongs to a timer, an inject or a nested draw.
    StrayOutcome = "stray-outcome", Error;
    /// A scene or ending no path from the start reaches.
    Unreachable = "unreachable", Warning;
    /// A meter nothing reads or changes.
    UnusedMeter = "unused-meter", Warning;
    /// A flag nothing reads or sets.
    UnusedFlag = "unused-flag", Warning;
    /// A flag that conditions read but nothing ever sets.
    FlagNeverSet = "flag-never-set", Warning;
    /// A competency no choice scores.
    UnusedCompetency = "unused-competency", Warning;
    /// A choice that tells the trainee nothing about what it did.
    MissingFeedback = "missing-feedback", Warning;
    /// A choice with a `locked` text that is never shown greyed out (no condition, or `Hide`).
    LockedNeverShown = "locked-never-shown", Warning;
    /// A text too long to read on a projector.
    TextTooLong = "text-too-long", Warning;
    /// A text that is empty.
    EmptyText = "empty-text", Warning;
    /// A scene whose every choice has a condition and which has no timer: it may leave no way out.
    MaybeNoWayOut = "maybe-no-way-out", Warning;
    /// No role can reach this ending on any road (found by `shapan analyze`).
    EndingUnreachable = "ending-unreachable", Error;
    /// One role cannot reach this ending, though another can (found by `shapan analyze`).
    EndingUnreachableForRole = "ending-unreachable-for-role", Warning;
    /// A scene the scene graph reaches but the conditions on every road keep out (`shapan analyze`).
    NeverReached = "never-reached", Warning;
    /// A choice whose condition never holds on any road that reaches its scene (`shapan analyze`).
    ChoiceNeverOffered = "choice-never-offered", Warning;
    /// Best play takes a choice marked as a red line, so the debrief would recommend it (`shapan analyze`).
    RedLineOnBestRoad = "red-line-on-best-road", Warning;
    /// A flag that is set, or a hidden meter that changes, which no condition reads (`shapan analyze`).
    ChangesNothing = "changes-nothing", Warning;
}

impl Code {
    /// Codes found by exploring every road (`shapan analyze`), not by reading the file.
    pub fn from_analysis(self) -> bool {
        matches!(
            self,
            Code::EndingUnreachable
                | Code::EndingUnreachableForRole
                | Code::NeverReached
                | Code::ChoiceNeverOffered
                | Code::RedLineOnBestRoad
                | Code::ChangesNothing
        )
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A position in a source file: 1-based line, 1-based column counted in characters, and the byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

/// A range in a source file; `end` is exclusive and never before `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct SourceSpan {
    pub start: Pos,
    pub end: Pos,
}

/// One problem found in a scenario file. Its message and help are data (a catalogue key and
/// arguments): render them with [`Diagnostic::message_in`] and [`Diagnostic::help_in`], as often
/// and in as many languages as needed, without checking the file again.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// Where in the file; `None` for problems with the file as a whole (missing, too large).
    pub span: Option<SourceSpan>,
    pub message: Message,
    pub help: Option<Message>,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message in a language.
    pub fn message_in(&self, lang: Lang) -> String {
        self.message.render(lang)
    }

    /// The help, if any, in a language.
    pub fn help_in(&self, lang: Lang) -> Option<String> {
        self.help.as_ref().map(|h| h.render(lang))
    }
}

/// Where a problem lies, as a validation pass knows it: by the logical path of a value
/// (`scenes[3].choices[1].next`), optionally narrowed to characters inside that string value.
/// Paths are turned into line and column only when a diagnostic is reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The whole file.
    File,
    /// Byte range in the source.
    Bytes(usize, usize),
    /// A value by its path.
    Path(String),
    /// The key of a map entry by the entry's path.
    Key(String),
    /// Characters `start..end` inside the string value at the path.
    InString(String, usize, usize),
}

/// A diagnostic whose location is not yet resolved to a line and column.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub code: Code,
    pub location: Location,
    pub message: Message,
    pub help: Option<Message>,
    /// The problem this one follows from (a duplicated id making a scene unreachable): the
    /// report lists the cause first and this right after it.
    pub follows: Option<Location>,
}

impl Finding {
    pub fn new(code: Code, location: Location, message: Message) -> Self {
        Finding { code, location, message, help: None, follows: None }
    }

    /// Marks this finding as a consequence of the one at `cause`.
    pub fn following(mut self, cause: Location) -> Self {
        self.follows = Some(cause);
        self
    }

    pub fn at(code: Code, path: impl Into<String>, message: Message) -> Self {
        Finding::new(code, Location::Path(path.into()), message)
    }

    pub fn with_help(mut self, help: Message) -> Self {
        self.help = Some(help);
        self
    }

    pub fn with_help_opt(mut self, help: Option<Message>) -> Self {
        self.help = help;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::load::load_str;
    use crate::scenario::render::render;
    use std::path::Path;

    /// One diagnostic, as data, reads in each language; the same values render again later in
    /// another language with no second validation (the app's language button).
    #[test]
    fn a_diagnostic_renders_in_each_language_from_the_same_data() {
        let source = std::fs::read_to_string("tests/fixtures/valid.ron").unwrap().replace("Scene(\"s2\")", "Scene(\"s3\")");
        let loaded = load_str(Path::new("x.ron"), source, &[]);
        let d = loaded.diagnostics.iter().find(|d| d.code == Code::DanglingReference).expect("a dangling reference");
        assert_eq!(d.message.key, "diag-there-is-no-scene-with-id");
        assert_eq!(d.message.args, vec![("id", crate::i18n::Arg::Str("s3".into()))]);
        assert_eq!(d.message_in(Lang::ZH_CN), "没有 id 为“s3”的场景");
        assert_eq!(d.message_in(Lang::EN), "there is no scene with id 's3'");
        assert_eq!(d.help_in(Lang::ZH_CN).as_deref(), Some("是不是“s1”？"));
        assert_eq!(d.help_in(Lang::EN).as_deref(), Some("did you mean 's1'?"));

        let lines = loaded.line_index();
        let zh = render(d, "x.ron", &lines, Lang::ZH_CN);
        let en = render(d, "x.ron", &lines, Lang::EN);
        assert!(zh.starts_with("错误[dangling-reference]: 没有 id 为“s3”的场景\n"), "{zh}");
        assert!(en.starts_with("error[dangling-reference]: there is no scene with id 's3'\n"), "{en}");
        // Back and forth: the same diagnostic, rendered again, reads the same.
        assert_eq!(render(d, "x.ron", &lines, Lang::ZH_CN), zh);
        assert_eq!(render(d, "x.ron", &lines, Lang::EN), en);
    }

    #[test]
    fn severities_are_named_from_the_catalogue() {
        assert_eq!(Severity::Error.label(Lang::ZH_CN), "错误");
        assert_eq!(Severity::Warning.label(Lang::EN), "warning");
    }
}
