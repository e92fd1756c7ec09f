//! Taking answer sheets in. A sheet brings one person's answers and the times they were given;
//! marks and scores are the secretary's, entered and computed in this browser. Whatever else a
//! sheet says is checked rather than believed, and what looks wrong is flagged for the secretary.

use std::collections::HashMap;

use chrono::Duration;

use super::attempt::Attempt;
use super::check_code::{self, CheckFinding};
use super::paper::Quiz;
use crate::order::Collect;
use crate::record::Id;
use crate::roster::matching::{find_person, PersonMatch};
use crate::roster::model::Cadre;

/// Time allowed past a quiz's limit before a sheet is flagged: the automatic submission and a
/// slow computer may add a little.
pub const GRACE_MINUTES: i64 = 2;

/// Something the secretary should know about an incoming sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetFlag {
    /// Submitted after the quiz closed.
    Late,
    /// The same person already has another sheet for this quiz.
    Duplicate,
    /// This very sheet, unchanged, was imported before.
    AlreadyImported,
    /// This sheet was imported before with other content: one of the two was edited.
    ChangedSinceImport,
    /// The sheet is for a quiz this browser did not make.
    OtherQuiz,
    /// Not submitted (an unfinished attempt).
    NotSubmitted,
    /// Took longer than the time limit allows.
    OverTime { minutes: i64 },
    /// Submitted before it was started, or before the quiz existed.
    ClockInconsistent,
    /// The file was exported by someone other than the person named on the sheet.
    NotFromRespondent { exporter: String },
    /// The file carried marks; marks are given here only, so they were left out.
    MarksIgnored,
    /// The unit was typed another way than the roster has it; counted for the roster's person.
    UnitWrittenDifferently { typed: String, roster: String },
    /// Nobody of that name and unit is in the roster (counted as written).
    NotInRoster,
    /// Two people in the roster have that name and a unit like the one typed.
    AmbiguousPerson,
    /// Answers saved after the time limit or after the sheet was submitted.
    AnsweredOutOfTime { count: usize },
    /// The quiz asks for a 答题码 but the sheet carries no check.
    NoCheck,
    /// The sheet's check does not match its content and the named person's code.
    CheckMismatch,
}

impl SheetFlag {
    pub fn label(&self) -> String {
        match self {
            SheetFlag::Late => "逾期提交".into(),
            SheetFlag::Duplicate => "重复提交".into(),
            SheetFlag::AlreadyImported => "已导入过".into(),
            SheetFlag::ChangedSinceImport => "与已导入的同一份答卷内容不同，其中一份被改过".into(),
            SheetFlag::OtherQuiz => "不是本机的测验".into(),
            SheetFlag::NotSubmitted => "未提交".into(),
            SheetFlag::OverTime { minutes } => format!("用时 {minutes} 分钟，超过时限"),
            SheetFlag::ClockInconsistent => "答题时间前后矛盾（电脑时间不对或文件被改过）".into(),
            SheetFlag::NotFromRespondent { exporter } => {
                format!("文件由“{exporter}”导出，与答题人不同")
            }
            SheetFlag::MarksIgnored => "文件中带有给分，已忽略（给分只在本机进行）".into(),
            SheetFlag::UnitWrittenDifferently { typed, roster } => {
                format!("单位写作“{typed}”，按名册中的“{roster}”计入")
            }
            SheetFlag::NotInRoster => "名册中没有此人（按答卷上写的姓名和单位计入）".into(),
            SheetFlag::AmbiguousPerson => "名册中有同名的人，单位也相近，请核对是哪一位".into(),
            SheetFlag::AnsweredOutOfTime { count } => {
                format!("有 {count} 道题的作答时间在交卷或时限之后（文件可能被改过）")
            }
            SheetFlag::NoCheck => "答卷没有答题码核对信息（不是凭答题码作答的）".into(),
            SheetFlag::CheckMismatch => {
                "答题码核对不符：交卷后文件被改过，或用的不是本人的答题码".into()
            }
        }
    }

    /// Whether a sheet with this flag is still taken in (flagged) or left out. A changed sheet
    /// is left out unless the secretary, having seen both, chooses it.
    pub fn keeps(&self) -> bool {
        !matches!(
            self,
            SheetFlag::AlreadyImported
                | SheetFlag::ChangedSinceImport
                | SheetFlag::OtherQuiz
                | SheetFlag::NotSubmitted
                | SheetFlag::CheckMismatch
        )
    }
}

/// One sheet as it came in a file, with the name of the person who exported the file.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingSheet {
    pub exporter: String,
    pub attempt: Attempt,
}

/// What taking a sheet in would do: the attempt to store (without any marks from the file),
/// its flags, and the copy already here if this sheet was imported before.
#[derive(Debug, Clone, PartialEq)]
pub struct Intake {
    pub attempt: Attempt,
    pub flags: Vec<SheetFlag>,
    pub earlier: Option<Attempt>,
}

impl Intake {
    pub fn taken_by_default(&self) -> bool {
        self.flags.iter().all(SheetFlag::keeps)
    }

