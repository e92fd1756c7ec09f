//! The machine-read paper ballot: where a round group's ballot puts each rated person's five
//! boxes (`paper::layout`), the code that says which round and group a sheet belongs to, and a
//! read sheet turned into the desk's `Paper` — or into what a person must decide first. Pure;
//! the reader (`paper::read`) says what is marked, this says what it means for the count.

use chrono::{DateTime, Utc};

use super::counting::Paper;
use super::model::{Ballot, Evaluation, Source, Vote};
use crate::order::Collect;
use crate::paper::code::SheetCode;
use crate::paper::geometry::Pt;
use crate::paper::layout::Layout;
use crate::paper::read::{choices, Choice, Page};
use crate::record::{DeviceId, Id, Meta};

/// The first row's top, the boxes' left edge and their step across, in millimetres.
const FIRST_ROW: f64 = 52.0;
const BOXES_LEFT: f64 = 118.0;
const BOX_STEP: f64 = 15.0;
/// Rows at their roomiest, and as tight as a pen still fits: beyond, the page is full.
const ROOMY: (f64, f64) = (7.5, 5.0);
const TIGHT: (f64, f64) = (5.5, 4.2);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetError {
    /// More people than one sheet holds.
    TooManyPeople { rated: usize, max: usize },
    /// Ballot numbers run 1 to 4095.
    TooManyBallots { max: u16 },
}

impl SheetError {
    pub fn message(self) -> String {
        match self {
            SheetError::TooManyPeople { rated, max } => format!(
                "机读评议票一张最多 {max} 人，这一轮有 {rated} 人。请分成几轮评议，或用普通评议票手工计票。"
            ),
            SheetError::TooManyBallots { max } => {
                format!("机读评议票一个评议组最多印 {max} 张。")
            }
        }
    }
}

/// The row step and box side for `rated` people, roomy when they fit.
fn rows(rated: usize) -> Result<(f64, f64), SheetError> {
    let room = crate::paper::layout::PAGE_HEIGHT - 10.0 - 8.0 - 4.0 - FIRST_ROW;
    let fits = |(step, _): (f64, f64)| (rated as f64) * step <= room;
    match (fits(ROOMY), fits(TIGHT)) {
        (true, _) => Ok(ROOMY),
        (false, true) => Ok(TIGHT),
        (false, false) => Err(SheetError::TooManyPeople {
            rated,
            max: (room / TIGHT.0) as usize,
        }),
    }
}

/// The ballot for `rated` people: a row each, the boxes in the order of `Vote::ALL`.
pub fn layout(rated: usize) -> Result<Layout, SheetError> {
    let (step, side) = rows(rated)?;
    Ok(Layout::default().grid(
        Pt::new(BOXES_LEFT, FIRST_ROW + (step - side) / 2.0),
        rated,
        Vote::ALL.len(),
        side,
        Pt::new(BOX_STEP, step),
    ))
}

/// The form number printed in a ballot's code: the round and group in 12 bits (1 to 4095).
/// Two groups sharing one by chance are still told apart by the clerk choosing the group
/// before scanning; within a round the groups' numbers differ.
pub fn form_number(round: Id, group: u32) -> u16 {
    // FNV-1a over the round's id, then the group's key added (so a round's groups differ).
    let hash = round.as_bytes().iter().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(*b)).wrapping_mul(0x0100_0193)
    });
    let base = (hash % 4095) as u16;
    ((u32::from(base) + group) % 4095) as u16 + 1
}

/// The code printed on ballot `number` of a group.
pub fn code(round: Id, group: u32, number: u32) -> Result<SheetCode, SheetError> {
    u16::try_from(number)
        .ok()
        .and_then(|n| SheetCode::new(form_number(round, group), n))
        .ok_or(SheetError::TooManyBallots { max: 4095 })
}

/// What a read ballot comes to at the counting desk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// Every person clearly marked once or left blank (blank is 不了解, as at the keyboard).
    Paper(Paper),
    /// Some people need a person to look: their row (0-based) and what was seen; `votes`
    /// holds what the other rows clearly say.
    Decide {
        number: u32,
        votes: Vec<Vote>,
        rows: Vec<(usize, Choice)>,
    },
    /// A ballot of another round or group, named by its code.
    OtherForm(SheetCode),
}

