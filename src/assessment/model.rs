//! A rating round (评议), its rater groups and rules, and one ballot (评议票).

use serde::{Deserialize, Serialize};

use super::share::{Percent, Share};
use crate::record::{Entity, Id, Meta};
use crate::sorted::SortedMap;
use crate::store::schema::StoreName;

crate::read_by_name! {
    /// 等次.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Grade {
        Excellent,
        Competent,
        BasicallyCompetent,
        Incompetent,
    }
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

crate::read_by_name! {
    /// One mark on a ballot: a grade, or 不了解 (a blank box counts the same: an abstention).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Vote {
        Excellent,
        Competent,
        BasicallyCompetent,
        Incompetent,
        Abstain,
    }
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
    /// Weight in the composite score, a share of the whole (12.5 % allowed).
    pub weight: Percent,
    /// Ballots issued.
    pub issued: u32,
}

/// The rules that turn votes into grades and bonuses; all editable per round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    /// 优秀 needs at least this share of 优秀 votes.
    pub excellent_min: Share,
    /// More than this share of 不称职 votes suggests 不称职.
    pub incompetent_over: Share,
    /// More than this share of 基本称职 and 不称职 votes together suggests 基本称职.
    pub basic_over: Share,
    /// 优秀名额: at most this share of those rated.
    pub quota: Percent,
    /// 奖金系数 per grade, in hundredths (120 = 1.20), in the order of `Grade::ALL`.
    pub coefficients: [u32; 4],
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            excellent_min: Share::percent(60),
            // "超过三分之一": exact, so 3 of 9 is not more than a third.
            incompetent_over: Share::Fraction { num: 1, den: 3 },
            basic_over: Share::percent(50),
            quota: Percent::whole(20),
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
    /// Whether electronic and kiosk ballots need a 选票码, and (only in the office's browser)
    /// the key the codes come from.
    #[serde(default, skip_serializing_if = "SlipCodes::is_none")]
    pub slips: SlipCodes,
    /// When the round file was first exported: from then on who is rated and the groups stay
    /// as sent (a copy can be made).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
    /// What the meeting decided where it differs from the suggested grade (a tie at the quota,
    /// or any other change), per rated person.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub decisions: SortedMap<Id, MeetingDecision>,
}

/// Whether a round's electronic ballots need a 选票码. In files: `"asked"`, or
/// `{"keyed": "…"}` in the office's own (externally tagged: serde reads it without buffering).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlipCodes {
    /// Rounds from before 选票码: ballots come in without one.
    #[default]
    None,
    /// The round file raters get: a code is asked for, the key stays with the office.
    Asked,
    /// The office's own round, with the key its codes come from.
    Keyed(String),
}

impl SlipCodes {
    pub fn is_none(&self) -> bool {
        matches!(self, SlipCodes::None)
    }

    pub fn asked(&self) -> bool {
        !self.is_none()
    }

    pub fn key(&self) -> Option<&str> {
        match self {
            SlipCodes::Keyed(key) => Some(key),
            _ => None,
        }
    }
}

/// The final grade the meeting set for one person, and why (会议研究确定 …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingDecision {
    pub grade: Grade,
    pub reason: String,
}

/// The longest reason kept with a decision.
pub const MAX_REASON_CHARS: usize = 200;

impl MeetingDecision {
    /// A decision as the office types it: a reason is required, and 优秀 is not open to someone
    /// admonished this year.
    pub fn new(grade: Grade, reason: &str, admonished: bool) -> Result<MeetingDecision, String> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(
                "请写明会议确定的理由（如：经党政联席会议研究，按年度考核得分确定）。".into(),
            );
        }
        if reason.chars().count() > MAX_REASON_CHARS {
            return Err(format!("理由请不超过 {MAX_REASON_CHARS} 字。"));
        }
        if grade == Grade::Excellent && admonished {
            return Err("此人本年度受到诫勉，不能评为优秀。".into());
        }
        Ok(MeetingDecision {
            grade,
            reason: reason.to_string(),
        })
    }
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

