//! 答题卡: a quiz's answer card for a paper exam, laid out in millimetres (`paper::layout`) so
//! that one description prints it and reads it back. The cadre marks the objective questions in
//! boxes (单选, 多选 and 判断, each in its own section as exam cards are) and their 答题码 in six
//! columns of digits; name and unit are written by hand. A read card becomes a submitted sheet
//! (`Attempt`) once every unclear box has been decided by a person; it then goes through the
//! same intake as a sheet that came in a file. Pure.

use chrono::{DateTime, Utc};

use super::attempt::{Attempt, AttemptState, Respondent, Response};
use super::check_code::{code_for, damm, sheet_check, AnswerCodes};
use super::intake::{Intake, SheetFlag};
use super::model::{option_letter, QuestionKind};
use super::paper::Quiz;
use crate::order::Collect;
use crate::paper::code::SheetCode;
use crate::paper::geometry::Pt;
use crate::paper::layout::{Cell, Group, Layout};
use crate::paper::read::{choices, Choice, Page};
use crate::record::{DeviceId, Id, Meta};
use crate::roster::model::Cadre;
use crate::sorted::{SortedMap, SortedSet};

/// Digits of a 答题码.
pub const CODE_DIGITS: usize = 6;
/// A box's side, the step between a row's boxes and between rows.
const BOX: f64 = 4.0;
const OPTION_STEP: f64 = 5.5;
const ROW_STEP: f64 = 7.5;
/// A row's number before its boxes, and the space between columns of rows.
const NUMBER: f64 = 8.0;
const COLUMN_GAP: f64 = 4.0;
const LEFT: f64 = 20.0;
const RIGHT: f64 = 190.0;
/// Where the last row's boxes must end: above the sheet code.
const BOTTOM: f64 = 274.0;
/// The 答题码's digit grid: its top left box, and the steps across and down.
pub const CODE_TOP_LEFT: Pt = Pt { x: 32.0, y: 62.0 };
pub const CODE_STEP: Pt = Pt { x: 8.0, y: 5.5 };
/// Where the questions start, below the 答题码 grid or, without codes, below the heading.
const TOP_WITH_CODES: f64 = 122.0;
const TOP_WITHOUT: f64 = 56.0;
/// A section's heading line and its line of column letters.
const HEADING: f64 = 5.5;
const LETTERS: f64 = 4.5;

/// One question on the card.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The question's position on the paper (0-based): the number printed is one more.
    pub position: usize,
    pub kind: QuestionKind,
    pub options: usize,
    /// Where its number is printed (the right end of the text's baseline).
    pub number_at: Pt,
}

