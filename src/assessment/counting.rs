//! Counting paper ballots by keyboard: one key per rated person in the ballot's order; a paper
//! counts only when the clerk confirms it (Enter, or auto-advance when chosen); Backspace
//! corrects the current paper and, on an empty one, reopens the last. A pure reducer, so every
//! key's effect is tested against a simple model.

use super::model::Vote;

/// The vote a key stands for: 1–5, or A–E, in the order 优秀, 称职, 基本称职, 不称职, 不了解
/// (0 and the space bar also mean 不了解, for a box left blank).
pub fn vote_for_key(key: &str) -> Option<Vote> {
    let index = match key {
        "1" | "a" | "A" => 0,
        "2" | "b" | "B" => 1,
        "3" | "c" | "C" => 2,
        "4" | "d" | "D" => 3,
        "5" | "e" | "E" | "0" | " " => 4,
        _ => return None,
    };
    Vote::ALL.get(index).copied()
}

/// What a key does at the counting desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskKey {
    Vote(Vote),
    /// Backspace.
    Back,
    /// Enter.
    Confirm,
}

impl DeskKey {
    pub fn from_key(key: &str) -> Option<DeskKey> {
        match key {
            "Backspace" => Some(DeskKey::Back),
            "Enter" => Some(DeskKey::Confirm),
            other => vote_for_key(other).map(DeskKey::Vote),
        }
    }
}

/// One counted paper of the group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paper {
    /// 票号, the desk's own: 1, 2, 3 … in the order papers were confirmed.
    pub number: u32,
    pub votes: Vec<Vote>,
    pub void: bool,
}

/// What the screen does after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Nothing to store; the current paper changed (or not).
    None,
    /// Store this paper (new, or a reopened one confirmed again under its number).
    Save(Paper),
    /// The key was not taken; say why.
    Refused(DeskRefusal),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskRefusal {
    /// A vote typed on a paper that already has every person.
    PaperFull,
    /// Enter on a paper that still lacks `missing` people.
    Incomplete { missing: usize },
    /// Backspace on an empty paper with no paper to reopen.
    NothingToReopen,
    /// Backspace on an empty paper whose last paper was voided (restore it first).
    LastIsVoid(u32),
}

impl DeskRefusal {
    pub fn user_message(self) -> String {
        match self {
            DeskRefusal::PaperFull => {
                "本张票已按完每个人，请按回车键确认计入；要改正请按退格键。".into()
            }
            DeskRefusal::Incomplete { missing } => {
                format!("本张票还差 {missing} 人没有按键，按完才能确认（空白请按 5 或空格）。")
            }
            DeskRefusal::NothingToReopen => "本张票是空的，前面也没有可以改正的票。".into(),
            DeskRefusal::LastIsVoid(n) => {
                format!(
                    "上一张（第 {n} 号）已作废，不能在这里改；请在“逐张查看”中恢复或重新计一张。"
                )
            }
        }
    }
}

/// The counting desk of one group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Desk {
    /// People on each paper.
    pub persons: usize,
    /// Confirm a paper as soon as its last person is typed (the screen then shows it, with its
    /// number, until the next key).
    pub auto_advance: bool,
    /// Papers of the group, in number order.
    pub papers: Vec<Paper>,
    /// The paper being typed.
    pub current: Vec<Vote>,
    /// The number of the paper reopened by Backspace, while it is corrected.
    pub reopened: Option<u32>,
}

impl Desk {
    pub fn new(persons: usize, papers: Vec<Paper>) -> Desk {
        let mut desk = Desk {
            persons,
            ..Desk::default()
        };
        desk.take_stored(papers);
        desk
    }

    /// Papers stored since the desk opened (another tab, a void from the list): those the desk
    /// does not know yet are added, and known ones take their stored void state.
    pub fn take_stored(&mut self, papers: Vec<Paper>) {
        // Papers stay in number order, so each is found by halving (this runs on every key).
        for paper in papers {
            match self
                .papers
                .binary_search_by_key(&paper.number, |p| p.number)
            {
                Ok(at) => self.papers[at].void = paper.void,
                Err(at) => self.papers.insert(at, paper),
            }
        }
    }

    /// The number the next new paper gets.
    pub fn next_number(&self) -> u32 {
        self.papers
            .iter()
            .map(|p| p.number)
            .max()
            .unwrap_or(0)
            .saturating_add(1)
    }

    /// The number the paper being typed will have.
    pub fn current_number(&self) -> u32 {
        self.reopened.unwrap_or_else(|| self.next_number())
    }

    /// Papers that count.
    pub fn live(&self) -> usize {
        self.papers.iter().filter(|p| !p.void).count()
    }

    /// Applies one key.
    pub fn key(&mut self, key: DeskKey) -> Effect {
        match key {
            DeskKey::Vote(_) if self.current.len() >= self.persons => {
                Effect::Refused(DeskRefusal::PaperFull)
            }
            DeskKey::Vote(vote) => {
                self.current.push(vote);
                if self.auto_advance && self.current.len() == self.persons {
                    self.confirm()
                } else {
                    Effect::None
                }
            }
            DeskKey::Back if !self.current.is_empty() => {
                self.current.pop();
                Effect::None
            }
            DeskKey::Back => self.reopen(),
            DeskKey::Confirm => self.confirm(),
        }
    }

    fn confirm(&mut self) -> Effect {
        if self.current.len() < self.persons || self.persons == 0 {
            return Effect::Refused(DeskRefusal::Incomplete {
                missing: self.persons - self.current.len(),
            });
        }
        let number = self.current_number();
        let paper = Paper {
            number,
            votes: std::mem::take(&mut self.current),
            void: false,
        };
        self.reopened = None;
        match self.papers.iter_mut().find(|p| p.number == number) {
            Some(known) => *known = paper.clone(),
            None => self.papers.push(paper.clone()),
        }
        Effect::Save(paper)
    }

    /// Backspace on an empty paper: the last paper comes back to be corrected, whole. Until it
    /// is confirmed again it stays counted as it was stored.
    fn reopen(&mut self) -> Effect {
        if self.reopened.is_some() {
            return Effect::Refused(DeskRefusal::NothingToReopen);
        }
        match self.papers.last() {
            None => Effect::Refused(DeskRefusal::NothingToReopen),
            Some(last) if last.void => Effect::Refused(DeskRefusal::LastIsVoid(last.number)),
            Some(last) => {
                self.current = last.votes.clone();
                self.reopened = Some(last.number);
                Effect::None
            }
        }
    }

    /// Voids or restores a paper by number (撤销, 作废, 恢复).
    pub fn set_void(&mut self, number: u32, void: bool) -> Option<Paper> {
        let paper = self.papers.iter_mut().find(|p| p.number == number)?;
        paper.void = void;
        if void && self.reopened == Some(number) {
            self.reopened = None;
            self.current.clear();
        }
        Some(paper.clone())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
