//! Scans the tests draw themselves: a sheet of `layout` with its markers, code and boxes,
//! marked as people mark (filled, ticked, crossed, light pencil, rubbed out), then put through
//! what a scanner does to a page (resolution, a turn, scale, shift, noise, blur, upside down).

use super::code::SheetCode;
use super::geometry::Pt;
use super::image::Gray;
use super::layout::{self, Cell, Layout, MARKER, PAGE_HEIGHT, PAGE_WIDTH};

#[derive(Debug, Clone, Copy)]
pub enum Pen {
    Fill,
    Tick,
    Cross,
    /// A light pencil mark.
    Light,
    /// A mark rubbed out: a grey smudge stays.
    Erased,
    /// A tick whose long stroke runs out of the box towards the next one.
    Spill,
    /// A ring drawn round the box instead of a mark in it, this far (mm) outside its corners.
    Circle(f64),
}

#[derive(Debug, Clone, Copy)]
pub struct Scan {
    pub dpi: f64,
    pub turn_degrees: f64,
    pub scale: f64,
    /// In millimetres of the page.
    pub shift: Pt,
    pub upside_down: bool,
    pub noise: u8,
    pub blur: bool,
    /// A fold across the page at this height (mm): a grey band with a crease along it.
    pub fold: Option<f64>,
}

impl Default for Scan {
    fn default() -> Scan {
        Scan {
            dpi: 150.0,
            turn_degrees: 0.0,
            scale: 1.0,
            shift: Pt::new(0.0, 0.0),
            upside_down: false,
            noise: 0,
            blur: false,
            fold: None,
        }
    }
}

struct Canvas {
    w: usize,
    h: usize,
    pixels: Vec<u8>,
    px_per_mm: f64,
    scan: Scan,
}

impl Canvas {
    fn new(scan: Scan) -> Canvas {
        let px_per_mm = scan.dpi / 25.4;
        let (w, h) = (
            (PAGE_WIDTH * px_per_mm) as usize,
            (PAGE_HEIGHT * px_per_mm) as usize,
        );
        Canvas {
            w,
            h,
            pixels: vec![245; w * h],
            px_per_mm,
            scan,
        }
    }

    fn forward(&self, p: Pt) -> Pt {
        let (s, c) = self.scan.turn_degrees.to_radians().sin_cos();
        let k = self.scan.scale * self.px_per_mm;
        let (dx, dy) = (p.x - PAGE_WIDTH / 2.0, p.y - PAGE_HEIGHT / 2.0);
        Pt::new(
            self.w as f64 / 2.0 + (self.scan.shift.x * self.px_per_mm) + k * (c * dx - s * dy),
            self.h as f64 / 2.0 + (self.scan.shift.y * self.px_per_mm) + k * (s * dx + c * dy),
        )
    }

    fn back(&self, p: Pt) -> Pt {
        let (s, c) = self.scan.turn_degrees.to_radians().sin_cos();
        let k = self.scan.scale * self.px_per_mm;
        let dx = (p.x - self.w as f64 / 2.0 - self.scan.shift.x * self.px_per_mm) / k;
        let dy = (p.y - self.h as f64 / 2.0 - self.scan.shift.y * self.px_per_mm) / k;
        Pt::new(
            PAGE_WIDTH / 2.0 + c * dx + s * dy,
            PAGE_HEIGHT / 2.0 - s * dx + c * dy,
        )
    }