/// The desk's paper from a page read with `layout(rated)`, for the round and group chosen.
pub fn reading(page: &Page, rated: usize, round: Id, group: u32) -> Reading {
    if page.code.form() != form_number(round, group) {
        return Reading::OtherForm(page.code);
    }
    let number = u32::from(page.code.sheet());
    let Ok(layout) = layout(rated) else {
        return Reading::OtherForm(page.code);
    };
    let read = choices(page, &layout);
    let unclear: Vec<(usize, Choice)> = read
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, Choice::Several(_) | Choice::Unsure(_)))
        .map(|(i, c)| (i, c.clone()))
        .collect();
    let votes: Vec<Vote> = read
        .iter()
        .map(|c| match c {
            Choice::One(i) => Vote::ALL.get(*i).copied().unwrap_or(Vote::Abstain),
            _ => Vote::Abstain,
        })
        .collect();
    if !unclear.is_empty() {
        return Reading::Decide {
            number,
            votes,
            rows: unclear,
        };
    }
    Reading::Paper(Paper {
        number,
        votes,
        void: false,
    })
}

impl Reading {
    /// The sheet's number, when it is a ballot of the group.
    pub fn number(&self) -> Option<u32> {
        match self {
            Reading::Paper(p) => Some(p.number),
            Reading::Decide { number, .. } => Some(*number),
            Reading::OtherForm(_) => None,
        }
    }

    /// The paper to count, once a person has decided every unclear row (`decided`: row →
    /// grade); none for another group's sheet or while a row is undecided.
    pub fn paper(&self, decided: &crate::sorted::SortedMap<usize, Vote>) -> Option<Paper> {
        match self {
            Reading::Paper(p) => Some(p.clone()),
            Reading::OtherForm(_) => None,
            Reading::Decide {
                number,
                votes,
                rows,
            } => {
                let mut votes = votes.clone();
                for (row, _) in rows {
                    *votes.get_mut(*row)? = *decided.get(row)?;
                }
                Some(Paper {
                    number: *number,
                    votes,
                    void: false,
                })
            }
        }
    }
}

/// Scanned papers as ballots of `group`. A number already counted in the group (typed or
/// scanned), or read twice among `papers` (a page fed twice), is counted once and named.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub ballots: Vec<Ballot>,
    pub repeated: Vec<u32>,
}

