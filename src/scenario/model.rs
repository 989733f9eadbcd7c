//! The scenario as instructors write it: plain data read from RON. Field names here are the
//! format; `scenarios/README.md` documents each one. Content never changes while it is played.

use super::expr::Condition;
use super::text::{Entries, Text};
use serde::{Deserialize, Serialize};

/// The only format version this Shapan reads.
pub const FORMAT_VERSION: u32 = 1;

/// One training scenario.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Format version; must be 1.
    pub format: u32,
    pub id: String,
    /// Language codes of the texts, the original first, e.g. `["zh-CN", "en"]`.
    pub languages: Vec<String>,
    pub title: Text,
    pub category: Category,
    pub summary: Text,
    #[serde(default)]
    pub objectives: Vec<Text>,
    /// Minutes one trainee needs alone: reading at about 300 Chinese characters a minute,
    /// deciding and reading the feedback, plus the debrief.
    pub minutes: u32,
    /// Minutes a class of about 30 needs, reading together, discussing and voting on each
    /// decision, and talking through the debrief. Shown beside `minutes` on the library screen.
    #[serde(default)]
    pub class_minutes: Option<u32>,
    pub difficulty: Difficulty,
    pub competencies: Vec<Competency>,
    #[serde(default)]
    pub meters: Vec<Meter>,
    #[serde(default)]
    pub flags: Vec<Flag>,
    pub roles: Vec<Role>,
    #[serde(default)]
    pub characters: Vec<Character>,
    /// How story time passes; without it there is no story clock.
    #[serde(default)]
    pub clock: Option<Clock>,
    /// Id of the first scene (a role may start elsewhere).
    pub start: String,
    pub scenes: Vec<Scene>,
    #[serde(default)]
    pub injects: Vec<Inject>,
    pub endings: Vec<Ending>,
    /// Commentary shown in every debrief of this scenario.
    #[serde(default)]
    pub debrief: Commentary,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Category {
    /// 网络舆情
    OnlineMedia,
    /// 社区矛盾纠纷
    CommunityDispute,
    /// 发展规划
    DevelopmentPlanning,
    /// 廉洁自律
    Integrity,
    /// 应急处置
    Emergency,
    /// 基层治理：村（居）民自治、选举、信访、依法行政
    Governance,
    /// 心理调适
    Wellbeing,
    /// 其他
    Other,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::OnlineMedia,
        Category::CommunityDispute,
        Category::DevelopmentPlanning,
        Category::Integrity,
        Category::Emergency,
        Category::Governance,
        Category::Wellbeing,
        Category::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Category::OnlineMedia => "online_media",
            Category::CommunityDispute => "community_dispute",
            Category::DevelopmentPlanning => "development_planning",
            Category::Integrity => "integrity",
            Category::Emergency => "emergency",
            Category::Governance => "governance",
            Category::Wellbeing => "wellbeing",
            Category::Other => "other",
        }
    }

    /// The catalogue key of the label shown for it (`assets/locales/*/scenario.ftl`).
    pub fn label_key(self) -> &'static str {
        match self {
            Category::OnlineMedia => "category-online-media",
            Category::CommunityDispute => "category-community-dispute",
            Category::DevelopmentPlanning => "category-development-planning",
            Category::Integrity => "category-integrity",
            Category::Emergency => "category-emergency",
            Category::Governance => "category-governance",
            Category::Wellbeing => "category-wellbeing",
            Category::Other => "category-other",
        }
    }

    /// The label in an interface language, from the catalogue.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        label_text(lang, self.label_key())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    /// The catalogue key of the label shown for it (`assets/locales/*/scenario.ftl`).
    pub fn label_key(self) -> &'static str {
        match self {
            Difficulty::Easy => "difficulty-easy",
            Difficulty::Medium => "difficulty-medium",
            Difficulty::Hard => "difficulty-hard",
        }
    }

    /// The label in an interface language, from the catalogue.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        label_text(lang, self.label_key())
    }
}

/// A skill the scenario scores, such as timeliness or acting within the law.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    pub id: String,
    pub name: Text,
    /// Share of the weighted total; must be above zero.
    pub weight: i64,
    #[serde(default)]
    pub description: Option<Text>,
}

