//! 答卷: one person's answers to one quiz. An attempt is either in progress or submitted,
//! never both; each answer is saved as it is given.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::record::{Entity, Id, Meta};
use crate::sorted::{SortedMap, SortedSet};
use crate::store::schema::StoreName;

/// One answer, in the shape of its question. Choices are option indices on the paper (not the
/// shuffled positions the person saw).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum Response {
    Choice(SortedSet<usize>),
    TrueFalse(bool),
    Blanks(Vec<String>),
    Text(String),
}

crate::read_tagged! { Response / ResponseKind { Choice, TrueFalse, Blanks, Text } }

impl Response {
    /// The choice after a click on `option`: a single-choice question takes just that option;
    /// a multiple-choice one adds it, or takes it away if it was chosen.
    pub fn toggled(chosen: &SortedSet<usize>, option: usize, single: bool) -> Response {
        let mut next = if single {
            SortedSet::new()
        } else {
            chosen.clone()
        };
        if single || !next.remove(&option) {
            next.insert(option);
        }
        Response::Choice(next)
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Response::Choice(c) => c.is_empty(),
            Response::TrueFalse(_) => false,
            Response::Blanks(b) => b.iter().all(|s| s.trim().is_empty()),
            Response::Text(t) => t.trim().is_empty(),
        }
    }
}

/// Who answered, as they confirmed it before starting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Respondent {
    pub name: String,
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state", try_from = "StateFields")]
pub enum AttemptState {
    InProgress {
        /// When the time limit runs out, if there is one.
        #[serde(default)]
        deadline: Option<DateTime<Utc>>,
        /// Paper positions marked for review.
        #[serde(default)]
        marked: SortedSet<usize>,
        /// The 答题码 typed at the start: it signs the sheet on submission and is not kept.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        code: Option<String>,
    },
    Submitted {
        submitted_at: DateTime<Utc>,
        /// Submitted by the timer rather than the person.
        #[serde(default)]
        automatic: bool,
    },
}

/// How an [`AttemptState`] is read: the fields of both states, then the one `state` names.
/// serde's own reader for an enum tagged inside buffers every field in a general form until it
/// meets the tag, machinery that cost the download more than this.
#[derive(Deserialize)]
struct StateFields {
    state: StateName,
    #[serde(default)]
    deadline: Option<DateTime<Utc>>,
    #[serde(default)]
    marked: SortedSet<usize>,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    submitted_at: Option<DateTime<Utc>>,
    #[serde(default)]
    automatic: bool,
}

crate::read_by_name! {
    #[derive(Clone, Copy)]
    enum StateName {
        InProgress,
        Submitted,
    }
}

impl TryFrom<StateFields> for AttemptState {
    type Error = &'static str;

    fn try_from(f: StateFields) -> Result<Self, Self::Error> {
        Ok(match f.state {
            StateName::InProgress => AttemptState::InProgress {
                deadline: f.deadline,
                marked: f.marked,
                code: f.code,
            },
            StateName::Submitted => AttemptState::Submitted {
                submitted_at: f.submitted_at.ok_or("missing field `submitted_at`")?,
                automatic: f.automatic,
            },
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub meta: Meta,
    pub quiz_id: Id,
    pub respondent: Respondent,
    pub started_at: DateTime<Utc>,
    /// Answers by paper position.
    #[serde(default, with = "by_position")]
    pub answers: SortedMap<usize, Response>,
    pub state: AttemptState,
    /// Points awarded by hand to 简答 answers, by paper position, in hundredths. Set by the
    /// secretary when marking.
    #[serde(default, with = "by_position")]
    pub manual_points: SortedMap<usize, u32>,
    /// When each answer was last saved, by paper position (sheets from before this was kept
    /// have none).
    #[serde(
        default,
        with = "by_position",
        skip_serializing_if = "SortedMap::is_empty"
    )]
    pub answered_at: SortedMap<usize, DateTime<Utc>>,
    /// The check over the submitted sheet keyed by its 答题码 (see `check_code`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
    /// The number of the paper 答题卡 this sheet was read from (see `answer_card`): its times
    /// are when it was scanned, not when it was answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper_card: Option<u16>,
}

/// Maps keyed by paper position are written with string keys ("0", "1" …): JSON and the
/// browser's object stores both want string keys.
mod by_position {
    use crate::sorted::SortedMap;

    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        map: &SortedMap<usize, T>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        // In the order of the text keys ("10" before "2"), as files have always had them; sorted
        // by the app's one sort, since `collect()` into a map would bring a sort per `T`.
        let mut keyed: Vec<(String, &T)> = map.iter().map(|(k, v)| (k.to_string(), v)).collect();
        crate::order::sort_by(&mut keyed, |(k, _)| crate::order::Key::text(k));
        s.collect_map(keyed)
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<SortedMap<usize, T>, D::Error> {
        let mut out = SortedMap::new();
        for (k, v) in SortedMap::<String, T>::deserialize(d)? {
            let at = k
                .parse::<usize>()
                .map_err(|_| D::Error::custom(format!("题号“{k}”无效")))?;
            out.insert(at, v);
        }
        Ok(out)
    }
}

impl Entity for Attempt {
    const STORE: StoreName = StoreName::Attempts;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttemptError {
    AlreadySubmitted,
    NotOpen,
}

impl AttemptError {
    pub fn user_message(&self) -> String {
        match self {
            AttemptError::AlreadySubmitted => "这份答卷已经提交，不能再修改。".into(),
            AttemptError::NotOpen => "测验不在开放时间内。".into(),
        }
    }
}

impl Attempt {
    pub fn start(
        meta: Meta,
        quiz_id: Id,
        respondent: Respondent,
        now: DateTime<Utc>,
        limit_minutes: Option<u32>,
        code: Option<String>,
    ) -> Attempt {
        Attempt {
            meta,
            quiz_id,
            respondent,
            started_at: now,
            answers: SortedMap::new(),
            state: AttemptState::InProgress {
                deadline: limit_minutes.map(|m| now + chrono::Duration::minutes(i64::from(m))),
                marked: SortedSet::new(),
                code,
            },
            manual_points: SortedMap::new(),
            answered_at: SortedMap::new(),
            check: None,
            paper_card: None,
        }
    }