crate::read_by_name! {
    /// How a ballot came in.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Source {
        /// A paper ballot counted by keyboard.
        Paper,
        /// Cast on the shared computer at the meeting.
        Kiosk,
        /// Sent as a file from a rater's own browser.
        File,
    }
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
    pub votes: SortedMap<Id, Vote>,
    /// Taken back (a miscount undone): kept, not counted.
    #[serde(default)]
    pub void: bool,
    /// The 选票码 of an electronic or kiosk ballot: its group comes from it, and it is counted
    /// once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slip: Option<String>,
    /// The version of the round (who is rated, the groups) the ballot was filled on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round_version: Option<String>,
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
    WeightsNotHundred(Percent),
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
                format!("各评议组权重之和应为 100%，现在是 {}。", sum.label())
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
        let sum: u32 = self.groups.iter().map(|g| g.weight.0.min(100_000)).sum();
        if sum != 10_000 {
            return Err(RoundError::WeightsNotHundred(Percent(sum)));
        }
        let r = &self.rules;
        for (value, what) in [
            (r.excellent_min, "优秀得票率要求"),
            (r.incompetent_over, "不称职得票率界线"),
            (r.basic_over, "基本称职得票率界线"),
            (Share::Percent(r.quota), "优秀名额比例"),
        ] {
            let broken = match value {
                Share::Percent(p) => p.0 > 10_000,
                Share::Fraction { num, den } => den == 0 || num > den,
            };
            if broken {
                return Err(RoundError::RuleOutOfRange(what));
            }
        }
        if r.coefficients.iter().any(|c| *c > 1000) {
            return Err(RoundError::RuleOutOfRange("奖金系数（不超过 10）"));
        }
        Ok(())
    }

    /// A round with the default rules, no 选票码, nothing sent or decided.
    pub fn new(
        meta: Meta,
        year: i32,
        title: impl Into<String>,
        rated: Vec<Id>,
        groups: Vec<RaterGroup>,
    ) -> Evaluation {
        Evaluation {
            meta,
            year,
            title: title.into(),
            rated,
            groups,
            rules: Rules::default(),
            deleted: false,
            slips: SlipCodes::None,
            sent_at: None,
            decisions: SortedMap::new(),
        }
    }

    /// A short fingerprint of what a ballot is filled against — who is rated, in which order,
    /// and the groups — so a ballot filled on an older copy of the round is recognised.
    pub fn version(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for id in &self.rated {
            h.update(id.as_bytes());
        }
        for g in &self.groups {
            h.update(g.key.to_be_bytes());
            h.update(g.name.as_bytes());
            h.update([0u8]);
        }
        h.finalize()[..6]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Whether who is rated and the groups may still change: not once the round file has gone
    /// out or a ballot has been counted.
    pub fn people_and_groups_locked(&self, has_ballots: bool) -> bool {
        self.sent_at.is_some() || has_ballots
    }

    /// The round as raters get it: no slip key, no meeting decisions, no send stamp.
    pub fn for_raters(&self) -> Evaluation {
        Evaluation {
            slips: if self.slips.asked() {
                SlipCodes::Asked
            } else {
                SlipCodes::None
            },
            decisions: SortedMap::new(),
            ..self.clone()
        }
    }

    /// A new round with this one's people, groups and rules, to be changed freely: its own
    /// slip key, not sent, no decisions.
    pub fn copied(&self, meta: Meta, slip_key: String) -> Evaluation {
        Evaluation {
            meta,
            title: format!("{}（副本）", self.title),
            slips: SlipCodes::Keyed(slip_key),
            sent_at: None,
            decisions: SortedMap::new(),
            deleted: false,
            ..self.clone()
        }
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
            weight: Percent::whole(weight),
            issued,
        })
        .collect()
    }
}

