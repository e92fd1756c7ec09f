//! Scans in, pages out, for any sheet the app prints (机读评议票, 答题卡): the chosen files
//! opened one at a time, a scanner PDF's JPEG pages (the file held once, a page copied out only
//! while it is read) or one image each, every page decoded and read against the sheet's layout,
//! with a progress bar between pages. What a page means is the
//! screen's business; this only hands each one over, with what is needed to show it later.

use std::collections::VecDeque;
use std::rc::Rc;

use crate::ui::prelude::*;

use crate::ui::file_drop::FileDrop;
use crate::ui::notice::Notice;

use crate::paper::geometry::Pt;
use crate::paper::layout::Layout;
use crate::paper::read::{read_page, Mark, Page};

/// A page's image: a file of its own, or a JPEG page inside a scanner's PDF (held once for all
/// its pages); or why a page is not one.
type PageImage = Result<Image, String>;

enum Image {
    File(Vec<u8>, &'static str),
    InPdf(Rc<Vec<u8>>, std::ops::Range<usize>),
}

const UNREADABLE: &str = "这个文件读不出来（可能已被移走或正在被别的程序使用），请重新选择。";

/// A scanner's PDF of a few hundred pages.
const MAX_FILE: u64 = 300 * 1024 * 1024;

/// A page's scan, kept until the screen knows whether a person must look at it.
pub struct PageScan {
    bytes: Vec<u8>,
    mime: &'static str,
    size: (usize, usize),
}

impl PageScan {
    /// The scan with every box of `layout` where `page` found it, to draw over the image.
    pub fn view(self, layout: &Layout, page: &Page) -> Rc<ScanView> {
        let boxes = layout
            .boxes
            .iter()
            .zip(&page.boxes)
            .map(|(c, b)| {
                let corners = [(0.0, 0.0), (c.w, 0.0), (c.w, c.h), (0.0, c.h)]
                    .map(|(dx, dy)| page.to_scan.apply(Pt::new(c.x + dx, c.y + dy)));
                (corners, b.mark)
            })
            .collect();
        Rc::new(ScanView {
            url: object_url(&self.bytes, self.mime),
            size: self.size,
            boxes,
        })
    }
}

#[derive(PartialEq)]
pub struct ScanView {
    pub url: String,
    pub size: (usize, usize),
    pub boxes: Vec<([Pt; 4], Mark)>,
}

impl Drop for ScanView {
    /// The browser may drop the image once no sheet shows it.
    fn drop(&mut self) {
        let _ = web_sys::Url::revoke_object_url(&self.url);
    }
}

/// One page read: where it came from, and the page with its scan or why it could not be read.
pub type ReadPage = (String, Result<(Page, PageScan), String>);

/// A file, or a page of one, waiting to be read.
enum Waiting {
    File(web_sys::File),
    Page((String, PageImage)),
}

/// Reads `files` page by page against `layout`, handing each page to `each` as it is read and
/// showing the progress; stops as soon as `live` says the reading is no longer wanted.
pub async fn read_files(
    files: Vec<web_sys::File>,
    layout: &Layout,
    progress: &UseStateHandle<Option<(usize, usize)>>,
    live: impl Fn() -> bool,
    mut each: impl FnMut(ReadPage),
) {
    // Files are opened one at a time; a PDF's pages are read before the next file.
    let mut queue: VecDeque<Waiting> = files.into_iter().map(Waiting::File).collect();
    let mut done = 0;
    while let Some(next) = queue.pop_front() {
        progress.set(Some((done, done + queue.len() + 1)));
        // Let the progress bar paint between pages.
        gloo::timers::future::TimeoutFuture::new(0).await;
        if !live() {
            return;
        }
        let (source, image) = match next {
            Waiting::File(file) => {
                let file = gloo::file::File::from(file);
                let name = file.name();
                match gloo::file::futures::read_as_bytes(&file).await {
                    Ok(bytes) => {
                        for page in pages(name, bytes).into_iter().rev() {
                            queue.push_front(Waiting::Page(page));
                        }
                    }
                    Err(_) => queue.push_front(Waiting::Page((name, Err(UNREADABLE.into())))),
                }
                continue;
            }
            Waiting::Page(page) => page,
        };
        let read = match image {
            Ok(Image::File(bytes, mime)) => read_one(bytes, mime, layout).await,
            // One page copied out at a time.
            Ok(Image::InPdf(pdf, at)) => match pdf.get(at) {
                Some(jpeg) => read_one(jpeg.to_vec(), "image/jpeg", layout).await,
                None => Err(crate::ui::scan_image::NOT_AN_IMAGE.into()),
            },
            Err(m) => Err(m),
        };
        done += 1;
        each((source, read));
    }
    progress.set(None);
}

async fn read_one(
    bytes: Vec<u8>,
    mime: &'static str,
    layout: &Layout,
) -> Result<(Page, PageScan), String> {
    let img = crate::ui::scan_image::decode(&bytes, mime).await?;
    let page = read_page(&img, layout).map_err(|e| e.message())?;
    let size = (img.width, img.height);
    Ok((page, PageScan { bytes, mime, size }))
}

/// A file's pages: a scanner PDF's JPEG pages, or the one image.
fn pages(name: String, bytes: Vec<u8>) -> Vec<(String, PageImage)> {
    if bytes.starts_with(b"%PDF-") {
        return match crate::paper::pdf::images(&bytes) {
            Ok(found) => {
                let pdf = Rc::new(bytes);
                found
                    .jpegs
                    .into_iter()
                    .enumerate()
                    .map(|(i, at)| {
                        let page = Image::InPdf(pdf.clone(), at);
                        (format!("{name} 第 {} 页", i + 1), Ok(page))
                    })
                    .collect()
            }
            Err(e) => vec![(name, Err(e.message()))],
        };
    }
    let mime = if name.to_ascii_lowercase().ends_with(".png") {
        "image/png"
    } else {
        "image/jpeg"
    };
    vec![(name, Ok(Image::File(bytes, mime)))]
}

/// The scan with each box outlined as read: green marked, red to decide, none when empty.
pub fn overlay(v: &ScanView, alt: String) -> Html {
    let (w, h) = v.size;
    html! {
        <div class="scan-view">
            <img src={v.url.clone()} {alt} />
            <svg viewBox={format!("0 0 {w} {h}")} aria-hidden="true">
                { for v.boxes.iter().filter(|(_, m)| *m != Mark::Empty).map(|(c, m)| {
                    let points = c.iter().map(|p| format!("{:.1},{:.1}", p.x, p.y)).collect::<Vec<_>>().join(" ");
                    let class = if *m == Mark::Marked { "read-marked" } else { "read-unsure" };
                    html! { <polygon {points} class={class} /> }
                }) }
            </svg>
        </div>
    }
}

fn object_url(bytes: &[u8], mime: &str) -> String {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .and_then(|b| web_sys::Url::create_object_url_with_blob(&b))
        .unwrap_or_default()
}

/// Where the scans are chosen or dropped: images or PDFs, many at once, handed over unread.
pub fn scan_drop(
    label: &'static str,
    on_files: Callback<Vec<web_sys::File>>,
    notice: &UseStateHandle<Option<Notice>>,
) -> Html {
    let notice = notice.clone();
    let too_large = Callback::from(move |(name, _): (String, u64)| {
        notice.set(Some(Notice::Error(format!(
            "“{name}”太大或读不出来，请分成几份扫描。"
        ))))
    });
    html! {
        <FileDrop {label} accept=".jpg,.jpeg,.png,.pdf" multiple=true max_bytes={MAX_FILE}
            on_files={Callback::noop()} unread={Some(on_files)} on_too_large={too_large} />
    }
}

/// Where a batch of scans stands: the reading's progress, then how many pages were read, how
/// many can be taken, wait for a person, or cannot be, and the button that takes them.
pub struct Batch<'a> {
    pub progress: Option<(usize, usize)>,
    pub read: usize,
    pub ready: usize,
    pub waiting: usize,
    pub unread: usize,
    /// "计入 N 张" or "计入 N 份答卷".
    pub take: String,
    pub on_take: &'a Callback<MouseEvent>,
}

pub fn batch_status(b: Batch) -> Html {
    html! {
        <>
            if let Some((at, total)) = b.progress {
                <p role="status"><progress aria-label="读取进度" value={at.to_string()} max={total.to_string()} />{ format!(" 正在读第 {} 张……", at + 1) }</p>
            }
            if b.read > 0 {
                <p role="status">{ format!("读了 {} 张：可以计入 {} 张，待确认 {} 张，不能计入 {} 张。", b.read, b.ready, b.waiting, b.unread) }</p>
                <div class="actions"><button class="primary" disabled={b.ready == 0} onclick={b.on_take.clone()}>{ b.take }</button></div>
            }
        </>
    }
}