/// A kind's block of rows, with its heading and its column letters.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub kind: QuestionKind,
    pub heading_y: f64,
    /// The letters over each column of boxes: where (centre of the text) and what.
    pub letters: Vec<(Pt, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub layout: Layout,
    /// Whether the card carries the 答题码 grid (the first `CODE_DIGITS` groups).
    pub codes: bool,
    pub rows: Vec<Row>,
    pub sections: Vec<Section>,
    /// 简答 questions (positions), answered on the paper and marked by hand.
    pub written: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardError {
    /// 填空 answers cannot be read from boxes.
    FillBlanks(Vec<usize>),
    /// Nothing for the card to hold.
    NoObjective,
    /// More rows than one card holds.
    TooMany { rows: usize },
    /// Sheet numbers run 1 to 4095.
    TooManySheets,
}

impl CardError {
    pub fn message(&self) -> String {
        match self {
            CardError::FillBlanks(p) => format!(
                "试卷中有填空题（第 {} 题），答题卡读不了手写的填空答案。纸质考试请用只有单选、多选、判断（可以带简答）的试卷，或让干部在电脑上作答。",
                numbers(p)
            ),
            CardError::NoObjective => "试卷里没有单选、多选或判断题，用不着答题卡。".into(),
            CardError::TooMany { rows } => format!(
                "一张答题卡放不下这么多客观题（{rows} 道）。请把试卷分成两份测验。"
            ),
            CardError::TooManySheets => "答题卡最多印 4095 张。".into(),
        }
    }
}

/// "3、7、12" for positions 2, 6, 11.
pub fn numbers(positions: &[usize]) -> String {
    positions
        .iter()
        .map(|p| (p + 1).to_string())
        .collect::<Vec<_>>()
        .join("、")
}

/// The card of `quiz`: the code grid when the quiz uses 答题码, then a section for each kind.
pub fn card(quiz: &Quiz) -> Result<Card, CardError> {
    let fill: Vec<usize> = positions(quiz, |k| k == QuestionKind::FillBlank);
    if !fill.is_empty() {
        return Err(CardError::FillBlanks(fill));
    }
    let codes = quiz.codes.asked();
    let mut layout = Layout::default();
    if codes {
        // Six columns of 0–9 running down: each column a group of its own.
        for c in 0..CODE_DIGITS {
            layout.groups.push(Group {
                first: layout.boxes.len(),
                len: 10,
            });
            let x = CODE_TOP_LEFT.x + c as f64 * CODE_STEP.x;
            layout.boxes.extend(
                (0..10).map(|d| Cell::square(x, CODE_TOP_LEFT.y + d as f64 * CODE_STEP.y, BOX)),
            );
        }
    }
    let mut y = if codes { TOP_WITH_CODES } else { TOP_WITHOUT };
    let (mut rows, mut sections) = (Vec::new(), Vec::new());
    for kind in [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::TrueFalse,
    ] {
        let of_kind = positions(quiz, |k| k == kind);
        if of_kind.is_empty() {
            continue;
        }
        let options_of = |p: usize| match kind {
            QuestionKind::TrueFalse => 2,
            _ => quiz.paper.get(p).map_or(0, |q| q.options.len()),
        };
        let widest = of_kind.iter().map(|p| options_of(*p)).max().unwrap_or(2);
        let width = NUMBER + (widest as f64 - 1.0) * OPTION_STEP + BOX + COLUMN_GAP;
        let columns = (((RIGHT - LEFT + COLUMN_GAP) / width) as usize).max(1);
        let per_column = of_kind.len().div_ceil(columns);
        let first_row = y + HEADING + LETTERS;
        let column_x = |c: usize| LEFT + c as f64 * width + NUMBER;
        let letters = (0..columns.min(of_kind.len()))
            .flat_map(|c| {
                (0..widest).map(move |o| {
                    let label = match kind {
                        QuestionKind::TrueFalse => ["对", "错"][o.min(1)].to_string(),
                        _ => option_letter(o).to_string(),
                    };
                    let x = column_x(c) + o as f64 * OPTION_STEP + BOX / 2.0;
                    (Pt::new(x, first_row - 1.2), label)
                })
            })
            .collect();
        sections.push(Section {
            kind,
            heading_y: y + HEADING - 1.5,
            letters,
        });
        for (i, &position) in of_kind.iter().enumerate() {
            let (c, r) = (i / per_column, i % per_column);
            let top = Pt::new(column_x(c), first_row + r as f64 * ROW_STEP);
            layout = layout.grid(top, 1, options_of(position), BOX, Pt::new(OPTION_STEP, 0.0));
            rows.push(Row {
                position,
                kind,
                options: options_of(position),
                number_at: Pt::new(top.x - 1.5, top.y + BOX - 0.6),
            });
        }
        y = first_row + per_column as f64 * ROW_STEP + 2.0;
    }
    if rows.is_empty() {
        return Err(CardError::NoObjective);
    }
    if y - 2.0 - ROW_STEP + BOX > BOTTOM || !layout.fits() {
        return Err(CardError::TooMany { rows: rows.len() });
    }
    Ok(Card {
        layout,
        codes,
        rows,
        sections,
        written: positions(quiz, |k| k == QuestionKind::ShortAnswer),
    })
}

fn positions(quiz: &Quiz, kind: impl Fn(QuestionKind) -> bool) -> Vec<usize> {
    quiz.paper
        .iter()
        .enumerate()
        .filter(|(_, q)| kind(q.kind))
        .map(|(i, _)| i)
        .collect()
}

/// The form number printed in a card's code: the quiz and the shape of its paper (a paper
/// changed after printing makes other cards, which are then told apart from these).
pub fn form_number(quiz: &Quiz) -> u16 {
    let shape = quiz
        .paper
        .iter()
        .flat_map(|q| [q.kind as u8, q.options.len() as u8]);
    let hash = quiz
        .meta
        .id
        .as_bytes()
        .iter()
        .copied()
        .chain(shape)
        .fold(0x811c_9dc5u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
    (hash % 4095) as u16 + 1
}

/// The code printed on card `number`.
pub fn code(quiz: &Quiz, number: u32) -> Result<SheetCode, CardError> {
    u16::try_from(number)
        .ok()
        .and_then(|n| SheetCode::new(form_number(quiz), n))
        .ok_or(CardError::TooManySheets)
}

/// A box group on the card that may need a person: a digit of the 答题码, or a question's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    Digit(usize),
    Row(usize),
}

/// A card as read: its number, each digit column and each row as the reader saw it.
#[derive(Debug, Clone, PartialEq)]
pub struct CardRead {
    pub number: u16,
    pub digits: Vec<Choice>,
    pub rows: Vec<Choice>,
}

/// What a person decided for a slot: the boxes they say are marked.
pub type Decisions = SortedMap<Slot, SortedSet<usize>>;

/// The card read from `page`, or the other form's code when it is not this quiz's card.
pub fn read(page: &Page, card: &Card, quiz: &Quiz) -> Result<CardRead, SheetCode> {
    if page.code.form() != form_number(quiz) {
        return Err(page.code);
    }
    let mut all = choices(page, &card.layout);
    let rows = all.split_off(if card.codes { CODE_DIGITS } else { 0 });
    Ok(CardRead {
        number: page.code.sheet(),
        digits: all,
        rows,
    })
}

impl CardRead {
    /// The slots a person must decide: a digit not clearly one box, a row with an unsure box,
    /// or two marks where one is allowed.
    pub fn unclear(&self, card: &Card) -> Vec<Slot> {
        let digits = self
            .digits
            .iter()
            .enumerate()
            .filter(|(_, c)| !matches!(c, Choice::One(_)))
            .map(|(i, _)| Slot::Digit(i));
        let rows = self
            .rows
            .iter()
            .zip(&card.rows)
            .enumerate()
            .filter(|(_, (c, row))| match c {
                Choice::Unsure(_) => true,
                Choice::Several(_) => row.kind != QuestionKind::Multiple,
                Choice::Blank | Choice::One(_) => false,
            })
            .map(|(i, _)| Slot::Row(i));
        digits.chain(rows).collect()
    }

    /// The 答题码 and the answers, once every unclear slot is decided; `None` while one is not.
    pub fn settled(&self, card: &Card, decided: &Decisions) -> Option<Settled> {
        let unclear = self.unclear(card);
        let boxes = |slot: Slot, seen: &Choice| -> Option<SortedSet<usize>> {
            if unclear.contains(&slot) {
                return decided.get(&slot).cloned();
            }
            Some(match seen {
                Choice::One(i) => SortedSet::from([*i]),
                Choice::Several(s) => s.iter().copied().to_set(),
                Choice::Blank | Choice::Unsure(_) => SortedSet::new(),
            })
        };
        let mut code = String::new();
        for (i, seen) in self.digits.iter().enumerate() {
            let digit = boxes(Slot::Digit(i), seen)?.into_iter().next()?;
            code.push(char::from(
                b'0' + u8::try_from(digit).ok().filter(|d| *d < 10)?,
            ));
        }
        let mut answers = SortedMap::new();
        for (i, (seen, row)) in self.rows.iter().zip(&card.rows).enumerate() {
            let marked = boxes(Slot::Row(i), seen)?;
            let response = match (row.kind, marked.first()) {
                (_, None) => continue,
                (QuestionKind::TrueFalse, Some(first)) => Response::TrueFalse(*first == 0),
                _ => Response::Choice(marked),
            };
            answers.insert(row.position, response);
        }
        // 简答 is answered on the paper: the sheet says so, and the answer waits to be marked.
        for &position in &card.written {
            answers.insert(position, Response::Text(ON_PAPER.into()));
        }
        Some(Settled {
            number: self.number,
            code: card.codes.then_some(code),
            answers,
        })
    }
}

/// What a 简答 answer of a paper exam says on the sheet: it is marked from the paper.
pub const ON_PAPER: &str = "（答在纸质试卷上，请对照试卷给分）";

/// A card with nothing left to decide.
#[derive(Debug, Clone, PartialEq)]
pub struct Settled {
    pub number: u16,
    /// The six digits as marked, when the card carries the grid.
    pub code: Option<String>,
    pub answers: SortedMap<usize, Response>,
}

/// Whose card it is, found from its 答题码.
#[derive(Debug, Clone, PartialEq)]
pub enum Owner<'a> {
    /// The code is this person's.
    Coded(&'a Cadre),
    /// The quiz has no codes: a person reads the name on the card and chooses.
    Uncoded,
    /// The check digit does not hold: a digit was marked or read wrong.
    CheckDigit(String),
    /// A valid code, but nobody's on the roster (a code made for someone outside it).
    Nobody(String),
}

pub fn owner<'a>(settled: &Settled, quiz: &Quiz, roster: &'a [Cadre]) -> Owner<'a> {
    let (Some(code), AnswerCodes::Keyed { key }) = (&settled.code, &quiz.codes) else {
        return Owner::Uncoded;
    };
    if damm(code) != 0 {
        return Owner::CheckDigit(code.clone());
    }
    roster
        .iter()
        .filter(|c| !c.retired)
        .find(|c| code_for(key, &c.name) == *code)
        .map_or_else(|| Owner::Nobody(code.clone()), Owner::Coded)
}

