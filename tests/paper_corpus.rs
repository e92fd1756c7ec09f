//! The paper reader on a corpus of scans the test makes itself: the app's own ballot and answer
//! card layouts, marked as people mark (filled, ticked, crossed, light pencil, rubbed out, a
//! tick running out of its box, a ring round a box), then put through what scanners and hands do
//! to paper — a turn of up to 3°, scale ±3 %, shift, noise, blur, a fold, one page upside down,
//! one page fed twice, 150 or 200 dpi — and through JPEG at quality 60–85 and back. The truth is
//! kept beside each page. On the corpus every box is read right or flagged for a person (never
//! wrong and unflagged), at most 2 % of the boxes are flagged, and every page is placed.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use zuofeng::assessment::ballot_sheet;
use zuofeng::paper::code::SheetCode;
use zuofeng::paper::geometry::Pt;
use zuofeng::paper::image::Gray;
use zuofeng::paper::layout::Layout;
use zuofeng::paper::read::{read_page, Mark};
use zuofeng::paper::synth::{draw, Pen, Scan};
use zuofeng::quiz::answer_card;
use zuofeng::quiz::check_code::AnswerCodes;
use zuofeng::quiz::model::{Answer, QuestionKind};
use zuofeng::quiz::paper::{PaperQuestion, Quiz, QuizMode, Reveal};
use zuofeng::record::{DeviceId, Meta};

/// A tiny fixed generator: the corpus is the same on every run.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A number in [lo, hi].
    fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.below(10_001) as f64 / 10_000.0)
    }
}

/// What a box holds in truth, and so what reading it may say.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Truth {
    /// A mark meant as a mark: read marked, or flagged.
    Marked,
    /// Nothing meant: read empty, or flagged (a rubbed-out mark, a stroke from the next box).
    Empty,
}

fn truth_of(pen: Pen) -> Truth {
    match pen {
        Pen::Fill | Pen::Tick | Pen::Cross | Pen::Light | Pen::Spill | Pen::Circle(_) => {
            Truth::Marked
        }
        Pen::Erased => Truth::Empty,
    }
}

/// One row's marks: mostly one box filled, ticked or crossed; now and then light pencil, a
/// ring round the box, a rubbed-out first try beside the mark, or a tick running out of its box.
fn marks_for_row(dice: &mut Dice, first: usize, len: usize, out: &mut Vec<(usize, Pen)>) {
    if dice.below(12) == 0 {
        return; // left blank
    }
    let chosen = first + dice.below(len as u64) as usize;
    let pen = match dice.below(200) {
        0..=59 => Pen::Fill,
        60..=129 => Pen::Tick,
        130..=191 => Pen::Cross,
        192..=193 => Pen::Light,
        194 => Pen::Circle(0.3),
        195 => Pen::Circle(1.2),
        196 => Pen::Circle(1.6),
        _ => Pen::Spill,
    };
    out.push((chosen, pen));
    if dice.below(100) == 0 {
        let other = first + (chosen - first + 1) % len;
        out.push((other, Pen::Erased));
    }
}

fn quiz() -> Quiz {
    let device = DeviceId("corpus".into());
    let question = |kind: QuestionKind, options: usize| PaperQuestion {
        question_id: uuid::Uuid::new_v4(),
        kind,
        stem: "题".into(),
        options: (0..options).map(|i| format!("{i}")).collect(),
        points: 500,
        answer: Some(Answer::Choice(BTreeSet::from([0]))),
        explanation: None,
        blanks: 0,
    };
    Quiz {
        meta: Meta::new(&device, chrono::DateTime::default()),
        title: "语料".into(),
        mode: QuizMode::Exam,
        paper: (0..30)
            .map(|i| match i % 3 {
                0 => question(QuestionKind::Single, 4),
                1 => question(QuestionKind::Multiple, 5),
                _ => question(QuestionKind::TrueFalse, 0),
            })
            .collect(),
        pass_mark: 6000,
        time_limit_minutes: None,
        opens: None,
        closes: None,
        shuffle_questions: false,
        shuffle_options: false,
        seed: 1,
        reveal: Reveal::ScoreOnly,
        deleted: false,
        author: Some(device),
        sent_at: None,
        codes: AnswerCodes::Keyed { key: "k".into() },
    }
}

/// The page through a scanner's JPEG at `quality` and back, as the browser would decode it.
fn through_jpeg(page: &Gray, quality: u8) -> Gray {
    let mut bytes = Vec::new();
    let (w, h) = (page.width as u16, page.height as u16);
    jpeg_encoder::Encoder::new(&mut bytes, quality)
        .encode(&page.pixels, w, h, jpeg_encoder::ColorType::Luma)
        .expect("encodes");
    let pixels = jpeg_decoder::Decoder::new(&bytes[..])
        .decode()
        .expect("decodes");
    Gray {
        width: page.width,
        height: page.height,
        pixels,
    }
}

