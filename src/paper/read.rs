//! Reading a scanned sheet: the markers give the transform (tried both ways up, the sheet code
//! decides), then each box's ink is measured against the paper around it and decided with a
//! margin: clearly marked, clearly empty, or 待定 for a person to decide. Nothing unsure is
//! counted silently.

use super::code::{SheetCode, BITS};
use super::geometry::{Homography, Pt};
use super::image::Gray;
use super::layout::{self, Cell, Layout};
use super::{markers, PaperError};

/// Share of a box's inside that is ink, at and above which the box is marked (a thin tick
/// covers about a fifth of it; print and specks of an empty box stay under a twentieth).
const MARKED_FROM: f64 = 0.12;
const EMPTY_BELOW: f64 = 0.04;
/// Mean greyness at and above which a box without ink is still not clearly empty: a light
/// pencil mark, or one rubbed out.
const SHADE_FROM: f64 = 0.08;
/// A sample is ink when darker than this share of the paper around the box.
const INK: f64 = 0.6;
/// How far inside a box's printed edge the measuring starts, and the step between samples.
const INSET: f64 = 0.8;
const STEP: f64 = 0.25;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Empty,
    Marked,
    /// Neither clearly: shown to a person.
    Unsure,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoxReading {
    /// Share of the inside that is ink.
    pub ink: f64,
    /// Mean darkness of the inside against the paper (0 white … 1 black).
    pub shade: f64,
    pub mark: Mark,
}

/// A page read: its code, whether it lay upside down, each box of the layout, and the
/// transform (to draw what was read over the image).
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub code: SheetCode,
    pub upside_down: bool,
    pub boxes: Vec<BoxReading>,
    pub to_scan: Homography,
}

/// What one group (a person's grade, a question) says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Blank,
    One(usize),
    /// More than one box marked where one is allowed.
    Several(Vec<usize>),
    /// A box of the group is unsure: a person decides.
    Unsure(Vec<usize>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Paper(PaperError),
    /// The markers are there but the sheet code reads neither way up.
    CodeUnreadable,
}

impl ReadError {
    pub fn message(&self) -> String {
        match self {
            ReadError::Paper(e) => e.message(),
            ReadError::CodeUnreadable => "找到了纸的四个角，但读不出纸下方的编号（可能被涂写、污损或没有扫全）。请看清后重新扫描这一张。".into(),
        }
    }
}

pub fn read_page(img: &Gray, layout: &Layout) -> Result<Page, ReadError> {
    let found = markers::find(img).map_err(ReadError::Paper)?;
    let printed = layout::marker_centres();
    for upside_down in [false, true] {
        // Upside down, the sheet's top left lies at the image's bottom right, and so on.
        let seen = if upside_down {
            [found[2], found[3], found[0], found[1]]
        } else {
            found
        };
        let Some(to_scan) = Homography::from_points(printed, seen) else {
            continue;
        };
        let bits: Vec<Option<bool>> = layout::code_cells()
            .iter()
            .map(|c| code_bit(&measure(img, &to_scan, c, 0.5)))
            .collect();
        let Some(bits) = bits.into_iter().collect::<Option<Vec<bool>>>() else {
            continue;
        };
        let Ok(bits) = <[bool; BITS]>::try_from(bits) else {
            continue;
        };
        if let Some(code) = SheetCode::from_bits(&bits) {
            let boxes = measure_all(img, &to_scan, layout);
            return Ok(Page {
                code,
                upside_down,
                boxes,
                to_scan,
            });
        }
    }
    Err(ReadError::CodeUnreadable)
}

/// Each group's choice, in the layout's order.
pub fn choices(page: &Page, layout: &Layout) -> Vec<Choice> {
    layout
        .groups
        .iter()
        .map(|g| {
            let marks = (g.first..g.first + g.len)
                .map(|i| (i - g.first, page.boxes.get(i).map(|b| b.mark)));
            let unsure: Vec<usize> = marks
                .clone()
                .filter(|(_, m)| !matches!(m, Some(Mark::Empty) | Some(Mark::Marked)))
                .map(|(i, _)| i)
                .collect();
            let marked: Vec<usize> = marks
                .filter(|(_, m)| *m == Some(Mark::Marked))
                .map(|(i, _)| i)
                .collect();
            match (unsure.is_empty(), marked.as_slice()) {
                (false, _) => Choice::Unsure(unsure),
                (true, []) => Choice::Blank,
                (true, [one]) => Choice::One(*one),
                (true, _) => Choice::Several(marked),
            }
        })
        .collect()
}

