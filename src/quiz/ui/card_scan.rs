//! 扫描答题卡: a paper exam's answer cards read from the scanner's images or PDF in one pass.
//! Each card is read by `paper::read` and turned into a sheet by `answer_card`; what is unclear
//! (a box, a digit of the 答题码, whose card it is) is shown over the scan for a person to
//! decide, and nothing unclear is taken. The sheets then go through the same intake as sheets
//! that come in files (`quiz::intake`): a card read twice is taken once and named.

use std::collections::HashMap;
use std::rc::Rc;

use crate::ui::prelude::*;

use super::card_review::{card_of, card_view, CardPage, Review};
use super::QuizData;
use crate::order::Collect;
use crate::quiz::answer_card::{self, Outcome, Slot};
use crate::quiz::intake::{intake, IncomingSheet};
use crate::quiz::paper::Quiz;
use crate::session::{reporter, use_session};
use crate::sorted::{SortedMap, SortedSet};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::scan_pages::{batch_status, read_files, scan_drop, Batch};

#[derive(Properties, PartialEq)]
pub struct CardScanProps {
    pub quiz: Quiz,
    pub data: Rc<QuizData>,
    pub on_close: Callback<()>,
}

type Boxes = SortedMap<(usize, Slot), SortedSet<usize>>;

