//! The counting desk as stored ballots: which ballot a counted (or reopened and corrected)
//! paper is written as, what the clerk is told, and how the ballots of a group are listed.
//! Pure; the counting screen only stores what this says.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::counting::{Desk, DeskKey, DeskRefusal, Effect, Paper};
use super::model::{Ballot, Evaluation, Source, Vote};
use crate::order::Collect;
use crate::record::{DeviceId, Id, Meta};

/// What one key at the desk comes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The current paper changed (or not): nothing to store.
    Typed,
    Refused(DeskRefusal),
    /// Store this ballot (already counted as this browser's edit) and say `done`.
    Store {
        ballot: Box<Ballot>,
        done: String,
    },
}

/// One group's desk with the ballots written from it.
#[derive(Debug, Clone, Default)]
pub struct PaperCount {
    pub desk: Desk,
    /// Each paper's ballot as last written, by number, so a reopened paper is written again
    /// under its own id.
    written: HashMap<u32, Ballot>,
    /// The last paper counted, shown until the next one is.
    pub last: Option<Paper>,
}

/// A paper ballot as the desk reads it: votes in the round's order (blank = 不了解).
pub fn paper_of(ballot: &Ballot, rated: &[Id]) -> Paper {
    Paper {
        number: ballot.number,
        votes: rated
            .iter()
            .map(|id| ballot.votes.get(id).copied().unwrap_or(Vote::Abstain))
            .collect(),
        void: ballot.void,
    }
}

impl PaperCount {
    /// Takes in the group's stored ballots (another tab, a void from the list, this desk's own
    /// saves coming back): the newest copy of each paper is kept.
    pub fn sync(&mut self, stored: &[&Ballot], round: &Evaluation) {
        self.desk.persons = round.rated.len();
        let papers: Vec<&&Ballot> = stored
            .iter()
            .filter(|b| b.source == Source::Paper)
            .collect();
        self.desk
            .take_stored(papers.iter().map(|b| paper_of(b, &round.rated)).collect());
        for b in papers {
            let newer = self
                .written
                .get(&b.number)
                .is_none_or(|mine| mine.meta.rev <= b.meta.rev);
            if newer {
                self.written.insert(b.number, (**b).clone());
            }
        }
    }

    /// Applies one key for `group` of `round`.
    pub fn key(
        &mut self,
        key: DeskKey,
        round: &Evaluation,
        group: u32,
        device: &DeviceId,
        now: DateTime<Utc>,
    ) -> Outcome {
        let paper = match self.desk.key(key) {
            Effect::None => return Outcome::Typed,
            Effect::Refused(why) => return Outcome::Refused(why),
            Effect::Save(paper) => paper,
        };
        let votes = round
            .rated
            .iter()
            .copied()
            .zip(paper.votes.clone())
            .to_map();
        let ballot = match self.written.get(&paper.number).cloned() {
            Some(mut again) => {
                again.meta.touch(device, now);
                again.votes = votes;
                again
            }
            None => Ballot {
                meta: Meta::new(device, now),
                evaluation_id: round.meta.id,
                group,
                number: paper.number,
                source: Source::Paper,
                votes,
                void: false,
                slip: None,
                round_version: None,
            },
        };
        let issued = round.group(group).map(|g| g.issued).unwrap_or(0);
        let done = counted_note(paper.number, self.desk.live(), issued);
        self.written.insert(paper.number, ballot.clone());
        self.last = Some(paper);
        Outcome::Store {
            ballot: Box::new(ballot),
            done,
        }
    }

    /// The last paper still counted, for 撤销上一张.
    pub fn last_live(&self) -> Option<Ballot> {
        let paper = self.desk.papers.iter().rev().find(|p| !p.void)?;
        self.written.get(&paper.number).cloned()
    }
}

/// What the clerk is told when a paper is counted; past the issued count, that the group will
/// be void unless a repeat is found.
pub fn counted_note(number: u32, live: usize, issued: u32) -> String {
    if live as u32 > issued {
        format!("第 {number} 号票已计入。注意：本组已计 {live} 张，多于发出的 {issued} 张，本组将作废；请核对是否重复计票。")
    } else {
        format!("第 {number} 号票已计入。")
    }
}

/// What voiding or restoring a ballot says.
pub fn void_note(ballot: &Ballot, void: bool) -> String {
    let what = match ballot.source {
        Source::Paper => format!("第 {} 号票", ballot.number),
        other => format!("这张{}", other.label()),
    };
    let state = if void {
        "作废，不再计入"
    } else {
        "恢复计入"
    };
    format!("{what}已{state}。")
}

/// How a ballot is named in the list: a paper by its number, others by the slip they carry
/// (copies of one electronic ballot are told apart by it).
pub fn ballot_label(b: &Ballot) -> String {
    match (b.source, b.slip.as_deref()) {
        (Source::Paper, _) => b.number.to_string(),
        (_, Some(code)) => format!("选票码 {}", super::slips::printed(code)),
        (_, None) => "（无选票码）".into(),
    }
}

/// Per rated person, the live ballots' votes of each kind, in the order of `Vote::ALL`.
pub fn totals(round: &Evaluation, ballots: &[&Ballot]) -> Vec<[usize; 5]> {
    round
        .rated
        .iter()
        .map(|id| {
            let mut row = [0usize; 5];
            for b in ballots.iter().filter(|b| !b.void) {
                row[b.votes.get(id).copied().unwrap_or(Vote::Abstain).index()] += 1;
            }
            row
        })
        .collect()
}

#[cfg(test)]
mod tests;
