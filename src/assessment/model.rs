//! A rating round (评议), its rater groups and rules, and one ballot (评议票).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::record::{Entity, Id, Meta};
use crate::store::schema::StoreName;

/// 等次.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Excellent,
    Competent,
    BasicallyCompetent,
    Incompetent,
}

impl Grade {
    pub const ALL: [Grade; 4] = [
        Grade::Excellent,
        Grade::Competent,
        Grade::BasicallyCompetent,
        Grade::Incompetent,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Grade::Excellent => "优秀",
            Grade::Competent => "称职",
            Grade::BasicallyCompetent => "基本称职",
            Grade::Incompetent => "不称职",
        }
    }

    /// Points of a vote in the composite score.
    pub fn points(self) -> f64 {
        match self {
            Grade::Excellent => 100.0,
            Grade::Competent => 80.0,
            Grade::BasicallyCompetent => 60.0,
            Grade::Incompetent => 0.0,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// One mark on a ballot: a grade, or 不了解 (a blank box counts the same: an abstention).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Vote {
    Excellent,
    Competent,
    BasicallyCompetent,
    Incompetent,
    Abstain,
}

impl Vote {
    pub const ALL: [Vote; 5] = [
        Vote::Excellent,
        Vote::Competent,
        Vote::BasicallyCompetent,
        Vote::Incompetent,
        Vote::Abstain,
    ];

    pub fn grade(self) -> Option<Grade> {
        match self {
            Vote::Excellent => Some(Grade::Excellent),
            Vote::Competent => Some(Grade::Competent),
            Vote::BasicallyCompetent => Some(Grade::BasicallyCompetent),
            Vote::Incompetent => Some(Grade::Incompetent),
            Vote::Abstain => None,
        }
    }

    pub fn label(self) -> &'static str {
        self.grade().map(Grade::label).unwrap_or("不了解")
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// 评议组: who rates, how much their view weighs, and how many ballots they were given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaterGroup {
    /// Stable within the round, so ballots keep pointing at their group when groups are renamed.
    pub key: u32,
    pub name: String,
    /// Weight in the composite score, in percent of the whole.
    pub weight: u32,
    /// Ballots issued.
    pub issued: u32,
}

/// The rules that turn votes into grades and bonuses; all editable per round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    /// 优秀 needs at least this share (percent) of 优秀 votes.
    pub excellent_min: u32,
    /// More than this share of 不称职 votes suggests 不称职.
    pub incompetent_over: u32,
    /// More than this share of 基本称职 and 不称职 votes together suggests 基本称职.
    pub basic_over: u32,
    /// 优秀名额: at most this share (percent) of those rated.
    pub quota: u32,
    /// 奖金系数 per grade, in hundredths (120 = 1.20), in the order of `Grade::ALL`.
    pub coefficients: [u32; 4],
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            excellent_min: 60,
            incompetent_over: 33,
            basic_over: 50,
            quota: 20,
            coefficients: [120, 100, 80, 0],
        }
    }
}

/// A rating round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub meta: Meta,
    pub year: i32,
    pub title: String,
    /// Those rated, in the order the ballots list them.
    pub rated: Vec<Id>,
    pub groups: Vec<RaterGroup>,
    #[serde(default)]
    pub rules: Rules,
    #[serde(default)]
    pub deleted: bool,
}

impl Entity for Evaluation {
    const STORE: StoreName = StoreName::Evaluations;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

/// How a ballot came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A paper ballot counted by keyboard.
    Paper,
    /// Cast on the shared computer at the meeting.
    Kiosk,
    /// Sent as a file from a rater's own browser.
    File,
}

impl Source {
    pub fn label(self) -> &'static str {
        match self {
            Source::Paper => "纸质票",
            Source::Kiosk => "现场投票",
            Source::File => "电子票",
        }
    }
}

/// One rater's ballot. It names no rater: its bookkeeping is made under a one-off device id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    pub meta: Meta,
    pub evaluation_id: Id,
    /// The rater group's key.
    pub group: u32,
    /// 票号 within the group, to find a miscounted paper ballot again.
    #[serde(default)]
    pub number: u32,
    pub source: Source,
    /// A vote per rated person; a person missing from the map was left blank.
    pub votes: BTreeMap<Id, Vote>,
    /// Taken back (a miscount undone): kept, not counted.
    #[serde(default)]
    pub void: bool,
}

