//! Counting paper ballots by keyboard: one key per rated person in the ballot's order, a ballot
//! complete when every person has a key. Pure, so every keystroke's effect is tested.

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

/// The ballot being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counter {
    pub current: Vec<Vote>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keyed {
    /// The key was one more vote on this ballot.
    Added,
    /// The key completed the ballot: these votes, in the rated order.
    Completed(Vec<Vote>),
    /// The last vote typed was taken back.
    Removed,
    /// Not a counting key.
    Ignored,
}

impl Counter {
    /// Applies one key for a round of `persons` rated people.
    pub fn key(&mut self, key: &str, persons: usize) -> Keyed {
        if key == "Backspace" {
            return match self.current.pop() {
                Some(_) => Keyed::Removed,
                None => Keyed::Ignored,
            };
        }
        let Some(vote) = vote_for_key(key) else {
            return Keyed::Ignored;
        };
        self.current.push(vote);
        if self.current.len() >= persons {
            Keyed::Completed(std::mem::take(&mut self.current))
        } else {
            Keyed::Added
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fill_a_ballot_in_order_and_complete_it() {
        let mut c = Counter::default();
        assert_eq!(c.key("1", 3), Keyed::Added);
        assert_eq!(c.key("x", 3), Keyed::Ignored);
        assert_eq!(c.key("b", 3), Keyed::Added);
        assert_eq!(
            c.key("5", 3),
            Keyed::Completed(vec![Vote::Excellent, Vote::Competent, Vote::Abstain])
        );
        assert!(c.current.is_empty(), "the next ballot starts empty");
    }

    #[test]
    fn backspace_takes_back_the_last_key_only_on_this_ballot() {
        let mut c = Counter::default();
        assert_eq!(c.key("Backspace", 2), Keyed::Ignored);
        c.key("4", 2);
        assert_eq!(c.key("Backspace", 2), Keyed::Removed);
        assert_eq!(
            c.key("3", 2),
            Keyed::Added,
            "the removed vote is typed again"
        );
        assert_eq!(
            c.key("2", 2),
            Keyed::Completed(vec![Vote::BasicallyCompetent, Vote::Competent])
        );
    }

    #[test]
    fn a_fast_run_of_keys_is_counted_key_for_key() {
        let mut c = Counter::default();
        let keys = "1234512345123451234512345";
        let mut ballots = Vec::new();
        for k in keys.chars() {
            if let Keyed::Completed(v) = c.key(&k.to_string(), 5) {
                ballots.push(v);
            }
        }
        assert_eq!(ballots.len(), 5);
        assert!(ballots.iter().all(|b| b == &Vote::ALL.to_vec()));
    }
}
