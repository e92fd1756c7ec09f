use super::*;
use crate::assessment::model::RaterGroup;

fn round() -> Evaluation {
    Evaluation::new(
        Meta::new(&DeviceId("o".into()), DateTime::default()),
        2026,
        "评议",
        vec![uuid::Uuid::from_u128(1), uuid::Uuid::from_u128(2)],
        vec![RaterGroup {
            key: 1,
            name: "村干部".into(),
            weight: crate::assessment::share::Percent::whole(100),
            issued: 1,
        }],
    )
}

fn press(count: &mut PaperCount, r: &Evaluation, keys: &str) -> Vec<Outcome> {
    let device = DeviceId("o".into());
    keys.chars()
        .filter_map(|c| match c {
            '<' => Some(DeskKey::Back),
            '/' => Some(DeskKey::Confirm),
            c => DeskKey::from_key(&c.to_string()),
        })
        .map(|k| count.key(k, r, 1, &device, DateTime::default()))
        .collect()
}

fn stored(outcome: Option<&Outcome>) -> Option<(Ballot, String)> {
    match outcome {
        Some(Outcome::Store { ballot, done }) => Some(((**ballot).clone(), done.clone())),
        _ => None,
    }
}

#[test]
fn a_reopened_paper_is_written_again_under_its_own_id_as_a_later_edit() {
    let r = round();
    let mut count = PaperCount::default();
    count.sync(&[], &r);
    let first = stored(press(&mut count, &r, "12/").last());
    let Some((first, done)) = first else {
        panic!("the paper was not stored")
    };
    assert_eq!(done, "第 1 号票已计入。");
    assert_eq!(first.number, 1);
    assert_eq!(first.source, Source::Paper);
    let again = stored(press(&mut count, &r, "<<2/").last());
    let Some((again, _)) = again else {
        panic!("the corrected paper was not stored")
    };
    assert_eq!(again.meta.id, first.meta.id);
    assert_eq!(again.meta.rev, first.meta.rev + 1);
    assert_eq!(
        paper_of(&again, &r.rated).votes,
        vec![Vote::Excellent, Vote::Competent]
    );
    assert_eq!(count.last_live().map(|b| b.meta.id), Some(first.meta.id));
}

#[test]
fn a_paper_past_the_issued_count_says_the_group_will_be_void() {
    let r = round();
    let mut count = PaperCount::default();
    count.sync(&[], &r);
    press(&mut count, &r, "11/");
    let second = stored(press(&mut count, &r, "22/").last());
    assert!(second.is_some_and(|(_, done)| done.contains("多于发出的 1 张")));
}

#[test]
fn the_stored_copy_wins_when_it_is_newer_and_lists_count_live_ballots() {
    let r = round();
    let mut count = PaperCount::default();
    count.sync(&[], &r);
    let Some((mut ballot, _)) = stored(press(&mut count, &r, "15/").last()) else {
        panic!("not stored")
    };
    ballot.void = true;
    ballot
        .meta
        .touch(&DeviceId("o".into()), DateTime::default());
    count.sync(&[&ballot], &r);
    assert_eq!(count.desk.live(), 0);
    assert_eq!(count.last_live(), None);
    assert_eq!(totals(&r, &[&ballot]), vec![[0; 5], [0; 5]]);
    ballot.void = false;
    assert_eq!(
        totals(&r, &[&ballot]),
        vec![[1, 0, 0, 0, 0], [0, 0, 0, 0, 1]]
    );
    assert_eq!(void_note(&ballot, true), "第 1 号票已作废，不再计入。");
    assert_eq!(ballot_label(&ballot), "1");
}
