//! Points and the perspective transform from the sheet (millimetres) to the scan (pixels),
//! found from the four corner markers: a scan may be turned, scaled, shifted and a little
//! skewed by the feeder, and the transform takes all of it.

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pt {
    pub x: f64,
    pub y: f64,
}

impl Pt {
    pub const fn new(x: f64, y: f64) -> Pt {
        Pt { x, y }
    }

    pub fn distance(self, other: Pt) -> f64 {
        ((self.x - other.x).powi(2) + (self.y - other.y).powi(2)).sqrt()
    }
}

/// A plane homography: `apply` takes a point of the sheet to the scan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Homography([f64; 9]);

impl Homography {
    /// The transform taking each `from[i]` to `to[i]`; `None` when three of the points lie on
    /// one line (no sheet).
    pub fn from_points(from: [Pt; 4], to: [Pt; 4]) -> Option<Homography> {
        // h00 x + h01 y + h02 - h20 x X - h21 y X = X, and the same for Y (h22 = 1).
        let mut a = [[0.0f64; 9]; 8];
        for i in 0..4 {
            let (p, q) = (from[i], to[i]);
            a[2 * i] = [p.x, p.y, 1.0, 0.0, 0.0, 0.0, -p.x * q.x, -p.y * q.x, q.x];
            a[2 * i + 1] = [0.0, 0.0, 0.0, p.x, p.y, 1.0, -p.x * q.y, -p.y * q.y, q.y];
        }
        let h = solve(a)?;
        Some(Homography([
            h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1.0,
        ]))
    }

    pub fn apply(&self, p: Pt) -> Pt {
        let h = &self.0;
        let w = h[6] * p.x + h[7] * p.y + h[8];
        Pt::new(
            (h[0] * p.x + h[1] * p.y + h[2]) / w,
            (h[3] * p.x + h[4] * p.y + h[5]) / w,
        )
    }
}

/// Gaussian elimination with partial pivoting on an 8×8 system (the 9th column is the right
/// side).
fn solve(mut a: [[f64; 9]; 8]) -> Option<[f64; 8]> {
    for col in 0..8 {
        let pivot = (col..8).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-9 {
            return None;
        }
        a.swap(col, pivot);
        let pivot_row = a[col];
        for (r, row) in a.iter_mut().enumerate() {
            if r != col {
                let f = row[col] / pivot_row[col];
                for (value, p) in row.iter_mut().zip(pivot_row).skip(col) {
                    *value -= f * p;
                }
            }
        }
    }
    Some(std::array::from_fn(|i| a[i][8] / a[i][i]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_points_map_exactly_and_a_rotation_is_recovered() {
        let from = [
            Pt::new(0.0, 0.0),
            Pt::new(100.0, 0.0),
            Pt::new(100.0, 200.0),
            Pt::new(0.0, 200.0),
        ];
        let (angle, scale, shift) = (0.05f64, 7.9, Pt::new(30.0, -12.0));
        let turn = |p: Pt| {
            Pt::new(
                scale * (p.x * angle.cos() - p.y * angle.sin()) + shift.x,
                scale * (p.x * angle.sin() + p.y * angle.cos()) + shift.y,
            )
        };
        let h = Homography::from_points(from, from.map(turn)).unwrap_or_else(|| unreachable!());
        for p in [Pt::new(50.0, 50.0), Pt::new(3.0, 190.0), from[2]] {
            assert!(h.apply(p).distance(turn(p)) < 1e-6);
        }
    }

    #[test]
    fn points_on_one_line_make_no_transform() {
        let line = [
            Pt::new(0.0, 0.0),
            Pt::new(1.0, 1.0),
            Pt::new(2.0, 2.0),
            Pt::new(3.0, 3.0),
        ];
        assert_eq!(Homography::from_points(line, line), None);
    }
}