    /// The record written if the secretary takes this sheet: a changed sheet replacing the
    /// earlier copy keeps the marks given here for answers that did not change.
    pub fn to_store(&self) -> Attempt {
        let mut attempt = self.attempt.clone();
        if let Some(earlier) = &self.earlier {
            attempt.manual_points = earlier
                .manual_points
                .iter()
                .filter(|(pos, _)| earlier.answers.get(pos) == attempt.answers.get(pos))
                .map(|(pos, points)| (*pos, *points))
                .to_map();
        }
        attempt
    }
}

/// The same sheet: same answers, state, start and person (marks given here do not count). A
/// paper card's times are when it was scanned, so a card scanned again later is the same sheet
/// when it says the same.
fn same_content(a: &Attempt, b: &Attempt) -> bool {
    let same_times = match (a.paper_card, b.paper_card) {
        (Some(x), Some(y)) => x == y,
        _ => a.started_at == b.started_at && a.state == b.state,
    };
    a.quiz_id == b.quiz_id && a.respondent == b.respondent && a.answers == b.answers && same_times
}

/// Checks a batch of incoming sheets against this browser's quizzes and the sheets already here.
pub fn intake(
    incoming: Vec<IncomingSheet>,
    quizzes: &HashMap<Id, &Quiz>,
    existing: &[Attempt],
    roster: &[Cadre],
) -> Vec<Intake> {
    // Sheets here already, then each new one taken in this batch: two copies of one sheet in
    // one batch are told apart like a copy imported earlier.
    let mut known: Vec<Attempt> = existing.to_vec();
    let mut out = Vec::with_capacity(incoming.len());
    for IncomingSheet {
        exporter,
        mut attempt,
    } in incoming
    {
        let mut flags = Vec::new();
        // Checked against the sheet as it came, before the unit is read as the roster has it.
        let finding = quizzes
            .get(&attempt.quiz_id)
            .and_then(|q| check_code::verify(q, &attempt));
        // The person as the roster has them, so that one person never counts as two. Done
        // before any comparison, so a sheet imported twice reads the same both times.
        let who = &attempt.respondent;
        match find_person(roster, &who.name, &who.unit) {
            PersonMatch::Exact(_) => {}
            PersonMatch::UnitWrittenDifferently(c) => {
                flags.push(SheetFlag::UnitWrittenDifferently {
                    typed: who.unit.clone(),
                    roster: c.unit.clone(),
                });
                attempt.respondent.unit = c.unit.clone();
            }
            PersonMatch::Ambiguous => flags.push(SheetFlag::AmbiguousPerson),
            PersonMatch::NotInRoster if roster.is_empty() => {}
            PersonMatch::NotInRoster => flags.push(SheetFlag::NotInRoster),
        }
        if !attempt.manual_points.is_empty() {
            attempt.manual_points.clear();
            flags.push(SheetFlag::MarksIgnored);
        }
        let earlier = known.iter().find(|a| a.meta.id == attempt.meta.id).cloned();
        let Some(quiz) = quizzes.get(&attempt.quiz_id) else {
            out.push(Intake {
                attempt,
                flags: vec![SheetFlag::OtherQuiz],
                earlier,
            });
            continue;
        };
        let Some(submitted) = attempt.submitted_at() else {
            out.push(Intake {
                attempt,
                flags: vec![SheetFlag::NotSubmitted],
                earlier,
            });
            continue;
        };
        match &earlier {
            Some(e) if same_content(e, &attempt) => flags.push(SheetFlag::AlreadyImported),
            Some(_) => flags.push(SheetFlag::ChangedSinceImport),
            None => {}
        }
        // A paper card's times are when it was scanned: the exam itself was sat in the room.
        let timed = attempt.paper_card.is_none();
        if timed && quiz.closes.is_some_and(|c| submitted > c) {
            flags.push(SheetFlag::Late);
        }
        if submitted < attempt.started_at || attempt.started_at < quiz.meta.created_at {
            flags.push(SheetFlag::ClockInconsistent);
        } else if let Some(limit) = quiz.time_limit_minutes.filter(|_| timed) {
            let used = submitted - attempt.started_at;
            if used > Duration::minutes(i64::from(limit) + GRACE_MINUTES) {
                flags.push(SheetFlag::OverTime {
                    minutes: used.num_minutes(),
                });
            }
        }
        match finding {
            Some(CheckFinding::Missing) => flags.push(SheetFlag::NoCheck),
            Some(CheckFinding::Mismatch) => flags.push(SheetFlag::CheckMismatch),
            Some(CheckFinding::Matches) | None => {}
        }
        let late_answers =
            attempt.answers_out_of_time(quiz.time_limit_minutes, Duration::minutes(GRACE_MINUTES));
        if late_answers > 0 {
            flags.push(SheetFlag::AnsweredOutOfTime {
                count: late_answers,
            });
        }
        let exporter = exporter.trim();
        if !exporter.is_empty() && exporter != attempt.respondent.name.trim() {
            flags.push(SheetFlag::NotFromRespondent {
                exporter: exporter.to_string(),
            });
        }
        let duplicate = known.iter().any(|a| {
            a.meta.id != attempt.meta.id
                && a.quiz_id == attempt.quiz_id
                && a.respondent == attempt.respondent
        });
        if duplicate {
            flags.push(SheetFlag::Duplicate);
        }
        if earlier.is_none() {
            known.push(attempt.clone());
        }
        out.push(Intake {
            attempt,
            flags,
            earlier,
        });
    }
    out
}

pub mod files;

#[cfg(test)]
mod tests;