    /// Darkens to `ink` every pixel whose centre, on the page, `inside` accepts within `area`.
    fn paint(&mut self, area: Cell, ink: u8, inside: impl Fn(Pt) -> bool) {
        let corners = [
            Pt::new(area.x, area.y),
            Pt::new(area.x + area.w, area.y),
            Pt::new(area.x, area.y + area.h),
            Pt::new(area.x + area.w, area.y + area.h),
        ]
        .map(|p| self.forward(p));
        // The pixels the corners span along one axis, within the image.
        let span = |along: fn(&Pt) -> f64, size: usize| {
            let lo = corners.iter().map(along).fold(f64::MAX, f64::min);
            let hi = corners.iter().map(along).fold(f64::MIN, f64::max);
            (lo.floor().max(0.0) as usize, (hi.ceil() as usize).min(size))
        };
        let (lo_x, hi_x) = span(|p| p.x, self.w);
        let (lo_y, hi_y) = span(|p| p.y, self.h);
        for y in lo_y..hi_y {
            for x in lo_x..hi_x {
                if inside(self.back(Pt::new(x as f64 + 0.5, y as f64 + 0.5))) {
                    let p = &mut self.pixels[y * self.w + x];
                    *p = (*p).min(ink);
                }
            }
        }
    }

    fn rect(&mut self, r: Cell, ink: u8) {
        self.paint(r, ink, move |p| {
            p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h
        });
    }

    fn outline(&mut self, r: Cell, line: f64, ink: u8) {
        let half = line / 2.0;
        let outer = Cell {
            x: r.x - half,
            y: r.y - half,
            w: r.w + line,
            h: r.h + line,
        };
        self.paint(outer, ink, move |p| {
            let inside_outer = p.x >= r.x - half
                && p.x <= r.x + r.w + half
                && p.y >= r.y - half
                && p.y <= r.y + r.h + half;
            let inside_inner = p.x > r.x + half
                && p.x < r.x + r.w - half
                && p.y > r.y + half
                && p.y < r.y + r.h - half;
            inside_outer && !inside_inner
        });
    }

    fn stroke(&mut self, a: Pt, b: Pt, width: f64, ink: u8) {
        let area = Cell {
            x: a.x.min(b.x) - width,
            y: a.y.min(b.y) - width,
            w: (a.x - b.x).abs() + 2.0 * width,
            h: (a.y - b.y).abs() + 2.0 * width,
        };
        self.paint(area, ink, move |p| {
            let (vx, vy) = (b.x - a.x, b.y - a.y);
            let t = (((p.x - a.x) * vx + (p.y - a.y) * vy) / (vx * vx + vy * vy)).clamp(0.0, 1.0);
            Pt::new(a.x + t * vx, a.y + t * vy).distance(p) <= width / 2.0
        });
    }

    /// A fold: the band a fold greys, darker along its crease.
    fn fold(&mut self, at: f64) {
        for y in 0..self.h {
            for x in 0..self.w {
                let on_page = self.back(Pt::new(x as f64 + 0.5, y as f64 + 0.5));
                let d = (on_page.y - at).abs();
                let by = if d <= 0.2 {
                    70
                } else if d <= 3.0 {
                    28
                } else {
                    0
                };
                let p = &mut self.pixels[y * self.w + x];
                *p = p.saturating_sub(by);
            }
        }
    }

    fn finish(mut self) -> Gray {
        if let Some(at) = self.scan.fold {
            self.fold(at);
        }
        if self.scan.blur {
            let src = self.pixels.clone();
            for y in 1..self.h - 1 {
                for x in 1..self.w - 1 {
                    let mut sum = 0u32;
                    for (dx, dy) in [
                        (0, 0),
                        (1, 0),
                        (2, 0),
                        (0, 1),
                        (1, 1),
                        (2, 1),
                        (0, 2),
                        (1, 2),
                        (2, 2),
                    ] {
                        sum += u32::from(src[(y + dy - 1) * self.w + x + dx - 1]);
                    }
                    self.pixels[y * self.w + x] = (sum / 9) as u8;
                }
            }
        }
        let mut seed = 0x2545_f491_u32;
        let n = i32::from(self.scan.noise);
        if n > 0 {
            for p in &mut self.pixels {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                let d = (seed % (2 * n as u32 + 1)) as i32 - n;
                *p = (i32::from(*p) + d).clamp(0, 255) as u8;
            }
        }
        if self.scan.upside_down {
            self.pixels.reverse();
        }
        // The canvas was made w × h and only ever changed in place.
        Gray {
            width: self.w,
            height: self.h,
            pixels: self.pixels,
        }
    }
}

