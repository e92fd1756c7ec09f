use chrono::DateTime;

use super::*;
use crate::paper::read::read_page;
use crate::paper::synth::{draw, Pen, Scan};
use crate::quiz::grading::grade;
use crate::quiz::model::Answer;
use crate::quiz::paper::{PaperQuestion, QuizMode, Reveal};
use crate::roster::model::CadreFields;
use crate::sorted::SortedSet;

fn device() -> DeviceId {
    DeviceId("office".into())
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default()
}

fn question(kind: QuestionKind, options: usize, answer: Answer) -> PaperQuestion {
    PaperQuestion {
        question_id: uuid::Uuid::new_v4(),
        kind,
        stem: "题".into(),
        options: (0..options).map(|i| format!("选项{i}")).collect(),
        points: 500,
        answer: Some(answer),
        explanation: None,
        blanks: 0,
    }
}

/// Twenty questions mixed as a paper lists them: 单选 (A right), 多选 (A and C), 判断 (对).
fn quiz(codes: bool) -> Quiz {
    let paper = (0..20)
        .map(|i| match i % 4 {
            0 | 1 => question(
                QuestionKind::Single,
                4,
                Answer::Choice(SortedSet::from([0])),
            ),
            2 => question(
                QuestionKind::Multiple,
                5,
                Answer::Choice(SortedSet::from([0, 2])),
            ),
            _ => question(QuestionKind::TrueFalse, 0, Answer::TrueFalse(true)),
        })
        .collect();
    Quiz {
        meta: Meta::new(&device(), now()),
        title: "上半年测验".into(),
        mode: QuizMode::Exam,
        paper,
        pass_mark: 6000,
        time_limit_minutes: Some(60),
        opens: None,
        closes: None,
        shuffle_questions: false,
        shuffle_options: false,
        seed: 7,
        reveal: Reveal::ScoreOnly,
        deleted: false,
        author: Some(device()),
        sent_at: None,
        codes: if codes {
            AnswerCodes::Keyed {
                key: "k-2026".into(),
            }
        } else {
            AnswerCodes::None
        },
    }
}

/// The office's key of a quiz made with codes.
fn key_of(q: &Quiz) -> String {
    match &q.codes {
        AnswerCodes::Keyed { key } => key.clone(),
        _ => String::new(),
    }
}

fn roster() -> Vec<Cadre> {
    ["张三", "李四", "王五", "欧阳娜娜"]
        .iter()
        .map(|name| {
            Cadre::new(
                Meta::new(&device(), now()),
                CadreFields {
                    name: (*name).into(),
                    unit: "党政办".into(),
                    post: String::new(),
                    phone: String::new(),
                },
            )
        })
        .collect()
}

/// The boxes to mark for `code` and for every row answered right (or `wrong` rows answered B).
fn marks(card: &Card, code: &str, wrong: &[usize]) -> Vec<(usize, Pen)> {
    let pens = [Pen::Tick, Pen::Cross, Pen::Fill];
    let mut out: Vec<(usize, Pen)> = code
        .bytes()
        .enumerate()
        .map(|(c, d)| (c * 10 + usize::from(d - b'0'), pens[c % 3]))
        .collect();
    for (i, row) in card.rows.iter().enumerate() {
        let Some(g) = group_of(Slot::Row(i), card) else {
            continue;
        };
        let chosen: &[usize] = match (row.kind, wrong.contains(&i)) {
            (_, true) => &[1],
            (QuestionKind::Multiple, false) => &[0, 2],
            _ => &[0],
        };
        out.extend(chosen.iter().map(|o| (g.first + o, pens[i % 3])));
    }
    out
}

fn scan(card: &Card, quiz: &Quiz, number: u32, marks: &[(usize, Pen)], scan: Scan) -> Page {
    let code = code(quiz, number).expect("in range");
    read_page(&draw(&card.layout, code, marks, scan), &card.layout).expect("reads")
}

#[test]
fn a_card_holds_the_code_grid_and_a_section_per_kind_within_the_frame() {
    let q = quiz(true);
    let card = card(&q).expect("fits");
    assert!(card.codes);
    assert_eq!(card.layout.groups.len(), CODE_DIGITS + 20);
    assert_eq!(card.rows.len(), 20);
    assert!(card.layout.fits());
    let kinds: Vec<QuestionKind> = card.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            QuestionKind::Single,
            QuestionKind::Multiple,
            QuestionKind::TrueFalse
        ]
    );
    // Rows keep the paper's numbers: the 单选 section lists questions 1, 2, 5, 6 …
    let singles: Vec<usize> = card.rows.iter().take(4).map(|r| r.position).collect();
    assert_eq!(singles, [0, 1, 4, 5]);
    // No box of one row overlaps another's.
    for (i, a) in card.layout.boxes.iter().enumerate() {
        for b in &card.layout.boxes[i + 1..] {
            let apart =
                a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
            assert!(apart, "{a:?} overlaps {b:?}");
        }
    }
    let without = card_without_codes();
    assert!(!without.codes && without.layout.groups.len() == 20);
}