/// What a read card comes to with what a person has decided so far (`chosen`: the person
/// picked by hand when the code does not name one).
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Sheet(Box<Attempt>),
    /// Boxes still to decide.
    Decide(Vec<Slot>),
    /// Whose card it is must be chosen by a person, and why.
    ChoosePerson(String),
}

#[allow(clippy::too_many_arguments)]
pub fn outcome(
    read: &CardRead,
    card: &Card,
    quiz: &Quiz,
    roster: &[Cadre],
    decided: &Decisions,
    chosen: Option<&Cadre>,
    device: &DeviceId,
    now: DateTime<Utc>,
) -> Outcome {
    let Some(settled) = read.settled(card, decided) else {
        let left = read
            .unclear(card)
            .into_iter()
            .filter(|s| !decided.contains_key(s))
            .collect();
        return Outcome::Decide(left);
    };
    let who = |c: &Cadre| Respondent {
        name: c.name.clone(),
        unit: c.unit.clone(),
    };
    let why = match owner(&settled, quiz, roster) {
        Owner::Coded(c) => {
            return Outcome::Sheet(Box::new(attempt(&settled, quiz, who(c), true, device, now)))
        }
        Owner::Uncoded => "这份测验不用答题码，请看卡上写的姓名，选出答题人。".to_string(),
        Owner::CheckDigit(code) => format!(
            "答题码涂作 {code}，校验位对不上（可能有一位涂错或没读准）。请看卡上写的答题码和姓名，选出答题人；这样计入的答卷没有答题码核对。"
        ),
        Owner::Nobody(code) => format!(
            "答题码 {code} 不是名册中任何人的。请看卡上写的姓名，选出答题人；这样计入的答卷没有答题码核对。"
        ),
    };
    match chosen {
        Some(c) => Outcome::Sheet(Box::new(attempt(
            &settled,
            quiz,
            who(c),
            false,
            device,
            now,
        ))),
        None => Outcome::ChoosePerson(why),
    }
}

