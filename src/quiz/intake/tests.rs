use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::*;
use crate::quiz::attempt::{Attempt, Respondent, Response};
use crate::quiz::model::{Answer, QuestionKind};
use crate::quiz::paper::{PaperQuestion, QuizMode, Reveal};
use crate::record::{DeviceId, Meta};
use crate::sorted::SortedSet;

fn at(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_000_000 + minutes * 60, 0).unwrap_or_default()
}

fn quiz() -> Quiz {
    Quiz {
        meta: Meta::new(&DeviceId("secretary".into()), at(0)),
        title: "上半年测验".into(),
        mode: QuizMode::Exam,
        paper: vec![PaperQuestion {
            question_id: uuid::Uuid::new_v4(),
            kind: QuestionKind::TrueFalse,
            stem: "诫勉对象应在5日内写出整改措施".into(),
            options: vec![],
            points: 2000,
            answer: Some(Answer::TrueFalse(true)),
            explanation: None,
            blanks: 0,
        }],
        pass_mark: 1200,
        time_limit_minutes: Some(30),
        opens: None,
        closes: Some(at(24 * 60)),
        shuffle_questions: false,
        shuffle_options: false,
        seed: 1,
        reveal: Reveal::ScoreOnly,
        deleted: false,
        author: None,
        sent_at: None,
        codes: Default::default(),
    }
}

/// 李四's sheet: started `start` minutes after the quiz was made, submitted `took` later.
fn sheet(quiz: &Quiz, name: &str, start: i64, took: i64) -> Attempt {
    let mut a = Attempt::start(
        Meta::new(&DeviceId(name.into()), at(start)),
        quiz.meta.id,
        Respondent {
            name: name.into(),
            unit: "城建办".into(),
        },
        at(start),
        quiz.time_limit_minutes,
        None,
    );
    let _ = a.answer(0, Response::TrueFalse(true), at(start + 1));
    let _ = a.submit(at(start + took), false);
    a
}

fn incoming(a: &Attempt) -> IncomingSheet {
    IncomingSheet {
        exporter: a.respondent.name.clone(),
        attempt: a.clone(),
    }
}

fn run(sheets: Vec<IncomingSheet>, quiz: &Quiz, existing: &[Attempt]) -> Vec<Intake> {
    let quizzes: HashMap<Id, &Quiz> = HashMap::from([(quiz.meta.id, quiz)]);
    intake(sheets, &quizzes, existing, &[])
}

#[test]
fn an_honest_sheet_is_taken_without_flags() {
    let q = quiz();
    let rows = run(vec![incoming(&sheet(&q, "李四", 60, 20))], &q, &[]);
    assert_eq!(rows[0].flags, vec![]);
    assert!(rows[0].taken_by_default());
}

#[test]
fn marks_in_a_file_are_dropped_and_said() {
    let q = quiz();
    let mut forged = sheet(&q, "李四", 60, 20);
    forged.manual_points.insert(0, 2000);
    let rows = run(vec![incoming(&forged)], &q, &[]);
    assert!(rows[0].attempt.manual_points.is_empty());
    assert!(rows[0].to_store().manual_points.is_empty());
    assert_eq!(rows[0].flags, vec![SheetFlag::MarksIgnored]);
    assert!(rows[0].taken_by_default(), "the answers still count");
}

#[test]
fn a_clock_that_cannot_be_right_is_flagged() {
    let q = quiz();
    // Three hours on a 30-minute quiz.
    let slow = sheet(&q, "李四", 60, 180);
    assert_eq!(
        run(vec![incoming(&slow)], &q, &[])[0].flags,
        vec![SheetFlag::OverTime { minutes: 180 }]
    );
    // Two minutes over is the automatic submission, not a flag.
    assert_eq!(
        run(vec![incoming(&sheet(&q, "李四", 60, 32))], &q, &[])[0].flags,
        vec![]
    );
    // Submitted before it was started.
    let mut backwards = sheet(&q, "李四", 60, 20);
    backwards.state = crate::quiz::attempt::AttemptState::Submitted {
        submitted_at: at(10),
        automatic: false,
    };
    // (Its answer, saved at minute 61, now falls after that "submission" too.)
    assert_eq!(
        run(vec![incoming(&backwards)], &q, &[])[0].flags,
        vec![
            SheetFlag::ClockInconsistent,
            SheetFlag::AnsweredOutOfTime { count: 1 }
        ]
    );
    // Started in the year 2000, long before the quiz existed.
    let mut old = sheet(&q, "李四", 60, 20);
    old.started_at = DateTime::from_timestamp(946_684_800, 0).unwrap_or_default();
    assert!(run(vec![incoming(&old)], &q, &[])[0]
        .flags
        .contains(&SheetFlag::ClockInconsistent));
}

