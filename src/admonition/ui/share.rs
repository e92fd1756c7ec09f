//! 文件交换: sending cases (personal data: chosen one by one and sealed with a password,
//! `case_export.rs`), templates and holiday calendars as files, and importing them.

use crate::ui::prelude::*;

use super::case_export::CaseExport;
use super::DataProps;
use crate::data_admin::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::session::use_session;
use crate::store::schema::StoreName;
use crate::ui::export::{export_file, one_store};
use crate::ui::notice::{notice_box, Notice};

#[function_component(ShareTab)]
pub fn share_tab(props: &DataProps) -> Html {
    let session = use_session();
    let notice = use_state(|| None::<Notice>);
    let data = &props.data;
    let report = |result: Result<crate::ui::export::Exported, String>| match result {
        Ok(f) => Notice::Success(format!("已导出 {} 条记录到“{}”。", f.records, f.name)),
        Err(m) => Notice::Error(m),
    };
    let export_templates = {
        let (session, notice, data) = (session.clone(), notice.clone(), data.clone());
        Callback::from(move |_| {
            let own = data.templates.iter().filter(|t| !t.deleted);
            let records = one_store(StoreName::DocumentTemplates, own);
            notice.set(Some(report(export_file(
                &session,
                FileKind::DocumentTemplates,
                &session.profile.unit,
                records,
            ))));
        })
    };
    let export_calendars = {
        let (session, notice, data) = (session.clone(), notice.clone(), data.clone());
        Callback::from(move |_| {
            let records = one_store(StoreName::HolidayCalendars, data.calendars.iter());
            notice.set(Some(report(export_file(
                &session,
                FileKind::HolidayCalendar,
                &session.profile.unit,
                records,
            ))));
        })
    };
    let own_templates = data.templates.iter().filter(|t| !t.deleted).count();
    html! {
        <>
            { notice_box(notice.as_ref()) }
            <CaseExport data={data.clone()} />
            <section class="card" aria-labelledby="templates-out-h">
                <h2 id="templates-out-h">{ "文书模板和节假日安排" }</h2>
                <p>{ "县（区）统一制作的模板和节假日安排，可以用文件发给各乡镇，导入后直接使用。" }</p>
                <button disabled={own_templates == 0} onclick={export_templates}>{ format!("导出本单位模板（{own_templates} 个）") }</button>
                <button disabled={data.calendars.is_empty()} onclick={export_calendars}>{ format!("导出节假日安排（{} 年）", data.calendars.len()) }</button>
            </section>
            <section class="card" aria-labelledby="in-h">
                <h2 id="in-h">{ "导入文件" }</h2>
                <ImportPanel kind={FileKind::CaseFile} label="选择诫勉案卷文件（.json）" />
                <ImportPanel kind={FileKind::DocumentTemplates} label="选择诫勉模板文件（.json）" />
                <ImportPanel kind={FileKind::HolidayCalendar} label="选择节假日安排文件（.json）" />
            </section>
        </>
    }
}
