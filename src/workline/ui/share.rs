//! 文件交换: send chosen lines to their members as a file, and take members' update files back.

use std::collections::HashSet;

use crate::ui::prelude::*;

use crate::ui::export::{export_file, export_notice};

use super::lines::PlanProps;
use crate::data_admin::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::session::use_session;
use crate::store::settings::Role;
use crate::ui::notice::{notice_box, Notice};
use crate::workline::share::line_file_records;

#[function_component(ShareTab)]
pub fn share_tab(props: &PlanProps) -> Html {
    let session = use_session();
    let plan = &props.plan;
    let chosen = use_state(HashSet::<uuid::Uuid>::new);
    let notice = use_state(|| None::<Notice>);
    let lines = plan.live_lines();
    let on_export = {
        let (session, plan, chosen, notice) = (
            session.clone(),
            plan.clone(),
            chosen.clone(),
            notice.clone(),
        );
        Callback::from(move |_| {
            if chosen.is_empty() {
                notice.set(Some(Notice::Error("请先勾选要导出的工作线。".into())));
                return;
            }
            let records = match line_file_records(
                &chosen,
                &plan.lines,
                &plan.tasks,
                &plan.stand_ups,
                &plan.cadres,
            ) {
                Ok(r) => r,
                Err(m) => return notice.set(Some(Notice::Error(m))),
            };
            notice.set(Some(export_notice(
                export_file(
                    &session,
                    FileKind::WorkLineUpdate,
                    &session.profile.name,
                    records,
                ),
                |file| format!("已导出 {} 条工作线到文件“{}”。", chosen.len(), file.name),
            )));
        })
    };
    let member = session.profile.role == Role::Cadre;
    let import = html! {
        <section class="card" aria-labelledby="share-in">
            if member {
                <h2 id="share-in">{ "第一步：导入党政办发来的工作线文件" }</h2>
                <p>{ "选择党政办通过U盘或电子邮件发给您的工作线文件。导入后，在“我的任务”中填写进度和进展说明。" }</p>
            } else {
                <h2 id="share-in">{ "导入工作线文件或成员的更新" }</h2>
                <p>{ "可以一次选择多个成员发回的文件，逐个检查后导入。两人改了同一任务的不同内容时自动合并；改了同一项内容时，会并排显示两个版本，由您选择。" }</p>
            }
            <ImportPanel kind={FileKind::WorkLineUpdate} label="选择工作线文件（.json，可多选）" multiple=true />
        </section>
    };
    html! {
        <>
            if member { { import.clone() } }
            <section class="card" aria-labelledby="share-out">
                if member {
                    <h2 id="share-out">{ "第二步：导出我的更新，发回党政办" }</h2>
                    <p>{ "在“我的任务”里更新进度后，勾选您参与的工作线，导出一个更新文件，用U盘或电子邮件发回党政办。" }</p>
                } else {
                    <h2 id="share-out">{ "导出工作线文件" }</h2>
                    <p>{ "勾选工作线，导出一个文件发给成员（U盘或电子邮件）。文件包含这些工作线的任务、碰头会记录和涉及的人员。成员更新自己的任务后，用同样的方法导出更新文件发回。" }</p>
                }
                if lines.is_empty() { <p>{ "还没有工作线。" }</p> }
                { for lines.iter().map(|l| {
                    let id = l.meta.id;
                    let checked = chosen.contains(&id);
                    let chosen = chosen.clone();
                    let onchange = Callback::from(move |_| {
                        let mut next = (*chosen).clone();
                        if !next.remove(&id) { next.insert(id); }
                        chosen.set(next);
                    });
                    html! { <label class="choice"><input type="checkbox" {checked} {onchange} />{ &l.name }</label> }
                }) }
                <p><button class="primary" onclick={on_export}>
                    { if member { "导出我的更新" } else { "导出选中的工作线" } }
                </button></p>
                { notice_box(notice.as_ref()) }
            </section>
            if !member { { import } }
        </>
    }
}
