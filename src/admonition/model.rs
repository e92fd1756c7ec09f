//! 诫勉案件: a case, the stage it is in (each stage carries exactly what it needs, so a case
//! cannot be lifted without a review), and the history of every change of stage.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::deadline::{
    counted_days, missing_years, observation_end, Counting, DeadlineRule, HolidayCalendar,
};
use super::template::DocKind;
use crate::record::{Entity, Id, Meta};
use crate::sorted::SortedMap;
use crate::store::schema::StoreName;

crate::read_by_name! {
    /// Why the admonition is given: the source's categories.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Reason {
        NegativeAttitude,
        WeakPerformance,
        Dereliction,
        Discipline,
        BadInfluence,
        Other,
    }
}

impl Reason {
    pub const ALL: [Reason; 6] = [
        Reason::NegativeAttitude,
        Reason::WeakPerformance,
        Reason::Dereliction,
        Reason::Discipline,
        Reason::BadInfluence,
        Reason::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Reason::NegativeAttitude => "态度消极",
            Reason::WeakPerformance => "履责乏力",
            Reason::Dereliction => "工作失职",
            Reason::Discipline => "违反纪律",
            Reason::BadInfluence => "造成不良影响",
            Reason::Other => "其他",
        }
    }
}

/// The admonition talk (诫勉谈话).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Talk {
    pub date: NaiveDate,
    /// 时间, as said: "上午9时".
    #[serde(default)]
    pub time: String,
    pub place: String,
    pub talker: String,
    #[serde(default)]
    pub recorder: String,
    /// 谈话内容.
    #[serde(default)]
    pub content: String,
    /// 本人说明.
    #[serde(default)]
    pub explanation: String,
}

/// The measures the cadre hands in (整改措施).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rectification {
    pub submitted: NaiveDate,
    pub measures: String,
}

/// A review at the end of the observation period (考察).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub reviewer: String,
    pub date: NaiveDate,
    pub conclusion: String,
}

/// Where a case stands. Externally tagged (as serde does by default): an internally tagged enum
/// would cost the download a buffering deserializer for each reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// 已谈话: waiting for the rectification measures.
    Talked,
    /// 整改措施已提交.
    Rectified { rectification: Rectification },
    /// 考察期 (延长考察 once extended).
    Observing {
        rectification: Rectification,
        from: NaiveDate,
        until: NaiveDate,
        #[serde(default)]
        extensions: Vec<Review>,
    },
    /// 已解除: only with the review that found the problem corrected.
    Lifted {
        rectification: Rectification,
        review: Review,
    },
    /// 升级处理: handed on for heavier handling, with the review that decided it.
    Escalated {
        rectification: Option<Rectification>,
        review: Review,
    },
}

/// A change of stage, as kept in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    Opened,
    Circulated,
    RectificationSubmitted {
        days_late: u32,
        /// The unit of `days_late`: the case's rule (cases before this field counted calendar days).
        #[serde(default)]
        counting: Counting,
    },
    ObservationStarted {
        until: NaiveDate,
    },
    Extended {
        until: NaiveDate,
    },
    Lifted,
    Escalated,
    /// The deadline counted again once the holidays of the years it was waiting for arrived.
    DeadlineRecounted {
        from: NaiveDate,
        to: NaiveDate,
    },
}

impl Event {
    pub fn describe(&self) -> String {
        match self {
            Event::Opened => "诫勉谈话，立案".into(),
            Event::Circulated => "通报".into(),
            Event::RectificationSubmitted { days_late: 0, .. } => "提交整改措施（按期）".into(),
            Event::RectificationSubmitted {
                days_late,
                counting,
            } => {
                format!("提交整改措施（逾期 {days_late} {}）", counting.unit())
            }
            Event::ObservationStarted { until } => format!("进入考察期，至 {until}"),
            Event::Extended { until } => format!("延长考察，至 {until}"),
            Event::Lifted => "考察合格，解除诫勉".into(),
            Event::Escalated => "升级处理".into(),
            Event::DeadlineRecounted { from, to } if from == to => format!(
                "节假日安排录入后，整改期限重新核算，仍为 {}",
                super::notice::month_day(*to)
            ),
            Event::DeadlineRecounted { from, to } => format!(
                "节假日安排录入后，整改期限由 {} 改为 {}",
                super::notice::month_day(*from),
                super::notice::month_day(*to)
            ),
        }
    }
}