fn card_without_codes() -> Card {
    card(&quiz(false)).expect("fits")
}

#[test]
fn fill_blanks_and_too_many_questions_are_refused_with_the_reason() {
    let mut q = quiz(true);
    q.paper[3] = question(
        QuestionKind::FillBlank,
        0,
        Answer::Blanks(vec![vec!["甲".into()]]),
    );
    let Err(e @ CardError::FillBlanks(_)) = card(&q) else {
        panic!("a 填空 cannot be read");
    };
    assert!(e.message().contains("第 4 题"));
    let mut big = quiz(true);
    big.paper = (0..300)
        .map(|_| {
            question(
                QuestionKind::Single,
                4,
                Answer::Choice(SortedSet::from([0])),
            )
        })
        .collect();
    assert!(matches!(card(&big), Err(CardError::TooMany { rows: 300 })));
    // What a card can hold at most still fits the frame.
    let mut most = quiz(true);
    let fits = (1..300)
        .take_while(|n| {
            most.paper = (0..*n)
                .map(|_| {
                    question(
                        QuestionKind::Single,
                        4,
                        Answer::Choice(SortedSet::from([0])),
                    )
                })
                .collect();
            card(&most).is_ok()
        })
        .count();
    assert!(fits >= 80, "{fits} 单选 on one card");
    let mut only_written = quiz(true);
    only_written.paper = vec![question(
        QuestionKind::ShortAnswer,
        0,
        Answer::Reference("参考".into()),
    )];
    assert_eq!(card(&only_written), Err(CardError::NoObjective));
}

#[test]
fn a_changed_paper_prints_another_form_number() {
    let q = quiz(true);
    let mut changed = q.clone();
    changed.paper[2] = question(
        QuestionKind::Single,
        4,
        Answer::Choice(SortedSet::from([0])),
    );
    assert_ne!(form_number(&q), form_number(&changed));
    let card = card(&q).expect("fits");
    let page = scan(&card, &changed, 3, &[], Scan::default());
    assert!(read(&page, &card, &q).is_err(), "another quiz's card");
}

#[test]
fn a_marked_card_reads_as_the_coded_person_and_grades_as_marked() {
    let q = quiz(true);
    let card = card(&q).expect("fits");
    let people = roster();
    let key = key_of(&q);
    let code = code_for(&key, "欧阳娜娜");
    let wrong = [2, 9];
    let page = scan(
        &card,
        &q,
        12,
        &marks(&card, &code, &wrong),
        Scan {
            turn_degrees: 1.5,
            noise: 12,
            blur: true,
            ..Scan::default()
        },
    );
    let read = read(&page, &card, &q).expect("this quiz's card");
    assert_eq!(read.number, 12);
    assert_eq!(read.unclear(&card), []);
    let settled = read
        .settled(&card, &Decisions::new())
        .expect("nothing to decide");
    assert_eq!(settled.code.as_deref(), Some(code.as_str()));
    let Owner::Coded(who) = owner(&settled, &q, &people) else {
        panic!("the code is 欧阳娜娜's");
    };
    assert_eq!(who.name, "欧阳娜娜");
    let respondent = Respondent {
        name: who.name.clone(),
        unit: who.unit.clone(),
    };
    let sheet = attempt(&settled, &q, respondent, true, &device(), now());
    assert_eq!(sheet.meta.id, card_sheet_id(q.meta.id, 12));
    assert_eq!(sheet.paper_card, Some(12));
    assert_eq!(
        crate::quiz::check_code::verify(&q, &sheet),
        Some(crate::quiz::check_code::CheckFinding::Matches)
    );
    let graded = grade(&q, &sheet);
    assert_eq!(graded.score, 18 * 500, "two rows answered wrong");
}

