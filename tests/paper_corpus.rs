//! The paper reader on a corpus of scans the test makes itself: the app's own ballot and answer
//! card layouts — drawn, and as Chromium printed them from the app and pdftoppm rasterised them
//! (`tests/fixtures/paper/blank-*.jpg`, made by `tests/e2e/make-paper-blanks.mjs`) — marked as
//! people mark (filled, ticked, crossed, light pencil, rubbed out, a
//! tick running out of its box, a ring round a box), then put through what scanners and hands do
//! to paper — a turn of up to 3°, scale ±3 %, shift, noise, blur, a fold, one page upside down,
//! one page fed twice, 150 or 200 dpi — and through JPEG at quality 60–85 and back. The truth is
//! kept beside each page. On the corpus every box is read right or flagged for a person (never
//! wrong and unflagged), at most 2 % of the boxes are flagged, and every page is placed.
#![cfg(not(target_arch = "wasm32"))]

use zuofeng::assessment::ballot_sheet;
use zuofeng::paper::code::SheetCode;
use zuofeng::paper::geometry::Pt;
use zuofeng::paper::image::Gray;
use zuofeng::paper::layout::Layout;
use zuofeng::paper::read::{read_page, Mark};
use zuofeng::paper::synth::{draw, draw_on, Pen, Scan};
use zuofeng::quiz::answer_card;
use zuofeng::quiz::check_code::AnswerCodes;
use zuofeng::quiz::model::{Answer, QuestionKind};
use zuofeng::quiz::paper::{PaperQuestion, Quiz, QuizMode, Reveal};
use zuofeng::record::{DeviceId, Meta};
use zuofeng::sorted::SortedSet;

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

/// A quiz of `kinds` (kind, options) in turn, as many as `count`.
fn quiz(count: usize, kinds: &[(QuestionKind, usize)]) -> Quiz {
    let device = DeviceId("corpus".into());
    let question = |kind: QuestionKind, options: usize| PaperQuestion {
        question_id: uuid::Uuid::new_v4(),
        kind,
        stem: "题".into(),
        options: (0..options).map(|i| format!("{i}")).collect(),
        points: 500,
        answer: Some(Answer::Choice(SortedSet::from([0]))),
        explanation: None,
        blanks: 0,
    };
    Quiz {
        meta: Meta::new(&device, chrono::DateTime::default()),
        title: "语料".into(),
        mode: QuizMode::Exam,
        paper: (0..count)
            .map(|i| {
                let (kind, options) = kinds[i % kinds.len()];
                question(kind, options)
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

/// A blank sheet the app printed, rasterised at 150 dpi.
fn printed(name: &str) -> Gray {
    let path = format!("{}/tests/fixtures/paper/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("the printed blank is there");
    let mut decoder = jpeg_decoder::Decoder::new(&bytes[..]);
    let pixels = decoder.decode().expect("decodes");
    let info = decoder.info().expect("has a size");
    // pdftoppm's grey JPEG is stored with three equal channels.
    let pixels = match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => pixels
            .chunks_exact(3)
            .map(|p| ((u16::from(p[0]) + u16::from(p[1]) + u16::from(p[2])) / 3) as u8)
            .collect(),
        _ => pixels,
    };
    Gray {
        width: usize::from(info.width),
        height: usize::from(info.height),
        pixels,
    }
}

struct Sheet {
    /// The printed blank it was marked on, if not drawn.
    on: Option<std::rc::Rc<Gray>>,
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
    let q = quiz(
        30,
        &[
            (QuestionKind::Single, 4),
            (QuestionKind::Multiple, 5),
            (QuestionKind::TrueFalse, 0),
        ],
    );
    let card = answer_card::card(&q).expect("fits").layout;
    // As printed: 30 people; 10 单选 and 5 多选 of four options and 5 判断.
    let printed_ballot = std::rc::Rc::new(printed("blank-ballot-30.jpg"));
    let printed_card = std::rc::Rc::new(printed("blank-card-20.jpg"));
    let q20 = quiz(
        20,
        &[
            (QuestionKind::Single, 4),
            (QuestionKind::Single, 4),
            (QuestionKind::Multiple, 4),
            (QuestionKind::TrueFalse, 0),
        ],
    );
    let card20 = answer_card::card(&q20).expect("fits").layout;
    let code_of = |page: &Gray, layout: &Layout| {
        read_page(page, layout)
            .expect("the printed blank reads as printed")
            .code
    };
    let (ballot_code, card_code) = (
        code_of(&printed_ballot, &ballot),
        code_of(&printed_card, &card20),
    );
    let mut sheets = Vec::new();
    for n in 0..36u16 {
        let (on, layout, code) = match n % 3 {
            0 if n < 24 => {
                let code = ballot_sheet::code(uuid::Uuid::from_u128(9), 1, u32::from(n) + 1);
                (None, ballot.clone(), code.expect("code"))
            }
            1 if n < 24 => {
                let code = answer_card::code(&q, u32::from(n) + 1).expect("code");
                (None, card.clone(), code)
            }
            0 | 2 => (Some(printed_ballot.clone()), ballot.clone(), ballot_code),
            _ => (Some(printed_card.clone()), card20.clone(), card_code),
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
            upside_down: n == 5 || n == 29,
            noise: dice.below(16) as u8,
            blur: n % 2 == 1,
            fold: (n % 4 == 2).then(|| dice.between(60.0, 240.0)),
        };
        let quality = 60 + dice.below(26) as u8;
        sheets.push(Sheet {
            on,
            layout,
            code,
            marks,
            scan,
            quality,
        });
    }
    // One page fed twice: it reads as the same sheet both times.
    let twice = Sheet {
        on: None,
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
    // Boxes flagged with nothing on them at all: what the flagging costs the clerk for nothing
    // (on a fold's edge, or touched by a big ring round the box beside).
    let mut idle = 0usize;
    for (n, s) in sheets.iter().enumerate() {
        let drawn = match &s.on {
            Some(blank) => draw_on(blank, 150.0, &s.layout, &s.marks, s.scan),
            None => draw(&s.layout, s.code, &s.marks, s.scan),
        };
        let image = through_jpeg(&drawn, s.quality);
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
