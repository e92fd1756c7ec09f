//! 纸质票卡: reading the paper ballots and answer cards the app prints, from the office
//! scanner's images. Pure: the browser only turns a file into pixels (`image::Gray`); finding
//! the page (`markers`, `geometry`), its sheet code (`code`) and each box's ink (`read`) are
//! plain Rust, tested natively on scans the tests draw themselves (`synth`). Where the app
//! prints a sheet, `layout` is the one description in millimetres that prints and reads it.

pub mod code;
pub mod geometry;
pub mod image;
pub mod layout;
pub mod markers;
pub mod pdf;
pub mod read;

/// Scans drawn for the tests and the benchmark; nothing in the app calls it.
#[doc(hidden)]
pub mod synth;

/// Why a page could not be read. Each says what to do, in the clerk's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaperError {
    /// The pixels do not make an image of the size given.
    BadImage,
    /// The image is too small to hold an A4 sheet at a readable resolution.
    TooSmall { width: usize, height: usize },
    /// A corner marker was not found: a page of another kind, cut off, or folded over.
    MarkerMissing(Corner),
    /// The markers were found but do not make an A4 sheet (a page scanned crooked or cropped).
    NotASheet,
}

/// A corner of the sheet, as the clerk sees it on paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corner {
    TopLeft,
    TopRight,
    BottomRight,
    BottomLeft,
}

impl Corner {
    pub const ALL: [Corner; 4] = [
        Corner::TopLeft,
        Corner::TopRight,
        Corner::BottomRight,
        Corner::BottomLeft,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Corner::TopLeft => "左上角",
            Corner::TopRight => "右上角",
            Corner::BottomRight => "右下角",
            Corner::BottomLeft => "左下角",
        }
    }
}

impl PaperError {
    pub fn message(&self) -> String {
        match self {
            PaperError::BadImage => "这张图片读不出来，请重新扫描后再选。".into(),
            PaperError::TooSmall { width, height } => format!(
                "图片太小（{width}×{height} 像素），看不清方框。请用 150 dpi 以上扫描整张 A4 纸。"
            ),
            PaperError::MarkerMissing(c) => format!(
                "没有找到纸{}的黑色定位方块。请确认扫描的是本应用打印的票或答题卡，四个角都完整、没有折起。",
                c.label()
            ),
            PaperError::NotASheet => {
                "四个定位方块的位置不像一张 A4 纸（可能扫歪了或被裁掉一部分），请放正后重新扫描。"
                    .into()
            }
        }
    }
}
