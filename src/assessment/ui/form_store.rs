//! Where a filled form goes: into its kind's store, into a file to hand in, and — while typing
//! has not been saved yet — into the browser's local storage.

use yew::Callback;

use crate::assessment::form::{Answer, DutyReport, FilledForm, FormKind, SelfAssessment};
use crate::exchange::envelope::FileKind;
use crate::session::Session;
use crate::sorted::SortedMap;
use crate::store::schema::StoreName;
use crate::ui::export::{export_file, export_notice, one_store};
use crate::ui::notice::Notice;

/// Saves a form into its kind's store.
pub fn save_form(
    session: &Session,
    kind: FormKind,
    form: FilledForm,
    report: Callback<Notice>,
    done: &str,
) {
    match kind {
        FormKind::SelfAssessment => session.save(vec![SelfAssessment(form)], report, done),
        FormKind::DutyReport => session.save(vec![DutyReport(form)], report, done),
    }
}

/// Typing not yet written to IndexedDB, also kept in the browser's local storage, which writes
/// at once: a tab closed before the save keeps every character, and the form picks it up when
/// it next opens. Cleared once the save lands.
pub fn typing_key(form: &FilledForm) -> String {
    format!("zuofeng.typing.{}", form.meta.id)
}

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

pub fn keep_typing(key: &str, answers: &SortedMap<u32, Answer>) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(answers)) {
        let _ = s.set_item(key, &json);
    }
}

pub fn kept_typing(key: &str) -> Option<SortedMap<u32, Answer>> {
    let json = storage()?.get_item(key).ok()??;
    serde_json::from_str(&json).ok()
}

pub fn forget_typing(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Exports a form (and nothing else) as a file to hand in.
pub fn export_form(session: &Session, kind: FormKind, form: &FilledForm) -> Notice {
    let store = match kind {
        FormKind::SelfAssessment => StoreName::SelfAssessments,
        FormKind::DutyReport => StoreName::DutyReports,
    };
    export_notice(
        export_file(
            session,
            FileKind::Forms,
            &form.author.name,
            one_store(store, [form]),
        ),
        |f| format!("已导出“{}”，请交给党政办。", f.name),
    )
}