/// The sheet a card comes to, for `who`. Its id comes from the quiz and the card's number, so
/// the same card read twice is the same sheet (taken once by the intake). Signed with the code
/// read from the card only when the code is the person's own (`signed`): a person chosen by
/// hand has no check, and the intake says so.
pub fn attempt(
    settled: &Settled,
    quiz: &Quiz,
    who: Respondent,
    signed: bool,
    device: &DeviceId,
    now: DateTime<Utc>,
) -> Attempt {
    let mut meta = Meta::new(device, now);
    meta.id = card_sheet_id(quiz.meta.id, settled.number);
    let mut attempt = Attempt::start(meta, quiz.meta.id, who, now, None, None);
    attempt.answers = settled.answers.clone();
    attempt.state = AttemptState::Submitted {
        submitted_at: now,
        automatic: false,
    };
    attempt.paper_card = Some(settled.number);
    if signed {
        attempt.check = settled
            .code
            .as_ref()
            .map(|code| sheet_check(code, &attempt));
    }
    attempt
}

/// What the intake's verdict on a batch of cards comes to: the sheets to store, and what to
/// tell the clerk — how many were taken, each card left out and why (a card read twice is
/// "already read"), and each taken sheet the intake flagged.
pub fn taken(checked: &[Intake]) -> (Vec<Attempt>, String) {
    let labels = |flags: &[SheetFlag]| {
        flags
            .iter()
            .map(SheetFlag::label)
            .collect::<Vec<_>>()
            .join("，")
    };
    let (kept, left): (Vec<&Intake>, Vec<&Intake>) =
        checked.iter().partition(|c| c.taken_by_default());
    let mut told = format!("已计入 {} 份答卷，可在“成绩”中查看。", kept.len());
    for c in &left {
        let number = c.attempt.paper_card.unwrap_or_default();
        let why = if c.flags.contains(&SheetFlag::AlreadyImported) {
            "已经阅过（或扫了两次），只计一次".to_string()
        } else {
            labels(&c.flags)
        };
        told.push_str(&format!("第 {number} 张卡没有计入：{why}。"));
    }
    for c in kept.iter().filter(|c| !c.flags.is_empty()) {
        told.push_str(&format!(
            "{}：{}。",
            c.attempt.respondent.name,
            labels(&c.flags)
        ));
    }
    (kept.iter().map(|c| c.to_store()).collect(), told)
}

