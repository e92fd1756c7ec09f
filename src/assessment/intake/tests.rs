use chrono::DateTime;

use super::*;
use crate::assessment::model::{RaterGroup, SlipCodes, Vote};
use crate::assessment::slips::codes;
use crate::record::{DeviceId, Id, Meta};

fn meta() -> Meta {
    Meta::new(&DeviceId::new_random(), DateTime::default())
}

fn person(n: u128) -> Id {
    uuid::Uuid::from_u128(n)
}

fn round() -> Evaluation {
    Evaluation {
        slips: SlipCodes::Keyed("k".into()),
        ..Evaluation::new(
            meta(),
            2026,
            "2026年度述职评议",
            vec![person(1), person(2)],
            vec![
                RaterGroup {
                    key: 1,
                    name: "村干部".into(),
                    weight: crate::assessment::share::Percent::whole(60),
                    issued: 3,
                },
                RaterGroup {
                    key: 4,
                    name: "机关干部".into(),
                    weight: crate::assessment::share::Percent::whole(40),
                    issued: 2,
                },
            ],
        )
    }
}

fn ballot(r: &Evaluation, group: u32, slip: Option<String>) -> Ballot {
    Ballot {
        meta: meta(),
        evaluation_id: r.meta.id,
        group,
        number: 0,
        source: Source::File,
        votes: [(person(1), Vote::Excellent), (person(2), Vote::Competent)].into(),
        void: false,
        slip,
        round_version: Some(r.version()),
    }
}

fn slip(group: u32, issued: u32, i: usize) -> String {
    codes("k", group, issued)[i].clone()
}

#[test]
fn one_ballot_with_an_issued_unused_slip_is_taken() {
    let r = round();
    let b = ballot(&r, 1, Some(slip(1, 3, 0)));
    assert_eq!(
        check_ballot_file(std::slice::from_ref(&b), std::slice::from_ref(&r), &[]),
        Ok(())
    );
    assert_eq!(
        check_ballot_file(std::slice::from_ref(&b), &[r], std::slice::from_ref(&b)),
        Ok(()),
        "the same ballot again is no second ballot"
    );
}

#[test]
fn a_file_with_copies_of_a_ballot_is_refused_whole() {
    let r = round();
    let b = ballot(&r, 1, Some(slip(1, 3, 0)));
    let copies: Vec<Ballot> = (0..6)
        .map(|_| Ballot {
            meta: meta(),
            ..b.clone()
        })
        .collect();
    assert_eq!(
        check_ballot_file(&copies, &[r], &[]),
        Err(BallotRefusal::NotOneBallot(6))
    );
}

#[test]
fn a_second_ballot_with_a_counted_slip_is_refused_by_its_code() {
    let r = round();
    let code = slip(1, 3, 1);
    let first = ballot(&r, 1, Some(code.clone()));
    let second = ballot(&r, 1, Some(code.clone()));
    let refusal = check_ballot_file(&[second], &[r], &[first]);
    assert!(matches!(refusal, Err(BallotRefusal::SlipUsed { .. })));
    let message = refusal.err().map(|e| e.user_message()).unwrap_or_default();
    assert!(message.contains(&crate::assessment::slips::printed(&code)));
    assert!(message.contains("村干部"));
}

#[test]
fn slips_never_printed_of_another_group_or_mistyped_are_refused() {
    let r = round();
    let other_group = ballot(&r, 1, Some(slip(4, 2, 0)));
    assert!(matches!(
        check_ballot_file(&[other_group], std::slice::from_ref(&r), &[]),
        Err(BallotRefusal::SlipOfOtherGroup { .. })
    ));
    // A valid code of group 1 beyond the three issued.
    let beyond = ballot(&r, 1, Some(slip(1, 10, 9)));
    assert!(matches!(
        check_ballot_file(&[beyond], std::slice::from_ref(&r), &[]),
        Err(BallotRefusal::SlipNotIssued { .. })
    ));
    let mistyped = ballot(&r, 1, Some("011111111".into()));
    assert!(matches!(
        check_ballot_file(&[mistyped], std::slice::from_ref(&r), &[]),
        Err(BallotRefusal::BadSlip { .. })
    ));
    let none = ballot(&r, 1, None);
    assert!(matches!(
        check_ballot_file(&[none], &[r], &[]),
        Err(BallotRefusal::NoSlip { .. })
    ));
}

