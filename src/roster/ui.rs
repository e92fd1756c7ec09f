//! The 干部名册 page: list, add, edit, retire and reinstate cadres, and import them from CSV.

use crate::ui::prelude::*;

use crate::paging::Page;
use crate::ui::pager::pager;

use super::cadre_form::CadreForm;
use super::csv_import::{self, RosterImport};
use super::import_preview::RosterImportPreview;
use super::model::{Cadre, CadreFields};
use crate::record::Meta;
use crate::session::{reporter, use_session, Batch};
use crate::ui::download::save_text;
use crate::ui::file_drop::{FileDrop, PickedFile};
use crate::ui::load::use_records;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

/// Largest CSV read: a roster of thousands of people is well under this.
const MAX_CSV_BYTES: u64 = 5 * 1024 * 1024;

/// People per page: a township's whole roster fits on one; a file of 200,000 still draws.
const ROSTER_PAGE: usize = 200;

#[function_component(RosterPage)]
pub fn roster_page() -> Html {
    let session = use_session();
    let cadres = use_records::<Cadre>();
    let editing = use_state(|| None::<Option<Cadre>>); // Some(None): adding; Some(Some(c)): editing c
    let show_retired = use_state(|| false);
    let notice = use_state(|| None::<Notice>);
    let import = use_state(|| None::<(String, RosterImport)>);
    let page = use_state(|| 0usize);

    let save = {
        let (session, editing, notice) = (session.clone(), editing.clone(), notice.clone());
        let roster = cadres.ready().cloned();
        Callback::from(move |(existing, fields): (Option<Cadre>, CadreFields)| {
            let except = existing.as_ref().map(|c| c.meta.id);
            let twin = roster
                .as_ref()
                .and_then(|r| crate::roster::model::duplicate_of(r, &fields, except));
            if let Some(c) = twin {
                notice.set(Some(Notice::Error(format!(
                    "名册里已经有{}（{}），不能再添加一个同名同单位的人。是同一个人就请编辑原来那条。",
                    c.name, c.unit
                ))));
                return;
            }
            let record = match existing {
                Some(mut c) => {
                    c.set_fields(fields);
                    c
                }
                None => Cadre::new(Meta::unsaved(time::now()), fields),
            };
            let done = format!("已保存：{}（{}）", record.name, record.unit);
            let (session, editing, notice) = (session.clone(), editing.clone(), notice.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match session.save_now(vec![record]).await {
                    Ok(()) => {
                        notice.set(Some(Notice::Success(done)));
                        editing.set(None);
                    }
                    Err(message) => notice.set(Some(Notice::Error(message))),
                }
            });
        })
    };

    let set_retired = {
        let (session, notice) = (session.clone(), notice.clone());
        Callback::from(move |(mut cadre, retired): (Cadre, bool)| {
            cadre.retired = retired;
            let what = if retired { "已停用" } else { "已恢复" };
            let done = format!("{what}：{}", cadre.name);
            session.save(vec![cadre], reporter(&notice), done);
        })
    };

    let on_csv = {
        let (cadres, import, notice) = (cadres.clone(), import.clone(), notice.clone());
        Callback::from(move |files: Vec<PickedFile>| {
            let Some(file) = files.into_iter().next() else {
                return;
            };
            let roster = cadres.ready().map(|l| l.as_slice()).unwrap_or(&[]);
            match csv_import::parse(&file.bytes, roster) {
                Ok(parsed) => {
                    notice.set(None);
                    import.set(Some((file.name, parsed)));
                }
                Err(e) => {
                    import.set(None);
                    notice.set(Some(Notice::Error(format!(
                        "“{}”无法导入：{}",
                        file.name,
                        e.user_message()
                    ))));
                }
            }
        })
    };
    let on_csv_too_large = {
        let notice = notice.clone();
        Callback::from(move |(name, _): (String, u64)| {
            notice.set(Some(Notice::Error(format!(
                "“{name}”太大或无法读取。名册 CSV 文件应小于 5 MB，请检查是否选错了文件。"
            ))));
        })
    };
    let on_template = {
        let notice = notice.clone();
        Callback::from(move |_| {
            if let Err(m) = save_text("干部名册模板.csv", "text/csv", &csv_import::template_csv())
            {
                notice.set(Some(Notice::Error(m)));
            }
        })
    };
    let apply_import = {
        let (session, import, notice, cadres) = (
            session.clone(),
            import.clone(),
            notice.clone(),
            cadres.clone(),
        );
        Callback::from(move |_| {
            let Some((_, parsed)) = (*import).clone() else {
                return;
            };
            let existing = cadres.ready().map(|l| l.as_slice()).unwrap_or(&[]);
            let records =
                csv_import::import_writes(existing, &parsed, &session.device, time::now());
            let n = records.len();
            let mut batch = Batch::default();
            for record in &records {
                batch.put_stamped(record);
            }
            let (session, import, notice) = (session.clone(), import.clone(), notice.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match session.commit(batch).await {
                    Ok(()) => {
                        notice.set(Some(Notice::Success(format!(
                            "名册导入完成：写入 {n} 人。"
                        ))));
                        import.set(None);
                    }
                    Err(message) => notice.set(Some(Notice::Error(format!(
                        "名册没有导入，本机数据没有改变。{message}"
                    )))),
                }
            });
        })
    };

    let list = cadres.view(|list| {
            let mut visible: Vec<&Cadre> = list
                .iter()
                .filter(|c| *show_retired || !c.retired)
                .collect();
            crate::ui::collate::sort_in_pinyin(&mut visible, |c| [&c.unit, &c.name]);
            let shown_page = Page::of(visible.len(), *page, ROSTER_PAGE);
            let total = visible.len();
            let visible = shown_page.slice(&visible);
            html! {
                <>
                if shown_page.count > 1 {
                    { pager(shown_page, total, "人", &{ let p = page.clone(); Callback::from(move |i| p.set(i)) }) }
                }
                <table class="grid roster" aria-label="干部名册">
                    { crate::ui::table::head_with_actions(&["姓名", "单位", "职务", "电话", "状态"], "操作") }
                    <tbody>
                    if visible.is_empty() {
                        <tr><td colspan="6">{ "名册中还没有人。可以逐个添加，或从 CSV 文件导入。" }</td></tr>
                    }
                    { for visible.iter().copied().map(|c| {
                        let edit = { let editing = editing.clone(); let c = c.clone(); Callback::from(move |_| editing.set(Some(Some(c.clone())))) };
                        let toggle = { let set_retired = set_retired.clone(); let c = c.clone(); Callback::from(move |_| set_retired.emit((c.clone(), !c.retired))) };
                        html! {
                            <tr class={classes!(c.retired.then_some("retired"))}>
                                <td>{ &c.name }</td><td>{ &c.unit }</td><td>{ &c.post }</td><td>{ &c.phone }</td>
                                <td>{ if c.retired { "已停用" } else { "在岗" } }</td>
                                <td class="no-print">
                                    <button onclick={edit} aria-label={format!("编辑 {}", c.name)}>{ "编辑" }</button>
                                    <button onclick={toggle} aria-label={format!("{} {}", if c.retired { "恢复" } else { "停用" }, c.name)}>
                                        { if c.retired { "恢复" } else { "停用" } }
                                    </button>
                                </td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                </>
            }
    });

    html! {
        <section class="roster-page">
            <h1>{ "干部名册" }</h1>
            <p class="lead">{ "四个模块共用这份名册。为保留历史记录，干部不能删除，只能停用。" }</p>
            { notice_box(notice.as_ref()) }
            <div class="toolbar no-print">
                <button class="primary" onclick={{ let e = editing.clone(); Callback::from(move |_| e.set(Some(None))) }}>{ "添加干部" }</button>
                <label class="inline"><input type="checkbox" checked={*show_retired}
                    onchange={{ let s = show_retired.clone(); Callback::from(move |_| s.set(!*s)) }} />{ "显示已停用" }</label>
                { crate::ui::form::print_button("打印名册") }
                if let Some(all) = cadres.ready() {
                    <super::export_ui::RosterExport cadres={all.clone()} on_notice={{ let n = notice.clone(); Callback::from(move |m| n.set(Some(m))) }} />
                }
            </div>
            if let Some(target) = (*editing).clone() {
                <CadreForm existing={target} on_save={save.clone()} on_cancel={{ let e = editing.clone(); Callback::from(move |_| e.set(None)) }} />
            }
            { list }
            <section class="card no-print" aria-labelledby="csv-h">
                <h2 id="csv-h">{ "从 CSV 文件导入名册" }</h2>
                <p>{ "第一行为表头，需要“姓名”“单位”两列，“职务”“电话”可选，列的顺序不限。Excel 或 WPS 另存为的 CSV（包括 GBK 编码）都可以。" }</p>
                <button onclick={on_template}>{ "下载模板" }</button>
                <FileDrop label="选择名册 CSV 文件" accept=".csv,text/csv" max_bytes={MAX_CSV_BYTES} on_files={on_csv} on_too_large={on_csv_too_large} />
                if let Some((name, parsed)) = (*import).clone() {
                    <RosterImportPreview file_name={name} import={parsed} on_apply={apply_import} on_cancel={{ let i = import.clone(); Callback::from(move |_| i.set(None)) }} />
                }
            </section>
        </section>
    }
}
