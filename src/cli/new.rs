//! `shapan new CATEGORY ID`: writes a small, valid starting scenario for a category, bilingual
//! like the shipped ones, that an author then rewrites in their own words.

use super::{EXIT_ERRORS, EXIT_USAGE, NewArgs};
use crate::lang::Lang;
use crate::scenario::model::Category;
use crate::scenario::validate::id_problem;
use crate::t;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Reads a category as the command line gives it: its folder name (`online_media`) or its name
/// in scenario files (`OnlineMedia`), in any case.
pub fn parse_category(s: &str) -> Result<Category, String> {
    let wanted = s.to_ascii_lowercase().replace('-', "_");
    Category::ALL.into_iter().find(|c| c.key() == wanted || format!("{c:?}").to_ascii_lowercase() == wanted).ok_or_else(|| {
        let all: Vec<&str> = Category::ALL.iter().map(|c| c.key()).collect();
        format!("没有这个类别 / no such category: '{s}' ({})", all.join(", "))
    })
}

pub fn run(args: &NewArgs, lang: Lang) -> ExitCode {
    if let Some(problem) = id_problem(&args.id, false) {
        eprintln!("{}", t!(lang, "new-bad-id", id = &args.id, problem = problem.clone()));
        return ExitCode::from(EXIT_USAGE);
    }
    let path = args.out.clone().unwrap_or_else(|| PathBuf::from("scenarios").join(args.category.key()).join(format!("{}.ron", args.id)));
    let text = template(args.category, &args.id, args.title.as_deref());
    let shown = path.display();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        eprintln!("{}", t!(lang, "new-cannot-create-folder", dir = dir.display().to_string(), error = e.to_string()));
        return ExitCode::from(EXIT_ERRORS);
    }
    // create_new: an existing file, even one written a moment ago by someone else, is never replaced.
    let file = std::fs::OpenOptions::new().write(true).create_new(true).open(&path);
    let written = file.and_then(|mut f| f.write_all(text.as_bytes()));
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!("{}", t!(lang, "new-exists", path = shown.to_string()));
            return ExitCode::from(EXIT_ERRORS);
        }
        Err(e) => {
            eprintln!("{}", t!(lang, "new-cannot-write", path = shown.to_string(), error = e.to_string()));
            return ExitCode::from(EXIT_ERRORS);
        }
    }
    // A title of the author's own may be too long for the projector: say so now, not later.
    let loaded = crate::scenario::load_path(&path);
    let lines = loaded.line_index();
    for d in &loaded.diagnostics {
        eprint!("{}", crate::scenario::render::render(d, &shown.to_string(), &lines, lang));
    }
    println!("{}", t!(lang, "new-written", path = shown.to_string(), category = args.category.label(lang)));
    ExitCode::SUCCESS
}

/// The texts that make a template fit its category; everything else is shared.
struct Flavour {
    title: (&'static str, &'static str),
    summary: (&'static str, &'static str),
    role: (&'static str, &'static str),
    briefing: (&'static str, &'static str),
    opening: (&'static str, &'static str),
    right_step: (&'static str, &'static str),
    rushed_step: (&'static str, &'static str),
    rushed_feedback: (&'static str, &'static str),
    basis: (&'static str, &'static str),
}