#[test]
fn a_sheet_exported_by_someone_else_is_flagged() {
    let q = quiz();
    let mut other = incoming(&sheet(&q, "赵六", 60, 20));
    other.exporter = "李四".into();
    assert_eq!(
        run(vec![other], &q, &[])[0].flags,
        vec![SheetFlag::NotFromRespondent {
            exporter: "李四".into()
        }]
    );
}

#[test]
fn an_edited_sheet_does_not_shut_out_the_genuine_one() {
    let q = quiz();
    let genuine = sheet(&q, "李四", 60, 20);
    let mut edited = genuine.clone();
    let _ = edited.answers.insert(0, Response::TrueFalse(false));
    // The edited copy came first and was taken in; the genuine one is not refused as a repeat
    // but shown as different, with the copy already here, for the secretary to choose.
    let rows = run(vec![incoming(&genuine)], &q, std::slice::from_ref(&edited));
    assert_eq!(rows[0].flags, vec![SheetFlag::ChangedSinceImport]);
    assert!(!rows[0].taken_by_default());
    assert_eq!(rows[0].earlier.as_ref(), Some(&edited));
    // The very same sheet again is a plain repeat.
    let rows = run(vec![incoming(&edited)], &q, std::slice::from_ref(&edited));
    assert_eq!(rows[0].flags, vec![SheetFlag::AlreadyImported]);
    // Two different copies in one batch: the second is told apart from the first.
    let rows = run(vec![incoming(&edited), incoming(&genuine)], &q, &[]);
    assert_eq!(rows[0].flags, vec![]);
    assert_eq!(rows[1].flags, vec![SheetFlag::ChangedSinceImport]);
}

#[test]
fn choosing_the_changed_copy_keeps_marks_only_where_the_answer_is_the_same() {
    let q = quiz();
    let mut here = sheet(&q, "李四", 60, 20);
    here.manual_points.insert(0, 500);
    let _ = here.answers.insert(1, Response::Text("原来的回答".into()));
    here.manual_points.insert(1, 700);
    let mut again = here.clone();
    again.manual_points.clear();
    let _ = again.answers.insert(1, Response::Text("改过的回答".into()));
    let rows = run(vec![incoming(&again)], &q, std::slice::from_ref(&here));
    let stored = rows[0].to_store();
    assert_eq!(stored.manual_points.get(&0), Some(&500));
    assert_eq!(stored.manual_points.get(&1), None);
}

#[test]
fn sheets_for_other_quizzes_or_unfinished_are_left_out() {
    let q = quiz();
    let mut unfinished = sheet(&q, "李四", 60, 20);
    unfinished.state = crate::quiz::attempt::AttemptState::InProgress {
        deadline: None,
        marked: SortedSet::new(),
        code: None,
    };
    let mut elsewhere = sheet(&q, "赵六", 60, 20);
    elsewhere.quiz_id = uuid::Uuid::new_v4();
    let rows = run(vec![incoming(&unfinished), incoming(&elsewhere)], &q, &[]);
    assert_eq!(rows[0].flags, vec![SheetFlag::NotSubmitted]);
    assert_eq!(rows[1].flags, vec![SheetFlag::OtherQuiz]);
    assert!(rows.iter().all(|r| !r.taken_by_default()));
}

#[test]
fn a_second_sheet_from_one_person_is_taken_and_flagged() {
    let q = quiz();
    let first = sheet(&q, "李四", 60, 20);
    let second = sheet(&q, "李四", 120, 20);
    let rows = run(vec![incoming(&second)], &q, std::slice::from_ref(&first));
    assert_eq!(rows[0].flags, vec![SheetFlag::Duplicate]);
    assert!(rows[0].taken_by_default());
}

/// 李四 of 城建办, as the roster has him.
fn li_si_of_the_roster() -> crate::roster::model::Cadre {
    crate::roster::model::Cadre::new(
        Meta::new(&DeviceId("s".into()), at(0)),
        crate::roster::model::CadreFields {
            name: "李四".into(),
            unit: "城建办".into(),
            post: String::new(),
            phone: String::new(),
        },
    )
}