/// One line of a case's history: what happened, on which day, entered by whom and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub on: NaiveDate,
    pub event: Event,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// A document number (文号) given to a case's document: its 代字, year and place in that
/// 代字's sequence of the year (shared by every kind under the same 代字; `register.rs`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocumentNumber {
    pub year: i32,
    pub seq: u32,
    /// The 代字 it was given under (numbers given before it was kept: empty, read as the
    /// template's 代字).
    #[serde(default)]
    pub prefix: String,
    /// The 成文日期 it was given for.
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

impl DocumentNumber {
    /// `prefix〔2026〕3号`, with full-width brackets as official documents write them; its own
    /// 代字 when it has one, else `fallback`.
    pub fn format(&self, fallback: &str) -> String {
        let prefix = if self.prefix.is_empty() {
            fallback
        } else {
            &self.prefix
        };
        format!("{prefix}〔{}〕{}号", self.year, self.seq)
    }
}

/// A number withdrawn (作废): it stays used, and listed in the register with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoidedNumber {
    pub kind: DocKind,
    pub number: DocumentNumber,
    pub reason: String,
    pub on: NaiveDate,
    pub by: String,
}

/// An admonition case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Admonition {
    pub meta: Meta,
    /// The admonished cadre, on the roster.
    pub cadre: Id,
    /// 职务 at the time of the case.
    #[serde(default)]
    pub post: String,
    pub reason: Reason,
    /// 事由, in a line.
    pub matter: String,
    /// The facts found.
    #[serde(default)]
    pub facts: String,
    pub talk: Talk,
    pub rule: DeadlineRule,
    /// 整改期限: counted from the talk when the case was opened.
    pub deadline: NaiveDate,
    /// Years whose holidays were not entered when the deadline was counted in working days:
    /// the deadline is provisional until they are, and is then counted again ([`recount`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provisional: Vec<i32>,
    /// 通报 date, once circulated.
    #[serde(default)]
    pub circulated: Option<NaiveDate>,
    /// Numbers given to this case's documents, by kind.
    #[serde(default)]
    pub numbers: SortedMap<DocKind, DocumentNumber>,
    /// Numbers given and withdrawn: never given again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub voided: Vec<VoidedNumber>,
    pub stage: Stage,
    #[serde(default)]
    pub history: Vec<Step>,
    #[serde(default)]
    pub deleted: bool,
}

impl Entity for Admonition {
    const STORE: StoreName = StoreName::Admonitions;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

pub const MAX_LINE_CHARS: usize = 100;
pub const MAX_TEXT_CHARS: usize = 5_000;

/// What is wrong with a case or a change asked of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseError {
    Missing(&'static str),
    TooLong(&'static str, usize),
    /// The step does not follow from the case's stage.
    NotNow {
        step: &'static str,
        stage: &'static str,
    },
    BeforeTalk,
    /// A step dated after today: steps are recorded once they happen.
    AfterToday,
    ObservationNotOver(NaiveDate),
    Rule(String),
}

impl CaseError {
    pub fn user_message(&self) -> String {
        match self {
            CaseError::Missing(what) => format!("请填写{what}。"),
            CaseError::TooLong(what, n) => format!("{what}不能超过 {n} 个字。"),
            CaseError::NotNow { step, stage } => {
                format!("案件现在处于“{stage}”，不能{step}。")
            }
            CaseError::BeforeTalk => "日期不能早于谈话日期。".into(),
            CaseError::AfterToday => "日期不能晚于今天：请在事情办完后再登记。".into(),
            CaseError::ObservationNotOver(until) => {
                format!("考察期到 {until} 才满，期满考察合格后才能解除诫勉；需要时可先延长考察或升级处理。")
            }
            CaseError::Rule(m) => m.clone(),
        }
    }
}

fn required(text: &str, what: &'static str, max: usize) -> Result<(), CaseError> {
    if text.trim().is_empty() {
        return Err(CaseError::Missing(what));
    }
    limited(text, what, max)
}

fn limited(text: &str, what: &'static str, max: usize) -> Result<(), CaseError> {
    if text.chars().count() > max {
        return Err(CaseError::TooLong(what, max));
    }
    Ok(())
}

impl Review {
    fn check(&self) -> Result<(), CaseError> {
        required(&self.reviewer, "考察人", MAX_LINE_CHARS)?;
        required(&self.conclusion, "考察结论", MAX_TEXT_CHARS)
    }
}

/// How a review ends the observation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Lift,
    Extend { months: u32 },
    Escalate,
}

/// Who makes a change and when: kept in the history. `today` (the local date) is the latest
/// day a step may be dated: steps are recorded once they have happened.
pub struct By<'a> {
    pub name: &'a str,
    pub at: DateTime<Utc>,
    pub today: NaiveDate,
}

