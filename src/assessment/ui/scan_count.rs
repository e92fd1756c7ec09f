//! 扫描计票: the scanner's images (or its PDF) of a group's 机读评议票 read in one pass. Each
//! sheet is read by `paper::read` and turned into the desk's paper by `ballot_sheet`; what is
//! unclear is shown over the scan for a person to decide, and nothing unclear is counted. The
//! papers join the count as typed ones do (`ballot_sheet::ballots_from`: a number counted before
//! or a page fed twice counts once and is named).

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use super::scan_review::{object_url, sheet_view, ScanView, Sheet};
use super::RoundProps;
use crate::assessment::ballot_sheet::{self, Reading};
use crate::assessment::model::Vote;
use crate::paper::geometry::Pt;
use crate::paper::read::read_page;
use crate::session::{reporter, use_session};
use crate::ui::file_drop::{FileDrop, PickedFile};
use crate::ui::notice::{Notice, NoticeBox};

/// A scanner's PDF of a few hundred pages.
const MAX_FILE: u64 = 300 * 1024 * 1024;

/// An image's bytes and type, or why a page is not one.
type PageImage = Result<(Vec<u8>, &'static str), String>;

/// Each page of the chosen files: where it came from, and its image.
fn pages(files: Vec<PickedFile>) -> Vec<(String, PageImage)> {
    let mut out = Vec::new();
    for f in files {
        if f.bytes.starts_with(b"%PDF-") {
            match crate::paper::pdf::images(&f.bytes) {
                Ok(found) => {
                    out.extend(found.jpegs.into_iter().enumerate().map(|(i, j)| {
                        (format!("{} 第 {} 页", f.name, i + 1), Ok((j, "image/jpeg")))
                    }))
                }
                Err(e) => out.push((f.name, Err(e.message()))),
            }
        } else {
            let mime = if f.name.to_lowercase().ends_with(".png") {
                "image/png"
            } else {
                "image/jpeg"
            };
            out.push((f.name, Ok((f.bytes, mime))));
        }
    }
    out
}

#[function_component(ScanCount)]
pub fn scan_count(props: &RoundProps) -> Html {
    let session = use_session();
    let round = props.round.clone();
    let group = use_state(|| round.groups.first().map(|g| g.key).unwrap_or(0));
    let sheets = use_state(|| Rc::new(Vec::<Sheet>::new()));
    let progress = use_state(|| None::<(usize, usize)>);
    let decided = use_state(BTreeMap::<(usize, usize), Vote>::new);
    let notice = use_state(|| None::<Notice>);
    let rated = round.rated.len();
    let on_files = {
        let (sheets, progress, decided, round, group) = (
            sheets.clone(),
            progress.clone(),
            decided.clone(),
            round.clone(),
            *group,
        );
        Callback::from(move |files: Vec<PickedFile>| {
            let (sheets, progress, round) = (sheets.clone(), progress.clone(), round.clone());
            decided.set(BTreeMap::new());
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(layout) = ballot_sheet::layout(rated) else {
                    return;
                };
                let pages = pages(files);
                let total = pages.len();
                let mut done: Vec<Sheet> = Vec::new();
                for (i, (source, page)) in pages.into_iter().enumerate() {
                    progress.set(Some((i, total)));
                    // Let the progress bar paint between pages.
                    gloo::timers::future::TimeoutFuture::new(0).await;
                    let (bytes, mime) = match page {
                        Ok(p) => p,
                        Err(m) => {
                            done.push(Sheet {
                                source,
                                read: Err(m),
                                view: None,
                            });
                            continue;
                        }
                    };
                    let sheet = match crate::ui::scan_image::decode(&bytes, mime).await {
                        Err(m) => Sheet {
                            source,
                            read: Err(m),
                            view: None,
                        },
                        Ok(img) => match read_page(&img, &layout) {
                            Err(e) => Sheet {
                                source,
                                read: Err(e.message()),
                                view: None,
                            },
                            Ok(page) => {
                                let reading =
                                    ballot_sheet::reading(&page, rated, round.meta.id, group);
                                let view = matches!(reading, Reading::Decide { .. }).then(|| {
                                    let boxes = layout
                                        .boxes
                                        .iter()
                                        .zip(&page.boxes)
                                        .map(|(c, b)| {
                                            let corners =
                                                [(0.0, 0.0), (c.w, 0.0), (c.w, c.h), (0.0, c.h)]
                                                    .map(|(dx, dy)| {
                                                        page.to_scan
                                                            .apply(Pt::new(c.x + dx, c.y + dy))
                                                    });
                                            (corners, b.mark)
                                        })
                                        .collect();
                                    Rc::new(ScanView {
                                        url: object_url(&bytes, mime),
                                        size: (img.width, img.height),
                                        boxes,
                                    })
                                });
                                Sheet {
                                    source,
                                    read: Ok(reading),
                                    view,
                                }
                            }
                        },
                    };
                    done.push(sheet);
                    sheets.set(Rc::new(done.clone()));
                }
                sheets.set(Rc::new(done));
                progress.set(None);
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
    let decisions_of = |i: usize| -> BTreeMap<usize, Vote> {
        decided
            .iter()
            .filter(|((s, _), _)| *s == i)
            .map(|((_, r), v)| (*r, *v))
            .collect()
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
            decided.set(BTreeMap::new());
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
    html! {
        <section aria-labelledby="scan-h">
            <h3 id="scan-h">{ "扫描计票（机读评议票）" }</h3>
            <p>{ "把收回的机读评议票放进扫描仪，扫成图片（JPG、PNG）或 PDF，在这里一次选中。看不清的格子会列出来请您确认，确认前不计入。" }</p>
            <div class="toolbar">
                { super::group_select(&round, &group) }
                <FileDrop label="选择扫描的票（图片或 PDF，可多选）" accept=".jpg,.jpeg,.png,.pdf" multiple=true max_bytes={MAX_FILE}
                    on_files={on_files} on_too_large={{ let n = notice.clone(); Callback::from(move |(name, _): (String, u64)| n.set(Some(Notice::Error(format!("“{name}”太大或读不出来，请分成几份扫描。"))))) }} />
            </div>
            if let Some((at, total)) = *progress {
                <p role="status"><progress value={at.to_string()} max={total.to_string()} />{ format!(" 正在读第 {} 张……", at + 1) }</p>
            }
            <NoticeBox notice={(*notice).clone()} />
            if !sheets.is_empty() {
                <p role="status">{ format!("读了 {} 张：可以计入 {} 张，待确认 {} 张，不能计入 {} 张。", sheets.len(), papers.len(), waiting, unread) }</p>
                <div class="actions"><button class="primary" disabled={papers.is_empty()} onclick={count}>{ format!("计入 {} 张", papers.len()) }</button></div>
            }
            { for sheets.iter().enumerate().map(|(i, s)| sheet_view(i, s, &names, &decisions_of(i), &decide)) }
        </section>
    }
}
