//! The tally of a round: each group's ballots checked (more returned than issued voids the
//! group's count; fewer than half is flagged), each person's votes per group, a weighted
//! composite score, ranking with ties, the suggested grade by the round's thresholds, the 优秀
//! quota, the admonition rule and the bonus coefficient.

use std::collections::HashMap;

use super::model::{Ballot, Evaluation, Grade, Vote};
use super::share::Percent;
use crate::record::Id;

/// Votes of each kind, in the order of `Vote::ALL`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts(pub [u32; 5]);

impl Counts {
    /// Votes that gave a grade (不了解 and blanks abstain).
    pub fn valid(&self) -> u32 {
        self.0[..4].iter().sum()
    }

    pub fn of(&self, vote: Vote) -> u32 {
        self.0[vote.index()]
    }

    /// The share of valid votes giving `grade`, 0–1.
    pub fn share(&self, grade: Grade) -> f64 {
        match self.valid() {
            0 => 0.0,
            n => f64::from(self.0[grade.index()]) / f64::from(n),
        }
    }

    /// Average points of the valid votes, 0–100.
    pub fn score(&self) -> Option<f64> {
        let n = self.valid();
        (n > 0).then(|| {
            Grade::ALL
                .iter()
                .map(|g| g.points() * f64::from(self.0[g.index()]))
                .sum::<f64>()
                / f64::from(n)
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupState {
    Counted,
    /// Fewer than half the ballots came back: counted, but flagged.
    LowReturn,
    /// More ballots than were issued: the group's count is void.
    Void,
}

impl GroupState {
    pub fn label(self) -> &'static str {
        match self {
            GroupState::Counted => "有效",
            GroupState::LowReturn => "有效（收回不足一半，请注意）",
            GroupState::Void => "无效（收回票数多于发出票数）",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupResult {
    pub key: u32,
    pub name: String,
    pub weight: Percent,
    pub issued: u32,
    pub returned: u32,
    pub state: GroupState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// Suggested 优秀 but beyond the quota by rank.
    OverQuota,
    /// Within the quota by rank, but tied with others so that the quota is exceeded.
    TiedAtQuota,
    /// Suggested 优秀 but had an admonition case in the year.
    Admonished,
    /// No valid vote at all.
    NoVotes,
    /// The meeting set the final grade (its reason is on the row).
    Decided,
    /// The meeting chose 优秀 for someone admonished this year: not applied.
    DecisionRefused,
}

impl Flag {
    pub fn label(self) -> &'static str {
        match self {
            Flag::OverQuota => "超出优秀名额，按称职",
            Flag::TiedAtQuota => "与他人并列，优秀人数超出名额，请研究确定",
            Flag::Admonished => "本年度受到诫勉，不能评为优秀",
            Flag::NoVotes => "没有有效票",
            Flag::Decided => "会议研究确定",
            Flag::DecisionRefused => "会议决定的优秀未采用：本年度受到诫勉",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PersonResult {
    pub cadre: Id,
    /// Per group, in the round's order.
    pub per_group: Vec<Counts>,
    /// Shares of each grade, weighted over the counted groups, 0–1.
    pub shares: [f64; 4],
    pub composite: Option<f64>,
    /// 1 = best; tied scores share a rank (1, 2, 2, 4).
    pub rank: usize,
    pub suggested: Option<Grade>,
    pub grade: Option<Grade>,
    pub flags: Vec<Flag>,
    /// Hundredths.
    pub coefficient: Option<u32>,
    /// Why the meeting set the final grade, where it did.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub groups: Vec<GroupResult>,
    pub people: Vec<PersonResult>,
    /// How many may be 优秀.
    pub quota: usize,
}

fn state(issued: u32, returned: u32) -> GroupState {
    if returned > issued {
        GroupState::Void
    } else if returned * 2 < issued {
        GroupState::LowReturn
    } else {
        GroupState::Counted
    }
}

/// Counts the round. `admonished` says who may not be 优秀 this year (the admonition rule).
pub fn tally(round: &Evaluation, ballots: &[Ballot], admonished: &dyn Fn(Id) -> bool) -> Tally {
    let live: Vec<&Ballot> = ballots
        .iter()
        .filter(|b| b.evaluation_id == round.meta.id && !b.void)
        .collect();
    let group_index: HashMap<u32, usize> = round
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.key, i))
        .collect();
    let mut returned = vec![0u32; round.groups.len()];
    let mut counts = vec![vec![Counts::default(); round.groups.len()]; round.rated.len()];
    for ballot in &live {
        let Some(&g) = group_index.get(&ballot.group) else {
            continue;
        };
        returned[g] += 1;
        // A person left blank abstains, like 不了解.
        for (p, row) in counts.iter_mut().enumerate() {
            let vote = round
                .rated
                .get(p)
                .and_then(|id| ballot.votes.get(id))
                .copied()
                .unwrap_or(Vote::Abstain);
            row[g].0[vote.index()] += 1;
        }
    }
    let groups: Vec<GroupResult> = round
        .groups
        .iter()
        .zip(&returned)
        .map(|(g, &r)| GroupResult {
            key: g.key,
            name: g.name.clone(),
            weight: g.weight,
            issued: g.issued,
            returned: r,
            state: state(g.issued, r),
        })
        .collect();
    let rules = &round.rules;
    let mut people: Vec<PersonResult> = round
        .rated
        .iter()
        .zip(counts)
        .map(|(cadre, per_group)| {
            let counted: Vec<(f64, &Counts)> = groups
                .iter()
                .zip(&per_group)
                .filter(|(g, c)| g.state != GroupState::Void && c.valid() > 0)
                .map(|(g, c)| (f64::from(g.weight.0), c))
                .collect();
            let total: f64 = counted.iter().map(|(w, _)| w).sum();
            let weighted = |f: &dyn Fn(&Counts) -> f64| {
                (total > 0.0).then(|| counted.iter().map(|(w, c)| w * f(c)).sum::<f64>() / total)
            };
            let shares = Grade::ALL.map(|g| weighted(&|c| c.share(g)).unwrap_or(0.0));
            let composite = weighted(&|c| c.score().unwrap_or(0.0));
            let suggested = composite.map(|_| {
                let [excellent, _, basic, incompetent] = shares;
                if rules.incompetent_over.exceeded_by(incompetent) {
                    Grade::Incompetent
                } else if rules.excellent_min.reached_by(excellent) {
                    Grade::Excellent
                } else if rules.basic_over.exceeded_by(basic + incompetent) {
                    Grade::BasicallyCompetent
                } else {
                    Grade::Competent
                }
            });
            let mut flags = Vec::new();
            let mut grade = suggested;
            if suggested.is_none() {
                flags.push(Flag::NoVotes);
            }
            if suggested == Some(Grade::Excellent) && admonished(*cadre) {
                flags.push(Flag::Admonished);
                grade = Some(Grade::Competent);
            }
            PersonResult {
                cadre: *cadre,
                per_group,
                shares,
                composite,
                rank: 0,
                suggested,
                grade,
                flags,
                coefficient: None,
                reason: None,
            }
        })
        .collect();
    // Competition ranking on the composite score; nobody without votes outranks anyone.
    let scores: Vec<f64> = people.iter().map(|p| p.composite.unwrap_or(-1.0)).collect();
    for (p, &mine) in people.iter_mut().zip(&scores) {
        p.rank = 1 + scores.iter().filter(|s| **s > mine + 1e-9).count();
    }
    // 四舍五入, as offices count a share of people: 8 × 20 % = 1.6 → 2.
    let quota = (round.rated.len() * rules.quota.0 as usize + 5_000) / 10_000;
    let excellent: Vec<usize> = (0..people.len())
        .filter(|i| people[*i].grade == Some(Grade::Excellent))
        .collect();
    if excellent.len() > quota {
        // Place among the 优秀 candidates by rank: beyond the quota drops to 称职; a tie that
        // straddles the quota keeps 优秀 and is flagged for the office to decide.
        for &i in &excellent {
            let better = excellent
                .iter()
                .filter(|j| people[**j].rank < people[i].rank)
                .count();
            if better >= quota {
                people[i].grade = Some(Grade::Competent);
                people[i].flags.push(Flag::OverQuota);
            } else {
                let tied = excellent
                    .iter()
                    .filter(|j| people[**j].rank == people[i].rank)
                    .count();
                if better + tied > quota {
                    people[i].flags.push(Flag::TiedAtQuota);
                }
            }
        }
    }
    // What the meeting decided comes last and stands, except 优秀 for someone admonished.
    for p in &mut people {
        let Some(decision) = round.decisions.get(&p.cadre) else {
            continue;
        };
        if decision.grade == Grade::Excellent && admonished(p.cadre) {
            p.flags.push(Flag::DecisionRefused);
            continue;
        }
        p.grade = Some(decision.grade);
        p.flags.push(Flag::Decided);
        p.reason = Some(decision.reason.clone());
    }
    for p in &mut people {
        p.coefficient = p.grade.map(|g| rules.coefficients[g.index()]);
    }
    Tally {
        groups,
        people,
        quota,
    }
}

#[cfg(test)]
mod tests;
