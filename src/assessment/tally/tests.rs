use chrono::DateTime;

use super::*;
use crate::assessment::model::{RaterGroup, Source};
use crate::record::{DeviceId, Meta};
use crate::sorted::SortedMap;

fn meta() -> Meta {
    Meta::new(&DeviceId("a".into()), DateTime::default())
}

fn person(n: u128) -> Id {
    uuid::Uuid::from_u128(n)
}

fn round(people: u128, groups: &[(u32, u32)]) -> Evaluation {
    Evaluation::new(
        meta(),
        2026,
        "2026 年度述职评议",
        (1..=people).map(person).collect(),
        groups
            .iter()
            .enumerate()
            .map(|(i, (weight, issued))| RaterGroup {
                key: i as u32 + 1,
                name: format!("组{i}"),
                weight: crate::assessment::share::Percent::whole(*weight),
                issued: *issued,
            })
            .collect(),
    )
}

/// A ballot of `group` voting `votes` for persons 1, 2, … in order.
fn ballot(r: &Evaluation, group: u32, votes: &[Vote]) -> Ballot {
    Ballot {
        meta: meta(),
        evaluation_id: r.meta.id,
        group,
        number: 0,
        source: Source::Paper,
        votes: votes
            .iter()
            .enumerate()
            .map(|(i, v)| (person(i as u128 + 1), *v))
            .collect::<SortedMap<_, _>>(),
        void: false,
        slip: None,
        round_version: None,
    }
}

fn nobody(_: Id) -> bool {
    false
}

use Vote::{
    Abstain as X, BasicallyCompetent as B, Competent as C, Excellent as E, Incompetent as I,
};