pub fn ballots_from(
    papers: &[Paper],
    counted: &[&Ballot],
    round: &Evaluation,
    group: u32,
    device: &DeviceId,
    now: DateTime<Utc>,
) -> Batch {
    let mut taken: crate::sorted::SortedSet<u32> = counted
        .iter()
        .filter(|b| b.group == group && !b.void && b.source == Source::Paper)
        .map(|b| b.number)
        .to_set();
    let mut batch = Batch {
        ballots: Vec::new(),
        repeated: Vec::new(),
    };
    for paper in papers {
        if !taken.insert(paper.number) {
            batch.repeated.push(paper.number);
            continue;
        }
        batch.ballots.push(Ballot {
            meta: Meta::new(device, now),
            evaluation_id: round.meta.id,
            group,
            number: paper.number,
            source: Source::Paper,
            votes: round
                .rated
                .iter()
                .copied()
                .zip(paper.votes.clone())
                .to_map(),
            void: false,
            slip: None,
            round_version: None,
        });
    }
    batch
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paper::read::read_page;
    use crate::paper::synth::{draw, Pen, Scan};

    fn round() -> Id {
        uuid::Uuid::from_u128(0x5a17_0000_0000_4000_8000_0000_0000_0042)
    }

    #[test]
    fn a_sheet_holds_up_to_its_limit_within_the_frame() {
        for rated in [1, 12, 29, 30, 40] {
            let l = layout(rated).expect("fits");
            assert_eq!(l.groups.len(), rated);
            assert!(l.fits(), "{rated} people");
        }
        let Err(SheetError::TooManyPeople { max, .. }) = layout(80) else {
            panic!("80 people do not fit");
        };
        assert!(layout(max).is_ok() && layout(max + 1).is_err());
    }

    #[test]
    fn groups_of_a_round_have_different_forms_and_numbers_stay_in_range() {
        let forms: crate::sorted::SortedSet<u16> =
            (0..20).map(|g| form_number(round(), g)).collect();
        assert_eq!(forms.len(), 20);
        assert!(forms.iter().all(|f| (1..=4095).contains(f)));
        assert!(code(round(), 0, 4095).is_ok());
        assert_eq!(
            code(round(), 0, 4096),
            Err(SheetError::TooManyBallots { max: 4095 })
        );
    }

    #[test]
    fn a_scanned_ballot_becomes_the_paper_the_keyboard_would_have_typed() {
        let rated = 12;
        let l = layout(rated).expect("fits");
        // Person i gets grade i % 5; person 3 is left blank.
        let marks: Vec<(usize, Pen)> = (0..rated)
            .filter(|i| *i != 3)
            .map(|i| {
                (
                    i * 5 + i % 5,
                    if i % 2 == 0 { Pen::Tick } else { Pen::Cross },
                )
            })
            .collect();
        let img = draw(
            &l,
            code(round(), 2, 17).expect("code"),
            &marks,
            Scan::default(),
        );
        let page = read_page(&img, &l).expect("read");
        let expected: Vec<Vote> = (0..rated)
            .map(|i| {
                if i == 3 {
                    Vote::Abstain
                } else {
                    Vote::ALL[i % 5]
                }
            })
            .collect();
        assert_eq!(
            reading(&page, rated, round(), 2),
            Reading::Paper(Paper {
                number: 17,
                votes: expected,
                void: false
            })
        );
        assert_eq!(
            reading(&page, rated, round(), 3),
            Reading::OtherForm(code(round(), 2, 17).expect("code"))
        );
    }

    #[test]
    fn a_number_counted_before_or_fed_twice_counts_once_and_is_named() {
        let device = DeviceId("office".into());
        let now = chrono::DateTime::default();
        let (a, b) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
        let round = Evaluation::new(
            Meta::new(&device, now),
            2026,
            "评议",
            vec![a, b],
            Vec::new(),
        );
        let paper = |number, votes: [Vote; 2]| Paper {
            number,
            votes: votes.to_vec(),
            void: false,
        };
        let typed = ballots_from(
            &[paper(3, [Vote::Excellent, Vote::Abstain])],
            &[],
            &round,
            1,
            &device,
            now,
        )
        .ballots;
        let batch = ballots_from(
            &[
                paper(3, [Vote::Competent, Vote::Competent]),
                paper(4, [Vote::Excellent, Vote::Incompetent]),
                paper(4, [Vote::Excellent, Vote::Incompetent]),
            ],
            &typed.iter().collect::<Vec<_>>(),
            &round,
            1,
            &device,
            now,
        );
        assert_eq!(batch.repeated, vec![3, 4]);
        assert_eq!(batch.ballots.len(), 1);
        assert_eq!(batch.ballots[0].number, 4);
        assert_eq!(batch.ballots[0].votes.get(&b), Some(&Vote::Incompetent));
        // Another group's number 3 is another paper.
        let other = ballots_from(
            &[paper(3, [Vote::Competent, Vote::Competent])],
            &typed.iter().collect::<Vec<_>>(),
            &round,
            2,
            &device,
            now,
        );
        assert_eq!(other.ballots.len(), 1);
    }

    #[test]
    fn two_marks_for_one_person_or_a_faint_one_wait_for_a_person() {
        let rated = 6;
        let l = layout(rated).expect("fits");
        let marks = [
            (0, Pen::Tick),
            (5 + 1, Pen::Tick),
            (5 + 2, Pen::Cross),
            (10 + 4, Pen::Light),
            (15, Pen::Fill),
        ];
        let img = draw(
            &l,
            code(round(), 0, 5).expect("code"),
            &marks,
            Scan::default(),
        );
        let page = read_page(&img, &l).expect("read");
        let read = reading(&page, rated, round(), 0);
        let clear = vec![
            Vote::Excellent,
            Vote::Abstain,
            Vote::Abstain,
            Vote::Excellent,
            Vote::Abstain,
            Vote::Abstain,
        ];
        assert_eq!(
            read,
            Reading::Decide {
                number: 5,
                votes: clear,
                rows: vec![
                    (1, Choice::Several(vec![1, 2])),
                    (2, Choice::Unsure(vec![4]))
                ]
            }
        );
        // Counted only when both are decided, as decided.
        let mut decided = crate::sorted::SortedMap::from([(1, Vote::Competent)]);
        assert_eq!(read.paper(&decided), None);
        decided.insert(2, Vote::Abstain);
        let paper = read.paper(&decided).expect("decided");
        assert_eq!(paper.number, 5);
        assert_eq!(
            paper.votes[..3],
            [Vote::Excellent, Vote::Competent, Vote::Abstain]
        );
    }
}
