//! The generated 10 000-scene scenario the load and exploration benchmarks share.

/// A valid scenario with `n` scenes, three choices each, a post, conditions, effects and scores;
/// every text in Chinese and English, or in Chinese only.
pub fn generate(n: usize, bilingual: bool) -> String {
    let text = generate_bilingual(n);
    if bilingual {
        return text;
    }
    // Keep only the Chinese of each {"zh-CN": "…", "en": "…"} pair.
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find("{\"zh-CN\": ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 10..];
        let end = after.find(", \"en\": ").unwrap();
        out.push_str(&after[..end]);
        let close = after[end..].find('}').unwrap();
        rest = &after[end + close + 1..];
    }
    out.push_str(rest);
    out.replace("languages: [\"zh-CN\", \"en\"]", "languages: [\"zh-CN\"]")
}

fn generate_bilingual(n: usize) -> String {
    let mut s = String::with_capacity(n * 900);
    s.push_str(
        r#"(format: 1, id: "big", languages: ["zh-CN", "en"], title: {"zh-CN": "大场景", "en": "Big"}, category: Other,
summary: {"zh-CN": "压力测试", "en": "Stress test"}, minutes: 600, difficulty: Hard,
competencies: [(id: "law", name: {"zh-CN": "依法", "en": "Law"}, weight: 2), (id: "speed", name: {"zh-CN": "时效", "en": "Speed"}, weight: 1)],
meters: [(id: "trust", name: {"zh-CN": "信任", "en": "Trust"}, min: 0, max: 100, start: 50), (id: "heat", name: {"zh-CN": "热度", "en": "Heat"}, min: 0, max: 100, start: 20, higher_is_worse: true)],
flags: [(id: "deleted")],
roles: [(id: "clerk", name: {"zh-CN": "干事", "en": "Clerk"}, briefing: {"zh-CN": "你是干事。", "en": "You are a clerk."})],
start: "s0",
scenes: [
"#,
    );
    for i in 0..n {
        let next = if i + 1 < n { format!("Scene(\"s{}\")", i + 1) } else { "End".to_string() };
        let skip = if i + 2 < n { format!("Scene(\"s{}\")", i + 2) } else { "End".to_string() };
        s.push_str(&format!(
            r#"(id: "s{i}", text: {{"zh-CN": "第 {i} 幕：网上出现了新的帖子，居民在群里议论纷纷。", "en": "Scene {i}: a new post appears and residents talk in the group."}},
 media: [(channel: Weibo, author: {{"zh-CN": "网友{i}", "en": "User {i}"}}, text: {{"zh-CN": "这事谁来管？", "en": "Who is in charge?"}}, likes: {i})],
 choices: [
  (id: "a{i}", text: {{"zh-CN": "马上回应", "en": "Respond now"}}, effects: [Add("trust", 2), Add("heat", -1)], scores: {{"speed": 1}}, feedback: {{"zh-CN": "及时。", "en": "Timely."}}, next: {next}),
  (id: "b{i}", text: {{"zh-CN": "先核实", "en": "Verify first"}}, condition: "trust >= 40 && !deleted", effects: [Add("heat", 1)], scores: {{"law": 1}}, feedback: {{"zh-CN": "稳妥。", "en": "Careful."}}, next: {skip}),
  (id: "c{i}", text: {{"zh-CN": "删帖", "en": "Delete posts"}}, effects: [SetFlag("deleted"), Add("trust", -5)], scores: {{"law": -1}}, feedback: {{"zh-CN": "适得其反。", "en": "Backfires."}}, next: Random([(weight: 1, next: {next}), (weight: 2, next: {skip})])),
 ]),
"#
        ));
    }
    s.push_str(
        r#"],
endings: [
 (id: "good", title: {"zh-CN": "好", "en": "Good"}, condition: "trust >= 60", grade: Good, text: {"zh-CN": "好。", "en": "Good."}),
 (id: "plain", title: {"zh-CN": "一般", "en": "Plain"}, grade: Pass, text: {"zh-CN": "一般。", "en": "Plain."}),
],
)"#,
    );
    s
}