/// A number that changes as the story goes: public trust, online heat, budget, stress.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meter {
    pub id: String,
    pub name: Text,
    pub min: i64,
    pub max: i64,
    pub start: i64,
    /// True for meters where more is bad (online heat, stress).
    #[serde(default)]
    pub higher_is_worse: bool,
    /// Hidden meters are seen only by the instructor and the debrief.
    #[serde(default = "yes")]
    pub visible: bool,
    #[serde(default)]
    pub unit: Option<Text>,
    #[serde(default)]
    pub description: Option<Text>,
}

fn yes() -> bool {
    true
}

/// A named yes/no fact about the run, such as `deleted_posts`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    pub id: String,
    #[serde(default)]
    pub start: bool,
    /// What it means, for the instructor and the debrief.
    #[serde(default)]
    pub description: Option<Text>,
}

/// A part the trainee can play.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub name: Text,
    pub briefing: Text,
    /// First scene for this role, if not the scenario's `start`.
    #[serde(default)]
    pub start: Option<String>,
}

/// Someone in the story who is not the trainee.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Character {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub title: Option<Text>,
    /// Image path relative to the assets folder, e.g. `portraits/secretary.png`.
    #[serde(default)]
    pub portrait: Option<String>,
}

/// How story time passes.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Clock {
    /// Story time at the start, as `HH:MM` (shown to the trainee).
    #[serde(default)]
    pub start: Option<String>,
    /// Story minutes each decision takes unless the choice says otherwise.
    #[serde(default)]
    pub minutes_per_decision: u32,
    /// Story minutes that pass for each real minute spent deciding or discussing.
    #[serde(default)]
    pub minutes_per_real_minute: u32,
}

/// One moment of the story: what happens, what the trainee sees, what they can do.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scene {
    pub id: String,
    #[serde(default)]
    pub title: Option<Text>,
    /// Character id of who speaks or reports.
    #[serde(default)]
    pub speaker: Option<String>,
    pub text: Text,
    #[serde(default)]
    pub media: Vec<Media>,
    /// Roles this scene is for; empty means every role.
    #[serde(default)]
    pub roles: Vec<String>,
    /// A decision time limit and what silence costs.
    #[serde(default)]
    pub timer: Option<Timer>,
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// The order the choices are shown in: shuffled per run (the default), or as written.
    #[serde(default, skip_serializing_if = "Order::is_shuffled")]
    pub order: Order,
    /// Note for the instructor; never shown to trainees before the debrief.
    #[serde(default)]
    pub note: Option<Text>,
}

/// A simulated post or message the trainee sees.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Media {
    pub channel: Channel,
    pub author: Text,
    pub text: Text,
    /// Story time shown on the post, e.g. `10:42`.
    #[serde(default)]
    pub time: Option<String>,
    #[serde(default)]
    pub likes: u64,
    #[serde(default)]
    pub shares: u64,
    #[serde(default)]
    pub comments: u64,
    #[serde(default)]
    pub views: u64,
    /// Roles who see this item; empty means every role.
    #[serde(default)]
    pub roles: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Channel {
    /// 微博
    Weibo,
    /// 微信群
    WechatGroup,
    /// 微信朋友圈
    WechatMoments,
    /// 抖音
    Douyin,
    /// 新闻网站
    NewsSite,
    /// 12345 热线工单
    Hotline,
    /// 官方通报 / 公告
    OfficialNotice,
    /// 其他
    Other,
}

impl Channel {
    /// The catalogue key of the label shown for it (`assets/locales/*/scenario.ftl`).
    pub fn label_key(self) -> &'static str {
        match self {
            Channel::Weibo => "channel-weibo",
            Channel::WechatGroup => "channel-wechat-group",
            Channel::WechatMoments => "channel-wechat-moments",
            Channel::Douyin => "channel-douyin",
            Channel::NewsSite => "channel-news-site",
            Channel::Hotline => "channel-hotline",
            Channel::OfficialNotice => "channel-official-notice",
            Channel::Other => "channel-other",
        }
    }

    /// The label in an interface language, from the catalogue.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        label_text(lang, self.label_key())
    }
}