#[test]
fn two_marks_a_faint_one_and_a_blank_digit_wait_for_a_person() {
    let q = quiz(true);
    let card = card(&q).expect("fits");
    let key = key_of(&q);
    let code = code_for(&key, "李四");
    let mut m = marks(&card, &code, &[]);
    // Digit 3 left blank; 单选 row 0 marked twice; 判断 row 16 in light pencil instead.
    m.retain(|(b, _)| *b / 10 != 2 || *b >= 60);
    let g0 = group_of(Slot::Row(0), &card).expect("row");
    m.push((g0.first + 3, Pen::Cross));
    let g16 = group_of(Slot::Row(16), &card).expect("row");
    m.retain(|(b, _)| !(g16.first..g16.first + g16.len).contains(b));
    m.push((g16.first, Pen::Light));
    let page = scan(&card, &q, 4, &m, Scan::default());
    let read = read(&page, &card, &q).expect("this quiz");
    assert_eq!(
        read.unclear(&card),
        [Slot::Digit(2), Slot::Row(0), Slot::Row(16)]
    );
    assert!(read.settled(&card, &Decisions::new()).is_none());
    let digit = usize::from(code.as_bytes()[2] - b'0');
    let decided = Decisions::from([
        (Slot::Digit(2), SortedSet::from([digit])),
        (Slot::Row(0), SortedSet::from([0])),
        (Slot::Row(16), SortedSet::new()),
    ]);
    let settled = read.settled(&card, &decided).expect("all decided");
    assert_eq!(settled.code.as_deref(), Some(code.as_str()));
    assert_eq!(
        settled.answers.get(&0),
        Some(&Response::Choice(SortedSet::from([0])))
    );
    let tf = card.rows[16].position;
    assert_eq!(settled.answers.get(&tf), None, "decided as left blank");
    assert!(matches!(owner(&settled, &q, &roster()), Owner::Coded(c) if c.name == "李四"));
}

#[test]
fn a_wrong_digit_or_a_stranger_s_code_is_named_not_guessed() {
    let q = quiz(true);
    let people = roster();
    let key = key_of(&q);
    let code = code_for(&key, "王五");
    let mut bad = code.clone().into_bytes();
    bad[0] = b'0' + (bad[0] - b'0' + 1) % 10;
    let bad = String::from_utf8(bad).unwrap_or_default();
    let settled = |code: &str| Settled {
        number: 1,
        code: Some(code.into()),
        answers: SortedMap::new(),
    };
    assert_eq!(
        owner(&settled(&bad), &q, &people),
        Owner::CheckDigit(bad.clone())
    );
    let stranger = code_for(&key, "赵六");
    assert_eq!(
        owner(&settled(&stranger), &q, &people),
        Owner::Nobody(stranger.clone())
    );
    // Without codes a person reads the name on the card; no check is signed.
    let plain = quiz(false);
    let card = card_without_codes();
    let page = scan(&card, &plain, 2, &[], Scan::default());
    let read = read(&page, &card, &plain).expect("this quiz");
    let s = read.settled(&card, &Decisions::new()).expect("blank card");
    assert_eq!(owner(&s, &plain, &people), Owner::Uncoded);
    let who = Respondent {
        name: "张三".into(),
        unit: "党政办".into(),
    };
    let sheet = attempt(&s, &plain, who, false, &device(), now());
    assert!(sheet.check.is_none() && sheet.answers.is_empty());
}

#[test]
fn written_answers_wait_to_be_marked_from_the_paper() {
    let mut q = quiz(true);
    q.paper.push(question(
        QuestionKind::ShortAnswer,
        0,
        Answer::Reference("参考".into()),
    ));
    let card = card(&q).expect("fits");
    assert_eq!(card.written, [20]);
    let read = CardRead {
        number: 1,
        digits: vec![Choice::One(0); CODE_DIGITS],
        rows: vec![Choice::Blank; card.rows.len()],
    };
    let s = read.settled(&card, &Decisions::new()).expect("clear");
    assert_eq!(s.answers.get(&20), Some(&Response::Text(ON_PAPER.into())));
    let who = Respondent {
        name: "张三".into(),
        unit: "党政办".into(),
    };
    let graded = grade(&q, &attempt(&s, &q, who, false, &device(), now()));
    assert_eq!(graded.pending, 1);
}

#[test]
fn the_outcome_waits_for_boxes_then_for_a_person_then_is_a_sheet() {
    let q = quiz(true);
    let card = card(&q).expect("fits");
    let people = roster();
    let stranger = code_for(&key_of(&q), "赵六");
    let digits = stranger
        .bytes()
        .map(|d| Choice::One(usize::from(d - b'0')))
        .collect();
    let mut rows = vec![Choice::Blank; card.rows.len()];
    rows[1] = Choice::Several(vec![0, 1]);
    let read = CardRead {
        number: 9,
        digits,
        rows,
    };
    let at = |decided: &Decisions, chosen: Option<&Cadre>| {
        outcome(&read, &card, &q, &people, decided, chosen, &device(), now())
    };
    assert_eq!(
        at(&Decisions::new(), None),
        Outcome::Decide(vec![Slot::Row(1)])
    );
    let decided = Decisions::from([(Slot::Row(1), SortedSet::from([1]))]);
    let Outcome::ChoosePerson(why) = at(&decided, None) else {
        panic!("nobody has this code");
    };
    assert!(why.contains(&stranger) && why.contains("选出答题人"));
    let Outcome::Sheet(sheet) = at(&decided, Some(&people[2])) else {
        panic!("chosen by hand");
    };
    assert_eq!(sheet.respondent.name, "王五");
    assert!(
        sheet.check.is_none(),
        "no code check for a person chosen by hand"
    );
    let position = card.rows[1].position;
    assert_eq!(
        sheet.answers.get(&position),
        Some(&Response::Choice(SortedSet::from([1])))
    );
}