/// A code square is filled or not; anything between leaves the code unread.
fn code_bit(b: &BoxReading) -> Option<bool> {
    match b.ink {
        i if i >= 0.5 => Some(true),
        i if i < 0.15 => Some(false),
        _ => None,
    }
}

/// Samples of a scan at points of the sheet.
struct Sheet<'a> {
    img: &'a Gray,
    to_scan: &'a Homography,
}

impl Sheet<'_> {
    fn at(&self, x: f64, y: f64) -> f64 {
        let p = self.to_scan.apply(Pt::new(x, y));
        self.img.sample(p.x, p.y)
    }

    /// The paper round `cell`, from a ring just outside it.
    fn paper_round(&self, cell: &Cell) -> f64 {
        let mut ring = Vec::new();
        let (gap, width) = (1.2, 0.8);
        let mut d = gap;
        while d <= gap + width {
            let (left, right) = (cell.x - d, cell.x + cell.w + d);
            let (top, bottom) = (cell.y - d, cell.y + cell.h + d);
            let mut t = 0.0;
            while t <= 1.0 {
                ring.push(self.at(left + t * (right - left), top));
                ring.push(self.at(left + t * (right - left), bottom));
                ring.push(self.at(left, top + t * (bottom - top)));
                ring.push(self.at(right, top + t * (bottom - top)));
                t += 0.05;
            }
            d += 0.4;
        }
        paper_of(ring)
    }

    /// The share of `cell`'s inside (less `inset` on each side) that is ink, and its mean
    /// darkness, against `paper`.
    fn inside(&self, cell: &Cell, inset: f64, paper: f64) -> (f64, f64) {
        let (mut n, mut ink, mut shade) = (0usize, 0usize, 0.0);
        let mut y = cell.y + inset;
        while y <= cell.y + cell.h - inset + 1e-9 {
            let mut x = cell.x + inset;
            while x <= cell.x + cell.w - inset + 1e-9 {
                let v = self.at(x, y);
                n += 1;
                if v < paper * INK {
                    ink += 1;
                }
                shade += ((paper - v) / paper).clamp(0.0, 1.0);
                x += STEP;
            }
            y += STEP;
        }
        match n {
            0 => (0.0, 0.0),
            n => (ink as f64 / n as f64, shade / n as f64),
        }
    }
}

/// The ink inside `cell` (less `inset` on each side), against the paper in a ring around it.
fn measure(img: &Gray, to_scan: &Homography, cell: &Cell, inset: f64) -> BoxReading {
    let sheet = Sheet { img, to_scan };
    let paper = sheet.paper_round(cell);
    let (ink, shade) = sheet.inside(cell, inset, paper);
    let mark = if ink >= MARKED_FROM {
        Mark::Marked
    } else if ink < EMPTY_BELOW && shade < SHADE_FROM {
        Mark::Empty
    } else {
        Mark::Unsure
    };
    BoxReading { ink, shade, mark }
}

/// Whether the ink in box `j` lies only in its third nearest box `i`: the edge of a ring
/// drawn round `i`, not a mark of `j`'s own.
fn only_near_edge(img: &Gray, to_scan: &Homography, i: &Cell, j: &Cell) -> bool {
    let sheet = Sheet { img, to_scan };
    let (dx, dy) = (j.x - i.x, j.y - i.y);
    let far = match (dx.abs() > dy.abs(), dx > 0.0, dy > 0.0) {
        (true, true, _) => Cell {
            x: j.x + j.w / 3.0,
            w: j.w * 2.0 / 3.0,
            ..*j
        },
        (true, false, _) => Cell {
            w: j.w * 2.0 / 3.0,
            ..*j
        },
        (false, _, true) => Cell {
            y: j.y + j.h / 3.0,
            h: j.h * 2.0 / 3.0,
            ..*j
        },
        (false, _, false) => Cell {
            h: j.h * 2.0 / 3.0,
            ..*j
        },
    };
    let (ink, _) = sheet.inside(&far, INSET, sheet.paper_round(j));
    ink < EMPTY_BELOW
}

