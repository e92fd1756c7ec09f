use chrono::DateTime;

use super::*;
use crate::quiz::model::QuestionDraft;
use crate::record::DeviceId;
use crate::sorted::SortedSet;

fn bank() -> Vec<Question> {
    let mut out = Vec::new();
    for i in 0..30 {
        let kind = if i % 3 == 0 {
            QuestionKind::TrueFalse
        } else {
            QuestionKind::Single
        };
        let draft = QuestionDraft {
            kind,
            stem: format!("题{i}"),
            options: if kind == QuestionKind::Single {
                vec!["甲".into(), "乙".into(), "丙".into()]
            } else {
                vec![]
            },
            answer: if kind == QuestionKind::Single {
                Answer::Choice(SortedSet::from([0]))
            } else {
                Answer::TrueFalse(true)
            },
            explanation: "解析".into(),
            category: if i < 15 {
                "纪律".into()
            } else {
                "学习".into()
            },
            difficulty: Difficulty::Medium,
            tags: vec![],
            source: String::new(),
        };
        out.push(draft.into_question(Meta::new(
            &DeviceId("s".into()),
            DateTime::from_timestamp(0, 0).unwrap_or_default(),
        )));
    }
    out
}

fn quiz(paper: Vec<PaperQuestion>) -> Quiz {
    Quiz {
        meta: Meta::new(
            &DeviceId("s".into()),
            DateTime::from_timestamp(0, 0).unwrap_or_default(),
        ),
        title: "测验".into(),
        mode: QuizMode::Exam,
        paper,
        pass_mark: 60,
        time_limit_minutes: Some(30),
        opens: None,
        closes: None,
        shuffle_questions: true,
        shuffle_options: true,
        seed: 42,
        reveal: Reveal::ScoreOnly,
        deleted: false,
        author: None,
        sent_at: None,
        codes: Default::default(),
    }
}

#[test]
fn picked_questions_come_first_and_rules_draw_without_repeats() {
    let bank = bank();
    let picked = vec![(bank[1].meta.id, 500), (bank[1].meta.id, 500)];
    let rules = vec![
        DrawRule {
            count: 5,
            kind: Some(QuestionKind::TrueFalse),
            category: None,
            difficulty: None,
            points: 200,
        },
        DrawRule {
            count: 3,
            kind: None,
            category: Some("学习".into()),
            difficulty: None,
            points: 300,
        },
    ];
    let (paper, short) = build_paper(&bank, &picked, &rules, 7);
    assert!(short.is_empty());
    assert_eq!(paper.len(), 9, "the duplicate pick is taken once");
    assert_eq!(paper[0].question_id, bank[1].meta.id);
    let ids: SortedSet<_> = paper.iter().map(|p| p.question_id).collect();
    assert_eq!(ids.len(), 9);
    assert!(paper[1..6]
        .iter()
        .all(|p| p.kind == QuestionKind::TrueFalse));
    // The same seed draws the same paper.
    assert_eq!(build_paper(&bank, &picked, &rules, 7).0, paper);
    assert_ne!(build_paper(&bank, &picked, &rules, 8).0, paper);
}

#[test]
fn a_rule_the_bank_cannot_fill_is_reported() {
    let rules = vec![DrawRule {
        count: 50,
        kind: Some(QuestionKind::TrueFalse),
        category: None,
        difficulty: None,
        points: 100,
    }];
    let (paper, short) = build_paper(&bank(), &[], &rules, 1);
    assert_eq!(paper.len(), 10);
    assert_eq!(
        short,
        vec![DrawShortfall {
            rule: 0,
            wanted: 50,
            found: 10
        }]
    );
}

#[test]
fn each_person_gets_their_own_reproducible_order() {
    let bank = bank();
    let (paper, _) = build_paper(
        &bank,
        &[],
        &[DrawRule {
            count: 10,
            kind: None,
            category: None,
            difficulty: None,
            points: 100,
        }],
        3,
    );
    let z = quiz(paper);
    let a = layout_for(&z, "李四");
    assert_eq!(a, layout_for(&z, "李四"));
    assert_ne!(a.questions, layout_for(&z, "王五").questions);
    let mut sorted = a.questions.clone();
    sorted.sort();
    assert_eq!(sorted, (0..10).collect::<Vec<_>>());
}