/// The sheet id of card `number` of a quiz: the same wherever and whenever it is read.
pub fn card_sheet_id(quiz: Id, number: u16) -> Id {
    use sha2::{Digest, Sha256};
    let digest = Sha256::new()
        .chain_update(b"zuofeng-card\n")
        .chain_update(quiz.as_bytes())
        .chain_update(number.to_be_bytes())
        .finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    // A version-8 (made by rule) UUID of the RFC's variant.
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    Id::from_bytes(bytes)
}

/// How a slot is named to the person deciding it.
pub fn slot_label(slot: Slot, card: &Card) -> String {
    match slot {
        Slot::Digit(i) => format!("答题码第 {} 位", i + 1),
        Slot::Row(i) => card.rows.get(i).map_or_else(String::new, |r| {
            format!("第 {} 题（{}）", r.position + 1, r.kind.label())
        }),
    }
}

/// The labels of a slot's boxes: 0–9, A–H, or 对/错.
pub fn box_labels(slot: Slot, card: &Card) -> Vec<String> {
    match slot {
        Slot::Digit(_) => (0..10).map(|d| d.to_string()).collect(),
        Slot::Row(i) => match card.rows.get(i) {
            Some(r) if r.kind == QuestionKind::TrueFalse => vec!["对".into(), "错".into()],
            Some(r) => (0..r.options)
                .map(|o| option_letter(o).to_string())
                .collect(),
            None => Vec::new(),
        },
    }
}

/// Whether a slot takes several boxes (a 多选 row).
pub fn takes_several(slot: Slot, card: &Card) -> bool {
    matches!(slot, Slot::Row(i) if card.rows.get(i).is_some_and(|r| r.kind == QuestionKind::Multiple))
}

/// What one key does in a slot being decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPick {
    /// Take this box (for a 多选 row: tick or untick it).
    Box(usize),
    /// The question left unanswered.
    Nothing,
    /// A 多选 row taken as ticked.
    Take,
}

/// The key `key` (as the browser names it) in `slot`: a digit of the 答题码 by itself; in a
/// row, a letter names its option (A first), 1, 2 … the first, second … box (对 and 错 too),
/// 0, Delete or Backspace leaves it unanswered, and Enter takes a 多选 row as ticked.
pub fn key_pick(slot: Slot, card: &Card, key: &str) -> Option<KeyPick> {
    let mut chars = key.chars();
    let one = match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    };
    let boxes = box_labels(slot, card).len();
    let within = |i: usize| (i < boxes).then_some(KeyPick::Box(i));
    match (slot, one, key) {
        (Slot::Digit(_), Some(c), _) => c.to_digit(10).and_then(|d| within(d as usize)),
        (Slot::Row(_), _, "Delete" | "Backspace") | (Slot::Row(_), Some('0'), _) => {
            Some(KeyPick::Nothing)
        }
        (Slot::Row(_), _, "Enter") => takes_several(slot, card).then_some(KeyPick::Take),
        (Slot::Row(_), Some(c), _) if c.is_ascii_digit() => {
            c.to_digit(10).and_then(|d| within(d as usize - 1))
        }
        (Slot::Row(_), Some(c), _) if c.is_ascii_alphabetic() => {
            within(usize::from(c.to_ascii_uppercase() as u8 - b'A'))
        }
        _ => None,
    }
}

/// The group of a slot in the card's layout.
pub fn group_of(slot: Slot, card: &Card) -> Option<Group> {
    let index = match slot {
        Slot::Digit(i) => i,
        Slot::Row(i) => i + if card.codes { CODE_DIGITS } else { 0 },
    };
    card.layout.groups.get(index).copied()
}

#[cfg(test)]
mod tests;