/// The paper's brightness from samples round a box: bright enough that a few dark ones (a
/// stroke, a printed line) do not count.
fn paper_of(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples
        .get(samples.len() * 3 / 4)
        .copied()
        .unwrap_or(255.0)
        .max(1.0)
}

/// Every box of the layout read. An empty box with a ring drawn round it was meant: a clean
/// ring counts as a mark; a ring big enough to run into the boxes beside it leaves the box and
/// what it touches to a person (a box beside with a mark of its own keeps it).
fn measure_all(img: &Gray, to_scan: &Homography, layout: &Layout) -> Vec<BoxReading> {
    let measured: Vec<BoxReading> = layout
        .boxes
        .iter()
        .map(|c| measure(img, to_scan, c, INSET))
        .collect();
    let mut read = measured.clone();
    let mark_of = |j: usize| measured.get(j).map(|b| b.mark);
    for (i, c) in layout.boxes.iter().enumerate() {
        if mark_of(i) != Some(Mark::Empty) {
            continue;
        }
        let close = near(layout, i);
        let others: Vec<Cell> = close
            .iter()
            .filter_map(|j| layout.boxes.get(*j))
            .copied()
            .collect();
        if !ringed(img, to_scan, c, &others) {
            continue;
        }
        // A box beside with ink only along its edge towards this one: the ring ran into it.
        let touched: Vec<usize> = close
            .into_iter()
            .filter(|j| mark_of(*j) != Some(Mark::Empty))
            .filter(|j| {
                layout
                    .boxes
                    .get(*j)
                    .is_some_and(|b| only_near_edge(img, to_scan, c, b))
            })
            .collect();
        if let Some(b) = read.get_mut(i) {
            b.mark = if touched.is_empty() {
                Mark::Marked
            } else {
                Mark::Unsure
            };
        }
        for j in touched {
            if let Some(b) = read.get_mut(j) {
                b.mark = Mark::Unsure;
            }
        }
    }
    read
}

/// The other boxes close enough to `i`'s to lie in the band `ringed` looks at.
fn near(layout: &Layout, i: usize) -> Vec<usize> {
    let Some(me) = layout.boxes.get(i) else {
        return Vec::new();
    };
    let reach = RING_OUT + 1.0;
    layout
        .boxes
        .iter()
        .enumerate()
        .filter(|(j, b)| {
            *j != i
                && b.x < me.x + me.w + reach
                && b.x + b.w > me.x - reach
                && b.y < me.y + me.h + reach
                && b.y + b.h > me.y - reach
        })
        .map(|(j, _)| j)
        .collect()
}

/// How far out from a box's edge a ring round it is looked for.
const RING_IN: f64 = 0.7;
const RING_OUT: f64 = 3.1;

/// Whether a line runs along the sides of `cell` a little outside it — a ring drawn round the
/// box instead of a mark in it. Each side is looked at along lines parallel to it, from
/// `RING_IN` to `RING_OUT` mm out, over the middle of the side; samples on or near another
/// box's printed edge (`others`) are left out, so neighbours never look like a ring. Printed
/// text (a number, a column's letter) lies along one side at most, never two facing ones.
fn ringed(img: &Gray, to_scan: &Homography, cell: &Cell, others: &[Cell]) -> bool {
    let sheet = Sheet { img, to_scan };
    let at = |x: f64, y: f64| sheet.at(x, y);
    let printed = |x: f64, y: f64| {
        others
            .iter()
            .any(|o| x > o.x - 0.5 && x < o.x + o.w + 0.5 && y > o.y - 0.5 && y < o.y + o.h + 0.5)
    };
    let (cx, cy) = (cell.x + cell.w / 2.0, cell.y + cell.h / 2.0);
    // Each side: its middle, the way out from the box, the way along it, and its length.
    let sides = [
        (Pt::new(cx, cell.y), (0.0, -1.0), (1.0, 0.0), cell.w),
        (Pt::new(cx, cell.y + cell.h), (0.0, 1.0), (1.0, 0.0), cell.w),
        (Pt::new(cell.x, cy), (-1.0, 0.0), (0.0, 1.0), cell.h),
        (Pt::new(cell.x + cell.w, cy), (1.0, 0.0), (0.0, 1.0), cell.h),
    ];
    let mut paper_samples = Vec::new();
    let mut lines = Vec::new();
    for (mid, out, along, len) in sides {
        let point = |d: f64, t: f64| {
            (
                mid.x + out.0 * d + along.0 * t,
                mid.y + out.1 * d + along.1 * t,
            )
        };
        let mut side = Vec::new();
        let mut d = RING_IN;
        while d <= RING_OUT + 1e-9 {
            let mut line = Vec::new();
            let mut t = -0.35 * len;
            while t <= 0.35 * len + 1e-9 {
                let (x, y) = point(d, t);
                if !printed(x, y) {
                    let v = at(x, y);
                    paper_samples.push(v);
                    line.push(v);
                }
                t += 0.25;
            }
            side.push(line);
            d += 0.4;
        }
        lines.push(side);
    }
    let paper = paper_of(paper_samples);
    // A side is seen when most of its lines are clear of other boxes (rows a millimetre apart
    // hide what lies between them); the sides seen must all carry a line of ink.
    let seen: Vec<&Vec<Vec<f64>>> = lines
        .iter()
        .filter(|side| side.iter().filter(|line| line.len() >= 4).count() >= 3)
        .collect();
    seen.len() >= 2
        && seen.iter().all(|side| {
            side.iter().any(|line| {
                let ink = line.iter().filter(|v| **v < paper * INK).count();
                line.len() >= 4 && ink * 2 >= line.len()
            })
        })
}