/// A scan of `layout`'s sheet numbered `code`, with `marks` (box, pen) made on it. `title`
/// draws a line of heavy text near the top left, as a form's title.
pub fn draw(layout: &Layout, code: SheetCode, marks: &[(usize, Pen)], scan: Scan) -> Gray {
    let mut c = Canvas::new(scan);
    for m in layout::marker_centres() {
        c.rect(
            Cell::square(m.x - MARKER / 2.0, m.y - MARKER / 2.0, MARKER),
            20,
        );
    }
    for (cell, bit) in layout::code_cells().iter().zip(code.bits()) {
        if bit {
            c.rect(*cell, 25);
        }
    }
    // A title in heavy strokes, in the marker's search area.
    for i in 0..8 {
        let x = 30.0 + i as f64 * 9.0;
        c.rect(
            Cell {
                x,
                y: 12.0,
                w: 1.2,
                h: 8.0,
            },
            30,
        );
        c.rect(
            Cell {
                x,
                y: 15.0,
                w: 7.0,
                h: 1.2,
            },
            30,
        );
    }
    for b in &layout.boxes {
        c.outline(*b, 0.3, 60);
    }
    c.mark(layout, marks);
    c.finish()
}

/// A scan of a sheet printed and scanned for real (`page`, an upright A4 image at `dpi`, as
/// `pdftoppm` makes it from the app's print), with `marks` made on it by `layout`'s boxes and
/// the damage of `scan`.
pub fn draw_on(page: &Gray, dpi: f64, layout: &Layout, marks: &[(usize, Pen)], scan: Scan) -> Gray {
    let mut c = Canvas::new(scan);
    let per_mm = dpi / 25.4;
    for y in 0..c.h {
        for x in 0..c.w {
            let at = c.back(Pt::new(x as f64 + 0.5, y as f64 + 0.5));
            let v = page.sample(at.x * per_mm - 0.5, at.y * per_mm - 0.5);
            c.pixels[y * c.w + x] = v.round().clamp(0.0, 255.0) as u8;
        }
    }
    c.mark(layout, marks);
    c.finish()
}

impl Canvas {
    fn mark(&mut self, layout: &Layout, marks: &[(usize, Pen)]) {
        let c = self;
        for &(i, pen) in marks {
            let Some(b) = layout.boxes.get(i).copied() else {
                continue;
            };
            let at = |fx: f64, fy: f64| Pt::new(b.x + fx * b.w, b.y + fy * b.h);
            match pen {
                Pen::Fill => c.rect(b.inset(0.4), 35),
                Pen::Tick => {
                    c.stroke(at(0.15, 0.55), at(0.4, 0.85), 0.5, 40);
                    c.stroke(at(0.4, 0.85), at(0.9, 0.1), 0.5, 40);
                }
                Pen::Cross => {
                    c.stroke(at(0.1, 0.1), at(0.9, 0.9), 0.5, 40);
                    c.stroke(at(0.9, 0.1), at(0.1, 0.9), 0.5, 40);
                }
                Pen::Light => c.rect(b.inset(0.6), 175),
                Pen::Erased => c.rect(b.inset(0.5), 212),
                Pen::Spill => {
                    c.stroke(at(0.15, 0.55), at(0.4, 0.85), 0.5, 40);
                    c.stroke(at(0.4, 0.85), Pt::new(b.x + b.w + 1.6, b.y - 0.6), 0.5, 40);
                }
                Pen::Circle(margin) => {
                    let centre = at(0.5, 0.5);
                    let r = b.w.hypot(b.h) / 2.0 + margin;
                    c.paint(
                        Cell::square(centre.x - r - 1.0, centre.y - r - 1.0, 2.0 * r + 2.0),
                        45,
                        move |p| (p.distance(centre) - r).abs() <= 0.25,
                    );
                }
            }
        }
    }
}
