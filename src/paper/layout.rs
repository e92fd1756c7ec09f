//! Where things are on a printed sheet, in millimetres from the top left of an A4 page: the
//! four corner markers, the sheet code's row and the boxes. One description prints the sheet
//! and reads it back.

use super::geometry::Pt;

pub const PAGE_WIDTH: f64 = 210.0;
pub const PAGE_HEIGHT: f64 = 297.0;
/// The side of a corner marker (a solid black square).
pub const MARKER: f64 = 8.0;
/// From the page's edge to a marker's outer edge: inside what any office printer prints.
pub const MARKER_INSET: f64 = 10.0;
/// The sheet code's squares: their side and the step from one to the next.
pub const CODE_SQUARE: f64 = 4.0;
pub const CODE_PITCH: f64 = 5.0;

/// The markers' centres: top left, top right, bottom right, bottom left.
pub fn marker_centres() -> [Pt; 4] {
    let near = MARKER_INSET + MARKER / 2.0;
    let (right, bottom) = (PAGE_WIDTH - near, PAGE_HEIGHT - near);
    [
        Pt::new(near, near),
        Pt::new(right, near),
        Pt::new(right, bottom),
        Pt::new(near, bottom),
    ]
}

/// A rectangle on the sheet: its top left corner and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Cell {
    pub fn square(x: f64, y: f64, side: f64) -> Cell {
        Cell {
            x,
            y,
            w: side,
            h: side,
        }
    }

    /// The same rectangle `by` smaller on every side.
    pub fn inset(&self, by: f64) -> Cell {
        Cell {
            x: self.x + by,
            y: self.y + by,
            w: self.w - 2.0 * by,
            h: self.h - 2.0 * by,
        }
    }

    /// Within the area the markers frame, clear of them.
    pub fn inside_frame(&self) -> bool {
        let (lo, hi_x, hi_y) = (
            MARKER_INSET,
            PAGE_WIDTH - MARKER_INSET,
            PAGE_HEIGHT - MARKER_INSET - MARKER - 2.0,
        );
        let clear_of_markers = self.y > lo + MARKER + 1.0 || {
            self.x > lo + MARKER + 1.0 && self.x + self.w < hi_x - MARKER - 1.0
        };
        self.x >= lo
            && self.y >= lo
            && self.x + self.w <= hi_x
            && self.y + self.h <= hi_y
            && clear_of_markers
    }
}

/// The sheet code's squares, left to right, in the bottom margin between the lower markers.
pub fn code_cells() -> Vec<Cell> {
    let bits = super::code::BITS as f64;
    let x0 = (PAGE_WIDTH - (bits - 1.0) * CODE_PITCH - CODE_SQUARE) / 2.0;
    let y = PAGE_HEIGHT - MARKER_INSET - MARKER / 2.0 - CODE_SQUARE / 2.0;
    (0..super::code::BITS)
        .map(|i| Cell::square(x0 + i as f64 * CODE_PITCH, y, CODE_SQUARE))
        .collect()
}

/// Boxes of which at most one may be marked (a person's grade, a question's answer, a digit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    pub first: usize,
    pub len: usize,
}

/// The boxes of one kind of sheet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    pub boxes: Vec<Cell>,
    pub groups: Vec<Group>,
}

impl Layout {
    /// Adds `rows` groups of `cols` boxes of side `size`, the first at `top_left`, the next box
    /// `step.x` to the right and the next group `step.y` below.
    pub fn grid(mut self, top_left: Pt, rows: usize, cols: usize, size: f64, step: Pt) -> Layout {
        for r in 0..rows {
            self.groups.push(Group {
                first: self.boxes.len(),
                len: cols,
            });
            for c in 0..cols {
                self.boxes.push(Cell::square(
                    top_left.x + c as f64 * step.x,
                    top_left.y + r as f64 * step.y,
                    size,
                ));
            }
        }
        self
    }

    /// Every box lies within the frame; printing a layout that does not is refused.
    pub fn fits(&self) -> bool {
        self.boxes.iter().all(Cell::inside_frame)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_row_lies_between_the_lower_markers() {
        let cells = code_cells();
        let [_, _, right, left] = marker_centres();
        assert_eq!(cells.len(), super::super::code::BITS);
        assert!(cells[0].x > left.x + MARKER / 2.0 + 1.0);
        let last = cells[cells.len() - 1];
        assert!(last.x + last.w < right.x - MARKER / 2.0 - 1.0);
    }

    #[test]
    fn a_grid_fits_the_frame_and_one_off_the_page_does_not() {
        let ok = Layout::default().grid(Pt::new(40.0, 60.0), 30, 5, 5.0, Pt::new(12.0, 7.0));
        assert_eq!(ok.groups.len(), 30);
        assert_eq!(ok.boxes.len(), 150);
        assert!(ok.fits());
        let low = Layout::default().grid(Pt::new(40.0, 60.0), 40, 5, 5.0, Pt::new(12.0, 7.0));
        assert!(!low.fits(), "runs into the code row");
        let corner = Layout::default().grid(Pt::new(12.0, 12.0), 1, 1, 5.0, Pt::new(0.0, 0.0));
        assert!(!corner.fits(), "under a marker");
    }
}
