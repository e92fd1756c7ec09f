//! Ballots arriving from outside (a rater's ballot file, a backup): checked against the round
//! they name before anything is written. A ballot file carries one electronic ballot; its slip
//! code must be one the office printed for its group and not yet counted; a ballot already
//! counted never changes.

use super::model::{Ballot, Evaluation, Source, MAX_ISSUED};
use super::slips;

/// Why an incoming ballot is refused. Each names the round and group as people know them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BallotRefusal {
    /// A ballot file with more (or fewer) than one ballot.
    NotOneBallot(usize),
    /// A ballot file may only carry an electronic ballot (paper and kiosk ballots are counted
    /// on the office's own computer).
    NotElectronic,
    UnknownRound,
    /// The round's rated list or groups changed after the ballot was filled.
    RoundChanged {
        round: String,
    },
    UnknownGroup {
        round: String,
    },
    UnknownPerson {
        round: String,
        group: String,
    },
    NoSlip {
        round: String,
        group: String,
    },
    BadSlip {
        round: String,
        code: String,
    },
    /// The slip was printed for another group than the ballot names.
    SlipOfOtherGroup {
        round: String,
        code: String,
    },
    /// A slip that was never printed for this round.
    SlipNotIssued {
        round: String,
        group: String,
        code: String,
    },
    /// A second ballot with a slip already counted.
    SlipUsed {
        round: String,
        group: String,
        code: String,
    },
    /// A ballot counted here arrives with other content.
    Altered {
        round: String,
        group: String,
        what: String,
        /// The ballot as counted here, and as the file has it, in words.
        counted: String,
        arrived: String,
    },
    /// A paper ballot in a file whose number is impossible or already counted in its group.
    PaperNumber {
        round: String,
        group: String,
        number: u32,
    },
}

impl BallotRefusal {
    pub fn user_message(&self) -> String {
        match self {
            BallotRefusal::NotOneBallot(n) => format!(
                "一个评议票文件只能装一张评议票，这个文件里有 {n} 张，可能被人复制或修改过。整个文件都没有计入，请核实来源。"
            ),
            BallotRefusal::NotElectronic => "评议票文件里只能是评议人在自己电脑上填的网上评议票；纸质票和现场投票只在党政办的电脑上计票。这个文件可能被修改过，没有计入。".into(),
            BallotRefusal::UnknownRound => "这张评议票所属的评议不在本机，可能已被删除，或是别的单位的评议。没有计入。".into(),
            BallotRefusal::RoundChanged { round } => format!(
                "“{round}”的被评议人名单或评议组在发出评议表后改动过，这张票是按旧的评议表填的，没有计入。请把新的评议表发给评议人重新填写。"
            ),
            BallotRefusal::UnknownGroup { round } => format!(
                "这张评议票的评议组不在“{round}”中（可能已被删除），没有计入。"
            ),
            BallotRefusal::UnknownPerson { round, group } => format!(
                "这张“{round}”{group}的评议票评了不在名单上的人，没有计入。"
            ),
            BallotRefusal::NoSlip { round, group } => format!(
                "这张“{round}”{group}的评议票没有选票码，没有计入。这次评议要凭党政办发的选票码投票。"
            ),
            BallotRefusal::BadSlip { round, code } => format!(
                "这张“{round}”的评议票的选票码“{code}”不是有效的选票码，没有计入。"
            ),
            BallotRefusal::SlipOfOtherGroup { round, code } => format!(
                "这张“{round}”的评议票的选票码 {} 不是为票上所写的评议组发的，没有计入。",
                slips::printed(code)
            ),
            BallotRefusal::SlipNotIssued { round, group, code } => format!(
                "选票码 {} 不在“{round}”{group}发出的选票码中，这张票没有计入。",
                slips::printed(code)
            ),
            BallotRefusal::SlipUsed { round, group, code } => format!(
                "选票码 {} 在“{round}”{group}已经计过一张票，同一个选票码只计一次，这张票没有计入。",
                slips::printed(code)
            ),
            BallotRefusal::PaperNumber { round, group, number } => format!(
                "文件中“{round}”{group}的纸质票第 {number} 号与本机已计的票号重复或不可能（票号应为 1 到 {MAX_ISSUED}），这个文件没有导入。"
            ),
            BallotRefusal::Altered {
                round,
                group,
                what,
                counted,
                arrived,
            } => format!(
                "“{round}”{group}的一张评议票已经计入，这个文件里的同一张票被改过（{what}）。已计入的票不能再改，这个文件没有导入。本机已计：{counted}；文件中：{arrived}。"
            ),
        }
    }
}

fn group_name(round: &Evaluation, key: u32) -> String {
    round
        .group(key)
        .map(|g| g.name.clone())
        .unwrap_or_else(|| "（已删除的评议组）".into())
}

