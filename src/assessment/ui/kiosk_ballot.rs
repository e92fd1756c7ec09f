//! One rater's turn at the kiosk: the 选票码 from the slip handed out at the door (a code of
//! another group or one already used is refused there), then the anonymous ballot, cast once.

use crate::ui::prelude::*;

use super::ballot_form::BallotForm;
use super::slip_entry::SlipEntry;
use crate::assessment::intake::check_cast;
use crate::assessment::kiosk::{KioskLock, KIOSK_LOCK};
use crate::assessment::model::{Ballot, Evaluation, Source, Vote};
use crate::record::{Entity, Id};
use crate::session::{use_session, Batch};
use crate::sorted::SortedMap;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

#[derive(Properties, PartialEq)]
pub struct BallotProps {
    pub lock: KioskLock,
    pub round: Evaluation,
    pub counted: Vec<Ballot>,
    pub people: Vec<(Id, String)>,
    pub on_done: Callback<()>,
}

#[function_component(KioskBallot)]
pub fn kiosk_ballot(props: &BallotProps) -> Html {
    let session = use_session();
    let slip = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let notice = use_state(|| None::<Notice>);
    let on_cast = {
        let (session, slip, busy, notice, lock, round, counted, done) = (
            session.clone(),
            slip.clone(),
            busy.clone(),
            notice.clone(),
            props.lock.clone(),
            props.round.clone(),
            props.counted.clone(),
            props.on_done.clone(),
        );
        Callback::from(move |votes: SortedMap<Id, Vote>| {
            let ballot = Ballot::anonymous(
                &round,
                lock.group,
                Source::Kiosk,
                votes,
                (*slip).clone(),
                time::now(),
            );
            if let Err(why) = check_cast(&ballot, Some(&round), &counted) {
                notice.set(Some(Notice::Error(why.user_message())));
                return;
            }
            busy.set(true);
            let (session, notice, done, busy, mut lock) = (
                session.clone(),
                notice.clone(),
                done.clone(),
                busy.clone(),
                lock.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                // The ballot and the count shown to the next rater, in one transaction.
                lock.cast += 1;
                let mut batch = Batch::default();
                batch.put_as_received(Ballot::STORE, &ballot);
                batch.put_setting(KIOSK_LOCK, Some(lock));
                match session.commit(batch).await {
                    Ok(()) => done.emit(()),
                    Err(m) => {
                        busy.set(false);
                        notice.set(Some(Notice::Error(m)));
                    }
                }
            });
        })
    };
    let needs_slip = props.round.slips.asked() && slip.is_none();
    html! {
        <div class="kiosk-ballot">
            if needs_slip {
                <SlipEntry round={props.round.clone()} group={Some(props.lock.group)} counted={props.counted.clone()}
                    on_ok={{ let slip = slip.clone(); Callback::from(move |(code, _): (String, u32)| slip.set(Some(code))) }} />
            } else {
                <BallotForm people={props.people.clone()} {on_cast} big=true busy={*busy} />
            }
            { notice_box(notice.as_ref()) }
        </div>
    }
}