#[test]
fn a_ballot_for_a_changed_round_or_a_deleted_group_is_refused_by_name() {
    let mut r = round();
    let b = ballot(&r, 4, Some(slip(4, 2, 0)));
    r.groups.retain(|g| g.key == 1);
    r.groups[0].weight = crate::assessment::share::Percent::whole(100);
    let refusal = check_ballot_file(std::slice::from_ref(&b), std::slice::from_ref(&r), &[]);
    assert!(matches!(refusal, Err(BallotRefusal::RoundChanged { .. })));
    assert!(refusal
        .err()
        .map(|e| e.user_message())
        .unwrap_or_default()
        .contains("2026年度述职评议"));
    let legacy = Ballot {
        round_version: None,
        ..b
    };
    assert!(matches!(
        check_ballot_file(&[legacy], &[r], &[]),
        Err(BallotRefusal::UnknownGroup { .. })
    ));
}

#[test]
fn unknown_rounds_people_and_paper_ballots_in_files_are_refused() {
    let r = round();
    let b = ballot(&r, 1, Some(slip(1, 3, 0)));
    assert_eq!(
        check_ballot_file(std::slice::from_ref(&b), &[], &[]),
        Err(BallotRefusal::UnknownRound)
    );
    let mut stranger = b.clone();
    stranger.votes.insert(person(9), Vote::Excellent);
    assert!(matches!(
        check_ballot_file(&[stranger], std::slice::from_ref(&r), &[]),
        Err(BallotRefusal::UnknownPerson { .. })
    ));
    let paper = Ballot {
        source: Source::Paper,
        number: 4_294_967_295,
        ..b
    };
    assert_eq!(
        check_ballot_file(&[paper], &[r], &[]),
        Err(BallotRefusal::NotElectronic)
    );
}

#[test]
fn a_counted_ballot_arriving_changed_is_refused_but_a_void_is_not_a_change() {
    let r = round();
    let b = ballot(&r, 1, Some(slip(1, 3, 0)));
    let mut changed = b.clone();
    changed.votes.insert(person(2), Vote::Incompetent);
    let refusal = check_unaltered(&changed, &b, Some(&r));
    assert!(matches!(refusal, Err(BallotRefusal::Altered { .. })));
    let message = refusal.err().map(|e| e.user_message()).unwrap_or_default();
    assert!(message.contains("评议意见"));
    assert!(
        message.contains("本机已计：村干部电子票，选票码")
            && message.contains("优秀 1、称职 1；文件中：")
            && message.contains("优秀 1、不称职 1"),
        "both versions in words: {message}"
    );
    let voided = Ballot {
        void: true,
        ..b.clone()
    };
    assert_eq!(check_unaltered(&voided, &b, Some(&r)), Ok(()));
}

#[test]
fn a_backup_brings_no_forged_or_repeated_ballots() {
    let r = round();
    let mut paper = ballot(&r, 1, None);
    paper.source = Source::Paper;
    paper.number = 4;
    paper.round_version = None;
    assert_eq!(
        check_restored(&paper, std::slice::from_ref(&r), &[]),
        Ok(())
    );
    let forged = Ballot {
        meta: meta(),
        number: 4_294_967_295,
        ..paper.clone()
    };
    assert!(matches!(
        check_restored(&forged, std::slice::from_ref(&r), &[]),
        Err(BallotRefusal::PaperNumber { .. })
    ));
    let repeated = Ballot {
        meta: meta(),
        ..paper.clone()
    };
    assert!(matches!(
        check_restored(&repeated, std::slice::from_ref(&r), &[paper]),
        Err(BallotRefusal::PaperNumber { number: 4, .. })
    ));
    // An electronic ballot in a backup passes the checks of its casting: a used slip is refused.
    let code = slip(1, 3, 2);
    let first = ballot(&r, 1, Some(code.clone()));
    let second = ballot(&r, 1, Some(code));
    assert!(matches!(
        check_restored(&second, std::slice::from_ref(&r), &[first]),
        Err(BallotRefusal::SlipUsed { .. })
    ));
}