fn flavour(category: Category) -> Flavour {
    match category {
        Category::OnlineMedia => Flavour {
            title: ("新案例：菜市场短视频", "New case: the market video"),
            summary: (
                "一条“菜市场卖过期肉”的短视频在本地群里传开了。你要在情况不明、议论越来越多的时候，先核实，再回应。",
                "A short video claiming the local market sells expired meat is spreading. With facts unclear and talk growing, you must verify first, then respond.",
            ),
            role: ("街道宣传干事", "Street office publicity officer"),
            briefing: (
                "周一上午，你在街道办值班，分管领导在区里开会。",
                "Monday morning, you are on duty at the street office; your superior is at a district meeting.",
            ),
            opening: (
                "一条“菜市场卖过期肉”的短视频在本地群里疯传，已经有上千条评论，有人点名要街道给个说法。",
                "A short video claiming the market sells expired meat is spreading fast in local groups, with over a thousand comments; people want the street office to answer.",
            ),
            right_step: ("先到市场和市场监管所核实情况", "Check at the market and with the market regulator first"),
            rushed_step: ("马上发声明说“视频不实”", "Issue a statement at once calling the video false"),
            rushed_feedback: (
                "还没核实就下结论，一旦视频属实，街道的话就没人信了。",
                "Declaring it false before checking: if the video turns out true, nobody will believe the street office again.",
            ),
            basis: (
                "《中华人民共和国政府信息公开条例》要求发布的信息准确",
                "The Regulations on Open Government Information require released information to be accurate",
            ),
        },
        Category::CommunityDispute => Flavour {
            title: ("新案例：楼上漏水", "New case: the leak upstairs"),
            summary: (
                "5楼漏水泡坏了4楼的天花板，两家在楼道里吵了起来。你要先稳住双方、听清事实，再帮他们商量出办法。",
                "A leak from the fifth floor has ruined the ceiling below and the two households are quarrelling. Calm both sides, hear the facts, then help them agree.",
            ),
            role: ("社区网格员", "Community grid worker"),
            briefing: (
                "周六傍晚，你正在网格里走访，接到楼栋长的电话。",
                "Saturday evening, you are visiting your grid when the building representative calls.",
            ),
            opening: (
                "5楼漏水把4楼的天花板泡坏了，两家在楼道里吵了起来，邻居都围过来看。",
                "A leak from the fifth floor has ruined the ceiling below; the two households are arguing in the stairwell while neighbours gather.",
            ),
            right_step: ("先把两家分开，分别听听各自的说法", "Separate the two households and hear each side first"),
            rushed_step: ("当场判定5楼全责，让他们马上赔钱", "Declare the fifth floor fully liable on the spot and demand payment"),
            rushed_feedback: (
                "没听完双方就下结论，5楼觉得不公，矛盾反而更大了。",
                "Judging before hearing both sides: the fifth floor feels wronged and the quarrel grows.",
            ),
            basis: (
                "《中华人民共和国人民调解法》要求充分听取当事人的陈述，在平等协商的基础上解决纠纷",
                "The People's Mediation Law requires hearing each party fully and settling on the basis of equal consultation",
            ),
        },
        Category::DevelopmentPlanning => Flavour {
            title: ("新案例：村里建冷库", "New case: a cold store for the village"),
            summary: (
                "镇里有一笔资金可以在村里建冷库，但选址要占几户人家的承包地。你要把好事办好，不能办成矛盾。",
                "The township can fund a cold store in the village, but the site takes land several families farm. Make a good project land well, not become a dispute.",
            ),
            role: ("乡镇驻村干部", "Township cadre stationed in the village"),
            briefing: (
                "项目资金年底前要落地，村支书希望你拿个主意。",
                "The funds must be committed by the end of the year; the village Party secretary wants your view.",
            ),
            opening: (
                "镇里有一笔项目资金，可以在村里建一座冷库，但选址要占几户人家的承包地，村民意见不一。",
                "The township has funds to build a cold store in the village, but the site would take land contracted by several families, and villagers disagree.",
            ),
            right_step: (
                "先开村民代表会，把方案和补偿讲清楚、听意见",
                "Call a villagers' representative meeting to explain the plan and compensation and hear views",
            ),
            rushed_step: ("资金有期限，先定下选址再说", "The funds have a deadline: fix the site first and talk later"),
            rushed_feedback: (
                "绕开村民定下来的事，群众不认，项目还没开工就卡住了。",
                "A decision made around the villagers is one they will not accept: the project stalls before it starts.",
            ),
            basis: (
                "《中华人民共和国村民委员会组织法》规定，涉及村民利益的事项须经村民会议讨论决定",
                "The Organic Law of Villagers' Committees requires matters affecting villagers' interests to be decided by the villagers' assembly",
            ),
        },
        Category::Integrity => Flavour {
            title: ("新案例：验收前的信封", "New case: an envelope before the inspection"),
            summary: (
                "工程验收前一天，施工方老板在你桌上留下一个装着购物卡的信封。你要守住底线，也要把工作做完。",
                "The day before a project's inspection, the contractor leaves an envelope of shopping cards on your desk. Hold the line and still get the work done.",
            ),
            role: ("街道城建科科长", "Head of the street office's construction section"),
            briefing: (
                "你负责老旧小区改造工程的验收，明天上午九点验收。",
                "You are in charge of accepting the estate renovation works; the inspection is tomorrow at nine.",
            ),
            opening: (
                "工程验收前一天，施工方老板来办公室“汇报工作”，临走在桌上留下一个装着购物卡的信封。",
                "The day before the inspection, the contractor drops by \"to report\" and leaves an envelope of shopping cards on your desk.",
            ),
            right_step: ("当场叫住他，把信封退回，并向纪检报告", "Stop him, hand the envelope back and report it to the discipline office"),
            rushed_step: ("先收进抽屉，验收以后再说", "Put it in the drawer for now and deal with it after the inspection"),
            rushed_feedback: (
                "收下就说不清了：验收还没开始，你已经欠了人情。",
                "Once it is in your drawer you can no longer explain it: before the inspection starts, you already owe a favour.",
            ),
            basis: (
                "《中国共产党纪律处分条例》规定，收受可能影响公正执行公务的礼品、消费卡等，应受处分",
                "The CPC disciplinary regulations punish accepting gifts or cards that may affect the impartial performance of duties",
            ),
        },
        Category::Emergency => Flavour {
            title: ("新案例：暴雨夜的地下车库", "New case: the car park in the storm"),
            summary: (
                "凌晨暴雨，小区地下车库开始进水，还有人在下面挪车。你要先保人，再处置险情，并把情况说清楚。",
                "Heavy rain before dawn floods the estate's underground car park while people are down there moving cars. Protect people first, then the rest, and keep everyone informed.",
            ),
            role: ("社区值班干部", "Community duty officer"),
            briefing: ("今晚你在社区值班，气象台已发布暴雨橙色预警。", "You are on night duty; an orange rainstorm warning is in force."),
            opening: (
                "凌晨暴雨，有居民打电话说地下车库开始进水，还有人在下面挪车。",
                "Heavy rain before dawn: a resident calls to say the underground car park is flooding and people are down there moving cars.",
            ),
            right_step: (
                "立刻通知物业封闭车库入口，组织人员撤出",
                "Have the property manager close the car park entrance at once and get people out",
            ),
            rushed_step: ("先在群里提醒大家注意安全，等雨小了再看", "Post a safety reminder in the group and wait for the rain to ease"),
            rushed_feedback: (
                "提醒代替不了行动：车库里的人还在，水还在涨。",
                "A reminder is not action: people are still down there and the water is still rising.",
            ),
            basis: (
                "《中华人民共和国突发事件应对法》要求及时疏散、撤离受到威胁的人员",
                "The Emergency Response Law requires people under threat to be evacuated promptly",
            ),
        },
        Category::Governance => Flavour {
            title: ("新案例：换届前的走访", "New case: canvassing before the election"),
            summary: (
                "村委会换届前，有村民反映候选人挨家挨户送购物卡。你要依法查清，守住选举的公正。",
                "Before the village committee election, villagers report a candidate handing out shopping cards door to door. Find out lawfully and keep the election fair.",
            ),
            role: ("包村干部", "Township cadre assigned to the village"),
            briefing: (
                "周四上午，你在镇里整理换届工作台账。",
                "Thursday morning, you are at the township updating the election work files.",
            ),
            opening: (
                "一位村民打来电话，说有候选人昨晚挨家挨户送购物卡，还拍了照片，问镇里管不管。",
                "A villager phones: a candidate went door to door last night handing out shopping cards; he has photos and asks whether the township will act.",
            ),
            right_step: (
                "记下线索，当天和村选举委员会核实，并报告镇里",
                "Check it today with the village election committee and report it to the township",
            ),
            rushed_step: ("劝他别声张，等选完再说", "Ask him to keep quiet until the vote is over"),
            rushed_feedback: (
                "压着不查，贿选的人就会以为没人管，选举的公正和群众的信任一起丢掉。",
                "Sitting on the report tells whoever is buying votes that nobody cares: the election's fairness and people's trust go together.",
            ),
            basis: (
                "《中华人民共和国村民委员会组织法》禁止以贿赂等不正当手段当选，举报应当依法调查处理",
                "The Organic Law of Villagers' Committees forbids winning by bribery and other improper means; reports must be investigated lawfully",
            ),
        },
        Category::Wellbeing => Flavour {
            title: ("新案例：连轴转的一周", "New case: a week without a break"),
            summary: (
                "一周里四个检查叠在一起，工作群里催要照片和台账，家里老人又病了。你要把事办好，也要守住自己。",
                "Four inspections in one week, work groups demanding photos and files, and a parent falling ill at home. Get the work done, and keep yourself going.",
            ),
            role: ("乡镇干部", "Township cadre"),
            briefing: ("周一早上七点，你已经在办公室了。", "Monday, seven in the morning, and you are already at your desk."),
            opening: (
                "工作群里又来了通知：今天下班前报三项台账，每项要附现场照片。你昨晚只睡了四个小时。",
                "Another notice in the work group: three sets of files due by the end of the day, each with site photos. You slept four hours last night.",
            ),
            right_step: (
                "先列出轻重缓急，向分管领导说明实际情况，商量哪项可以合并报送",
                "Sort what matters most, tell your superior how things stand, and agree which reports can be combined",
            ),
            rushed_step: ("什么都不说，今晚通宵全部赶完", "Say nothing and work through the night to finish everything"),
            rushed_feedback: (
                "硬扛能撑一晚，撑不了一年；不说实话，领导也没法帮你调整。",
                "Pushing through lasts one night, not a year; if you do not say how things stand, nobody can help you adjust.",
            ),
            basis: (
                "中央关于整治形式主义、为基层减负的要求：不得以工作群、留痕代替实际工作",
                "The central rules on easing the burden on grassroots cadres: work groups and paper trails must not replace real work",
            ),
        },
        Category::Other => Flavour {
            title: ("新案例：不亮的路灯", "New case: the street lights"),
            summary: (
                "小区路灯坏了一个月，有老人晚上摔倒，居民来社区反映。你要把群众的事当回事，找到能办成的人。",
                "The estate's street lights have been out for a month and an elderly man fell at night. Residents come to you: take it seriously and find who can fix it.",
            ),
            role: ("社区干部", "Community cadre"),
            briefing: ("周三上午，你在社区接待窗口值班。", "Wednesday morning, you are at the community reception desk."),
            opening: (
                "几位居民来到社区，说小区路灯坏了一个月，晚上有老人摔倒，报修几次都没人管。",
                "Several residents come in: the estate's street lights have been out for a month, an elderly man fell at night, and repeated repair requests went nowhere.",
            ),
            right_step: (
                "先记下情况，当天去现场看，并联系负责维修的单位",
                "Note the details, see it the same day, and contact whoever is responsible for repairs",
            ),
            rushed_step: ("告诉他们这事归物业管，让他们去找物业", "Tell them it is the property manager's job and send them there"),
            rushed_feedback: (
                "把群众推回去，问题还在，人心却凉了。",
                "Sending people away leaves the problem where it was, and their trust lower.",
            ),
            basis: (
                "《信访工作条例》要求对群众反映的问题及时受理、依法办理",
                "The Regulations on Letters and Visits require residents' concerns to be accepted and handled promptly",
            ),
        },
    }
}

