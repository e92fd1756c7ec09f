use chrono::DateTime;

use super::*;
use crate::quiz::attempt::{AttemptState, Respondent};
use crate::quiz::model::QuestionKind;
use crate::quiz::paper::QuizMode;
use crate::record::{DeviceId, Meta};
use crate::sorted::SortedSet;

fn q(kind: QuestionKind, answer: Answer, points: u32) -> PaperQuestion {
    PaperQuestion {
        question_id: uuid::Uuid::new_v4(),
        kind,
        stem: "题".into(),
        options: if kind.has_options() {
            vec!["甲".into(), "乙".into(), "丙".into(), "丁".into()]
        } else {
            vec![]
        },
        points,
        blanks: match &answer {
            Answer::Blanks(b) => b.len(),
            _ => 0,
        },
        answer: Some(answer),
        explanation: None,
    }
}

fn quiz() -> Quiz {
    Quiz {
        meta: Meta::new(
            &DeviceId("s".into()),
            DateTime::from_timestamp(0, 0).unwrap_or_default(),
        ),
        title: "上半年测验".into(),
        mode: QuizMode::Exam,
        paper: vec![
            q(
                QuestionKind::Single,
                Answer::Choice(SortedSet::from([2])),
                200,
            ),
            q(
                QuestionKind::Multiple,
                Answer::Choice(SortedSet::from([0, 1])),
                300,
            ),
            q(QuestionKind::TrueFalse, Answer::TrueFalse(false), 100),
            q(
                QuestionKind::FillBlank,
                Answer::Blanks(vec![
                    vec!["周调度".into()],
                    vec!["月总结".into(), "每月总结".into()],
                ]),
                200,
            ),
            q(
                QuestionKind::ShortAnswer,
                Answer::Reference("五员".into()),
                200,
            ),
        ],
        pass_mark: 600,
        time_limit_minutes: None,
        opens: None,
        closes: DateTime::from_timestamp(1000, 0),
        shuffle_questions: false,
        shuffle_options: false,
        seed: 1,
        reveal: Default::default(),
        deleted: false,
        author: None,
        sent_at: None,
        codes: Default::default(),
    }
}

fn sheet(quiz: &Quiz, name: &str, answers: Vec<(usize, Response)>, at: i64) -> Attempt {
    Attempt {
        meta: Meta::new(
            &DeviceId(name.into()),
            DateTime::from_timestamp(0, 0).unwrap_or_default(),
        ),
        quiz_id: quiz.meta.id,
        respondent: Respondent {
            name: name.into(),
            unit: "城建办".into(),
        },
        started_at: DateTime::from_timestamp(0, 0).unwrap_or_default(),
        answers: answers.into_iter().collect(),
        state: AttemptState::Submitted {
            submitted_at: DateTime::from_timestamp(at, 0).unwrap_or_default(),
            automatic: false,
        },
        manual_points: Default::default(),
        answered_at: Default::default(),
        check: None,
        paper_card: None,
    }
}

fn choice(xs: &[usize]) -> Response {
    Response::Choice(xs.iter().copied().collect())
}

#[test]
fn each_kind_is_marked() {
    let z = quiz();
    let a = sheet(
        &z,
        "李四",
        vec![
            (0, choice(&[2])),
            (1, choice(&[0])),
            (2, Response::TrueFalse(false)),
            (
                3,
                Response::Blanks(vec![" 周调度 ".into(), "每月总结".into()]),
            ),
            (4, Response::Text("传达员……".into())),
        ],
        10,
    );
    let g = grade(&z, &a);
    let verdicts: Vec<Verdict> = g.marks.iter().map(|m| m.verdict).collect();
    assert_eq!(
        verdicts,
        vec![
            Verdict::Correct,
            Verdict::Wrong,
            Verdict::Correct,
            Verdict::Correct,
            Verdict::NeedsMarking
        ]
    );
    assert_eq!((g.score, g.max, g.pending, g.passed), (500, 1000, 1, false));
    let mut marked = a.clone();
    marked.manual_points.insert(4, 150);
    let g = grade(&z, &marked);
    assert_eq!((g.score, g.pending, g.passed), (650, 0, true));
    assert_eq!(g.marks[4].verdict, Verdict::Partial);
}

#[test]
fn blanks_earn_their_share_and_text_is_compared_loosely() {
    let z = quiz();
    let half = sheet(
        &z,
        "王五",
        vec![(3, Response::Blanks(vec!["周调度".into(), "年总结".into()]))],
        10,
    );
    assert_eq!(
        grade(&z, &half).marks[3],
        QuestionMark {
            awarded: 100,
            verdict: Verdict::Partial
        }
    );
    assert_eq!(normalise(" ＡＢ c "), "abc");
    // Case is folded for Latin letters only; Chinese text and other scripts stay as written.
    assert_eq!(normalise("５Ｇ 网络"), "5g网络");
    assert_eq!(normalise("Éé"), "Éé");
}

#[test]
fn an_exam_package_cannot_be_graded_by_the_cadre() {
    let z = quiz().for_package();
    assert!(!z.has_answer_key());
    let a = sheet(&z, "李四", vec![(0, choice(&[2]))], 10);
    assert_eq!(grade(&z, &a).marks[0].verdict, Verdict::NoKey);
}

