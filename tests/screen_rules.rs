//! Rules every screen keeps, read from the sources (no native test reaches screen code):
//!
//! - Yew keeps a component's hooks by the order they are called in each render: a hook after an
//!   early `return` is skipped on some renders and shifts every later one (a panic, or another
//!   hook's state). Every component and hook in `src/` is read; a hook call after an early
//!   return at the top of its body fails.
//! - Screens write settings through `Session::set_setting`, which tells the pages that read
//!   them; only the store, the session, and the two writes made before a session exists (the
//!   first-use profile form, the device id at start) touch `store.set_setting`.
//! - A field taken when it changes (`value` and `onchange`, no `oninput`) is a
//!   `ui::kept_input::KeptInput`: Yew writes a plain `<input>`'s value back at every redraw,
//!   wiping what is being typed in it.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every Rust file under `src/`.
fn sources() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    rust_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    files
}

/// `path:line` for each line `find` reports in the sources, the files ending in `except` left out.
fn found_in_sources(except: &[&str], find: impl Fn(&str) -> Vec<usize>) -> Vec<String> {
    sources()
        .iter()
        .filter(|f| !except.iter().any(|e| f.ends_with(e)))
        .flat_map(|f| {
            let text = fs::read_to_string(f).unwrap_or_default();
            find(&text)
                .into_iter()
                .map(|line| format!("{}:{line}", f.display()))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// Whether `line` calls a hook: `use_state(`, `use_records::<…>(`, `super::use_identity()` …
fn calls_hook(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or("");
    code.match_indices("use_").any(|(at, _)| {
        let before = code[..at].chars().last();
        let word_start = !before.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let rest: String = code[at..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':' || *c == '<' || *c == '>')
            .collect();
        word_start && code[at + rest.len()..].starts_with('(')
    })
}

/// Problems in one file: `file:line` of each hook called after an early return.
fn check(path: &Path, text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut problems = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let attr = lines[i].trim_start();
        if !(attr.starts_with("#[function_component") || attr.starts_with("#[hook]")) {
            i += 1;
            continue;
        }
        // The body: from the fn line to the `}` at the fn's own indentation.
        let Some(start) = (i..lines.len()).find(|&k| lines[k].contains("fn ")) else {
            break;
        };
        let base = indent(lines[start]);
        let end = (start + 1..lines.len())
            .find(|&k| indent(lines[k]) == base && lines[k].trim() == "}")
            .unwrap_or(lines.len());
        let body = base + 4;
        let mut returned_at = None;
        for k in start + 1..end {
            let line = lines[k];
            let t = line.trim_start();
            let top = indent(line) == body;
            // An early return at the top: `return …`, `let … else {`, or `if … {` holding a return.
            let early = top
                && (t.starts_with("return")
                    || (t.starts_with("let ") && t.ends_with("else {"))
                    || (t.starts_with("if ")
                        && (k + 1..end)
                            .take_while(|&m| indent(lines[m]) > body)
                            .any(|m| lines[m].trim_start().starts_with("return"))));
            if let Some(at) = returned_at {
                if calls_hook(line) {
                    problems.push(format!(
                        "{}:{}: a hook after the early return on line {}",
                        path.display(),
                        k + 1,
                        at
                    ));
                }
            } else if early && k + 1 < end {
                returned_at = Some(k + 1);
            }
        }
        i = end;
    }
    problems
}

#[test]
fn no_hook_is_called_after_an_early_return() {
    let files = sources();
    assert!(files.len() > 50, "the sources were found");
    let problems: Vec<String> = files
        .iter()
        .flat_map(|f| check(f, &fs::read_to_string(f).unwrap_or_default()))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_finds_a_hook_after_an_early_return() {
    let bad = "#[function_component(A)]\nfn a(p: &P) -> Html {\n    let s = use_session();\n    if s.cadre {\n        return html! {};\n    }\n    let x = use_state(|| 0);\n    html! {}\n}\n";
    assert_eq!(check(Path::new("a.rs"), bad).len(), 1);
    let good = "#[function_component(A)]\nfn a(p: &P) -> Html {\n    let s = use_session();\n    let x = use_state(|| 0);\n    let Some(v) = p.v else {\n        return html! {};\n    };\n    let f = Callback::from(move |_| { let _ = used_elsewhere(); });\n    html! {}\n}\n";
    assert_eq!(check(Path::new("a.rs"), good), Vec::<String>::new());
}

#[test]
fn screens_write_settings_through_the_session() {
    // Start-up (`boot.rs`, `app.rs`) and the profile form write before a session exists.
    const BEFORE_A_SESSION: [&str; 5] = [
        "store/db.rs",
        "session.rs",
        "profile.rs",
        "app.rs",
        "boot.rs",
    ];
    let direct = found_in_sources(&BEFORE_A_SESSION, |text| {
        let lines: Vec<&str> = text.lines().collect();
        (0..lines.len())
            .filter(|&i| {
                let l = lines[i];
                // `store.set_setting(`, also split over lines as `.store` / `.set_setting(`.
                let split = i > 0
                    && lines[i - 1].trim_end().ends_with(".store")
                    && l.trim_start().starts_with(".set_setting(");
                // A loader that clears an old key while reading is not a screen's write.
                (l.contains("store.set_setting(") || split) && !l.contains("Value::Null")
            })
            .map(|i| i + 1)
            .collect()
    });
    assert!(
        direct.is_empty(),
        "settings written past the session: {}",
        direct.join(", ")
    );
}

/// The `<input …/>` tags in `text` that show a value and take it on change only.
fn fields_taken_on_change(text: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("<input").map(|k| from + k) {
        // The tag ends at the first `/>` outside braces.
        let (mut depth, mut end) = (0i32, text.len());
        for (k, c) in text[at..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                '/' if depth == 0 && text[at + k..].starts_with("/>") => {
                    end = at + k;
                    break;
                }
                _ => {}
            }
        }
        let tag = &text[at..end];
        let plain = ["checkbox", "radio", "type=\"file\""]
            .iter()
            .all(|t| !tag.contains(t));
        if plain && tag.contains("value") && tag.contains("onchange") && !tag.contains("oninput") {
            found.push(text[..at].matches('\n').count() + 1);
        }
        from = end;
    }
    found
}

#[test]
fn fields_taken_on_change_keep_what_is_typed() {
    let plain = found_in_sources(&["ui/kept_input.rs"], fields_taken_on_change);
    assert!(
        plain.is_empty(),
        "fields taken on change that a redraw wipes (use KeptInput): {}",
        plain.join(", ")
    );
}

#[test]
fn the_check_finds_a_plain_field_taken_on_change() {
    let bad = "html! {\n    <label>{ \"年份\" }<input type=\"number\" value={year.to_string()}\n        onchange={{ let y = y.clone(); Callback::from(move |e: Event| y.set(1)) }} /></label>\n}\n";
    assert_eq!(fields_taken_on_change(bad), vec![2]);
    let good = "html! {\n    <input value={name} oninput={on_name} onchange={on_done} />\n    <input type=\"checkbox\" checked={on} value=\"x\" onchange={flip} />\n    <KeptInput value={year} onchange={on_year} />\n}\n";
    assert!(fields_taken_on_change(good).is_empty());
}