#[test]
fn a_unit_typed_another_way_counts_for_the_roster_person_and_reads_the_same_again() {
    let q = quiz();
    let roster = [li_si_of_the_roster()];
    let mut typed = sheet(&q, "李四", 60, 20);
    typed.respondent.unit = "城建办公室".into();
    let quizzes: HashMap<Id, &Quiz> = HashMap::from([(q.meta.id, &q)]);
    let rows = intake(vec![incoming(&typed)], &quizzes, &[], &roster);
    assert_eq!(
        rows[0].flags,
        vec![SheetFlag::UnitWrittenDifferently {
            typed: "城建办公室".into(),
            roster: "城建办".into()
        }]
    );
    assert_eq!(rows[0].attempt.respondent.unit, "城建办");
    assert!(rows[0].taken_by_default());
    // The same file again is recognised as the sheet already taken in.
    let stored = rows[0].to_store();
    let again = intake(vec![incoming(&typed)], &quizzes, &[stored], &roster);
    assert!(
        again[0].flags.contains(&SheetFlag::AlreadyImported),
        "{:?}",
        again[0].flags
    );
    // Someone the roster does not know is counted as written, and said so.
    let stranger = sheet(&q, "路人", 60, 20);
    let rows = intake(vec![incoming(&stranger)], &quizzes, &[], &roster);
    assert_eq!(rows[0].flags, vec![SheetFlag::NotInRoster]);
}

#[test]
fn sheets_of_a_quiz_with_codes_are_checked_as_they_came() {
    use crate::quiz::check_code::{code_for, AnswerCodes};
    let mut q = quiz();
    q.codes = AnswerCodes::Keyed { key: "k".into() };
    let signed = |name: &str, unit: &str, code: Option<String>| {
        let mut a = Attempt::start(
            Meta::new(&DeviceId(name.into()), at(60)),
            q.meta.id,
            Respondent {
                name: name.into(),
                unit: unit.into(),
            },
            at(60),
            q.time_limit_minutes,
            code,
        );
        let _ = a.answer(0, Response::TrueFalse(false), at(61));
        let _ = a.submit(at(70), false);
        a
    };
    let roster = [li_si_of_the_roster()];
    let quizzes: HashMap<Id, &Quiz> = HashMap::from([(q.meta.id, &q)]);
    // Honest, with the unit typed another way: the check covers the sheet as typed.
    let honest = signed("李四", "城建办公室", Some(code_for("k", "李四")));
    let rows = intake(vec![incoming(&honest)], &quizzes, &[], &roster);
    assert!(
        !rows[0].flags.contains(&SheetFlag::CheckMismatch),
        "{:?}",
        rows[0].flags
    );
    assert!(rows[0].taken_by_default());
    // Its answer changed in the file: found, and left out unless the secretary takes it.
    let mut edited = honest.clone();
    edited.answers.insert(0, Response::TrueFalse(true));
    let rows = intake(vec![incoming(&edited)], &quizzes, &[], &roster);
    assert!(rows[0].flags.contains(&SheetFlag::CheckMismatch));
    assert!(!rows[0].taken_by_default());
    // Made without a code (an older app, or by hand): flagged, still taken.
    let rows = intake(
        vec![incoming(&signed("李四", "城建办", None))],
        &quizzes,
        &[],
        &roster,
    );
    assert_eq!(rows[0].flags, vec![SheetFlag::NoCheck]);
    assert!(rows[0].taken_by_default());
}

#[test]
fn sheet_files_are_read_together_and_a_bad_one_is_a_row_of_its_own() {
    use crate::exchange::envelope::{Envelope, Exporter, FileKind};
    use files::read_sheets;
    let z = quiz();
    let file_of = |a: &Attempt| {
        let exporter = Exporter {
            name: a.respondent.name.clone(),
            unit: a.respondent.unit.clone(),
            post: String::new(),
            device_id: DeviceId(a.respondent.name.clone()),
        };
        let mut records = crate::sorted::SortedMap::new();
        let value = serde_json::to_value(a).unwrap_or_default();
        records.insert("attempts".to_string(), vec![value]);
        Envelope::new(FileKind::AnswerSheet, exporter, at(100), records)
            .to_json()
            .into_bytes()
    };
    let files = vec![
        ("李四.json".to_string(), file_of(&sheet(&z, "李四", 10, 20))),
        ("坏文件.json".to_string(), b"{\"format\": ".to_vec()),
        ("王五.json".to_string(), file_of(&sheet(&z, "王五", 12, 20))),
    ];
    let rows = read_sheets(files, std::slice::from_ref(&z), &[], &[]);
    let names: Vec<&str> = rows.iter().map(|r| r.file.as_str()).collect();
    assert_eq!(names, ["坏文件.json", "李四.json", "王五.json"]);
    assert!(rows[0].sheet.as_ref().is_err_and(|m| !m.is_empty()));
    let taken: Vec<&str> = rows[1..]
        .iter()
        .filter_map(|r| r.sheet.as_ref().ok())
        .map(|i| i.attempt.respondent.name.as_str())
        .collect();
    assert_eq!(taken, ["李四", "王五"]);
}