struct Sheet {
    layout: Layout,
    code: SheetCode,
    marks: Vec<(usize, Pen)>,
    scan: Scan,
    quality: u8,
}

#[test]
fn every_box_of_the_corpus_is_read_right_or_flagged_and_few_are_flagged() {
    let mut dice = Dice(0x5eed_2026_1203);
    let ballot = ballot_sheet::layout(30).expect("30 fit");
    let q = quiz();
    let card = answer_card::card(&q).expect("fits").layout;
    let mut sheets = Vec::new();
    for n in 0..24u16 {
        let (layout, code) = if n % 2 == 0 {
            let code = ballot_sheet::code(uuid::Uuid::from_u128(9), 1, u32::from(n) + 1);
            (ballot.clone(), code.expect("code"))
        } else {
            (
                card.clone(),
                answer_card::code(&q, u32::from(n) + 1).expect("code"),
            )
        };
        let mut marks = Vec::new();
        for g in &layout.groups {
            marks_for_row(&mut dice, g.first, g.len, &mut marks);
        }
        let scan = Scan {
            dpi: if n % 3 == 0 { 200.0 } else { 150.0 },
            turn_degrees: dice.between(-3.0, 3.0),
            scale: dice.between(0.97, 1.03),
            shift: Pt::new(dice.between(-3.0, 3.0), dice.between(-3.0, 3.0)),
            upside_down: n == 5,
            noise: dice.below(16) as u8,
            blur: n % 2 == 1,
            fold: (n % 4 == 2).then(|| dice.between(60.0, 240.0)),
        };
        let quality = 60 + dice.below(26) as u8;
        sheets.push(Sheet {
            layout,
            code,
            marks,
            scan,
            quality,
        });
    }
    // One page fed twice: it reads as the same sheet both times.
    let twice = Sheet {
        layout: sheets[3].layout.clone(),
        code: sheets[3].code,
        marks: sheets[3].marks.clone(),
        scan: Scan {
            turn_degrees: -1.0,
            ..sheets[3].scan
        },
        quality: 80,
    };
    sheets.push(twice);

    let (mut boxes, mut flagged, mut wrong) = (0usize, 0usize, Vec::new());
    // Boxes flagged with nothing on them at all: what the flagging costs the clerk for nothing.
    let mut idle = 0usize;
    for (n, s) in sheets.iter().enumerate() {
        let image = through_jpeg(&draw(&s.layout, s.code, &s.marks, s.scan), s.quality);
        let page = read_page(&image, &s.layout)
            .unwrap_or_else(|e| panic!("page {n} not placed: {}", e.message()));
        assert_eq!(page.code, s.code, "page {n}'s code");
        assert_eq!(page.upside_down, s.scan.upside_down, "page {n}");
        for (i, b) in page.boxes.iter().enumerate() {
            let truth = s
                .marks
                .iter()
                .find(|(at, _)| *at == i)
                .map_or(Truth::Empty, |(_, pen)| truth_of(*pen));
            boxes += 1;
            let pen = s.marks.iter().find(|(at, _)| *at == i).map(|(_, p)| *p);
            match (truth, b.mark) {
                (_, Mark::Unsure) => {
                    flagged += 1;
                    idle += usize::from(pen.is_none());
                }
                (Truth::Marked, Mark::Marked) | (Truth::Empty, Mark::Empty) => {}
                _ => wrong.push(format!(
                    "page {n} box {i}: {truth:?} read {:?} (ink {:.3}, shade {:.3}; {:?}, JPEG {})",
                    b.mark, b.ink, b.shade, s.scan, s.quality
                )),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "read wrong and not flagged:\n{}",
        wrong.join("\n")
    );
    let share = flagged as f64 / boxes as f64;
    let count = |pick: fn(&Pen) -> bool| {
        sheets
            .iter()
            .flat_map(|s| &s.marks)
            .filter(|(_, p)| pick(p))
            .count()
    };
    let (rings, light) = (
        count(|p| matches!(p, Pen::Circle(_))),
        count(|p| matches!(p, Pen::Light)),
    );
    println!(
        "corpus: {} pages, {boxes} boxes, {flagged} flagged ({:.2} %): {rings} rings, {light} light marks, {idle} boxes with nothing on them",
        sheets.len(),
        share * 100.0
    );
    assert!(
        rings >= 4 && light >= 4,
        "the corpus holds rings and light marks"
    );
    assert!(share <= 0.02, "{flagged} of {boxes} boxes flagged");
    assert!(flagged > 0, "the corpus holds marks a person must look at");
}