impl Stage {
    pub fn label(&self) -> &'static str {
        match self {
            Stage::Talked => "已谈话，待交整改措施",
            Stage::Rectified { .. } => "整改措施已提交",
            Stage::Observing { extensions, .. } if extensions.is_empty() => "考察期",
            Stage::Observing { .. } => "延长考察",
            Stage::Lifted { .. } => "已解除",
            Stage::Escalated { .. } => "升级处理",
        }
    }

    pub fn rectification(&self) -> Option<&Rectification> {
        match self {
            Stage::Talked => None,
            Stage::Rectified { rectification }
            | Stage::Observing { rectification, .. }
            | Stage::Lifted { rectification, .. } => Some(rectification),
            Stage::Escalated { rectification, .. } => rectification.as_ref(),
        }
    }

    pub fn review(&self) -> Option<&Review> {
        match self {
            Stage::Lifted { review, .. } | Stage::Escalated { review, .. } => Some(review),
            Stage::Observing { extensions, .. } => extensions.last(),
            _ => None,
        }
    }

    pub fn is_closed(&self) -> bool {
        matches!(self, Stage::Lifted { .. } | Stage::Escalated { .. })
    }
}

/// What a new case is opened with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    pub cadre: Option<Id>,
    pub post: String,
    pub reason: Reason,
    pub matter: String,
    pub facts: String,
    pub talk: Talk,
}

impl Admonition {
    /// Opens a case at its talk, with the deadline counted by `rule` on `calendars`.
    pub fn open(
        meta: Meta,
        opening: Opening,
        rule: DeadlineRule,
        calendars: &[HolidayCalendar],
        by: By,
    ) -> Result<Admonition, CaseError> {
        let cadre = opening.cadre.ok_or(CaseError::Missing("被诫勉人"))?;
        rule.check().map_err(CaseError::Rule)?;
        if opening.talk.date > by.today {
            return Err(CaseError::AfterToday);
        }
        let deadline = super::deadline::deadline(opening.talk.date, &rule, calendars);
        let provisional = missing_years(opening.talk.date, &rule, calendars);
        let case = Admonition {
            meta,
            cadre,
            post: opening.post,
            reason: opening.reason,
            matter: opening.matter,
            facts: opening.facts,
            talk: opening.talk,
            rule,
            deadline,
            provisional,
            circulated: None,
            numbers: SortedMap::new(),
            voided: Vec::new(),
            stage: Stage::Talked,
            history: Vec::new(),
            deleted: false,
        };
        case.check()?;
        let on = case.talk.date;
        Ok(case.with_step(on, Event::Opened, by))
    }

    /// What is left of a deleted case, in this browser and in every file: its id and versions
    /// (so other browsers delete it too), the deletion time (`meta.updated_at`), and the
    /// numbers its documents were given (so they are never given again; a number says nothing
    /// about the person). No name, facts, talk, documents or history.
    pub fn tombstone(&self) -> Admonition {
        let day = NaiveDate::default();
        Admonition {
            meta: self.meta.clone(),
            cadre: Id::nil(),
            post: String::new(),
            reason: Reason::Other,
            matter: String::new(),
            facts: String::new(),
            talk: Talk {
                date: day,
                time: String::new(),
                place: String::new(),
                talker: String::new(),
                recorder: String::new(),
                content: String::new(),
                explanation: String::new(),
            },
            rule: DeadlineRule::default(),
            deadline: day,
            provisional: Vec::new(),
            circulated: None,
            numbers: self.numbers.clone(),
            voided: self
                .voided
                .iter()
                .map(|v| VoidedNumber {
                    by: String::new(),
                    ..v.clone()
                })
                .collect(),
            stage: Stage::Talked,
            history: Vec::new(),
            deleted: true,
        }
    }