#[function_component(CardScan)]
pub fn card_scan(props: &CardScanProps) -> Html {
    let session = use_session();
    let pages = use_state(|| Rc::new(Vec::<CardPage>::new()));
    let progress = use_state(|| None::<(usize, usize)>);
    let decided = use_state(Boxes::new);
    let ticks = use_state(Boxes::new);
    let chosen = use_state(SortedMap::<usize, uuid::Uuid>::new);
    let notice = use_state(|| None::<Notice>);
    let batch = use_mut_ref(|| 0u32);
    let quiz = props.quiz.clone();
    let card = match answer_card::card(&quiz) {
        Ok(card) => Rc::new(card),
        Err(e) => {
            return html! { <section class="card"><p class="late">{ e.message() }</p></section> }
        }
    };
    let on_files = {
        let (pages, progress, quiz, card, batch) = (
            pages.clone(),
            progress.clone(),
            quiz.clone(),
            card.clone(),
            batch.clone(),
        );
        let (decided, ticks, chosen, data) = (
            decided.clone(),
            ticks.clone(),
            chosen.clone(),
            props.data.clone(),
        );
        Callback::from(move |files: Vec<web_sys::File>| {
            // A new choice of files replaces what was read before (and stops its reading).
            decided.set(Boxes::new());
            ticks.set(Boxes::new());
            chosen.set(SortedMap::new());
            *batch.borrow_mut() += 1;
            let this = *batch.borrow();
            let (pages, progress, quiz, card, batch, data) = (
                pages.clone(),
                progress.clone(),
                quiz.clone(),
                card.clone(),
                batch.clone(),
                data.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let mut done: Vec<CardPage> = Vec::new();
                let live = || *batch.borrow() == this;
                read_files(files, &card.layout, &progress, live, |page| {
                    done.push(card_of(page, &card, &quiz, &data.cadres));
                    pages.set(Rc::new(done.clone()));
                })
                .await;
            });
        })
    };
    let set = |state: &UseStateHandle<Boxes>| {
        let state = state.clone();
        Callback::from(move |(i, slot, boxes): (usize, Slot, SortedSet<usize>)| {
            let mut next = (*state).clone();
            next.insert((i, slot), boxes);
            state.set(next);
        })
    };
    let (decide, tick) = (set(&decided), set(&ticks));
    let choose = {
        let chosen = chosen.clone();
        Callback::from(move |(i, id): (usize, uuid::Uuid)| {
            let mut next = (*chosen).clone();
            next.insert(i, id);
            chosen.set(next);
        })
    };
    let mut people: Vec<_> = props.data.cadres.iter().filter(|c| !c.retired).collect();
    crate::ui::collate::sort_in_pinyin(&mut people, |c| [&c.unit, &c.name]);
    let now = crate::ui::time::now();
    let outcomes: Vec<Option<Outcome>> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let read = p.read.as_ref().ok()?;
            let mine: answer_card::Decisions = decided
                .iter()
                .filter(|((s, _), _)| *s == i)
                .map(|((_, slot), b)| (*slot, b.clone()))
                .to_map();
            let who = chosen
                .get(&i)
                .and_then(|id| props.data.cadres.iter().find(|c| c.meta.id == *id));
            Some(answer_card::outcome(
                read,
                &card,
                &quiz,
                &props.data.cadres,
                &mine,
                who,
                &session.device,
                now,
            ))
        })
        .collect();
    let sheets: Vec<(usize, crate::quiz::attempt::Attempt)> = outcomes
        .iter()
        .enumerate()
        .filter_map(|(i, o)| match o {
            Some(Outcome::Sheet(a)) => Some((i, (**a).clone())),
            _ => None,
        })
        .collect();
    let take = {
        let (session, notice, pages, data, quiz) = (
            session.clone(),
            notice.clone(),
            pages.clone(),
            props.data.clone(),
            quiz.clone(),
        );
        let (sheets, decided, ticks, chosen) = (
            sheets.clone(),
            decided.clone(),
            ticks.clone(),
            chosen.clone(),
        );
        Callback::from(move |_| {
            let incoming = sheets
                .iter()
                .map(|(_, a)| IncomingSheet {
                    exporter: String::new(),
                    attempt: a.clone(),
                })
                .collect();
            let quizzes = HashMap::from([(quiz.meta.id, &quiz)]);
            let checked = intake(incoming, &quizzes, &data.attempts, &data.cadres);
            let (records, done) = answer_card::taken(&checked);
            session.save(records, reporter(&notice), done);
            // What was taken (or refused) leaves the list; what still needs a person stays.
            let gone: SortedSet<usize> = sheets.iter().map(|(i, _)| *i).to_set();
            let left: Vec<CardPage> = pages
                .iter()
                .enumerate()
                .filter(|(i, _)| !gone.contains(i))
                .map(|(_, p)| p.clone())
                .collect();
            pages.set(Rc::new(left));
            decided.set(Boxes::new());
            ticks.set(Boxes::new());
            chosen.set(SortedMap::new());
        })
    };
    let waiting = outcomes
        .iter()
        .filter(|o| matches!(o, Some(Outcome::Decide(_) | Outcome::ChoosePerson(_))))
        .count();
    let unread = outcomes.iter().filter(|o| o.is_none()).count();
    let review = Review {
        card: &card,
        people: &people,
        decide: &decide,
        decided: &decided,
        chosen: &chosen,
        ticks: &ticks,
        tick: &tick,
        choose: &choose,
    };
    // Cards a person must look at first, then those that could not be read, then the rest.
    let mut shown: Vec<(usize, &CardPage)> = pages.iter().enumerate().collect();
    crate::order::sort_by(&mut shown, |(_, p)| {
        crate::order::Key::int(match (&p.read, &p.view) {
            (Ok(_), Some(_)) => 0,
            (Err(_), _) => 1,
            (Ok(_), None) => 2,
        })
    });
    html! {
        <section class="card" aria-labelledby="card-scan-h">
            <h3 id="card-scan-h">{ format!("扫描答题卡：{}", quiz.title) }</h3>
            <p>{ "把收回的答题卡放进扫描仪，扫成图片（JPG、PNG）或 PDF，在这里一次选中。看不清的方框、对不上的答题码会列出来请您确认，确认前不计入。" }</p>
            <div class="toolbar">
                { scan_drop("选择扫描的答题卡（图片或 PDF，可多选）", on_files, &notice) }
                <button onclick={props.on_close.reform(|_| ())}>{ "关闭" }</button>
            </div>
            { notice_box(notice.as_ref()) }
            { batch_status(Batch { progress: *progress, read: pages.len(), ready: sheets.len(), waiting, unread, take: format!("计入 {} 份答卷", sheets.len()), on_take: &take }) }
            { for shown.into_iter().map(|(i, p)| card_view(i, p, outcomes.get(i).and_then(Option::as_ref), &review)) }
        </section>
    }
}
