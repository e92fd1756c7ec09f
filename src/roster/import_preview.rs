//! The preview of a roster CSV before it is applied: each row added, updated or unchanged, and
//! the rows refused with why.

use crate::ui::prelude::*;

use super::csv_import::{RosterImport, RowAction};

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub file_name: String,
    pub import: RosterImport,
    pub on_apply: Callback<()>,
    pub on_cancel: Callback<()>,
}

#[function_component(RosterImportPreview)]
pub fn roster_import_preview(props: &PreviewProps) -> Html {
    let p = &props.import;
    let adds = p.count(|a| *a == RowAction::Add);
    let updates = p.count(|a| matches!(a, RowAction::Update { .. }));
    let unchanged = p.count(|a| *a == RowAction::Unchanged);
    html! {
        <div class="preview" aria-label="名册导入预览">
            <h3>{ format!("导入预览：{}（编码 {}）", props.file_name, p.encoding.label()) }</h3>
            <p>{ format!("新增 {adds} 人，更新 {updates} 人，已在名册中 {unchanged} 人，有问题 {} 行。", p.problems.len()) }</p>
            if !p.problems.is_empty() {
                <div class="notice warn" role="alert">
                    <p>{ "以下行不会导入：" }</p>
                    <ul>{ for p.problems.iter().map(|pr| html! { <li>{ format!("第 {} 行：{}", pr.line, pr.reason) }</li> }) }</ul>
                </div>
            }
            <table class="grid">
                { crate::ui::table::head(&["行", "姓名", "单位", "职务", "电话", "处理"]) }
                <tbody>
                { for p.rows.iter().map(|r| html! {
                    <tr>
                        <td>{ r.line }</td><td>{ &r.fields.name }</td><td>{ &r.fields.unit }</td><td>{ &r.fields.post }</td><td>{ &r.fields.phone }</td>
                        <td>{ match r.action { RowAction::Add => "新增", RowAction::Update { .. } => "更新", RowAction::Unchanged => "已存在，不变" } }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            <button class="primary" onclick={{ let a = props.on_apply.clone(); Callback::from(move |_| a.emit(())) }} disabled={adds + updates == 0}>
                { format!("确认导入 {} 人", adds + updates) }
            </button>
            <button onclick={{ let c = props.on_cancel.clone(); Callback::from(move |_| c.emit(())) }}>{ "取消" }</button>
        </div>
    }
}