impl Entity for Ballot {
    const STORE: StoreName = StoreName::Ballots;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

pub const MAX_RATED: usize = 500;
pub const MAX_GROUPS: usize = 20;
pub const MAX_ISSUED: u32 = 10_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundError {
    TitleMissing,
    NobodyRated,
    TooMany,
    NoGroups,
    GroupNameMissing(usize),
    RepeatedGroup(String),
    WeightsNotHundred(u32),
    IssuedOutOfRange(String),
    RuleOutOfRange(&'static str),
    YearOutOfRange,
}

impl RoundError {
    pub fn user_message(&self) -> String {
        match self {
            RoundError::TitleMissing => "请填写评议名称。".into(),
            RoundError::NobodyRated => "请至少选择一名被评议人。".into(),
            RoundError::TooMany => {
                format!("被评议人不超过 {MAX_RATED} 人，评议组不超过 {MAX_GROUPS} 个。")
            }
            RoundError::NoGroups => "请至少设一个评议组。".into(),
            RoundError::GroupNameMissing(i) => format!("第 {} 个评议组没有名称。", i + 1),
            RoundError::RepeatedGroup(name) => format!("评议组“{name}”重复了。"),
            RoundError::WeightsNotHundred(sum) => {
                format!("各评议组权重之和应为 100%，现在是 {sum}%。")
            }
            RoundError::IssuedOutOfRange(name) => {
                format!("评议组“{name}”的发票数应为 1 到 {MAX_ISSUED} 张。")
            }
            RoundError::RuleOutOfRange(what) => format!("{what}应在 0 到 100 之间。"),
            RoundError::YearOutOfRange => "年度不在 2000 到 2100 之间。".into(),
        }
    }
}

impl Evaluation {
    pub fn check(&self) -> Result<(), RoundError> {
        if self.title.trim().is_empty() {
            return Err(RoundError::TitleMissing);
        }
        if !(2000..=2100).contains(&self.year) {
            return Err(RoundError::YearOutOfRange);
        }
        if self.rated.is_empty() {
            return Err(RoundError::NobodyRated);
        }
        if self.rated.len() > MAX_RATED || self.groups.len() > MAX_GROUPS {
            return Err(RoundError::TooMany);
        }
        if self.groups.is_empty() {
            return Err(RoundError::NoGroups);
        }
        for (i, g) in self.groups.iter().enumerate() {
            if g.name.trim().is_empty() {
                return Err(RoundError::GroupNameMissing(i));
            }
            if self.groups[..i]
                .iter()
                .any(|h| h.name == g.name || h.key == g.key)
            {
                return Err(RoundError::RepeatedGroup(g.name.clone()));
            }
            if !(1..=MAX_ISSUED).contains(&g.issued) {
                return Err(RoundError::IssuedOutOfRange(g.name.clone()));
            }
        }
        let sum: u32 = self.groups.iter().map(|g| g.weight.min(1000)).sum();
        if sum != 100 {
            return Err(RoundError::WeightsNotHundred(sum));
        }
        let r = &self.rules;
        for (value, what) in [
            (r.excellent_min, "优秀得票率要求"),
            (r.incompetent_over, "不称职得票率界线"),
            (r.basic_over, "基本称职得票率界线"),
            (r.quota, "优秀名额比例"),
        ] {
            if value > 100 {
                return Err(RoundError::RuleOutOfRange(what));
            }
        }
        if r.coefficients.iter().any(|c| *c > 1000) {
            return Err(RoundError::RuleOutOfRange("奖金系数（不超过 10）"));
        }
        Ok(())
    }

    pub fn group(&self, key: u32) -> Option<&RaterGroup> {
        self.groups.iter().find(|g| g.key == key)
    }

    /// The groups a new round starts with: the source's raters and the office's own cadres.
    pub fn default_groups() -> Vec<RaterGroup> {
        [
            ("村干部", 40, 30),
            ("人大代表", 20, 15),
            ("政协委员", 20, 10),
            ("机关干部", 20, 40),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, (name, weight, issued))| RaterGroup {
            key: i as u32 + 1,
            name: name.into(),
            weight,
            issued,
        })
        .collect()
    }
}

impl Ballot {
    /// A ballot refers only to its round's people and groups.
    pub fn check_against(&self, round: &Evaluation) -> Result<(), String> {
        if round.group(self.group).is_none() {
            return Err("评议票的评议组不在这次评议中。".into());
        }
        if self.votes.keys().any(|id| !round.rated.contains(id)) {
            return Err("评议票评了不在这次评议名单上的人。".into());
        }
        Ok(())
    }
}

/// Formats a coefficient kept in hundredths: 120 → "1.20".
pub fn coefficient_text(hundredths: u32) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}