    pub fn is_submitted(&self) -> bool {
        matches!(self.state, AttemptState::Submitted { .. })
    }

    /// Handed in by the timer rather than the person.
    pub fn submitted_automatically(&self) -> bool {
        matches!(
            self.state,
            AttemptState::Submitted {
                automatic: true,
                ..
            }
        )
    }

    pub fn submitted_at(&self) -> Option<DateTime<Utc>> {
        match self.state {
            AttemptState::Submitted { submitted_at, .. } => Some(submitted_at),
            AttemptState::InProgress { .. } => None,
        }
    }

    /// Records an answer given at `now` (an empty one removes it).
    pub fn answer(
        &mut self,
        position: usize,
        response: Response,
        now: DateTime<Utc>,
    ) -> Result<(), AttemptError> {
        if self.is_submitted() {
            return Err(AttemptError::AlreadySubmitted);
        }
        if response.is_blank() {
            self.answers.remove(&position);
        } else {
            self.answers.insert(position, response);
        }
        self.answered_at.insert(position, now);
        Ok(())
    }

    /// How many answers were saved after the sheet was submitted, or after the time limit
    /// (plus `grace`) ran out: the answers of an honest sheet never are.
    pub fn answers_out_of_time(
        &self,
        limit_minutes: Option<u32>,
        grace: chrono::Duration,
    ) -> usize {
        let deadline = limit_minutes
            .map(|m| self.started_at + chrono::Duration::minutes(i64::from(m)) + grace);
        let end = match (self.submitted_at().map(|s| s + grace), deadline) {
            (Some(s), Some(d)) => Some(s.min(d)),
            (s, d) => s.or(d),
        };
        match end {
            Some(end) => self.answered_at.values().filter(|t| **t > end).count(),
            None => 0,
        }
    }

    pub fn toggle_mark(&mut self, position: usize) -> Result<(), AttemptError> {
        match &mut self.state {
            AttemptState::InProgress { marked, .. } => {
                if !marked.remove(&position) {
                    marked.insert(position);
                }
                Ok(())
            }
            AttemptState::Submitted { .. } => Err(AttemptError::AlreadySubmitted),
        }
    }

    pub fn marked(&self) -> SortedSet<usize> {
        match &self.state {
            AttemptState::InProgress { marked, .. } => marked.clone(),
            AttemptState::Submitted { .. } => SortedSet::new(),
        }
    }

    /// Seconds left before the time limit, if there is one.
    pub fn seconds_left(&self, now: DateTime<Utc>) -> Option<i64> {
        match self.state {
            AttemptState::InProgress {
                deadline: Some(d), ..
            } => Some((d - now).num_seconds().max(0)),
            _ => None,
        }
    }

    pub fn submit(&mut self, now: DateTime<Utc>, automatic: bool) -> Result<(), AttemptError> {
        if self.is_submitted() {
            return Err(AttemptError::AlreadySubmitted);
        }
        // An automatic submission at zero is dated at the deadline, not at the late tick.
        let at = match self.state {
            AttemptState::InProgress {
                deadline: Some(d), ..
            } if automatic => d.min(now),
            _ => now,
        };
        let code = match &mut self.state {
            AttemptState::InProgress { code, .. } => code.take(),
            AttemptState::Submitted { .. } => None,
        };
        self.state = AttemptState::Submitted {
            submitted_at: at,
            automatic,
        };
        self.check = code.map(|code| super::check_code::sheet_check(&code, self));
        Ok(())
    }

