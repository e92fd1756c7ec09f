//! 扫描计票: the scanner's images (or its PDF) of a group's 机读评议票 read in one pass. Each
//! sheet is read by `paper::read` and turned into the desk's paper by `ballot_sheet`; what is
//! unclear is shown over the scan for a person to decide, and nothing unclear is counted. The
//! papers join the count as typed ones do (`ballot_sheet::ballots_from`: a number counted before
//! or a page fed twice counts once and is named).

use std::rc::Rc;

use crate::ui::prelude::*;

use super::scan_read::ballot_of;
use super::scan_review::{sheet_view, Sheet};
use super::RoundProps;
use crate::assessment::ballot_sheet::{self, Reading};
use crate::assessment::model::Vote;
use crate::order::Collect;
use crate::session::{reporter, use_session};
use crate::sorted::SortedMap;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::scan_pages::{batch_status, read_files, scan_drop, Batch};

#[function_component(ScanCount)]
pub fn scan_count(props: &RoundProps) -> Html {
    let session = use_session();
    let round = props.round.clone();
    let group = use_state(|| round.groups.first().map(|g| g.key).unwrap_or(0));
    let sheets = use_state(|| Rc::new(Vec::<Sheet>::new()));
    let progress = use_state(|| None::<(usize, usize)>);
    let decided = use_state(SortedMap::<(usize, usize), Vote>::new);
    let notice = use_state(|| None::<Notice>);
    let rated = round.rated.len();
    // Sheets read for one group mean nothing for another: choosing a group drops them, and a
    // reading still under way for the old one stops.
    let batch = use_mut_ref(|| 0u32);
    {
        let (sheets, decided, progress, batch) = (
            sheets.clone(),
            decided.clone(),
            progress.clone(),
            batch.clone(),
        );
        use_effect_with(*group, move |_| {
            *batch.borrow_mut() += 1;
            sheets.set(Rc::new(Vec::new()));
            decided.set(SortedMap::new());
            progress.set(None);
        });
    }
    let on_files = {
        let (sheets, progress, decided, round, group, batch) = (
            sheets.clone(),
            progress.clone(),
            decided.clone(),
            round.clone(),
            *group,
            batch.clone(),
        );
        Callback::from(move |files: Vec<web_sys::File>| {
            let (sheets, progress, round) = (sheets.clone(), progress.clone(), round.clone());
            decided.set(SortedMap::new());
            // A new choice of files replaces what was read before (and stops its reading).
            *batch.borrow_mut() += 1;
            let this = *batch.borrow();
            let batch = batch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(layout) = ballot_sheet::layout(rated) else {
                    return;
                };
                let mut done: Vec<Sheet> = Vec::new();
                let live = || *batch.borrow() == this;
                read_files(files, &layout, &progress, live, |page| {
                    done.push(ballot_of(page, &layout, &round, group));
                    sheets.set(Rc::new(done.clone()));
                })
                .await;
            });
        })
    };
    let decide = |sheet: usize, row: usize, vote: Vote| {
        let decided = decided.clone();
        Callback::from(move |_| {
            let mut d = (*decided).clone();
            d.insert((sheet, row), vote);
            decided.set(d);
        })
    };
    let decisions_of = |i: usize| -> SortedMap<usize, Vote> {
        decided
            .iter()
            .filter(|((s, _), _)| *s == i)
            .map(|((_, r), v)| (*r, *v))
            .to_map()
    };
    let papers: Vec<(usize, crate::assessment::counting::Paper)> = sheets
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i, s.read.as_ref().ok()?.paper(&decisions_of(i))?)))
        .collect();
    let count = {
        let (session, notice, sheets, decided, round, group) = (
            session.clone(),
            notice.clone(),
            sheets.clone(),
            decided.clone(),
            round.clone(),
            *group,
        );
        let (papers, ballots) = (
            papers.clone(),
            props
                .data
                .ballots_of(round.meta.id)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>(),
        );
        Callback::from(move |_| {
            let only: Vec<_> = papers.iter().map(|(_, p)| p.clone()).collect();
            let batch = ballot_sheet::ballots_from(
                &only,
                &ballots.iter().collect::<Vec<_>>(),
                &round,
                group,
                &session.device,
                crate::ui::time::now(),
            );
            let mut done = format!("已计入 {} 张。", batch.ballots.len());
            if !batch.repeated.is_empty() {
                let numbers: Vec<String> = batch
                    .repeated
                    .iter()
                    .map(|n| format!("第 {n} 号"))
                    .collect();
                done.push_str(&format!(
                    "{}票已经计过（或扫了两次），只计一次。",
                    numbers.join("、")
                ));
            }
            session.save(batch.ballots, reporter(&notice), done);
            // What was counted leaves the list; what still needs a person stays.
            let left: Vec<Sheet> = sheets
                .iter()
                .enumerate()
                .filter(|(i, _)| !papers.iter().any(|(j, _)| j == i))
                .map(|(_, s)| s.clone())
                .collect();
            sheets.set(Rc::new(left));
            decided.set(SortedMap::new());
        })
    };
    let names: Vec<String> = round
        .rated
        .iter()
        .map(|id| props.data.person(*id).0)
        .collect();
    let waiting = sheets
        .iter()
        .filter(|s| matches!(s.read, Ok(Reading::Decide { .. })))
        .count();
    let unread = sheets
        .iter()
        .filter(|s| !matches!(s.read, Ok(Reading::Paper(_)) | Ok(Reading::Decide { .. })))
        .count();
    // Sheets a person must look at first, then those that could not be read, then the rest.
    let mut shown: Vec<(usize, &Sheet)> = sheets.iter().enumerate().collect();
    crate::order::sort_by(&mut shown, |(_, s)| {
        crate::order::Key::int(match s.read {
            Ok(Reading::Decide { .. }) => 0,
            Ok(Reading::Paper(_)) => 2,
            _ => 1,
        })
    });
    html! {
        <section aria-labelledby="scan-h">
            <h3 id="scan-h">{ "扫描计票（机读评议票）" }</h3>
            <p>{ "把收回的机读评议票放进扫描仪，扫成图片（JPG、PNG）或 PDF，在这里一次选中。看不清的格子会列出来请您确认，确认前不计入。" }</p>
            <div class="toolbar">
                { super::group_select(&round, &group) }
                { scan_drop("选择扫描的票（图片或 PDF，可多选）", on_files, &notice) }
            </div>
            { notice_box(notice.as_ref()) }
            { batch_status(Batch { progress: *progress, read: sheets.len(), ready: papers.len(), waiting, unread, take: format!("计入 {} 张", papers.len()), on_take: &count }) }
            { for shown.into_iter().map(|(i, s)| sheet_view(i, s, &names, &decisions_of(i), &decide)) }
        </section>
    }
}
