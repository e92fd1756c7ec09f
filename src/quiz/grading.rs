//! Grading: every score recomputed from the answers and the secretary's own paper (never from
//! a file), results with pass/fail, per-question statistics and the score distribution.

use super::attempt::{Attempt, Response};
use super::model::{Answer, QuestionKind};
use super::paper::{PaperQuestion, Quiz};
use crate::sorted::SortedMap;

/// How one answer fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Correct,
    Partial,
    Wrong,
    Unanswered,
    /// A 简答 answer waiting for a person to mark it.
    NeedsMarking,
    /// The paper has no answer key (an exam package on a cadre's computer).
    NoKey,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionMark {
    pub awarded: u32,
    pub verdict: Verdict,
}

/// Fill-in answers compare without case, spaces or full-width forms. Case is that of Latin
/// letters (full-width ones are folded first): answers are Chinese text, numbers and
/// abbreviations, and full Unicode case tables would be 14 KB gzip of the download.
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

pub fn mark(q: &PaperQuestion, response: Option<&Response>, manual: Option<u32>) -> QuestionMark {
    let full = q.points;
    let verdict_of = |ok: bool| {
        if ok {
            QuestionMark {
                awarded: full,
                verdict: Verdict::Correct,
            }
        } else {
            QuestionMark {
                awarded: 0,
                verdict: Verdict::Wrong,
            }
        }
    };
    // A mark given by hand stands, for 简答 only: every other kind is marked by its key, so no
    // mark stored with a sheet can change its score.
    if let Some(points) = manual.filter(|_| q.kind == QuestionKind::ShortAnswer) {
        let awarded = points.min(full);
        let verdict = if awarded == full {
            Verdict::Correct
        } else if awarded == 0 {
            Verdict::Wrong
        } else {
            Verdict::Partial
        };
        return QuestionMark { awarded, verdict };
    }
    let Some(response) = response else {
        return QuestionMark {
            awarded: 0,
            verdict: Verdict::Unanswered,
        };
    };
    let Some(answer) = &q.answer else {
        return QuestionMark {
            awarded: 0,
            verdict: Verdict::NoKey,
        };
    };
    match (answer, response) {
        (Answer::Choice(right), Response::Choice(given)) => verdict_of(right == given),
        (Answer::TrueFalse(right), Response::TrueFalse(given)) => verdict_of(right == given),
        (Answer::Blanks(blanks), Response::Blanks(given)) => {
            let hits = blanks
                .iter()
                .enumerate()
                .filter(|(i, accepted)| {
                    given
                        .get(*i)
                        .is_some_and(|g| accepted.iter().any(|a| normalise(a) == normalise(g)))
                })
                .count();
            let n = blanks.len().max(1) as u32;
            let awarded = full * hits as u32 / n;
            let verdict = match hits {
                0 => Verdict::Wrong,
                h if h == blanks.len() => Verdict::Correct,
                _ => Verdict::Partial,
            };
            QuestionMark {
                awarded: if verdict == Verdict::Correct {
                    full
                } else {
                    awarded
                },
                verdict,
            }
        }
        (Answer::Reference(_), Response::Text(_)) => QuestionMark {
            awarded: 0,
            verdict: Verdict::NeedsMarking,
        },
        _ => QuestionMark {
            awarded: 0,
            verdict: Verdict::Wrong,
        },
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graded {
    pub marks: Vec<QuestionMark>,
    pub score: u32,
    pub max: u32,
    pub passed: bool,
    /// Answers still to be marked by hand.
    pub pending: usize,
}

pub fn grade(quiz: &Quiz, attempt: &Attempt) -> Graded {
    let marks: Vec<QuestionMark> = quiz
        .paper
        .iter()
        .enumerate()
        .map(|(i, q)| {
            mark(
                q,
                attempt.answers.get(&i),
                attempt.manual_points.get(&i).copied(),
            )
        })
        .collect();
    let score = marks.iter().map(|m| m.awarded).sum();
    let pending = marks
        .iter()
        .filter(|m| m.verdict == Verdict::NeedsMarking)
        .count();
    Graded {
        score,
        max: quiz.total_points(),
        passed: score >= quiz.pass_mark,
        pending,
        marks,
    }
}

/// Fewer sheets than this say nothing about how well a question tells strong from weak.
pub const MIN_SHEETS_FOR_DISCRIMINATION: usize = 10;

/// A wrong answer people gave, as the secretary sees it in the bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WrongAnswer {
    /// A choice option by its index on the paper (the bank's order: A, B, …).
    Option(usize),
    /// 判断: the wrong verdict.
    TrueFalse(bool),
}

/// One question's statistics over all graded attempts.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionStats {
    pub position: usize,
    pub answered: usize,
    /// Share of those who answered that got full marks, 0–1 (none if nobody answered).
    pub correct_rate: Option<f64>,
    /// Correct rate in the top 27 % by total score minus that in the bottom 27 %; only with
    /// at least `MIN_SHEETS_FOR_DISCRIMINATION` sheets.
    pub discrimination: Option<f64>,
    /// The wrong answer given most often, and by how many.
    pub top_wrong: Option<(WrongAnswer, usize)>,
}