#[test]
fn a_card_read_twice_is_taken_once_and_a_hand_chosen_person_is_flagged() {
    use crate::quiz::intake::{intake, IncomingSheet};
    let q = quiz(true);
    let people = roster();
    let key = key_of(&q);
    let settled = |number: u16, name: &str| Settled {
        number,
        code: Some(code_for(&key, name)),
        answers: SortedMap::from([(0, Response::Choice(SortedSet::from([0])))]),
    };
    let who = |c: &Cadre| Respondent {
        name: c.name.clone(),
        unit: c.unit.clone(),
    };
    // Card 1 read twice, card 2, and card 3 (a code of nobody's) given to 王五 by hand.
    let sheets = [
        (1, "张三", 0, true),
        (2, "李四", 1, true),
        (1, "张三", 0, true),
        (3, "赵六", 2, false),
    ]
    .map(|(n, coded, person, signed)| {
        attempt(
            &settled(n, coded),
            &q,
            who(&people[person]),
            signed,
            &device(),
            now(),
        )
    });
    let incoming = sheets
        .iter()
        .map(|a| IncomingSheet {
            exporter: String::new(),
            attempt: a.clone(),
        })
        .collect();
    let quizzes = std::collections::HashMap::from([(q.meta.id, &q)]);
    let checked = intake(incoming, &quizzes, &[], &people);
    let (stored, told) = taken(&checked);
    assert_eq!(stored.len(), 3);
    assert_eq!(
        told,
        "已计入 3 份答卷，可在“成绩”中查看。第 1 张卡没有计入：已经阅过（或扫了两次），只计一次。王五：答卷没有答题码核对信息（不是凭答题码作答的）。"
    );
    // Scanned again a day later, an unchanged card is already in; a card read otherwise waits.
    let later = now() + chrono::Duration::days(1);
    let again = attempt(
        &settled(2, "李四"),
        &q,
        who(&people[1]),
        true,
        &device(),
        later,
    );
    let rescanned = intake(
        vec![IncomingSheet {
            exporter: String::new(),
            attempt: again,
        }],
        &quizzes,
        &stored,
        &people,
    );
    assert_eq!(rescanned[0].flags, [SheetFlag::AlreadyImported]);
    let mut other = sheets[1].clone();
    other.answers.clear();
    let again = intake(
        vec![IncomingSheet {
            exporter: String::new(),
            attempt: other,
        }],
        &quizzes,
        &stored,
        &people,
    );
    assert!(!again[0].taken_by_default());
    assert!(again[0].flags.contains(&SheetFlag::ChangedSinceImport));
}

#[test]
fn one_key_decides_a_slot() {
    let q = quiz(true);
    let card = card(&q).expect("fits");
    let (single, multiple, tf) = (Slot::Row(0), Slot::Row(10), Slot::Row(15));
    assert_eq!(card.rows[10].kind, QuestionKind::Multiple);
    assert_eq!(card.rows[15].kind, QuestionKind::TrueFalse);
    assert_eq!(key_pick(Slot::Digit(3), &card, "7"), Some(KeyPick::Box(7)));
    assert_eq!(key_pick(Slot::Digit(3), &card, "a"), None);
    assert_eq!(key_pick(single, &card, "c"), Some(KeyPick::Box(2)));
    assert_eq!(key_pick(single, &card, "C"), Some(KeyPick::Box(2)));
    assert_eq!(key_pick(single, &card, "3"), Some(KeyPick::Box(2)));
    assert_eq!(key_pick(single, &card, "E"), None, "four options");
    assert_eq!(key_pick(single, &card, "5"), None);
    assert_eq!(key_pick(single, &card, "Delete"), Some(KeyPick::Nothing));
    assert_eq!(key_pick(single, &card, "0"), Some(KeyPick::Nothing));
    assert_eq!(key_pick(single, &card, "Enter"), None);
    assert_eq!(key_pick(multiple, &card, "Enter"), Some(KeyPick::Take));
    assert_eq!(key_pick(multiple, &card, "e"), Some(KeyPick::Box(4)));
    assert_eq!(key_pick(tf, &card, "2"), Some(KeyPick::Box(1)), "错");
    assert_eq!(key_pick(tf, &card, "c"), None);
    assert_eq!(key_pick(tf, &card, "Tab"), None);
}
