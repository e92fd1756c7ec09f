use proptest::prelude::*;

use super::*;

fn keys(desk: &mut Desk, text: &str) -> Vec<Effect> {
    text.chars()
        .map(|c| {
            let key = match c {
                '<' => DeskKey::Back,
                '/' => DeskKey::Confirm,
                other => DeskKey::from_key(&other.to_string()).unwrap_or(DeskKey::Confirm),
            };
            desk.key(key)
        })
        .collect()
}

fn votes(digits: &str) -> Vec<Vote> {
    digits
        .chars()
        .filter_map(|c| vote_for_key(&c.to_string()))
        .collect()
}

#[test]
fn a_paper_counts_only_when_confirmed() {
    let mut desk = Desk::new(3, Vec::new());
    assert_eq!(keys(&mut desk, "112"), vec![Effect::None; 3]);
    assert!(desk.papers.is_empty(), "a full paper is not counted yet");
    assert_eq!(
        desk.key(DeskKey::Vote(Vote::Excellent)),
        Effect::Refused(DeskRefusal::PaperFull),
        "a fourth key on a three-person paper is refused, not carried to the next paper"
    );
    assert_eq!(
        keys(&mut desk, "<1/"),
        vec![
            Effect::None,
            Effect::None,
            Effect::Save(Paper {
                number: 1,
                votes: votes("111"),
                void: false
            })
        ],
        "1 1 2, Backspace, 1 counts as the clerk meant: 1 1 1"
    );
    assert!(desk.current.is_empty());
    assert_eq!(desk.current_number(), 2);
}

#[test]
fn enter_on_an_incomplete_paper_says_how_many_are_missing() {
    let mut desk = Desk::new(3, Vec::new());
    keys(&mut desk, "1");
    assert_eq!(
        desk.key(DeskKey::Confirm),
        Effect::Refused(DeskRefusal::Incomplete { missing: 2 })
    );
    assert_eq!(desk.current, votes("1"));
}

#[test]
fn backspace_on_an_empty_paper_reopens_the_last_and_keeps_its_number() {
    let mut desk = Desk::new(2, Vec::new());
    keys(&mut desk, "12/34/");
    assert_eq!(desk.key(DeskKey::Back), Effect::None);
    assert_eq!(desk.reopened, Some(2));
    assert_eq!(desk.current, votes("34"), "the whole paper comes back");
    assert_eq!(
        desk.live(),
        2,
        "still counted as stored until confirmed again"
    );
    let effects = keys(&mut desk, "<2/");
    assert_eq!(
        effects.last(),
        Some(&Effect::Save(Paper {
            number: 2,
            votes: votes("32"),
            void: false
        }))
    );
    assert_eq!(desk.papers.len(), 2);
    assert_eq!(desk.next_number(), 3);
    assert_eq!(
        keys(&mut desk, "<<<<"),
        vec![
            Effect::None,
            Effect::None,
            Effect::None,
            Effect::Refused(DeskRefusal::NothingToReopen)
        ],
        "one paper back at a time"
    );
}

#[test]
fn a_voided_last_paper_is_not_reopened() {
    let mut desk = Desk::new(1, Vec::new());
    keys(&mut desk, "1/");
    assert!(desk.set_void(1, true).is_some());
    assert_eq!(
        desk.key(DeskKey::Back),
        Effect::Refused(DeskRefusal::LastIsVoid(1))
    );
}

#[test]
fn papers_stored_elsewhere_join_the_desk_and_numbers_go_on() {
    let stored = vec![Paper {
        number: 7,
        votes: votes("1"),
        void: true,
    }];
    let mut desk = Desk::new(1, stored);
    assert_eq!(desk.current_number(), 8);
    assert_eq!(desk.live(), 0);
    desk.take_stored(vec![Paper {
        number: 7,
        votes: votes("1"),
        void: false,
    }]);
    assert_eq!(desk.live(), 1, "a restore from the list is taken");
}

#[test]
fn auto_advance_confirms_the_full_paper_and_backspace_still_corrects_it() {
    let mut desk = Desk::new(2, Vec::new());
    desk.auto_advance = true;
    let effects = keys(&mut desk, "12");
    assert!(matches!(effects.last(), Some(Effect::Save(p)) if p.number == 1));
    let effects = keys(&mut desk, "<<3");
    assert_eq!(
        effects.last(),
        Some(&Effect::Save(Paper {
            number: 1,
            votes: votes("13"),
            void: false
        }))
    );
    assert_eq!(desk.papers.len(), 1);
}