/// Text as a RON string literal (quotes and backslashes escaped).
fn lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A bilingual text as the shipped scenarios write it.
fn both((zh, en): (&str, &str)) -> String {
    format!("{{\"zh-CN\": {}, \"en\": {}}}", lit(zh), lit(en))
}

/// The starting scenario: three scenes (a timed first decision, a recovery scene, a closing
/// decision with a greyed-out choice), two competencies scored by every road, two meters, a
/// flag, feedback and basis on choices, and two endings, the last without a condition.
pub fn template(category: Category, id: &str, title: Option<&str>) -> String {
    let f = flavour(category);
    let title = match title {
        Some(t) => both((t, t)),
        None => both(f.title),
    };
    let slots = [
        ("{ID}", lit(id)),
        ("{CATEGORY}", format!("{category:?}")),
        ("{TITLE}", title),
        ("{SUMMARY}", both(f.summary)),
        ("{ROLE}", both(f.role)),
        ("{BRIEFING}", both(f.briefing)),
        ("{OPENING}", both(f.opening)),
        ("{RIGHT_STEP}", both(f.right_step)),
        ("{RUSHED_STEP}", both(f.rushed_step)),
        ("{RUSHED_FEEDBACK}", both(f.rushed_feedback)),
        ("{BASIS}", both(f.basis)),
    ];
    let mut text = TEMPLATE.to_string();
    for (slot, value) in slots {
        text = text.replace(slot, &value);
    }
    text
}