/// Checks one electronic or kiosk ballot against its round and the ballots already here.
/// `counted` are this browser's ballots (the same ballot again, by id, is no second ballot).
pub fn check_cast(
    ballot: &Ballot,
    round: Option<&Evaluation>,
    counted: &[Ballot],
) -> Result<(), BallotRefusal> {
    let round = round
        .filter(|r| !r.deleted)
        .ok_or(BallotRefusal::UnknownRound)?;
    let title = round.title.clone();
    if let Some(version) = &ballot.round_version {
        if *version != round.version() {
            return Err(BallotRefusal::RoundChanged { round: title });
        }
    }
    let Some(group) = round.group(ballot.group) else {
        return Err(BallotRefusal::UnknownGroup { round: title });
    };
    let group_label = group.name.clone();
    if ballot.votes.keys().any(|id| !round.rated.contains(id)) {
        return Err(BallotRefusal::UnknownPerson {
            round: title,
            group: group_label,
        });
    }
    if !round.slips.asked() {
        return Ok(());
    }
    let Some(typed) = &ballot.slip else {
        return Err(BallotRefusal::NoSlip {
            round: title,
            group: group_label,
        });
    };
    let (code, slip_group) = slips::group_of(typed).map_err(|_| BallotRefusal::BadSlip {
        round: title.clone(),
        code: typed.chars().take(20).collect(),
    })?;
    if slip_group != ballot.group {
        return Err(BallotRefusal::SlipOfOtherGroup { round: title, code });
    }
    if let Some(key) = round.slips.key() {
        if !slips::codes(key, group.key, group.issued).contains(&code) {
            return Err(BallotRefusal::SlipNotIssued {
                round: title,
                group: group_label,
                code,
            });
        }
    }
    let used = counted.iter().any(|b| {
        b.meta.id != ballot.meta.id
            && b.evaluation_id == ballot.evaluation_id
            && !b.void
            && b.slip.as_deref().map(slips::digits).as_deref() == Some(code.as_str())
    });
    if used {
        return Err(BallotRefusal::SlipUsed {
            round: title,
            group: group_label,
            code,
        });
    }
    Ok(())
}

/// A ballot file: exactly one electronic ballot, valid for its round.
pub fn check_ballot_file(
    ballots: &[Ballot],
    rounds: &[Evaluation],
    counted: &[Ballot],
) -> Result<(), BallotRefusal> {
    let [ballot] = ballots else {
        return Err(BallotRefusal::NotOneBallot(ballots.len()));
    };
    if ballot.source != Source::File || ballot.void || ballot.number != 0 {
        return Err(BallotRefusal::NotElectronic);
    }
    let round = rounds.iter().find(|r| r.meta.id == ballot.evaluation_id);
    check_cast(ballot, round, counted)
}

/// A ballot new to this browser in a file other than a ballot file (a backup being restored):
/// an electronic or kiosk ballot passes the same checks as when cast; a paper ballot needs a
/// possible number not yet counted in its group.
pub fn check_restored(
    ballot: &Ballot,
    rounds: &[Evaluation],
    counted: &[Ballot],
) -> Result<(), BallotRefusal> {
    // A round in neither place is a broken reference, refused by the file's reference check.
    let Some(round) = rounds.iter().find(|r| r.meta.id == ballot.evaluation_id) else {
        return Ok(());
    };
    if ballot.source != Source::Paper {
        // Rounds from before 选票码 restore as they were; a round with codes checks the cast.
        return match round.slips.asked() {
            true => check_cast(ballot, Some(round), counted),
            false => Ok(()),
        };
    }
    let taken = counted.iter().any(|b| {
        b.meta.id != ballot.meta.id
            && b.source == Source::Paper
            && b.evaluation_id == ballot.evaluation_id
            && b.group == ballot.group
            && b.number == ballot.number
    });
    if taken || !(1..=MAX_ISSUED).contains(&ballot.number) {
        return Err(BallotRefusal::PaperNumber {
            round: round.title.clone(),
            group: group_name(round, ballot.group),
            number: ballot.number,
        });
    }
    Ok(())
}

/// A ballot already here may arrive again (a re-sent file, a backup) but never changed: only
/// whether the office voided it may differ.
pub fn check_unaltered(
    incoming: &Ballot,
    local: &Ballot,
    round: Option<&Evaluation>,
) -> Result<(), BallotRefusal> {
    let mut what = Vec::new();
    if incoming.votes != local.votes {
        what.push("评议意见");
    }
    if incoming.group != local.group || incoming.evaluation_id != local.evaluation_id {
        what.push("评议组");
    }
    if incoming.number != local.number || incoming.source != local.source {
        what.push("票号或来源");
    }
    if incoming.slip != local.slip {
        what.push("选票码");
    }
    if what.is_empty() {
        return Ok(());
    }
    let words = |b: &Ballot| {
        let group = round.map(|r| group_name(r, b.group)).unwrap_or_default();
        let slip = b
            .slip
            .as_deref()
            .map(|c| format!("，选票码 {}", slips::printed(c)))
            .unwrap_or_default();
        format!(
            "{group}{}{slip}，{}",
            b.source.label(),
            super::model::votes_text(&b.votes)
        )
    };
    Err(BallotRefusal::Altered {
        round: round.map(|r| r.title.clone()).unwrap_or_default(),
        group: round
            .map(|r| group_name(r, local.group))
            .unwrap_or_default(),
        what: what.join("、"),
        counted: words(local),
        arrived: words(incoming),
    })
}

#[cfg(test)]
mod tests;
