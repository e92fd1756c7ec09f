//! A scanned page as grey levels (0 black … 255 white), row by row.

use super::PaperError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gray {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

impl Gray {
    pub fn new(width: usize, height: usize, pixels: Vec<u8>) -> Result<Gray, PaperError> {
        if width == 0 || height == 0 || width.checked_mul(height) != Some(pixels.len()) {
            return Err(PaperError::BadImage);
        }
        Ok(Gray {
            width,
            height,
            pixels,
        })
    }

    /// From the RGBA bytes a canvas gives (ITU-R BT.601 luma; alpha ignored: scans are opaque).
    pub fn from_rgba(width: usize, height: usize, rgba: &[u8]) -> Result<Gray, PaperError> {
        if width.checked_mul(height).and_then(|n| n.checked_mul(4)) != Some(rgba.len()) {
            return Err(PaperError::BadImage);
        }
        let pixels = rgba
            .chunks_exact(4)
            .map(|p| ((299 * p[0] as u32 + 587 * p[1] as u32 + 114 * p[2] as u32) / 1000) as u8)
            .collect();
        Gray::new(width, height, pixels)
    }

    pub fn at(&self, x: usize, y: usize) -> u8 {
        self.pixels.get(y * self.width + x).copied().unwrap_or(255)
    }

    /// The grey level at a point between pixels (bilinear); white outside the image.
    pub fn sample(&self, x: f64, y: f64) -> f64 {
        if !(x >= 0.0 && y >= 0.0) || x > (self.width - 1) as f64 || y > (self.height - 1) as f64 {
            return 255.0;
        }
        let (x0, y0) = (x.floor() as usize, y.floor() as usize);
        let (x1, y1) = ((x0 + 1).min(self.width - 1), (y0 + 1).min(self.height - 1));
        let (fx, fy) = (x - x0 as f64, y - y0 as f64);
        let p = |x, y| self.at(x, y) as f64;
        let top = p(x0, y0) * (1.0 - fx) + p(x1, y0) * fx;
        let bottom = p(x0, y1) * (1.0 - fx) + p(x1, y1) * fx;
        top * (1.0 - fy) + bottom * fy
    }

    /// The level between ink and paper (Otsu's method on the histogram).
    pub fn ink_level(&self) -> u8 {
        let mut histogram = [0u64; 256];
        for &p in &self.pixels {
            histogram[p as usize] += 1;
        }
        let total = self.pixels.len() as f64;
        let sum: f64 = histogram
            .iter()
            .enumerate()
            .map(|(i, n)| i as f64 * *n as f64)
            .sum();
        let (mut below, mut below_sum, mut best, mut level) = (0.0, 0.0, -1.0, 128u8);
        for (i, n) in histogram.iter().enumerate() {
            below += *n as f64;
            below_sum += i as f64 * *n as f64;
            let above = total - below;
            if below == 0.0 || above == 0.0 {
                continue;
            }
            let (m0, m1) = (below_sum / below, (sum - below_sum) / above);
            let between = below * above * (m0 - m1) * (m0 - m1);
            if between > best {
                best = between;
                level = i as u8;
            }
        }
        level
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_that_do_not_match_are_refused() {
        assert_eq!(Gray::new(2, 2, vec![0; 3]), Err(PaperError::BadImage));
        assert_eq!(Gray::new(0, 0, vec![]), Err(PaperError::BadImage));
        assert_eq!(Gray::from_rgba(1, 1, &[0, 0, 0]), Err(PaperError::BadImage));
        assert!(Gray::from_rgba(1, 2, &[255; 8]).is_ok());
    }

    #[test]
    fn samples_blend_neighbours_and_outside_is_paper() {
        let g = Gray::new(2, 1, vec![0, 200]).unwrap_or_else(|_| unreachable!());
        assert_eq!(g.sample(0.5, 0.0), 100.0);
        assert_eq!(g.sample(-1.0, 0.0), 255.0);
        assert_eq!(g.sample(f64::NAN, 0.0), 255.0);
    }

    #[test]
    fn the_ink_level_lies_between_ink_and_paper() {
        let mut pixels = vec![240u8; 100];
        pixels[..30].fill(20);
        let level = Gray::new(10, 10, pixels)
            .unwrap_or_else(|_| unreachable!())
            .ink_level();
        assert!((20..240).contains(&level), "{level}");
    }
}
