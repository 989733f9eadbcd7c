//! The debrief as the trainee reads it: the engine's language-neutral [`Debrief`] with every
//! scenario text resolved in one interface language. Cheap to rebuild on a language switch
//! (no replay, no exploration); the terminal, the printable page and the app render it.

use crate::engine::Compiled;
use crate::engine::debrief::Debrief;
use crate::engine::rating::Rating;
use crate::engine::vote::Vote;
use crate::lang::Lang;
use crate::scenario::model::{Commentary, Grade};
use crate::scenario::text::Text;
use crate::t;
use serde::Serialize;

/// The two voices of a commentary, resolved.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Voices {
    pub expert: Option<String>,
    pub practitioner: Option<String>,
    /// The author marked the two voices as disagreeing: a point for the room to argue.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub disagree: bool,
}

impl Voices {
    fn of(c: Option<&Commentary>, code: &str) -> Option<Voices> {
        let c = c?;
        let v = Voices {
            expert: c.expert.as_ref().map(|t| t.get(code).to_string()),
            practitioner: c.practitioner.as_ref().map(|t| t.get(code).to_string()),
            disagree: c.disagree,
        };
        (v.expert.is_some() || v.practitioner.is_some()).then_some(v)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompetencyView {
    pub id: String,
    pub name: String,
    pub weight: i64,
    pub raw: i64,
    pub min: i64,
    pub max: i64,
    pub score: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BetterView {
    /// `None`: letting the timer run out would have been better.
    pub choice: Option<String>,
    pub text: String,
    pub feedback: Option<String>,
    /// The expert's comment on the better decision, where the author wrote one.
    pub expert: Option<String>,
    pub gain: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepView {
    pub scene: String,
    pub scene_text: String,
    /// `None` when the timer ran out.
    pub choice: Option<String>,
    pub text: String,
    pub ms: u64,
    pub feedback: Option<String>,
    pub basis: Option<String>,
    pub commentary: Option<Voices>,
    pub better: Option<BetterView>,
    /// How the decision rated (`engine::rating`); `None` where it could not be valued.
    pub rating: Option<Rating>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vote: Option<Vote>,
}

impl StepView {
    /// Points lost against the better road (0 when nothing was better).
    pub fn loss(&self) -> f64 {
        self.better.as_ref().map_or(0.0, |b| b.gain)
    }

    /// The choice taken, said as the trainee's or, where a class voted, the class's.
    pub fn chosen(&self, lang: Lang) -> String {
        let key = if self.vote.is_some() { "debrief-choice-taken-class" } else { "debrief-choice-taken" };
        t!(lang, key, choice = self.text.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeterView {
    pub id: String,
    pub name: String,
    pub visible: bool,
    pub higher_is_worse: bool,
    pub min: i64,
    pub max: i64,
    pub values: Vec<i64>,
}

/// A red line the run crossed, named before the scores.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RedLineView {
    pub scene: String,
    /// `None` when the timer ran out.
    pub choice: Option<String>,
    /// The line crossed, as the author wrote it.
    pub text: String,
    /// What the trainee did: the option's text, or silence.
    pub action: String,
    pub basis: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EndingView {
    pub id: String,
    pub title: String,
    pub grade: Grade,
    pub text: String,
    pub commentary: Option<Voices>,
}

/// A debrief in one language.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DebriefView {
    pub lang: Lang,
    pub scenario: String,
    pub title: String,
    pub role: String,
    pub seed: u64,
    pub complete: bool,
    pub ending: Option<EndingView>,
    /// Never above Needs work when `red_lines` is not empty.
    pub grade: Grade,
    pub total: f64,
    pub red_lines: Vec<RedLineView>,
    pub competencies: Vec<CompetencyView>,
    pub path: Vec<StepView>,
    /// The decisions that lost the most, largest first (indices into `path`): the debrief
    /// opens with them. Empty when the run lost nothing worth naming.
    pub turning_points: Vec<usize>,
    pub meters: Vec<MeterView>,
    pub commentary: Option<Voices>,
    pub minutes: u64,
}

/// What the debrief calls letting the timer run out.
pub fn silence_label(lang: Lang) -> String {
    t!(lang, "debrief-silence")
}

/// A rating's word: 稳妥 / 可以接受 / 欠妥 / 越过红线.
pub fn rating_label(r: Rating, lang: Lang) -> String {
    t!(lang, rating_key(r))
}

fn rating_key(r: Rating) -> &'static str {
    match r {
        Rating::Good => "debrief-rating-good",
        Rating::Acceptable => "debrief-rating-acceptable",
        Rating::Poor => "debrief-rating-poor",
        Rating::RedLine => "debrief-rating-red-line",
    }
}

/// A rating's colour (RGB): green, blue, dark orange, dark red. Dark enough for white text on
/// it and for its text on white (at least 4.5:1 either way).
pub fn rating_rgb(r: Rating) -> [u8; 3] {
    match r {
        Rating::Good => [0x1a, 0x7a, 0x35],
        Rating::Acceptable => [0x1e, 0x5a, 0xaa],
        Rating::Poor => [0xa8, 0x4a, 0x00],
        Rating::RedLine => [0xa0, 0x1e, 0x1e],
    }
}

/// What a better decision was worth, in the words a cadre uses: "本可多得约 8 分" / "about 8
/// points more", never a decimal.
pub fn gain_words(gain: f64, lang: Lang) -> String {
    let points = gain.round();
    if points < 1.0 { t!(lang, "debrief-gain-under-one") } else { t!(lang, "debrief-gain", points = points as i64) }
}

/// Why the better decision is better, in one line: the first sentence of the expert's comment
/// on it, else of its feedback.
pub fn why(b: &BetterView) -> Option<String> {
    b.expert.as_deref().and_then(first_sentence).or_else(|| b.feedback.as_deref().and_then(first_sentence))
}

fn first_sentence(f: &str) -> Option<String> {
    let f = f.trim();
    let end = f
        .char_indices()
        .find(|&(i, ch)| matches!(ch, '。' | '！' | '？' | '；') || (matches!(ch, '.' | '!' | '?') && f[i + 1..].starts_with(' ')))
        .map_or(f.len(), |(i, ch)| i + ch.len_utf8());
    let line = f[..end].trim();
    (!line.is_empty()).then(|| line.to_string())
}

/// A score or total on the 0-100 scale as shown: whole points ("32", not "32.1", which the
/// records keep), rounded down, so the number never reads as the next grade band up (59.5 is
/// 待改进 and shows as 59, not 60).
pub fn points(x: f64) -> String {
    format!("{}", (x + 1e-9).floor() as i64)
}

fn text(t: Option<&Text>, code: &str) -> Option<String> {
    t.map(|t| t.get(code).to_string())
}

impl DebriefView {
    /// Resolves `d` (built on `c`) in `lang`: the scenario's texts in `Scenario::text_language`.
    pub fn new(d: &Debrief, c: &Compiled, lang: Lang) -> DebriefView {
        let s = &c.scenario;
        let code = s.text_language(lang);
        let path = d
            .path
            .iter()
            .map(|step| {
                let scene = &s.scenes[step.scene];
                let timer = scene.timer.as_ref();
                let (label, feedback, basis, commentary) = match step.choice {
                    Some(ix) => {
                        let ch = c.choice(ix);
                        (
                            ch.text.get(code).to_string(),
                            text(ch.feedback.as_ref(), code),
                            text(ch.basis.as_ref(), code),
                            Voices::of(ch.commentary.as_ref(), code),
                        )
                    }
                    None => (
                        silence_label(lang),
                        timer.and_then(|t| text(t.feedback.as_ref(), code)),
                        timer.and_then(|t| text(t.basis.as_ref(), code)),
                        Voices::of(timer.and_then(|t| t.commentary.as_ref()), code),
                    ),
                };
                let better = step.better.as_ref().map(|b| BetterView {
                    choice: b.choice.map(|ix| c.choice(ix).id.clone()),
                    text: b.choice.map_or_else(|| silence_label(lang), |ix| c.choice(ix).text.get(code).to_string()),
                    feedback: match b.choice {
                        Some(ix) => text(c.choice(ix).feedback.as_ref(), code),
                        None => timer.and_then(|t| text(t.feedback.as_ref(), code)),
                    },
                    expert: match b.choice {
                        Some(ix) => c.choice(ix).commentary.as_ref().and_then(|v| text(v.expert.as_ref(), code)),
                        None => timer.and_then(|t| t.commentary.as_ref()).and_then(|v| text(v.expert.as_ref(), code)),
                    },
                    gain: b.gain,
                });
                StepView {
                    scene: scene.id.clone(),
                    scene_text: scene.text.get(code).to_string(),
                    choice: step.choice.map(|ix| c.choice(ix).id.clone()),
                    text: label,
                    ms: step.ms,
                    feedback,
                    basis,
                    commentary,
                    better,
                    rating: step.rating,
                    vote: step.vote.clone(),
                }
            })
            .collect();
        let meters = d
            .meters
            .iter()
            .map(|t| {
                let m = &s.meters[t.meter];
                MeterView {
                    id: m.id.clone(),
                    name: m.name.get(code).to_string(),
                    visible: m.visible,
                    higher_is_worse: m.higher_is_worse,
                    min: m.min,
                    max: m.max,
                    values: t.values.clone(),
                }
            })
            .collect();
        let competencies = d
            .competencies
            .iter()
            .map(|k| {
                let comp = &s.competencies[k.competency];
                CompetencyView {
                    id: comp.id.clone(),
                    name: comp.name.get(code).to_string(),
                    weight: comp.weight,
                    raw: k.raw,
                    min: k.min,
                    max: k.max,
                    score: k.score,
                }
            })
            .collect();
        let ending = d.ending.map(|e| {
            let end = &s.endings[e];
            EndingView {
                id: end.id.clone(),
                title: end.title.get(code).to_string(),
                grade: end.grade,
                text: end.text.get(code).to_string(),
                commentary: Voices::of(end.commentary.as_ref(), code),
            }
        });
        let red_lines = d
            .red_lines
            .iter()
            .map(|x| {
                let scene = &s.scenes[x.scene];
                let (action, basis) = match x.choice {
                    Some(ix) => (c.choice(ix).text.get(code).to_string(), text(c.choice(ix).basis.as_ref(), code)),
                    None => (silence_label(lang), scene.timer.as_ref().and_then(|t| text(t.basis.as_ref(), code))),
                };
                RedLineView {
                    scene: scene.id.clone(),
                    choice: x.choice.map(|ix| c.choice(ix).id.clone()),
                    text: crate::engine::score::red_line(c, x.scene, x.choice).map_or_else(String::new, |t| t.get(code).to_string()),
                    action,
                    basis,
                }
            })
            .collect();
        DebriefView {
            lang,
            scenario: d.scenario.clone(),
            title: s.title.get(code).to_string(),
            role: s.roles[d.role].name.get(code).to_string(),
            seed: d.seed,
            complete: d.complete,
            ending,
            grade: d.grade,
            total: d.total,
            red_lines,
            competencies,
            path,
            turning_points: d.turning_points(),
            meters,
            commentary: Voices::of(Some(&s.debrief), code),
            minutes: d.minutes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_whole_and_never_cross_into_the_next_band() {
        assert_eq!(points(32.1), "32");
        assert_eq!(points(59.5), "59", "still below the pass mark");
        assert_eq!(points(60.0), "60");
        assert_eq!(points(69.99999999999), "70", "a stored 70.0 reads as 70");
        assert_eq!(points(100.0), "100");
    }

    #[test]
    fn gains_read_as_words_and_why_is_one_sentence() {
        assert_eq!(gain_words(8.3, Lang::ZH_CN), "本可多得约 8 分");
        assert_eq!(gain_words(0.4, Lang::ZH_CN), "相差不到 1 分");
        assert_eq!(gain_words(1.0, Lang::EN), "about 1 point more");
        assert_eq!(gain_words(7.5, Lang::EN), "about 8 points more");
        let b = |expert: Option<&str>, feedback: Option<&str>| BetterView {
            choice: None,
            text: String::new(),
            feedback: feedback.map(str::to_string),
            expert: expert.map(str::to_string),
            gain: 1.0,
        };
        assert_eq!(why(&b(Some("先保证据。再回应。"), Some("f"))).as_deref(), Some("先保证据。"), "the expert first");
        assert_eq!(why(&b(None, Some("Quiet first. Then talk."))).as_deref(), Some("Quiet first."));
        assert_eq!(why(&b(None, Some("No stop"))).as_deref(), Some("No stop"));
        assert_eq!(why(&b(None, None)), None);
    }
}
