//! Entry point: mounts the app into the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<zuofeng::app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("作风建设工作台 runs in the browser: build it with `trunk build` (see README.md).");
}