const TEMPLATE: &str = r#"// 新案例的起点（由 shapan new 生成）：把每段文字换成你自己的情景，再增删场景和选项。
// 写法见 scenarios/README.zh-CN.md；改完运行 shapan validate 检查，shapan play 试玩。
// A starting point written by `shapan new`: replace every text with your own situation, then add
// or remove scenes and choices. See scenarios/README.md; check with shapan validate, try with shapan play.
#![enable(implicit_some)]
Scenario(
    format: 1,
    id: {ID},
    languages: ["zh-CN", "en"],
    // 如果用 --title 给了标题，英文标题先和中文一样，记得翻译。
    // A title given with --title is used for both languages: translate the English one.
    title: {TITLE},
    category: {CATEGORY},
    summary: {SUMMARY},
    objectives: [
        {"zh-CN": "做对第一步，不在情况不明时表态或推诿", "en": "Take the right first step; neither take a position nor pass the matter on before the facts are known"},
        {"zh-CN": "用群众听得懂的话交代结果", "en": "Report back in words people understand"},
    ],
    minutes: 10,
    class_minutes: 30,
    difficulty: Easy,
    competencies: [
        (id: "judgement", name: {"zh-CN": "研判处置", "en": "Judgement"}, weight: 2,
         description: {"zh-CN": "情况不明时先核实，做对第一步", "en": "Check when the facts are unclear; take the right first step"}),
        (id: "communication", name: {"zh-CN": "群众沟通", "en": "Communication"}, weight: 1),
    ],
    meters: [
        (id: "trust", name: {"zh-CN": "群众信任", "en": "Public trust"}, min: 0, max: 100, start: 50),
        (id: "tension", name: {"zh-CN": "事态紧张", "en": "Tension"}, min: 0, max: 100, start: 40, higher_is_worse: true),
    ],
    flags: [
        (id: "groundwork", description: {"zh-CN": "第一步做对了，后面的工作有了依据", "en": "The first step was right: what follows has a footing"}),
    ],
    roles: [
        (id: "officer", name: {ROLE}, briefing: {BRIEFING}),
    ],
    start: "first_report",
    scenes: [
        (
            id: "first_report",
            text: {OPENING},
            timer: (
                seconds: 120,
                effects: [Add("tension", 15), Add("trust", -10)],
                scores: {"judgement": -1},
                feedback: {"zh-CN": "你迟迟没有行动，事情在发酵。", "en": "You held back, and things got worse."},
                next: Scene("pressure"),
            ),
            choices: [
                (
                    id: "right_step",
                    text: {RIGHT_STEP},
                    effects: [SetFlag("groundwork"), Add("tension", -10)],
                    scores: {"judgement": 2},
                    feedback: {"zh-CN": "第一步做对了，后面的工作就有了依据。", "en": "The first step was the right one: everything after it has a footing."},
                    next: Scene("follow_up"),
                ),
                (
                    id: "rushed_step",
                    text: {RUSHED_STEP},
                    effects: [Add("trust", -10), Add("tension", 10)],
                    scores: {"judgement": -2},
                    feedback: {RUSHED_FEEDBACK},
                    basis: {BASIS},
                    next: Scene("pressure"),
                ),
            ],
        ),
        (
            id: "pressure",
            text: {"zh-CN": "事情还没过去，越来越多的人在看你下一步怎么做。", "en": "It is not over: more and more people are watching what you do next."},
            choices: [
                (
                    id: "catch_up",
                    text: {"zh-CN": "回过头补上该做的第一步", "en": "Go back and take the step you skipped"},
                    effects: [SetFlag("groundwork")],
                    scores: {"judgement": 1},
                    feedback: {"zh-CN": "晚了一步，但总算走上了正路。", "en": "A step late, but back on the right road."},
                    next: Scene("follow_up"),
                ),
            ],
        ),
        (
            id: "follow_up",
            text: {"zh-CN": "现在要决定怎样向群众交代。", "en": "Now decide how to report back to the people concerned."},
            choices: [
                (
                    id: "explain_openly",
                    text: {"zh-CN": "当面讲清情况和下一步安排，留下联系方式", "en": "Explain in person what happened and what comes next; leave a way to reach you"},
                    condition: "groundwork",
                    when_unmet: Disable,
                    effects: [Add("trust", 20), Add("tension", -20)],
                    scores: {"communication": 2},
                    feedback: {"zh-CN": "有依据、说人话、留下联系方式，群众心里就有了底。", "en": "Facts, plain words and a way to reach you: people know where they stand."},
                    next: End,
                ),
                (
                    id: "formal_notice",
                    text: {"zh-CN": "只发一份正式通知", "en": "Only issue a formal notice"},
                    effects: [Add("tension", -5)],
                    scores: {"communication": -1},
                    feedback: {"zh-CN": "通知没有错，但群众的很多疑问没人回答。", "en": "Nothing wrong in the notice, but many questions go unanswered."},
                    next: End,
                ),
            ],
        ),
    ],
    endings: [
        (id: "resolved", title: {"zh-CN": "妥善解决", "en": "Resolved"}, condition: "trust >= 60 && tension < 40", grade: Good,
         text: {"zh-CN": "事情有了着落，群众认可你的处理。", "en": "The matter is settled and people accept how you handled it."}),
        // 最后一个结局不写 condition：其他结局都不满足时就是它。
        // The last ending has no condition: it is the one reached when no other applies.
        (id: "settled", title: {"zh-CN": "事情过去了", "en": "It blew over"}, grade: Pass,
         text: {"zh-CN": "事情过去了，但群众对你的信任打了折扣。", "en": "It blew over, but people trust you a little less."}),
    ],
    debrief: (
        expert: {"zh-CN": "情况不明时，先核实、再表态；做对第一步，比事后补救省力得多。", "en": "When the facts are unclear, verify before taking a position; the right first step costs far less than repairs later."},
        practitioner: {"zh-CN": "把结果当面讲给群众听，比一纸通知管用。", "en": "Telling people the outcome in person works better than a notice on paper."},
    ),
)
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::load::load_str;
    use std::path::Path;

    #[test]
    fn every_category_template_validates_clean() {
        for c in Category::ALL {
            let text = template(c, "my_case", None);
            let loaded = load_str(Path::new("t.ron"), text, &[]);
            assert!(loaded.diagnostics.is_empty(), "{c:?}: {:#?}", loaded.diagnostics);
            let s = loaded.scenario.expect("parsed");
            assert_eq!(s.category, c);
            assert_eq!(s.id, "my_case");
            assert!((3..=4).contains(&s.scenes.len()));
        }
    }

    #[test]
    fn a_title_with_quotes_stays_one_string() {
        let text = template(Category::Other, "x", Some("“停水”的 \"quoted\" \\ title"));
        let loaded = load_str(Path::new("t.ron"), text, &[]);
        assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
        assert_eq!(loaded.scenario.unwrap().title.get("en"), "“停水”的 \"quoted\" \\ title");
    }

    #[test]
    fn categories_are_read_by_folder_or_by_name() {
        assert_eq!(parse_category("online_media"), Ok(Category::OnlineMedia));
        assert_eq!(parse_category("OnlineMedia"), Ok(Category::OnlineMedia));
        assert_eq!(parse_category("community-dispute"), Ok(Category::CommunityDispute));
        assert!(parse_category("sports").unwrap_err().contains("emergency"));
    }
}