#[cfg(test)]
mod tests {
    use super::super::synth::{draw, Pen, Scan};
    use super::*;

    /// Twenty people (or questions), five boxes each.
    fn layout() -> Layout {
        Layout::default().grid(Pt::new(40.0, 60.0), 20, 5, 5.0, Pt::new(12.0, 8.0))
    }

    fn code() -> SheetCode {
        SheetCode::new(37, 212).expect("in range")
    }

    /// The marks of the test sheet and what each group should read as.
    fn marked() -> (Vec<(usize, Pen)>, Vec<Choice>) {
        let pens = [Pen::Fill, Pen::Tick, Pen::Cross];
        let mut marks = Vec::new();
        let mut expected = Vec::new();
        for row in 0..20 {
            let col = row % 5;
            let first = row * 5;
            match row {
                5 | 11 => expected.push(Choice::Blank),
                6 => {
                    marks.push((first + 1, Pen::Tick));
                    marks.push((first + 3, Pen::Cross));
                    expected.push(Choice::Several(vec![1, 3]));
                }
                7 => {
                    marks.push((first + col, Pen::Light));
                    expected.push(Choice::Unsure(vec![col]));
                }
                8 => {
                    marks.push((first + col, Pen::Erased));
                    expected.push(Choice::Unsure(vec![col]));
                }
                _ => {
                    marks.push((first + col, pens[row % 3]));
                    expected.push(Choice::One(col));
                }
            }
        }
        (marks, expected)
    }

    fn scans() -> Vec<(&'static str, Scan)> {
        vec![
            ("straight, 150 dpi", Scan::default()),
            (
                "turned 3°, smaller, shifted, noisy and blurred",
                Scan {
                    turn_degrees: 3.0,
                    scale: 0.97,
                    shift: Pt::new(2.5, -1.5),
                    noise: 12,
                    blur: true,
                    ..Scan::default()
                },
            ),
            (
                "turned −3°, larger, 200 dpi",
                Scan {
                    dpi: 200.0,
                    turn_degrees: -3.0,
                    scale: 1.03,
                    shift: Pt::new(-2.0, 2.0),
                    ..Scan::default()
                },
            ),
            (
                "upside down",
                Scan {
                    upside_down: true,
                    turn_degrees: 1.5,
                    noise: 8,
                    ..Scan::default()
                },
            ),
        ]
    }

    #[test]
    fn every_mark_is_read_right_or_left_to_a_person_on_every_scan() {
        let (marks, expected) = marked();
        let layout = layout();
        for (name, scan) in scans() {
            let img = draw(&layout, code(), &marks, scan);
            let page = read_page(&img, &layout).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(page.code, code(), "{name}");
            assert_eq!(page.upside_down, scan.upside_down, "{name}");
            let read = choices(&page, &layout);
            for (row, (got, want)) in read.iter().zip(&expected).enumerate() {
                assert_eq!(
                    got,
                    want,
                    "{name}: row {row}, boxes {:?}",
                    &page.boxes[row * 5..row * 5 + 5]
                );
            }
        }
    }

