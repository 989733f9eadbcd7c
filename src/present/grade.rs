//! Grade bands as every front end shows them: one colour per grade, the colour of a 0-100 score,
//! and the grade's name from the catalogue. The thresholds are the engine's `score::BANDS`, never
//! repeated here.

use crate::engine::score::BANDS;
use crate::lang::Lang;
use crate::scenario::model::Grade;
use crate::t;

/// The colour of a grade, as the printed debrief, the charts and the maps use it (RGB).
pub fn grade_rgb(grade: Grade) -> [u8; 3] {
    match grade {
        Grade::Excellent => [0x1e, 0x8c, 0x3c],
        Grade::Good => [0x1e, 0x5a, 0xaa],
        Grade::Pass => [0xd2, 0x78, 0x00],
        Grade::Fail => [0xc8, 0x28, 0x28],
    }
}

/// The colour of a grade where the debrief shows it as a band, and of a score below passing:
/// the map's colours, but 待改进 (Needs work) in dark orange rather than alarm red, which reads
/// as a verdict in front of a class.
pub fn band_rgb(grade: Grade) -> [u8; 3] {
    match grade {
        Grade::Fail => [0xa8, 0x4a, 0x00],
        g => grade_rgb(g),
    }
}

/// The lowest score of a band (0 for `Fail`).
pub fn band_floor(grade: Grade) -> f64 {
    BANDS.iter().find(|(_, g)| *g == grade).map_or(0.0, |(min, _)| *min)
}

/// The colour of one competency's 0-100 score: green from the `Good` band up, amber in the
/// `Pass` band, dark orange below (three colours, so a bar reads at a glance on paper).
pub fn score_rgb(score: f64) -> [u8; 3] {
    if score >= band_floor(Grade::Good) {
        grade_rgb(Grade::Excellent)
    } else if score >= band_floor(Grade::Pass) {
        grade_rgb(Grade::Pass)
    } else {
        band_rgb(Grade::Fail)
    }
}

/// The grade's name in `lang`: the scenario format's own label (`grade-*` in `scenario.ftl`), so
/// a grade reads the same in the editor's checks, the map and every debrief.
pub fn label(grade: Grade, lang: Lang) -> String {
    t!(lang, grade.label_key())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_colours_follow_the_bands_and_labels_match_the_old_wording() {
        assert_eq!(score_rgb(70.0), grade_rgb(Grade::Excellent));
        assert_eq!(score_rgb(69.9), grade_rgb(Grade::Pass));
        assert_eq!(score_rgb(60.0), grade_rgb(Grade::Pass));
        assert_eq!(score_rgb(59.9), band_rgb(Grade::Fail));
        assert_ne!(band_rgb(Grade::Fail), grade_rgb(Grade::Fail), "no alarm red on the debrief");
        for g in [Grade::Excellent, Grade::Good, Grade::Pass, Grade::Fail] {
            assert_eq!(label(g, Lang::ZH_CN), g.label(Lang::ZH_CN));
            assert_eq!(label(g, Lang::EN), g.label(Lang::EN));
        }
    }
}
