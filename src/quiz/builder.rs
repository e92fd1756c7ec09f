//! 组卷: a quiz from what the secretary typed into the builder — name, points, pass mark, time
//! limit, dates, hand-picked questions and draw rules — every entry checked, the paper drawn from
//! the bank, each problem one Chinese sentence.

use chrono::{DateTime, Utc};

use super::check_code::AnswerCodes;
use super::model::{Difficulty, Question, QuestionKind};
use super::paper::{
    build_paper, parse_points, points_text, DrawRule, Quiz, QuizError, QuizMode, Reveal,
};
use crate::record::{DeviceId, Id, Meta};

/// The builder's form as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizDraft {
    pub title: String,
    pub mode: QuizMode,
    pub points_each: String,
    pub pass_mark: String,
    pub time_limit: String,
    pub opens: Option<DateTime<Utc>>,
    pub closes: Option<DateTime<Utc>>,
    pub shuffle_questions: bool,
    pub shuffle_options: bool,
    pub reveal: Reveal,
    /// Whether each cadre answers with a 答题码.
    pub codes: bool,
    /// Hand-picked questions with their own points ("" = the default 每题分值).
    pub picked: Vec<(Id, String)>,
    pub rules: Vec<RuleDraft>,
}

impl QuizDraft {
    /// A new quiz's form: the year's title, 5 points a question, 30 minutes, everyone's order
    /// shuffled, scores only afterwards, 答题码 on, nothing picked.
    pub fn new_for(year: i32) -> QuizDraft {
        QuizDraft {
            title: format!("{year}年作风建设测验"),
            mode: QuizMode::Exam,
            points_each: "5".into(),
            pass_mark: String::new(),
            time_limit: "30".into(),
            opens: None,
            closes: None,
            shuffle_questions: true,
            shuffle_options: true,
            reveal: Reveal::ScoreOnly,
            codes: true,
            picked: vec![],
            rules: vec![],
        }
    }

    /// The form a quiz reopens in, to change it or to copy it: its questions (drawn by rules or
    /// picked) become picked ones with their points, so the paper stays as it is unless changed.
    pub fn of(quiz: &Quiz) -> QuizDraft {
        let each = most_common_points(quiz);
        QuizDraft {
            title: quiz.title.clone(),
            mode: quiz.mode,
            points_each: points_text(each),
            pass_mark: points_text(quiz.pass_mark),
            time_limit: quiz
                .time_limit_minutes
                .map(|m| m.to_string())
                .unwrap_or_default(),
            opens: quiz.opens,
            closes: quiz.closes,
            shuffle_questions: quiz.shuffle_questions,
            shuffle_options: quiz.shuffle_options,
            reveal: quiz.reveal,
            codes: quiz.codes.asked(),
            picked: quiz
                .paper
                .iter()
                .map(|q| {
                    let own = if q.points == each {
                        String::new()
                    } else {
                        points_text(q.points)
                    };
                    (q.question_id, own)
                })
                .collect(),
            rules: Vec::new(),
        }
    }

    /// A new quiz like `quiz`, named as its copy.
    pub fn copy_of(quiz: &Quiz) -> QuizDraft {
        QuizDraft {
            title: format!("{}（副本）", quiz.title),
            ..QuizDraft::of(quiz)
        }
    }
}

/// The points most questions of the paper carry (the smaller on a tie; 5 on an empty paper).
fn most_common_points(quiz: &Quiz) -> u32 {
    let mut counts: crate::sorted::SortedMap<u32, usize> = Default::default();
    for q in &quiz.paper {
        *counts.entry(q.points).or_default() += 1;
    }
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map_or(500, |(points, _)| *points)
}

/// A draw rule as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleDraft {
    pub count: String,
    pub kind: Option<QuestionKind>,
    pub category: String,
    pub difficulty: Option<Difficulty>,
    pub points: String,
}

/// The longest time limit: a whole day.
pub const MAX_TIME_LIMIT_MINUTES: u32 = 24 * 60;