    #[test]
    fn a_clean_ring_round_a_box_counts_a_messy_one_goes_to_a_person_and_rows_are_no_rings() {
        // Rows a millimetre apart (the tightest ballot), and boxes as close across (a card's
        // row of options): a ring is seen on the two sides left open. A box hemmed in on all
        // four sides would hide it; no sheet the app prints has one.
        let ballot = Layout::default().grid(Pt::new(40.0, 60.0), 20, 5, 4.2, Pt::new(15.0, 5.5));
        let card = Layout::default().grid(Pt::new(40.0, 60.0), 20, 5, 4.0, Pt::new(5.5, 7.5));
        let cases = [
            (&ballot, 0.3, [2, 12]),
            (&ballot, 1.6, [2, 12]),
            (&card, 0.3, [6, 8]),
            (&card, 1.6, [6, 8]),
        ];
        for (tight, margin, beside) in cases {
            let marks = [(7, Pen::Circle(margin)), (31, Pen::Tick), (55, Pen::Fill)];
            let page =
                read_page(&draw(tight, code(), &marks, Scan::default()), tight).expect("reads");
            let mark = |i: usize| page.boxes[i].mark;
            let touched: Vec<usize> = beside
                .into_iter()
                .filter(|i| mark(*i) != Mark::Empty)
                .collect();
            // A big ring runs into the boxes beside it: they and the ringed box are flagged.
            assert!(
                touched.iter().all(|i| mark(*i) == Mark::Unsure),
                "ring {margin} mm out"
            );
            let ringed = if touched.is_empty() {
                Mark::Marked
            } else {
                Mark::Unsure
            };
            assert_eq!(mark(7), ringed, "ring {margin} mm out");
            if margin < 1.0 {
                assert_eq!(mark(7), Mark::Marked, "a ring close round its box counts");
            }
            for i in
                (0..page.boxes.len()).filter(|i| ![7, 31, 55].contains(i) && !beside.contains(i))
            {
                assert_eq!(mark(i), Mark::Empty, "box {i}, ring {margin} mm out");
            }
            assert_eq!((mark(31), mark(55)), (Mark::Marked, Mark::Marked));
        }
    }

    #[test]
    fn a_ring_beside_a_mark_of_another_row_counts_and_the_mark_stays() {
        let ballot = Layout::default().grid(Pt::new(40.0, 60.0), 20, 5, 5.0, Pt::new(15.0, 7.5));
        for (above, pen) in [(2, Pen::Tick), (2, Pen::Fill), (12, Pen::Cross)] {
            let marks = [(7, Pen::Circle(0.6)), (above, pen)];
            let page =
                read_page(&draw(&ballot, code(), &marks, Scan::default()), &ballot).expect("reads");
            assert_eq!(page.boxes[7].mark, Mark::Marked, "ring beside {pen:?}");
            assert_eq!(
                page.boxes[above].mark,
                Mark::Marked,
                "{pen:?} beside a ring"
            );
        }
    }

    #[test]
    fn a_page_without_a_corner_names_the_corner() {
        let layout = layout();
        let mut img = draw(&layout, code(), &[], Scan::default());
        // White out the top right marker.
        let px = 150.0 / 25.4;
        for y in 0..(25.0 * px) as usize {
            for x in ((185.0 * px) as usize)..img.width {
                img.pixels[y * img.width + x] = 245;
            }
        }
        assert_eq!(
            read_page(&img, &layout),
            Err(ReadError::Paper(PaperError::MarkerMissing(
                super::super::Corner::TopRight
            )))
        );
    }

    #[test]
    fn a_scribbled_code_is_not_taken_for_another_sheet() {
        let layout = layout();
        let mut img = draw(&layout, code(), &[], Scan::default());
        // A pen stroke along the code row's left half.
        let px = 150.0 / 25.4;
        for y in ((280.0 * px) as usize)..((282.0 * px) as usize) {
            for x in ((30.0 * px) as usize)..((100.0 * px) as usize) {
                img.pixels[y * img.width + x] = 30;
            }
        }
        assert_eq!(read_page(&img, &layout), Err(ReadError::CodeUnreadable));
    }

    #[test]
    fn a_scan_too_small_to_read_says_so() {
        let img = Gray::new(300, 420, vec![245; 300 * 420]).expect("sizes agree");
        assert!(matches!(
            read_page(&img, &layout()),
            Err(ReadError::Paper(PaperError::TooSmall { .. }))
        ));
    }
}