/// The order a scene's choices are shown in. Shuffled from the run's seed by default, so that
/// where the author listed the best option says nothing; `Fixed` keeps the author's order, for
/// options that only make sense in sequence (a ladder of escalating measures, a yes before a no).
/// Either way, greyed-out choices come after the ones that can be taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize, Serialize)]
pub enum Order {
    #[default]
    Shuffled,
    Fixed,
}

impl Order {
    /// The default is left out when a scenario is written back (and from its content hash, so
    /// the hashes of scenarios written before this field existed stay as they were).
    pub fn is_shuffled(&self) -> bool {
        *self == Order::Shuffled
    }
}

/// Whether a choice whose condition fails is hidden or shown greyed out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize, Serialize)]
pub enum WhenUnmet {
    #[default]
    Hide,
    Disable,
}

/// Something the trainee can decide.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Unique across the scenario, so conditions can ask `chose(id)`.
    pub id: String,
    pub text: Text,
    #[serde(default)]
    pub condition: Option<Condition>,
    #[serde(default)]
    pub when_unmet: WhenUnmet,
    /// Why the choice is greyed out, in the author's words (`when_unmet: Disable`), e.g.
    /// "需要：上午已上门听取并记录101室的具体诉求". Without it the reason is worded from the condition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked: Option<Text>,
    /// Roles who have this choice; empty means every role.
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// Points per competency id, e.g. `{"timeliness": 2, "law": -1}`.
    #[serde(default)]
    pub scores: Entries<i64>,
    /// Story minutes this decision takes (overrides the clock's `minutes_per_decision`).
    #[serde(default)]
    pub minutes: Option<u32>,
    /// What the trainee is told right after choosing (or in the debrief).
    #[serde(default)]
    pub feedback: Option<Text>,
    /// The law, regulation or policy this choice rests on or breaks.
    #[serde(default)]
    pub basis: Option<Text>,
    /// Set when taking this choice breaks the law or Party discipline: what line it crosses.
    /// A red line is not just a low score; the analyser warns when best play would cross one.
    #[serde(default)]
    pub red_line: Option<Text>,
    #[serde(default)]
    pub commentary: Option<Commentary>,
    /// What a class may predict will follow, asked on the projector while the consequences are
    /// hidden: two to four outcomes, exactly one `happens` (or, when `next` is `Random`, each
    /// branch names the outcome it brings about).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predict: Vec<Outcome>,
    pub next: Next,
}

/// One outcome a class can predict for a choice.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Named by the random branches of `next` that bring it about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub text: Text,
    /// This is what follows the choice (for a `next` that is not `Random`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub happens: bool,
}

/// A decision time limit.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Timer {
    /// Real seconds the trainee has to decide.
    pub seconds: u32,
    #[serde(default)]
    pub effects: Vec<Effect>,
    #[serde(default)]
    pub scores: Entries<i64>,
    #[serde(default)]
    pub minutes: Option<u32>,
    /// What the trainee is told when time runs out.
    #[serde(default)]
    pub feedback: Option<Text>,
    #[serde(default)]
    pub basis: Option<Text>,
    /// Set when staying silent breaks the law or discipline (a duty to report in time).
    #[serde(default)]
    pub red_line: Option<Text>,
    #[serde(default)]
    pub commentary: Option<Commentary>,
    pub next: Next,
}

/// Where the story goes after a decision.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub enum Next {
    /// Go to the scene with this id.
    Scene(String),
    /// End with this ending.
    Ending(String),
    /// End with the first ending whose condition holds.
    End,
    /// Draw one branch by weight.
    Random(Vec<Branch>),
}

/// One possible outcome of a random draw.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    /// Relative chance; must be above zero.
    pub weight: i64,
    #[serde(default)]
    pub effects: Vec<Effect>,
    #[serde(default)]
    pub scores: Entries<i64>,
    /// Told to the trainee when this branch is drawn.
    #[serde(default)]
    pub feedback: Option<Text>,
    /// The id of the choice's `predict` outcome this branch brings about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    pub next: Next,
}