    /// Paper positions not answered yet.
    pub fn unanswered(&self, paper_len: usize) -> Vec<usize> {
        (0..paper_len)
            .filter(|i| !self.answers.contains_key(i))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A state is read from the fields of both (`StateFields`) as it was written, the `state`
    /// key wherever it stands; a submitted sheet without its time is refused.
    #[test]
    fn a_state_reads_back_as_written() {
        let at = DateTime::<Utc>::from_timestamp(1_790_000_000, 0).unwrap_or_default();
        let states = [
            AttemptState::InProgress {
                deadline: Some(at),
                marked: SortedSet::from([3, 1]),
                code: Some("123456".into()),
            },
            AttemptState::InProgress {
                deadline: None,
                marked: SortedSet::new(),
                code: None,
            },
            AttemptState::Submitted {
                submitted_at: at,
                automatic: true,
            },
        ];
        for state in states {
            let text = serde_json::to_string(&state).unwrap_or_default();
            assert_eq!(
                serde_json::from_str::<AttemptState>(&text).ok(),
                Some(state)
            );
        }
        let last =
            r#"{"automatic":false,"submitted_at":"2026-09-21T10:00:00Z","state":"submitted"}"#;
        assert!(matches!(
            serde_json::from_str::<AttemptState>(last),
            Ok(AttemptState::Submitted {
                automatic: false,
                ..
            })
        ));
        for bad in [
            r#"{"state":"submitted"}"#,
            r#"{"state":"lost"}"#,
            r#"{"deadline":null}"#,
            r#"{"state":"in_progress","marked":"1"}"#,
        ] {
            assert!(serde_json::from_str::<AttemptState>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_click_toggles_a_multiple_choice_and_replaces_a_single_one() {
        let chosen = SortedSet::from([0, 2]);
        assert_eq!(
            Response::toggled(&chosen, 1, false),
            Response::Choice(SortedSet::from([0, 1, 2]))
        );
        assert_eq!(
            Response::toggled(&chosen, 2, false),
            Response::Choice(SortedSet::from([0]))
        );
        assert_eq!(
            Response::toggled(&chosen, 1, true),
            Response::Choice(SortedSet::from([1]))
        );
        assert_eq!(
            Response::toggled(&SortedSet::from([1]), 1, true),
            Response::Choice(SortedSet::from([1]))
        );
    }
    use crate::record::DeviceId;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_000_000 + secs, 0).unwrap_or_default()
    }

    fn attempt(limit: Option<u32>) -> Attempt {
        let who = Respondent {
            name: "李四".into(),
            unit: "城建办".into(),
        };
        Attempt::start(
            Meta::new(&DeviceId("d".into()), at(0)),
            uuid::Uuid::nil(),
            who,
            at(0),
            limit,
            None,
        )
    }

    #[test]
    fn a_submitted_attempt_takes_no_more_answers() {
        let mut a = attempt(None);
        assert_eq!(a.answer(0, Response::TrueFalse(true), at(1)), Ok(()));
        assert_eq!(
            a.answer(1, Response::Choice(SortedSet::new()), at(2)),
            Ok(()),
            "an empty answer clears"
        );
        assert_eq!(a.unanswered(3), vec![1, 2]);
        a.toggle_mark(2).unwrap_or_default();
        assert_eq!(a.marked(), SortedSet::from([2]));
        assert_eq!(a.submit(at(60), false), Ok(()));
        assert_eq!(
            a.answer(1, Response::TrueFalse(false), at(61)),
            Err(AttemptError::AlreadySubmitted)
        );
        assert_eq!(a.submit(at(61), false), Err(AttemptError::AlreadySubmitted));
        assert_eq!(a.submitted_at(), Some(at(60)));
    }

    #[test]
    fn answers_saved_after_the_limit_or_the_submission_are_counted() {
        let grace = chrono::Duration::minutes(2);
        let mut a = attempt(Some(30));
        a.answer(0, Response::TrueFalse(true), at(60))
            .unwrap_or_default();
        a.answer(1, Response::TrueFalse(true), at(31 * 60))
            .unwrap_or_default();
        a.submit(at(31 * 60 + 10), false).unwrap_or_default();
        assert_eq!(
            a.answers_out_of_time(Some(30), grace),
            0,
            "within the grace"
        );
        // Edited in the file afterwards: one answer dated after the limit, one after submission.
        a.answered_at.insert(2, at(40 * 60));
        assert_eq!(a.answers_out_of_time(Some(30), grace), 1);
        let mut free = attempt(None);
        free.answer(0, Response::TrueFalse(true), at(60))
            .unwrap_or_default();
        free.submit(at(120), false).unwrap_or_default();
        free.answered_at.insert(0, at(3600));
        assert_eq!(free.answers_out_of_time(None, grace), 1);
    }

    #[test]
    fn answers_travel_with_string_keys() {
        let mut a = attempt(None);
        a.answer(12, Response::Text("答".into()), at(5))
            .unwrap_or_default();
        let json = serde_json::to_value(&a).unwrap_or_default();
        assert_eq!(json["answers"]["12"]["value"], "答");
        let back: Attempt = serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, a);
    }

    #[test]
    fn the_timer_submits_at_the_deadline() {
        let mut a = attempt(Some(30));
        assert_eq!(a.seconds_left(at(600)), Some(1200));
        assert_eq!(a.seconds_left(at(4000)), Some(0));
        a.submit(at(1810), true).unwrap_or_default();
        assert_eq!(
            a.state,
            AttemptState::Submitted {
                submitted_at: at(1800),
                automatic: true
            }
        );
    }
}