    /// The checks every stored case passes, wherever it comes from (a tombstone has nothing
    /// left to check).
    pub fn check(&self) -> Result<(), CaseError> {
        if self.deleted {
            return Ok(());
        }
        required(&self.matter, "事由", MAX_LINE_CHARS)?;
        limited(&self.post, "职务", MAX_LINE_CHARS)?;
        limited(&self.facts, "事实", MAX_TEXT_CHARS)?;
        required(&self.talk.place, "谈话地点", MAX_LINE_CHARS)?;
        required(&self.talk.talker, "谈话人", MAX_LINE_CHARS)?;
        limited(&self.talk.recorder, "记录人", MAX_LINE_CHARS)?;
        limited(&self.talk.time, "谈话时间", MAX_LINE_CHARS)?;
        limited(&self.talk.content, "谈话内容", MAX_TEXT_CHARS)?;
        limited(&self.talk.explanation, "本人说明", MAX_TEXT_CHARS)?;
        self.rule.check().map_err(CaseError::Rule)?;
        if self.deadline < self.talk.date {
            return Err(CaseError::BeforeTalk);
        }
        if let Some(r) = self.stage.rectification() {
            required(&r.measures, "整改措施", MAX_TEXT_CHARS)?;
            if r.submitted < self.talk.date {
                return Err(CaseError::BeforeTalk);
            }
        }
        if let Some(r) = self.stage.review() {
            r.check()?;
        }
        Ok(())
    }

    fn with_step(mut self, on: NaiveDate, event: Event, by: By) -> Admonition {
        self.push_step(on, event, &by);
        self
    }

    fn push_step(&mut self, on: NaiveDate, event: Event, by: &By) {
        self.history.push(Step {
            on,
            event,
            by: by.name.to_string(),
            at: by.at,
        });
    }

    /// Refuses a step dated after today.
    fn dated(on: NaiveDate, by: &By) -> Result<(), CaseError> {
        if on > by.today {
            return Err(CaseError::AfterToday);
        }
        Ok(())
    }

    fn not_now(&self, step: &'static str) -> CaseError {
        CaseError::NotNow {
            step,
            stage: self.stage.label(),
        }
    }

    /// Days, in the case's rule, the measures came (or, while still waiting, are) late by on
    /// `day`: working days after the deadline under a working-day rule.
    pub fn days_late(&self, day: NaiveDate, calendars: &[HolidayCalendar]) -> u32 {
        u32::try_from(counted_days(
            self.deadline,
            day,
            self.rule.counting,
            calendars,
        ))
        .unwrap_or(0)
    }

    /// The deadline counted again when the holidays of a year it waited for have arrived:
    /// `None` when nothing changed. The history says what the deadline was and is now.
    pub fn recount(&self, calendars: &[HolidayCalendar], by: &By) -> Option<Admonition> {
        let arrived = self
            .provisional
            .iter()
            .any(|y| calendars.iter().any(|c| c.year == *y));
        if !arrived || self.deleted {
            return None;
        }
        let mut case = self.clone();
        case.deadline = super::deadline::deadline(self.talk.date, &self.rule, calendars);
        case.provisional = missing_years(self.talk.date, &self.rule, calendars);
        let event = Event::DeadlineRecounted {
            from: self.deadline,
            to: case.deadline,
        };
        case.push_step(by.today, event, by);
        Some(case)
    }

    /// The measures handed in on `on`: late when after the deadline, and recorded so.
    pub fn submit_rectification(
        self,
        calendars: &[HolidayCalendar],
        rectification: Rectification,
        by: By,
    ) -> Result<Admonition, CaseError> {
        if self.stage != Stage::Talked {
            return Err(self.not_now("再提交整改措施"));
        }
        required(&rectification.measures, "整改措施", MAX_TEXT_CHARS)?;
        if rectification.submitted < self.talk.date {
            return Err(CaseError::BeforeTalk);
        }
        Self::dated(rectification.submitted, &by)?;
        let on = rectification.submitted;
        let days_late = self.days_late(on, calendars);
        let counting = self.rule.counting;
        let mut case = self;
        case.stage = Stage::Rectified { rectification };
        let event = Event::RectificationSubmitted {
            days_late,
            counting,
        };
        Ok(case.with_step(on, event, by))
    }