/// A change to the state of the run.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub enum Effect {
    /// Add to a meter (negative to lower it); kept within the meter's range.
    Add(String, i64),
    /// Set a meter to a value; kept within the meter's range.
    Set(String, i64),
    /// Make a flag true.
    SetFlag(String),
    /// Make a flag false.
    ClearFlag(String),
}

/// An event that fires by itself when its condition becomes true.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Inject {
    pub id: String,
    pub when: Condition,
    /// Fires at most once per run unless false.
    #[serde(default = "yes")]
    pub once: bool,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub speaker: Option<String>,
    /// Narration shown when it fires.
    #[serde(default)]
    pub text: Option<Text>,
    #[serde(default)]
    pub media: Vec<Media>,
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// Redirect the story.
    #[serde(default)]
    pub next: Option<Next>,
}

/// How a run can end.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    pub id: String,
    pub title: Text,
    /// For `End`: the first ending whose condition holds is taken; one without a condition is the fallback.
    #[serde(default)]
    pub condition: Option<Condition>,
    pub grade: Grade,
    pub text: Text,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub commentary: Option<Commentary>,
}

/// The author's judgement of an ending.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Grade {
    Excellent,
    Good,
    Pass,
    Fail,
}

impl Grade {
    /// The catalogue key of the label shown for it (`assets/locales/*/scenario.ftl`).
    pub fn label_key(self) -> &'static str {
        match self {
            Grade::Excellent => "grade-excellent",
            Grade::Good => "grade-good",
            Grade::Pass => "grade-pass",
            Grade::Fail => "grade-fail",
        }
    }

    /// The label in an interface language, from the catalogue.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        label_text(lang, self.label_key())
    }
}

/// Two voices in the debrief: theory, law and policy; and what works on the ground.
#[derive(Clone, Debug, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Commentary {
    #[serde(default)]
    pub expert: Option<Text>,
    #[serde(default)]
    pub practitioner: Option<Text>,
    /// The two voices disagree here, or one names a trade-off the other misses: the debrief
    /// and the instructor's console mark it as a point for the room to argue.
    #[serde(default)]
    pub disagree: bool,
}

impl Scenario {
    pub fn scene(&self, id: &str) -> Option<&Scene> {
        self.scenes.iter().find(|s| s.id == id)
    }

    pub fn ending(&self, id: &str) -> Option<&Ending> {
        self.endings.iter().find(|e| e.id == id)
    }

    /// The language to show this scenario's texts in for an interface language: that language
    /// when the scenario has it, else one with the same primary language (`zh` or `zh-Hans` for
    /// a `zh-CN` interface), else the scenario's own first language. Content languages need not be
    /// interface languages: a scenario in Tibetan (`bo`) shows its Tibetan under any interface.
    pub fn text_language(&self, lang: crate::lang::Lang) -> &str {
        let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        let want = primary(lang.code());
        self.languages
            .iter()
            .find(|l| l.as_str() == lang.code())
            .or_else(|| self.languages.iter().find(|l| primary(l) == want))
            .map_or_else(|| self.original_language(), String::as_str)
    }

    /// The language texts fall back to.
    pub fn original_language(&self) -> &str {
        self.languages.first().map(String::as_str).unwrap_or("zh-CN")
    }

    pub fn choice_count(&self) -> usize {
        self.scenes.iter().map(|s| s.choices.len()).sum()
    }
}

/// A label from the catalogue as a `&'static str`, so callers that keep labels in tables and
/// `&str` parameters need no change. Each (language, key) is rendered once and kept: labels are
/// a few dozen short strings, so the cache is bounded by the catalogue, not by use.
fn label_text(lang: crate::lang::Lang, key: &'static str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static CACHE: OnceLock<Mutex<HashMap<(crate::lang::Lang, &'static str), &'static str>>> = OnceLock::new();
    let mut cache = CACHE.get_or_init(Mutex::default).lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    cache.entry((lang, key)).or_insert_with(|| Box::leak(crate::i18n::format(lang, key, &[]).into_boxed_str()))
}