/// 60 % of `total` (hundredths of a point), rounded to a whole point upwards: the usual pass.
pub fn sixty_percent(total: u32) -> u32 {
    let points = u64::from(total) * 60;
    let hundredths = points.div_ceil(100);
    u32::try_from(hundredths.div_ceil(100) * 100).unwrap_or(u32::MAX)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildError {
    NoTitle,
    PointsEach,
    PassMark,
    TimeLimit,
    ClosesBeforeOpens,
    RuleCount {
        rule: usize,
    },
    RulePoints {
        rule: usize,
    },
    PickPoints {
        position: usize,
        text: String,
    },
    EmptyPaper,
    /// Picked questions no longer in the bank (deleted since they were picked).
    PickedGone {
        count: usize,
    },
    Shortfall {
        rule: usize,
        wanted: usize,
        found: usize,
    },
    Limits(QuizError),
}

impl BuildError {
    pub fn user_message(&self) -> String {
        match self {
            BuildError::NoTitle => "请填写测验名称。".into(),
            BuildError::PointsEach => "每题分值应为正数，最多两位小数。".into(),
            BuildError::PassMark => "及格分应为数字，最多两位小数。".into(),
            BuildError::TimeLimit => "时间限制应为不超过一天的分钟数（不限时请留空）。".into(),
            BuildError::ClosesBeforeOpens => "截止时间早于开放时间，请检查这两个时间。".into(),
            BuildError::RuleCount { rule } => format!("第 {rule} 条抽题规则的题数应为整数。"),
            BuildError::RulePoints { rule } => format!("第 {rule} 条抽题规则的分值应为正数。"),
            BuildError::PickPoints { position, text } => {
                format!("第 {position} 道手选题的分值“{text}”不对：应为正数，最多两位小数。")
            }
            BuildError::EmptyPaper => "试卷中还没有题目：请勾选试题或添加抽题规则。".into(),
            BuildError::PickedGone { count } => format!(
                "已选的题中有 {count} 道已从题库删除：请在“已选试题”中取消勾选（或先在题库中恢复）。"
            ),
            BuildError::Shortfall {
                rule,
                wanted,
                found,
            } => format!("第 {rule} 条抽题规则要 {wanted} 道题，题库中符合条件的只有 {found} 道。"),
            BuildError::Limits(e) => e.user_message(),
        }
    }
}

fn positive_points(text: &str) -> Option<u32> {
    parse_points(text).filter(|p| *p > 0)
}

/// What a quiz is made with besides the draft: its record's bookkeeping, the browser making it,
/// the seed that fixes each person's question order, and the key its 答题码 come from (kept
/// across edits, so codes already printed stay right).
pub struct Making<'a> {
    pub meta: Meta,
    pub author: &'a DeviceId,
    pub seed: u64,
    pub codes_key: String,
}

