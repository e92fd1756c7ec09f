//! A file chooser that also accepts files dropped on it. Hands over names and bytes.

use crate::ui::prelude::*;
use gloo::file::File;
use web_sys::{DragEvent, HtmlInputElement};

/// A file as read from the user's disk.
#[derive(Debug, Clone, PartialEq)]
pub struct PickedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Properties, PartialEq)]
pub struct FileDropProps {
    /// The visible label, which is also the input's accessible name.
    pub label: AttrValue,
    /// e.g. ".json" or ".csv,.txt"
    pub accept: AttrValue,
    #[prop_or_default]
    pub multiple: bool,
    /// Largest file read; bigger ones are reported by `on_too_large` without being read.
    pub max_bytes: u64,
    pub on_files: Callback<Vec<PickedFile>>,
    pub on_too_large: Callback<(String, u64)>,
    /// When set, the files are handed over here unread (after the size check), to be read one
    /// at a time: a few hundred scans need not all be in memory at once.
    #[prop_or_default]
    pub unread: Option<Callback<Vec<web_sys::File>>>,
    #[prop_or_default]
    pub disabled: bool,
}

/// Hands the chosen files over: unread if asked, read otherwise.
fn hand_over(
    files: Vec<web_sys::File>,
    max: u64,
    on_files: Callback<Vec<PickedFile>>,
    on_too_large: Callback<(String, u64)>,
    unread: Option<Callback<Vec<web_sys::File>>>,
) {
    let Some(unread) = unread else {
        return read_files(files, max, on_files, on_too_large);
    };
    let (fit, big): (Vec<_>, Vec<_>) = files.into_iter().partition(|f| f.size() as u64 <= max);
    for f in big {
        on_too_large.emit((f.name(), f.size() as u64));
    }
    if !fit.is_empty() {
        unread.emit(fit);
    }
}

fn read_files(
    files: Vec<web_sys::File>,
    props_max: u64,
    on_files: Callback<Vec<PickedFile>>,
    on_too_large: Callback<(String, u64)>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut picked = Vec::new();
        for f in files {
            let file = File::from(f);
            // One file too large or unreadable is reported; the others are still read.
            if file.size() > props_max {
                on_too_large.emit((file.name(), file.size()));
                continue;
            }
            match gloo::file::futures::read_as_bytes(&file).await {
                Ok(bytes) => picked.push(PickedFile {
                    name: file.name(),
                    bytes,
                }),
                Err(_) => {
                    on_too_large.emit((file.name(), 0));
                    continue;
                }
            }
        }
        if !picked.is_empty() {
            on_files.emit(picked);
        }
    });
}

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[function_component(FileDrop)]
pub fn file_drop(props: &FileDropProps) -> Html {
    let hover = use_state(|| false);
    let input_id = use_memo(props.label.clone(), |label| {
        format!(
            "file-{}",
            label
                .bytes()
                .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
        )
    });

    // The one way chosen or dropped files are handed over.
    let take = {
        let (max, on_files, on_too_large, unread) = (
            props.max_bytes,
            props.on_files.clone(),
            props.on_too_large.clone(),
            props.unread.clone(),
        );
        Callback::from(move |files: Vec<web_sys::File>| {
            hand_over(
                files,
                max,
                on_files.clone(),
                on_too_large.clone(),
                unread.clone(),
            )
        })
    };
    let onchange = {
        let take = take.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = file_list(input.files());
            // Cleared so that choosing the same file again fires another change.
            input.set_value("");
            take.emit(files);
        })
    };
    let ondragover = {
        let hover = hover.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            hover.set(true);
        })
    };
    let ondragleave = {
        let hover = hover.clone();
        Callback::from(move |_: DragEvent| hover.set(false))
    };
    let ondrop = {
        let (hover, take, disabled) = (hover.clone(), take.clone(), props.disabled);
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            hover.set(false);
            if disabled {
                return;
            }
            take.emit(file_list(e.data_transfer().and_then(|d| d.files())));
        })
    };

    let class = classes!("file-drop", hover.then_some("hover"));
    html! {
        <div {class} {ondragover} {ondragleave} {ondrop}>
            <label for={(*input_id).clone()}>{ &props.label }</label>
            <input id={(*input_id).clone()} type="file" accept={props.accept.clone()}
                multiple={props.multiple} disabled={props.disabled} {onchange} />
            <p class="hint">{ "也可以把文件拖到这里" }</p>
        </div>
    }
}