#[test]
fn an_exam_package_carries_no_answer_key() {
    let bank = bank();
    let (paper, _) = build_paper(&bank, &[(bank[0].meta.id, 100)], &[], 1);
    let exam = quiz(paper).for_package();
    let json = serde_json::to_string(&exam).unwrap_or_default();
    assert!(exam
        .paper
        .iter()
        .all(|p| p.answer.is_none() && p.explanation.is_none()));
    assert!(!json.contains("\"answer\":{"), "{json}");
    assert!(!json.contains("解析"), "{json}");
    let practice = Quiz {
        mode: QuizMode::Practice,
        ..quiz(exam.paper.clone())
    };
    assert_eq!(practice.for_package().paper, practice.paper);
}

#[test]
fn points_are_written_and_read_in_hundredths() {
    assert_eq!(parse_points("2.5"), Some(250));
    assert_eq!(parse_points("0.25"), Some(25));
    assert_eq!(parse_points("10"), Some(1000));
    assert_eq!(parse_points("1.234"), None);
    assert_eq!(parse_points("abc"), None);
    assert_eq!(points_text(250), "2.5");
    assert_eq!(points_text(25), "0.25");
    assert_eq!(points_text(1000), "10");
}

#[test]
fn points_cannot_wrap_round_to_a_pass() {
    let bank: Vec<Question> = bank().into_iter().take(5).collect();
    let picked: Vec<(Id, u32)> = bank.iter().map(|q| (q.meta.id, u32::MAX)).collect();
    let (paper, _) = build_paper(&bank, &picked, &[], 7);
    let mut quiz = quiz(paper);
    quiz.pass_mark = 6000;
    assert_eq!(
        quiz.total_points(),
        u32::MAX,
        "saturates instead of wrapping"
    );
    assert_eq!(
        quiz.check(),
        Err(QuizError::QuestionPoints {
            position: 1,
            points: u32::MAX
        })
    );
    for q in &mut quiz.paper {
        q.points = MAX_QUESTION_POINTS;
    }
    assert_eq!(quiz.check(), Ok(()));
    quiz.pass_mark = quiz.total_points() + 1;
    assert!(matches!(
        quiz.check(),
        Err(QuizError::PassMarkAboveTotal { .. })
    ));
    quiz.paper = vec![quiz.paper[0].clone(); MAX_PAPER_QUESTIONS + 1];
    assert_eq!(
        quiz.check(),
        Err(QuizError::TooManyQuestions(MAX_PAPER_QUESTIONS + 1))
    );
}

#[test]
fn the_first_export_marks_a_quiz_sent_and_a_later_one_changes_nothing() {
    let q = quiz(vec![]);
    let at = DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default();
    let sent = q.first_sent(at).expect("never sent");
    assert_eq!(sent.sent_at, Some(at));
    assert_eq!(
        sent.editable(&DeviceId("s".into()), 0),
        Err(NotEditable::Sent)
    );
    assert_eq!(sent.first_sent(at + chrono::Duration::days(1)), None);
}

#[test]
fn the_check_before_handing_in_numbers_questions_as_the_paper_shows_them() {
    let layout = Layout {
        questions: vec![2, 0, 3, 1],
        options: vec![vec![]; 4],
    };
    // Position 0 is shown second, position 3 third.
    let (open, marked) = review_text(&layout, &[0, 3], &SortedSet::from([2]));
    assert_eq!(open, "还有 2 题未作答：第 2、3 题。");
    assert_eq!(marked.as_deref(), Some("标记待查：第 1 题。"));
    let (open, marked) = review_text(&layout, &[], &SortedSet::new());
    assert_eq!((open.as_str(), marked), ("所有题目都已作答。", None));
}