impl<'a> Making<'a> {
    /// A new quiz: a new record, and a seed from `clock_ms` (the browser's clock) kept below
    /// 2^53, so it survives JSON in every browser unchanged.
    pub fn new(meta: Meta, author: &'a DeviceId, clock_ms: f64, fresh_key: String) -> Making<'a> {
        Making {
            meta,
            author,
            seed: (clock_ms as u64 ^ 0x5eed) & ((1 << 53) - 1),
            codes_key: fresh_key,
        }
    }

    /// A changed quiz keeps its record, its order for each person (the seed) and the key of the
    /// 答题码 already handed out; one that had no key takes `fresh_key`.
    pub fn again(quiz: &Quiz, author: &'a DeviceId, fresh_key: String) -> Making<'a> {
        Making {
            meta: quiz.meta.clone(),
            author,
            seed: quiz.seed,
            codes_key: match &quiz.codes {
                AnswerCodes::Keyed { key } => key.clone(),
                _ => fresh_key,
            },
        }
    }
}

/// Builds the quiz the draft describes from `bank`.
pub fn build(draft: &QuizDraft, bank: &[Question], making: Making) -> Result<Quiz, BuildError> {
    let Making {
        meta,
        author,
        seed,
        codes_key,
    } = making;
    let title = draft.title.trim();
    if title.is_empty() {
        return Err(BuildError::NoTitle);
    }
    let each = positive_points(&draft.points_each).ok_or(BuildError::PointsEach)?;
    // Left empty, the pass mark is 60 % of the total (known once the paper is drawn).
    let pass_mark = match draft.pass_mark.trim() {
        "" => None,
        given => Some(parse_points(given).ok_or(BuildError::PassMark)?),
    };
    let time_limit_minutes = match draft.time_limit.trim() {
        "" | "0" => None,
        t => match t.parse::<u32>() {
            Ok(m) if m <= MAX_TIME_LIMIT_MINUTES => Some(m),
            _ => return Err(BuildError::TimeLimit),
        },
    };
    if let (Some(o), Some(c)) = (draft.opens, draft.closes) {
        if c < o {
            return Err(BuildError::ClosesBeforeOpens);
        }
    }
    let mut rules = Vec::new();
    for (i, r) in draft.rules.iter().enumerate() {
        let count = r
            .count
            .trim()
            .parse::<usize>()
            .map_err(|_| BuildError::RuleCount { rule: i + 1 })?;
        let points = positive_points(&r.points).ok_or(BuildError::RulePoints { rule: i + 1 })?;
        rules.push(DrawRule {
            count,
            kind: r.kind,
            category: (!r.category.is_empty()).then(|| r.category.clone()),
            difficulty: r.difficulty,
            points,
        });
    }
    let mut picked = Vec::new();
    for (i, (id, own)) in draft.picked.iter().enumerate() {
        let points = if own.trim().is_empty() {
            each
        } else {
            positive_points(own).ok_or_else(|| BuildError::PickPoints {
                position: i + 1,
                text: own.clone(),
            })?
        };
        picked.push((*id, points));
    }
    let live: std::collections::HashSet<Id> = bank
        .iter()
        .filter(|q| !q.deleted)
        .map(|q| q.meta.id)
        .collect();
    let gone = picked.iter().filter(|(id, _)| !live.contains(id)).count();
    if gone > 0 {
        return Err(BuildError::PickedGone { count: gone });
    }
    let (paper, shortfalls) = build_paper(bank, &picked, &rules, seed);
    if let Some(s) = shortfalls.first() {
        return Err(BuildError::Shortfall {
            rule: s.rule + 1,
            wanted: s.wanted,
            found: s.found,
        });
    }
    if paper.is_empty() {
        return Err(BuildError::EmptyPaper);
    }
    let total: u32 = paper.iter().map(|q| q.points).fold(0, u32::saturating_add);
    let pass_mark = pass_mark.unwrap_or_else(|| sixty_percent(total));
    let quiz = Quiz {
        meta,
        title: title.to_string(),
        mode: draft.mode,
        paper,
        pass_mark,
        time_limit_minutes,
        opens: draft.opens,
        closes: draft.closes,
        shuffle_questions: draft.shuffle_questions,
        shuffle_options: draft.shuffle_options,
        seed,
        reveal: draft.reveal,
        deleted: false,
        author: Some(author.clone()),
        sent_at: None,
        codes: if draft.codes {
            AnswerCodes::Keyed { key: codes_key }
        } else {
            AnswerCodes::None
        },
    };
    quiz.check().map_err(BuildError::Limits)?;
    Ok(quiz)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::model::{Answer, QuestionDraft};
    use crate::sorted::SortedSet;

    fn at() -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default()
    }

    fn bank() -> Vec<Question> {
        (0..6)
            .map(|i| {
                QuestionDraft {
                    kind: QuestionKind::Single,
                    stem: format!("题{i}"),
                    options: vec!["甲".into(), "乙".into()],
                    answer: Answer::Choice(SortedSet::from([0])),
                    explanation: String::new(),
                    category: if i < 3 {
                        "纪律".into()
                    } else {
                        "学习".into()
                    },
                    difficulty: Difficulty::Medium,
                    tags: vec![],
                    source: String::new(),
                }
                .into_question(Meta::new(&DeviceId("s".into()), at()))
            })
            .collect()
    }

    fn draft(bank: &[Question]) -> QuizDraft {
        QuizDraft {
            title: " 上半年测验 ".into(),
            points_each: "20".into(),
            pass_mark: "60".into(),
            picked: vec![
                (bank[0].meta.id, String::new()),
                (bank[1].meta.id, "40".into()),
            ],
            rules: vec![RuleDraft {
                count: "2".into(),
                kind: None,
                category: "学习".into(),
                difficulty: None,
                points: "20".into(),
            }],
            ..QuizDraft::new_for(2026)
        }
    }

    /// One wrong entry in the form.
    type Change = Box<dyn Fn(&mut QuizDraft)>;

    fn run(d: &QuizDraft, bank: &[Question]) -> Result<Quiz, BuildError> {
        build(
            d,
            bank,
            Making {
                meta: Meta::unsaved(at()),
                author: &DeviceId("secretary".into()),
                seed: 7,
                codes_key: "k".into(),
            },
        )
    }

    #[test]
    fn a_draft_becomes_a_quiz_with_its_points_and_author() {
        let bank = bank();
        let quiz = run(&draft(&bank), &bank).unwrap_or_else(|e| panic!("{}", e.user_message()));
        assert_eq!(quiz.title, "上半年测验");
        assert_eq!(quiz.paper.len(), 4);
        assert_eq!(quiz.total_points(), 100 * 100);
        assert_eq!(quiz.time_limit_minutes, Some(30));
        assert_eq!(quiz.author, Some(DeviceId("secretary".into())));
    }

    #[test]
    fn every_bad_entry_is_named() {
        let bank = bank();
        let cases: Vec<(Change, BuildError)> = vec![
            (Box::new(|d| d.title = "  ".into()), BuildError::NoTitle),
            (
                Box::new(|d| d.points_each = "-1".into()),
                BuildError::PointsEach,
            ),
            (
                Box::new(|d| d.pass_mark = "六十".into()),
                BuildError::PassMark,
            ),
            (
                Box::new(|d| d.time_limit = "2000".into()),
                BuildError::TimeLimit,
            ),
            (
                Box::new(|d| d.rules[0].count = "两".into()),
                BuildError::RuleCount { rule: 1 },
            ),
            (
                Box::new(|d| d.rules[0].points = "0".into()),
                BuildError::RulePoints { rule: 1 },
            ),
            (
                Box::new(|d| d.picked[1].1 = "abc".into()),
                BuildError::PickPoints {
                    position: 2,
                    text: "abc".into(),
                },
            ),
            (
                Box::new(|d| d.rules[0].count = "9".into()),
                BuildError::Shortfall {
                    rule: 1,
                    wanted: 9,
                    found: 3,
                },
            ),
            (
                Box::new(|d| {
                    d.picked.clear();
                    d.rules.clear();
                }),
                BuildError::EmptyPaper,
            ),
            (
                Box::new(|d| d.pass_mark = "101".into()),
                BuildError::Limits(QuizError::PassMarkAboveTotal {
                    pass_mark: 10100,
                    total: 10000,
                }),
            ),
            (
                Box::new(|d| {
                    d.opens = Some(at());
                    d.closes = Some(at() - chrono::Duration::hours(1));
                }),
                BuildError::ClosesBeforeOpens,
            ),
        ];
        for (change, expected) in cases {
            let mut d = draft(&bank);
            change(&mut d);
            let got = run(&d, &bank);
            assert_eq!(got.as_ref().err(), Some(&expected));
            assert!(!expected.user_message().is_empty());
        }
    }

    #[test]
    fn an_empty_pass_mark_is_sixty_percent_of_the_total() {
        let bank = bank();
        let mut d = draft(&bank);
        d.pass_mark = " ".into();
        let quiz = run(&d, &bank).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(quiz.pass_mark, sixty_percent(quiz.total_points()));
        assert_eq!(sixty_percent(10000), 6000);
        assert_eq!(sixty_percent(2500), 1500);
        assert_eq!(sixty_percent(2250), 1400, "13.5 points rounds up to 14");
    }

    #[test]
    fn a_quiz_reopens_as_its_own_draft_and_builds_the_same_paper() {
        let bank = bank();
        let quiz = run(&draft(&bank), &bank).unwrap_or_else(|e| panic!("{e:?}"));
        let again = QuizDraft::of(&quiz);
        assert_eq!(again.points_each, "20");
        assert_eq!(again.pass_mark, "60");
        assert_eq!(again.time_limit, "30");
        assert!(again.rules.is_empty(), "drawn questions are kept as drawn");
        // The 40-point question keeps its own points; the others take 每题分值.
        let own: Vec<&str> = again.picked.iter().map(|(_, p)| p.as_str()).collect();
        assert_eq!(own.iter().filter(|p| **p == "40").count(), 1);
        assert_eq!(own.iter().filter(|p| p.is_empty()).count(), 3);
        let key = match &quiz.codes {
            AnswerCodes::Keyed { key } => key.clone(),
            other => panic!("{other:?}"),
        };
        let secretary = DeviceId("secretary".into());
        let making = Making::again(&quiz, &secretary, "新钥匙".into());
        assert_eq!(
            (making.seed, making.codes_key.as_str()),
            (quiz.seed, key.as_str())
        );
        let rebuilt = build(&again, &bank, making).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            rebuilt.codes, quiz.codes,
            "codes already printed stay right"
        );
        assert_eq!(rebuilt.paper, quiz.paper);
        assert_eq!(rebuilt.pass_mark, quiz.pass_mark);
        assert_eq!(QuizDraft::copy_of(&quiz).title, "上半年测验（副本）");
    }