    /// Starts the observation period on `from`, for the months of the case's rule.
    pub fn start_observation(self, from: NaiveDate, by: By) -> Result<Admonition, CaseError> {
        let Stage::Rectified { rectification } = &self.stage else {
            return Err(self.not_now("进入考察期"));
        };
        Self::dated(from, &by)?;
        if from < rectification.submitted {
            return Err(CaseError::Rule(
                "考察期不能早于整改措施提交日期开始。".into(),
            ));
        }
        let until = observation_end(from, self.rule.observation_months);
        let mut case = self.clone();
        case.stage = Stage::Observing {
            rectification: rectification.clone(),
            from,
            until,
            extensions: Vec::new(),
        };
        Ok(case.with_step(from, Event::ObservationStarted { until }, by))
    }

    /// A review: lifts the admonition (only once the observation is over), extends the
    /// observation, or escalates the case (at any open stage).
    pub fn review(self, review: Review, outcome: Outcome, by: By) -> Result<Admonition, CaseError> {
        review.check()?;
        Self::dated(review.date, &by)?;
        if review.date < self.talk.date {
            return Err(CaseError::BeforeTalk);
        }
        let on = review.date;
        let mut case = self.clone();
        match (self.stage, outcome) {
            (stage, Outcome::Escalate) if !stage.is_closed() => {
                case.stage = Stage::Escalated {
                    rectification: stage.rectification().cloned(),
                    review,
                };
                Ok(case.with_step(on, Event::Escalated, by))
            }
            (
                Stage::Observing {
                    rectification,
                    until,
                    ..
                },
                Outcome::Lift,
            ) => {
                if review.date < until {
                    return Err(CaseError::ObservationNotOver(until));
                }
                case.stage = Stage::Lifted {
                    rectification,
                    review,
                };
                Ok(case.with_step(on, Event::Lifted, by))
            }
            (
                Stage::Observing {
                    rectification,
                    from,
                    until,
                    mut extensions,
                },
                Outcome::Extend { months },
            ) => {
                if !(1..=super::deadline::MAX_OBSERVATION_MONTHS).contains(&months) {
                    return Err(CaseError::Rule("延长的月数应为 1 到 24。".into()));
                }
                let until = observation_end(until, months);
                extensions.push(review);
                case.stage = Stage::Observing {
                    rectification,
                    from,
                    until,
                    extensions,
                };
                Ok(case.with_step(on, Event::Extended { until }, by))
            }
            (_, Outcome::Lift) => Err(case.not_now("解除诫勉（须在考察期满并考察合格后）")),
            (_, _) => Err(case.not_now("延长考察")),
        }
    }

    /// Records the circulated notice (通报).
    pub fn circulate(self, on: NaiveDate, by: By) -> Result<Admonition, CaseError> {
        if self.circulated.is_some() {
            return Err(CaseError::Rule("本案已经通报过。".into()));
        }
        if on < self.talk.date {
            return Err(CaseError::BeforeTalk);
        }
        Self::dated(on, &by)?;
        let mut case = self;
        case.circulated = Some(on);
        Ok(case.with_step(on, Event::Circulated, by))
    }

    /// The late rectification, if it was late: days after the deadline, in the case's rule.
    pub fn late_by(&self, calendars: &[HolidayCalendar]) -> Option<u32> {
        self.stage
            .rectification()
            .map(|r| self.days_late(r.submitted, calendars))
            .filter(|d| *d > 0)
    }

    /// The year the case counts in (its talk's year).
    pub fn year(&self) -> i32 {
        chrono::Datelike::year(&self.talk.date)
    }
}

/// Every case whose provisional deadline can now be counted on `calendars`, counted again.
pub fn recount_all(
    cases: &[Admonition],
    calendars: &[HolidayCalendar],
    by: &By,
) -> Vec<Admonition> {
    cases
        .iter()
        .filter_map(|c| c.recount(calendars, by))
        .collect()
}

#[cfg(test)]
mod tests;