#[test]
fn statistics_rate_discriminate_and_find_the_popular_wrong_option() {
    let z = quiz();
    // Strong students get Q1 right; weak ones pick option B (index 1).
    let strong: Vec<Attempt> = (0..4)
        .map(|i| {
            sheet(
                &z,
                &format!("强{i}"),
                vec![
                    (0, choice(&[2])),
                    (1, choice(&[0, 1])),
                    (2, Response::TrueFalse(false)),
                ],
                10,
            )
        })
        .collect();
    let weak: Vec<Attempt> = (0..4)
        .map(|i| sheet(&z, &format!("弱{i}"), vec![(0, choice(&[1]))], 10))
        .collect();
    let all: Vec<&Attempt> = strong.iter().chain(weak.iter()).collect();
    let graded: Vec<Graded> = all.iter().map(|a| grade(&z, a)).collect();
    let stats = question_stats(&z, &all, &graded);
    assert_eq!(stats[0].correct_rate, Some(0.5));
    assert_eq!(
        stats[0].discrimination, None,
        "8 sheets are too few to tell"
    );
    assert_eq!(stats[0].top_wrong, Some((WrongAnswer::Option(1), 4)));
    // Q3 (判断) was answered by the four strong ones only, all right: 100 % of those who answered.
    assert_eq!((stats[2].answered, stats[2].correct_rate), (4, Some(1.0)));
    assert_eq!(stats[4].answered, 0);
    assert_eq!(stats[4].correct_rate, None);
    let bands = distribution(&graded);
    assert_eq!(bands[6], 4, "strong: 600 of 1000");
    assert_eq!(bands[0], 4);
    // With two more of each, there are enough sheets to tell strong from weak.
    let more: Vec<Attempt> = strong
        .iter()
        .chain(weak.iter())
        .take(2)
        .cloned()
        .chain(weak.iter().take(2).cloned())
        .collect();
    let twelve: Vec<&Attempt> = all.iter().copied().chain(more.iter()).collect();
    let graded: Vec<Graded> = twelve.iter().map(|a| grade(&z, a)).collect();
    assert_eq!(
        question_stats(&z, &twelve, &graded)[0].discrimination,
        Some(1.0)
    );
}

#[test]
fn a_hand_mark_counts_only_on_a_short_answer() {
    let quiz = quiz();
    let mut a = sheet(&quiz, "李四", vec![], 0);
    for position in 0..quiz.paper.len() {
        a.manual_points.insert(position, 2000);
    }
    let graded = grade(&quiz, &a);
    let short = quiz
        .paper
        .iter()
        .position(|q| q.kind == QuestionKind::ShortAnswer)
        .unwrap_or_default();
    assert_eq!(
        graded.score, quiz.paper[short].points,
        "only the 简答 mark, capped at its points"
    );
}

#[test]
fn wrong_true_false_answers_are_counted() {
    let z = quiz();
    let wrong: Vec<Attempt> = (0..3)
        .map(|i| {
            sheet(
                &z,
                &format!("人{i}"),
                vec![(2, Response::TrueFalse(true))],
                10,
            )
        })
        .collect();
    let all: Vec<&Attempt> = wrong.iter().collect();
    let graded: Vec<Graded> = all.iter().map(|a| grade(&z, a)).collect();
    let stats = question_stats(&z, &all, &graded);
    assert_eq!(stats[2].top_wrong, Some((WrongAnswer::TrueFalse(true), 3)));
    assert_eq!(stats[2].correct_rate, Some(0.0));
}

#[test]
fn the_score_table_lists_sheets_in_the_order_shown() {
    use super::score_table::{rows, submitted_text, wrong_text, HEAD};
    let z = quiz();
    let answers = vec![
        (0, choice(&[2])),
        (2, Response::TrueFalse(false)),
        (4, Response::Text("传达员".into())),
    ];
    let right = sheet(&z, "李四", answers, 10);
    let mut timed_out = sheet(&z, "王五", vec![], 20);
    timed_out.state = AttemptState::Submitted {
        submitted_at: DateTime::from_timestamp(20, 0).unwrap_or_default(),
        automatic: true,
    };
    let attempts = [&right, &timed_out];
    let graded: Vec<Graded> = attempts.iter().map(|a| grade(&z, a)).collect();
    let when = |t: DateTime<chrono::Utc>| format!("第{}秒", t.timestamp());
    let table = rows(&attempts, &graded, &[1, 0, 7], when);
    assert_eq!(table[0], HEAD.map(String::from).to_vec());
    assert_eq!(table.len(), 3, "a position with no sheet is left out");
    assert_eq!(table[1][0], "王五");
    assert_eq!(table[1][4], "不及格");
    assert_eq!(
        table[1][6..],
        ["第20秒".to_string(), "时间到自动交卷".to_string()]
    );
    assert_eq!(table[2][0], "李四");
    assert_eq!(
        table[2][2],
        crate::quiz::paper::points_text(graded[0].score)
    );
    assert_eq!(table[2][3], crate::quiz::paper::points_text(1000));
    assert_eq!(table[2][5], "1", "the answered 简答 waits for a person");
    assert_eq!(submitted_text(&timed_out, when), "第20秒（时间到自动交卷）");
    assert_eq!(submitted_text(&right, when), "第10秒");
    assert_eq!(wrong_text(&z.paper[0], &WrongAnswer::Option(3)), "D. 丁");
    assert_eq!(wrong_text(&z.paper[2], &WrongAnswer::TrueFalse(true)), "对");
}