/// How the clerk types one intended paper: slips corrected on the way, and sometimes a
/// wrong paper confirmed, then reopened and fixed.
#[derive(Debug, Clone)]
struct Typing {
    paper: Vec<u8>,
    /// Per position, a wrong key typed first and taken back.
    slips: Vec<Option<u8>>,
    /// Keys pressed at a full paper or Enter before it is full (both refused).
    stray_vote: bool,
    early_enter: bool,
    /// Confirm with the last `k` votes wrong, then Backspace to reopen and fix.
    fix_after_confirm: Option<(usize, u8)>,
}

fn typing(persons: usize) -> impl Strategy<Value = Typing> {
    (
        proptest::collection::vec(0u8..5, persons),
        proptest::collection::vec(proptest::option::weighted(0.2, 0u8..5), persons),
        any::<bool>(),
        any::<bool>(),
        proptest::option::weighted(0.3, (1usize..=persons, 1u8..5)),
    )
        .prop_map(
            |(paper, slips, stray_vote, early_enter, fix_after_confirm)| Typing {
                paper,
                slips,
                stray_vote,
                early_enter,
                fix_after_confirm,
            },
        )
}

fn vote(i: u8) -> DeskKey {
    DeskKey::Vote(Vote::ALL[usize::from(i) % 5])
}

/// The keys for one intended paper.
fn keys_for(t: &Typing, auto: bool) -> Vec<DeskKey> {
    let mut out = Vec::new();
    let n = t.paper.len();
    let wrong_from = t.fix_after_confirm.map(|(k, _)| n - k.min(n)).unwrap_or(n);
    for (i, v) in t.paper.iter().enumerate() {
        if let Some(Some(slip)) = t.slips.get(i) {
            // A slip on the last box would be confirmed at once under auto-advance.
            if !(auto && i + 1 == n) {
                out.push(vote(*slip));
                out.push(DeskKey::Back);
            }
        }
        if t.early_enter && i == 0 && !auto {
            out.push(DeskKey::Confirm);
        }
        let shift = t.fix_after_confirm.map(|(_, s)| s).unwrap_or(0);
        out.push(if i >= wrong_from {
            vote(v + shift)
        } else {
            vote(*v)
        });
    }
    if t.stray_vote && !auto {
        out.push(vote(0));
    }
    if !auto {
        out.push(DeskKey::Confirm);
    }
    if wrong_from < n {
        out.push(DeskKey::Back); // reopen
        for _ in wrong_from..n {
            out.push(DeskKey::Back);
        }
        for v in &t.paper[wrong_from..] {
            out.push(vote(*v));
        }
        if !auto {
            out.push(DeskKey::Confirm);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn typed_papers_with_corrections_undos_and_voids_equal_the_clerks_intent(
        (persons, plan) in (1usize..6).prop_flat_map(|p| (
            Just(p),
            proptest::collection::vec((typing(p), proptest::option::weighted(0.3, (0usize..20, any::<bool>()))), 0..12),
        )),
        auto in any::<bool>(),
    ) {
        let mut desk = Desk::new(persons, Vec::new());
        desk.auto_advance = auto;
        // The model: the intended papers, numbered 1, 2, 3 … in order, with the voids applied.
        let mut model: Vec<(Vec<Vote>, bool)> = Vec::new();
        for (t, void) in &plan {
            for key in keys_for(t, auto) {
                desk.key(key);
            }
            model.push((t.paper.iter().map(|v| Vote::ALL[usize::from(*v)]).collect(), false));
            if let Some((which, restore_after)) = void {
                let number = (which % model.len()) as u32 + 1;
                desk.set_void(number, true);
                model[number as usize - 1].1 = true;
                if *restore_after {
                    desk.set_void(number, false);
                    model[number as usize - 1].1 = false;
                }
            }
        }
        let expected: Vec<Paper> = model
            .into_iter()
            .enumerate()
            .map(|(i, (votes, void))| Paper { number: i as u32 + 1, votes, void })
            .collect();
        prop_assert_eq!(&desk.papers, &expected);
        prop_assert!(desk.current.is_empty());
        prop_assert_eq!(desk.reopened, None);
    }
}