#[test]
fn counts_and_shares_leave_abstentions_out() {
    let r = round(1, &[(100, 4)]);
    let bs = [
        ballot(&r, 1, &[E]),
        ballot(&r, 1, &[E]),
        ballot(&r, 1, &[C]),
        ballot(&r, 1, &[X]),
    ];
    let t = tally(&r, &bs, &nobody);
    let p = &t.people[0];
    assert_eq!(p.per_group[0].0, [2, 1, 0, 0, 1]);
    assert!((p.shares[0] - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(p.suggested, Some(Grade::Excellent), "2/3 ≥ 60 %");
    assert!((p.composite.unwrap_or(0.0) - 280.0 / 3.0).abs() < 1e-9);
}

#[test]
fn weights_combine_the_groups() {
    // Group 1 (weight 40) all 优秀, group 2 (weight 60) all 称职.
    let r = round(1, &[(40, 2), (60, 2)]);
    let bs = [
        ballot(&r, 1, &[E]),
        ballot(&r, 1, &[E]),
        ballot(&r, 2, &[C]),
        ballot(&r, 2, &[C]),
    ];
    let t = tally(&r, &bs, &nobody);
    let p = &t.people[0];
    assert!((p.composite.unwrap_or(0.0) - 88.0).abs() < 1e-9);
    assert!((p.shares[0] - 0.4).abs() < 1e-9);
    assert_eq!(
        p.suggested,
        Some(Grade::Competent),
        "40 % 优秀 is short of 60 %"
    );
}

#[test]
fn thresholds_suggest_incompetent_and_basically_competent() {
    let r = round(2, &[(100, 3)]);
    let bs = [
        ballot(&r, 1, &[I, B]),
        ballot(&r, 1, &[I, B]),
        ballot(&r, 1, &[C, C]),
    ];
    let t = tally(&r, &bs, &nobody);
    assert_eq!(
        t.people[0].suggested,
        Some(Grade::Incompetent),
        "2/3 不称职 > 1/3"
    );
    assert_eq!(
        t.people[1].suggested,
        Some(Grade::BasicallyCompetent),
        "2/3 基本称职 > 50 %"
    );
    assert_eq!(t.people[1].coefficient, Some(80));
    assert_eq!(t.people[0].coefficient, Some(0));
}

#[test]
fn a_group_returning_more_than_issued_is_void_and_fewer_than_half_is_flagged() {
    let r = round(1, &[(50, 1), (50, 5)]);
    let bs = [
        ballot(&r, 1, &[I]),
        ballot(&r, 1, &[I]),
        ballot(&r, 2, &[E]),
        ballot(&r, 2, &[E]),
    ];
    let t = tally(&r, &bs, &nobody);
    assert_eq!(t.groups[0].state, GroupState::Void);
    assert_eq!(t.groups[1].state, GroupState::LowReturn);
    // Only group 2 counts.
    assert_eq!(t.people[0].suggested, Some(Grade::Excellent));
    assert_eq!(t.people[0].composite, Some(100.0));
}

#[test]
fn void_ballots_and_other_rounds_are_not_counted() {
    let r = round(1, &[(100, 3)]);
    let mut undone = ballot(&r, 1, &[I]);
    undone.void = true;
    let mut elsewhere = ballot(&r, 1, &[I]);
    elsewhere.evaluation_id = person(99);
    let t = tally(&r, &[undone, elsewhere, ballot(&r, 1, &[C])], &nobody);
    assert_eq!(t.groups[0].returned, 1);
    assert_eq!(t.people[0].per_group[0].0, [0, 1, 0, 0, 0]);
}

#[test]
fn ties_share_a_rank() {
    let r = round(4, &[(100, 1)]);
    let t = tally(&r, &[ballot(&r, 1, &[E, C, C, B])], &nobody);
    let ranks: Vec<usize> = t.people.iter().map(|p| p.rank).collect();
    assert_eq!(ranks, vec![1, 2, 2, 4]);
}

#[test]
fn the_quota_drops_the_lowest_ranked_excellent_and_flags_a_tie_at_its_edge() {
    // 10 rated, 20 % quota: 2 may be 优秀. Persons 1–4 all get 优秀 from enough votes, with
    // composite scores 100, 95 (tie), 95 (tie), 90.
    let r = round(10, &[(100, 4)]);
    let row = |p4: [Vote; 4]| -> Vec<Vote> {
        let mut v = p4.to_vec();
        v.extend([C; 6]);
        v
    };
    let bs = [
        ballot(&r, 1, &row([E, E, E, E])),
        ballot(&r, 1, &row([E, E, E, E])),
        ballot(&r, 1, &row([E, E, E, C])),
        ballot(&r, 1, &row([E, C, C, C])),
    ];
    let t = tally(&r, &bs, &nobody);
    assert_eq!(t.quota, 2);
    let p = &t.people;
    assert_eq!(p[0].grade, Some(Grade::Excellent));
    assert!(p[0].flags.is_empty());
    assert_eq!((p[1].rank, p[2].rank), (2, 2));
    assert_eq!(p[1].grade, Some(Grade::Excellent));
    assert_eq!(p[1].flags, vec![Flag::TiedAtQuota]);
    assert_eq!(p[2].flags, vec![Flag::TiedAtQuota]);
    assert_eq!(
        p[3].suggested,
        Some(Grade::Competent),
        "2/4 优秀 is short of 60 %"
    );
}

#[test]
fn beyond_the_quota_is_competent_with_its_coefficient() {
    // 20 % of 5 rated: one 优秀. Person 1 has all 优秀 votes (100), person 2 two of three (93.3).
    let r = round(5, &[(100, 3)]);
    let t = tally(
        &r,
        &[
            ballot(&r, 1, &[E, E, C, C, C]),
            ballot(&r, 1, &[E, E, C, C, C]),
            ballot(&r, 1, &[E, C, C, C, C]),
        ],
        &nobody,
    );
    assert_eq!(t.quota, 1);
    assert_eq!(t.people[1].suggested, Some(Grade::Excellent));
    assert_eq!(t.people[1].flags, vec![Flag::OverQuota]);
    assert_eq!(t.people[1].grade, Some(Grade::Competent));
    assert_eq!(t.people[1].coefficient, Some(100));
    assert_eq!(t.people[0].coefficient, Some(120));
}

#[test]
fn two_tied_at_the_top_of_a_quota_of_one_are_both_kept_and_flagged() {
    let r = round(5, &[(100, 1)]);
    let t = tally(&r, &[ballot(&r, 1, &[E, E, C, C, C])], &nobody);
    assert!(t.people[..2]
        .iter()
        .all(|p| p.flags == vec![Flag::TiedAtQuota] && p.grade == Some(Grade::Excellent)));
}

#[test]
fn the_meetings_decision_settles_a_tie_and_the_coefficient_follows_it() {
    use crate::assessment::model::MeetingDecision;
    let mut r = round(5, &[(100, 1)]);
    r.decisions.insert(
        person(2),
        MeetingDecision {
            grade: Grade::Competent,
            reason: "会议研究确定：按年度考核得分".into(),
        },
    );
    let t = tally(&r, &[ballot(&r, 1, &[E, E, C, C, C])], &nobody);
    assert_eq!(t.people[0].grade, Some(Grade::Excellent));
    let second = &t.people[1];
    assert_eq!(
        second.suggested,
        Some(Grade::Excellent),
        "the suggestion stays"
    );
    assert_eq!(second.grade, Some(Grade::Competent));
    assert_eq!(second.coefficient, Some(100));
    assert!(second.flags.contains(&Flag::Decided));
    assert_eq!(
        second.reason.as_deref(),
        Some("会议研究确定：按年度考核得分")
    );
}

#[test]
fn a_decision_of_excellent_for_someone_admonished_is_not_applied() {
    use crate::assessment::model::MeetingDecision;
    let mut r = round(1, &[(100, 1)]);
    r.rules.quota = crate::assessment::share::Percent::whole(100);
    r.decisions.insert(
        person(1),
        MeetingDecision {
            grade: Grade::Excellent,
            reason: "会议研究".into(),
        },
    );
    let t = tally(&r, &[ballot(&r, 1, &[C])], &|_| true);
    assert_eq!(t.people[0].grade, Some(Grade::Competent));
    assert!(t.people[0].flags.contains(&Flag::DecisionRefused));
}

#[test]
fn the_quota_is_rounded_half_up() {
    for (people, quota) in [(1, 0), (5, 1), (7, 1), (8, 2), (10, 2)] {
        let r = round(people, &[(100, 1)]);
        assert_eq!(tally(&r, &[], &nobody).quota, quota, "{people} rated");
    }
}

#[test]
fn an_admonished_person_cannot_be_excellent() {
    let mut r = round(1, &[(100, 1)]);
    r.rules.quota = crate::assessment::share::Percent::whole(100);
    let t = tally(&r, &[ballot(&r, 1, &[E])], &|id| id == person(1));
    assert_eq!(t.people[0].suggested, Some(Grade::Excellent));
    assert_eq!(t.people[0].grade, Some(Grade::Competent));
    assert_eq!(t.people[0].flags, vec![Flag::Admonished]);
}

#[test]
fn nobody_without_votes_gets_a_grade() {
    let r = round(1, &[(100, 2)]);
    let t = tally(&r, &[ballot(&r, 1, &[X])], &nobody);
    assert_eq!(t.people[0].grade, None);
    assert_eq!(t.people[0].flags, vec![Flag::NoVotes]);
}

#[test]
fn a_round_checks_its_groups_weights_and_rules() {
    let mut r = round(2, &[(60, 10), (40, 10)]);
    assert_eq!(r.check(), Ok(()));
    r.groups[1].weight = crate::assessment::share::Percent::whole(30);
    assert_eq!(
        r.check(),
        Err(crate::assessment::model::RoundError::WeightsNotHundred(
            crate::assessment::share::Percent::whole(90)
        ))
    );
    r.groups[1].weight = crate::assessment::share::Percent::whole(40);
    r.groups[1].name = r.groups[0].name.clone();
    assert!(r.check().is_err());
    let mut r = round(0, &[(100, 1)]);
    assert_eq!(
        r.check(),
        Err(crate::assessment::model::RoundError::NobodyRated)
    );
    r.rated.push(person(1));
    r.rules.quota = crate::assessment::share::Percent(10_100);
    assert!(r.check().is_err());
}

#[test]
fn fifty_people_and_four_hundred_ballots_tally_quickly_enough_to_redraw() {
    let r = round(50, &[(40, 150), (20, 50), (20, 50), (20, 150)]);
    let votes: Vec<Vote> = (0..50).map(|i| Vote::ALL[i % 5]).collect();
    let bs: Vec<Ballot> = (0..400)
        .map(|i| ballot(&r, 1 + (i % 4) as u32, &votes))
        .collect();
    let t = tally(&r, &bs, &nobody);
    assert_eq!(t.groups.iter().map(|g| g.returned).sum::<u32>(), 400);
    assert_eq!(t.people.len(), 50);
}

#[test]
fn weights_with_decimals_add_up_and_weigh_as_written() {
    use crate::assessment::share::Percent;
    let mut r = round(1, &[(60, 10), (20, 10), (20, 10)]);
    r.groups[1].weight = Percent(1250);
    r.groups[2].weight = Percent(2750);
    assert_eq!(r.check(), Ok(()), "12.5 % + 27.5 % + 60 % is 100 %");
    let t = tally(
        &r,
        &[
            ballot(&r, 1, &[E]),
            ballot(&r, 2, &[C]),
            ballot(&r, 3, &[C]),
        ],
        &nobody,
    );
    // 0.6 × 100 + 0.125 × 80 + 0.275 × 80 = 92.
    assert!((t.people[0].composite.unwrap_or(0.0) - 92.0).abs() < 1e-9);
    assert!((t.people[0].shares[0] - 0.6).abs() < 1e-9);
}

#[test]
fn more_than_a_third_is_exact_three_of_nine_is_not_four_of_nine_is() {
    let r = round(1, &[(100, 9)]);
    let votes = |n: usize| -> Vec<Ballot> {
        (0..9)
            .map(|i| ballot(&r, 1, &[if i < n { I } else { C }]))
            .collect()
    };
    assert_eq!(
        tally(&r, &votes(3), &nobody).people[0].suggested,
        Some(Grade::Competent),
        "3 of 9 is a third, not more than a third"
    );
    assert_eq!(
        tally(&r, &votes(4), &nobody).people[0].suggested,
        Some(Grade::Incompetent)
    );
}
