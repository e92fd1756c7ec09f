//! 自评与述职: a cadre fills in their own forms; the office takes forms in by file, sees who has
//! and has not handed in, and keeps the templates.

use crate::ui::prelude::*;

use crate::roster::matching::same_person;

use super::form_fill::FormFill;
use super::form_store::save_form;
use super::form_templates::FormTemplates;
use super::DataProps;
use crate::assessment::form::{flags, Author, FilledForm, FormTemplate};
use crate::assessment::handed_in::{expected, missing};
use crate::data_admin::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::record::{Id, Meta};
use crate::session::{reporter, use_session};
use crate::ui::form::{set_to, year_input};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

/// The newest version of each template family.
pub fn current_templates(all: &[FormTemplate]) -> Vec<&FormTemplate> {
    all.iter()
        .filter(|t| {
            !all.iter()
                .any(|u| u.family == t.family && u.version > t.version)
        })
        .collect()
}

#[function_component(FormsTab)]
pub fn forms_tab(props: &DataProps) -> Html {
    let session = use_session();
    let year = use_state(|| chrono::Datelike::year(&time::local_now().date()));
    let open = use_state(|| None::<(Id, bool)>);
    let notice = use_state(|| None::<Notice>);
    let data = &props.data;
    let templates = data.templates();
    let forms = data.forms();
    let me = &session.profile;
    let office = me.role == crate::store::settings::Role::Office;
    let mine = |t: &FormTemplate| {
        forms.iter().copied().find(|f| {
            f.year == *year
                && same_person(&f.author.name, &f.author.unit, &me.name, &me.unit)
                && templates
                    .iter()
                    .any(|x| x.meta.id == f.template_id && x.family == t.family)
        })
    };
    let start = |t: &FormTemplate| {
        let (session, notice, open, t, year) = (
            session.clone(),
            notice.clone(),
            open.clone(),
            t.clone(),
            *year,
        );
        Callback::from(move |_| {
            let form = FilledForm {
                meta: Meta::unsaved(time::now()),
                template_id: t.meta.id,
                year,
                author: Author {
                    name: session.profile.name.clone(),
                    unit: session.profile.unit.clone(),
                    post: session.profile.post.clone(),
                },
                answers: Default::default(),
                submitted_at: None,
                deleted: false,
            };
            open.set(Some((form.meta.id, false)));
            save_form(&session, t.kind, form, reporter(&notice), "");
        })
    };
    let show = |id: Id, readonly: bool| {
        let open = open.clone();
        Callback::from(move |_| open.set(Some((id, readonly))))
    };
    let opened = (*open).and_then(|(id, ro)| {
        let f = forms.iter().find(|f| f.meta.id == id)?;
        let t = templates.iter().find(|t| t.meta.id == f.template_id)?;
        Some(html! { <FormFill key={id.to_string()} template={t.clone()} form={(*f).clone()} readonly={ro} /> })
    });
    let received: Vec<&FilledForm> = forms
        .iter()
        .copied()
        .filter(|f| {
            f.year == *year && !same_person(&f.author.name, &f.author.unit, &me.name, &me.unit)
        })
        .collect();
    let current = current_templates(&templates);
    let expected = expected(*year, &data.live_rounds(), &data.cadres);
    html! {
        <>
            { notice_box(notice.as_ref()) }
            <label class="no-print">{ "年度" }
                { year_input(*year, set_to(&year)) }
            </label>
            if let Some(view) = opened {
                <div class="card">
                    <button class="no-print" onclick={{ let o = open.clone(); Callback::from(move |_| o.set(None)) }}>{ "收起" }</button>
                    { view }
                </div>
            }
            <section class="card no-print" aria-labelledby="mine-h">
                <h2 id="mine-h">{ "我的自评表和述职报告" }</h2>
                <table class="grid" aria-label="我的表">
                    { crate::ui::table::head(&["表", "状态", "操作"]) }
                    <tbody>
                    { for current.iter().map(|t| {
                        let form = mine(t);
                        html! {
                            <tr>
                                <td>{ &t.name }</td>
                                <td>{ match form { None => "未填写", Some(f) if f.is_submitted() => "已提交", Some(_) => "填写中" } }</td>
                                <td>{ match form {
                                    None => html! { <button onclick={start(t)}>{ format!("填写{}", t.name) }</button> },
                                    Some(f) => html! { <button onclick={show(f.meta.id, false)}>{ format!("打开{}", t.name) }</button> },
                                } }</td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
            </section>
            <section class="card no-print" aria-labelledby="received-h">
                <h2 id="received-h">{ "收表情况（党政办）" }</h2>
                <ImportPanel kind={FileKind::Forms} label="选择交来的表或模板文件（.json，可多选）" multiple=true />
                <table class="grid" aria-label="收到的表">
                    { crate::ui::table::head(&["姓名", "单位", "表", "提交时间", "提示", "操作"]) }
                    <tbody>
                    if received.is_empty() { <tr><td colspan="6">{ "还没有收到这一年度的表。" }</td></tr> }
                    { for received.iter().map(|f| {
                        let name = templates.iter().find(|t| t.meta.id == f.template_id).map(|t| t.name.clone()).unwrap_or_else(|| "（未知模板）".into());
                        let notes: Vec<&str> = flags(f, &forms, &templates, *year).iter().map(|x| x.label()).collect();
                        html! {
                            <tr>
                                <td>{ &f.author.name }</td><td>{ &f.author.unit }</td><td>{ name }</td>
                                <td>{ f.submitted_at.map(time::format_local).unwrap_or_default() }</td>
                                <td class={classes!((!notes.is_empty()).then_some("late"))}>{ notes.join("；") }</td>
                                <td><button onclick={show(f.meta.id, true)}>{ "查看" }</button></td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                { for current.iter().map(|t| {
                    let missing: Vec<String> = missing(&expected, t.family, *year, &forms, &templates, &data.cadres)
                        .iter().map(|c| format!("{}（{}）", c.name, c.unit)).collect();
                    html! { <p>{ format!("{}：{}中 {} 人未交", t.name, expected.basis(), missing.len()) }{ if missing.is_empty() { String::new() } else { format!("——{}", missing.join("、")) } }</p> }
                }) }
            </section>
            // Templates are the office's to copy, change and send out.
            if office { <FormTemplates data={data.clone()} /> }
        </>
    }
}