impl Ballot {
    /// An anonymous ballot (kiosk or file) on `round`: made under a one-off device id and with
    /// the day only, so it says nothing of where or when it was cast.
    pub fn anonymous(
        round: &Evaluation,
        group: u32,
        source: Source,
        votes: SortedMap<Id, Vote>,
        slip: Option<String>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Ballot {
        Ballot {
            meta: Meta::new(&crate::record::DeviceId::new_random(), Ballot::day_of(now)),
            evaluation_id: round.meta.id,
            group,
            number: 0,
            source,
            votes,
            void: false,
            slip,
            round_version: Some(round.version()),
        }
    }

    /// The people of `rated` a ballot leaves unmarked (counted as 不了解), in ballot order.
    pub fn unmarked(rated: &[Id], votes: &SortedMap<Id, Vote>) -> Vec<Id> {
        rated
            .iter()
            .filter(|id| !votes.contains_key(id))
            .copied()
            .collect()
    }

    /// The time an anonymous ballot keeps: the day only, so no backup shows who voted when.
    pub fn day_of(now: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
        now.date_naive()
            .and_hms_opt(0, 0, 0)
            .map(|t| t.and_utc())
            .unwrap_or(now)
    }

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

impl Rules {
    /// The rules in words, as a conflict or the sheet states them.
    pub fn describe(&self) -> String {
        let coefficients: Vec<String> = Grade::ALL
            .iter()
            .map(|g| {
                format!(
                    "{} {}",
                    g.label(),
                    coefficient_text(self.coefficients[g.index()])
                )
            })
            .collect();
        format!(
            "优秀票达到 {}；不称职票超过 {}；基本称职和不称职合计超过 {}；优秀名额 {}；奖金系数 {}",
            self.excellent_min.label(),
            self.incompetent_over.label(),
            self.basic_over.label(),
            self.quota.label(),
            coefficients.join("、")
        )
    }
}

/// Rater groups in words: "村干部 40%（发 30 张）、人大代表 20%（发 15 张）".
pub fn groups_text(groups: &[RaterGroup]) -> String {
    groups
        .iter()
        .map(|g| format!("{} {}（发 {} 张）", g.name, g.weight.label(), g.issued))
        .collect::<Vec<_>>()
        .join("、")
}

/// A ballot's votes in words, by kind: "优秀 2、称职 1".
pub fn votes_text(votes: &SortedMap<Id, Vote>) -> String {
    let counts: Vec<String> = Vote::ALL
        .iter()
        .map(|v| (v, votes.values().filter(|x| *x == v).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(v, n)| format!("{} {n}", v.label()))
        .collect();
    if counts.is_empty() {
        "全部空白".into()
    } else {
        counts.join("、")
    }
}

/// Formats a coefficient kept in hundredths: 120 → "1.20".
pub fn coefficient_text(hundredths: u32) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decision_needs_a_reason_and_never_makes_the_admonished_excellent() {
        assert!(MeetingDecision::new(Grade::Competent, "  ", false).is_err());
        assert!(MeetingDecision::new(Grade::Excellent, "会议研究", true).is_err());
        assert_eq!(
            MeetingDecision::new(Grade::Excellent, " 会议研究确定 ", false),
            Ok(MeetingDecision {
                grade: Grade::Excellent,
                reason: "会议研究确定".into()
            })
        );
    }

    #[test]
    fn unmarked_people_are_listed_in_ballot_order() {
        let [a, b, c] = [1u128, 2, 3].map(uuid::Uuid::from_u128);
        let votes: SortedMap<Id, Vote> = [(b, Vote::Abstain)].into();
        assert_eq!(Ballot::unmarked(&[c, a, b], &votes), vec![c, a]);
        assert!(
            Ballot::unmarked(&[b], &votes).is_empty(),
            "不了解 is a choice"
        );
    }

    #[test]
    fn an_anonymous_ballot_keeps_the_day_only() {
        let t = chrono::DateTime::from_timestamp(1_795_000_123, 456_000_000).unwrap_or_default();
        let day = Ballot::day_of(t);
        assert_eq!(day.timestamp() % 86_400, 0);
        assert_eq!(day.date_naive(), t.date_naive());
    }

    #[test]
    fn a_round_changes_version_with_its_people_or_groups_only() {
        let meta = Meta::new(
            &crate::record::DeviceId("a".into()),
            chrono::DateTime::default(),
        );
        let round = Evaluation {
            slips: SlipCodes::Keyed("k".into()),
            ..Evaluation::new(
                meta,
                2026,
                "评议",
                vec![uuid::Uuid::from_u128(1)],
                Evaluation::default_groups(),
            )
        };
        let mut rules_changed = round.clone();
        rules_changed.rules.quota = Percent::whole(30);
        assert_eq!(rules_changed.version(), round.version());
        let mut renamed = round.clone();
        renamed.groups[0].name = "村两委".into();
        assert_ne!(renamed.version(), round.version());
        let out = round.for_raters();
        assert_eq!(out.slips, SlipCodes::Asked, "the key stays here");
        assert_eq!(out.version(), round.version());
    }
}