    #[test]
    fn a_picked_question_deleted_from_the_bank_is_named_not_dropped() {
        let mut bank = bank();
        let d = draft(&bank);
        bank[1].deleted = true;
        assert_eq!(run(&d, &bank), Err(BuildError::PickedGone { count: 1 }));
        assert!(BuildError::PickedGone { count: 1 }
            .user_message()
            .contains("1 道已从题库删除"));
    }

    #[test]
    fn only_an_unsent_quiz_made_here_without_sheets_can_change() {
        use crate::quiz::paper::NotEditable;
        let bank = bank();
        let here = DeviceId("secretary".into());
        let quiz = run(&draft(&bank), &bank).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(quiz.editable(&here, 0), Ok(()));
        assert_eq!(quiz.editable(&here, 1), Err(NotEditable::HasSheets));
        assert_eq!(
            quiz.editable(&DeviceId("cadre".into()), 0),
            Err(NotEditable::Received)
        );
        let package = quiz.for_package();
        assert_eq!(
            package.editable(&here, 0),
            Err(NotEditable::Received),
            "a key-less copy"
        );
        let sent = Quiz {
            sent_at: Some(at()),
            ..quiz
        };
        assert_eq!(sent.editable(&here, 0), Err(NotEditable::Sent));
    }

    #[test]
    fn a_new_quiz_gets_a_seed_json_keeps_and_a_keyless_one_a_new_key() {
        let secretary = DeviceId("secretary".into());
        let making = Making::new(Meta::unsaved(at()), &secretary, 1.9e15, "钥匙".into());
        assert!(making.seed < 1 << 53);
        assert_eq!(making.codes_key, "钥匙");
        let bank = bank();
        let mut quiz = run(&draft(&bank), &bank).unwrap_or_else(|e| panic!("{}", e.user_message()));
        quiz.codes = AnswerCodes::None;
        let again = Making::again(&quiz, &secretary, "新钥匙".into());
        assert_eq!((again.meta.id, again.seed), (quiz.meta.id, quiz.seed));
        assert_eq!(again.codes_key, "新钥匙");
    }
}