pub fn question_stats(quiz: &Quiz, attempts: &[&Attempt], graded: &[Graded]) -> Vec<QuestionStats> {
    let n = attempts.len();
    // Groups of the top and bottom 27 % (at least one person each) by total score.
    let mut order: Vec<usize> = (0..n).collect();
    crate::order::sort_by(&mut order, |&i| {
        crate::order::Key::int(-i64::from(graded[i].score))
    });
    let group = ((n as f64) * 0.27).round().max(1.0) as usize;
    let (top, bottom) = if n >= 2 {
        (&order[..group.min(n / 2)], &order[n - group.min(n / 2)..])
    } else {
        (&order[..0], &order[..0])
    };
    quiz.paper
        .iter()
        .enumerate()
        .map(|(pos, q)| {
            let full = |i: usize| {
                graded[i]
                    .marks
                    .get(pos)
                    .is_some_and(|m| m.verdict == Verdict::Correct)
            };
            let rate = |group: &[usize]| {
                group.iter().filter(|&&i| full(i)).count() as f64 / group.len().max(1) as f64
            };
            let who_answered: Vec<usize> = (0..n)
                .filter(|&i| attempts[i].answers.contains_key(&pos))
                .collect();
            let top_wrong = match &q.answer {
                Some(Answer::Choice(right)) => {
                    let mut counts: SortedMap<usize, usize> = SortedMap::new();
                    for a in attempts {
                        if let Some(Response::Choice(given)) = a.answers.get(&pos) {
                            for o in given.iter().filter(|o| !right.contains(o)) {
                                *counts.entry(*o).or_insert(0) += 1;
                            }
                        }
                    }
                    counts
                        .into_iter()
                        .max_by_key(|(o, c)| (*c, std::cmp::Reverse(*o)))
                        .map(|(o, c)| (WrongAnswer::Option(o), c))
                }
                Some(Answer::TrueFalse(right)) => {
                    let wrong = attempts
                        .iter()
                        .filter(|a| a.answers.get(&pos) == Some(&Response::TrueFalse(!right)))
                        .count();
                    (wrong > 0).then_some((WrongAnswer::TrueFalse(!right), wrong))
                }
                _ => None,
            };
            QuestionStats {
                position: pos,
                answered: who_answered.len(),
                correct_rate: (!who_answered.is_empty()).then(|| rate(&who_answered)),
                discrimination: (n >= MIN_SHEETS_FOR_DISCRIMINATION)
                    .then(|| rate(top) - rate(bottom)),
                top_wrong,
            }
        })
        .collect()
}

/// Counts of scores in ten bands of the maximum (0–10 %, …, 90–100 %).
pub fn distribution(graded: &[Graded]) -> [usize; 10] {
    let mut bands = [0usize; 10];
    for g in graded {
        let band = if g.max == 0 {
            0
        } else {
            ((g.score as u64 * 10) / g.max as u64).min(9) as usize
        };
        bands[band] += 1;
    }
    bands
}

pub mod score_table;

#[cfg(test)]
mod tests;
