//! A case's documents: choose the kind and template, give it a number, see it on an A4 sheet
//! laid out as an official document, print it or save it for Word and WPS.

use std::rc::Rc;

use crate::choice::Choice;
use crate::ui::prelude::*;

use super::number::{number_controls, NumberArgs};
use super::CaseData;
use crate::admonition::document::{compose, OfficialDocument};
use crate::admonition::identity::OfficeIdentity;
use crate::admonition::model::Admonition;
use crate::admonition::template::DocKind;
use crate::office::docx;
use crate::session::reporter;
use crate::ui::download::{save_office, DOCX};
use crate::ui::form::{date_input, field_value, set_to};
use crate::ui::notice::{error_box, notice_box, Notice};
use crate::ui::time;

#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    pub data: Rc<CaseData>,
    pub case: Rc<Admonition>,
}

#[function_component(Documents)]
pub fn documents(props: &DocumentsProps) -> Html {
    let session = crate::session::use_session();
    let voiding = use_state(|| None::<String>);
    let kind = use_state(|| DocKind::Notice);
    let template_id = use_state(|| None::<uuid::Uuid>);
    let on = use_state(|| time::local_now().date());
    let notice = use_state(|| None::<Notice>);
    let case = &props.case;
    let templates = props.data.templates_of(*kind);
    let template = (*template_id)
        .and_then(|id| templates.iter().find(|t| t.meta.id == id))
        .or(templates.first())
        .cloned();
    let identity = super::use_office_identity();
    let cadre = props.data.cadre(case.cadre);
    let composed = template
        .as_ref()
        .map(|t| compose(t, &identity, case, cadre, *on));
    // What the document would go out without, said before it is printed.
    let missing: Vec<&str> = template
        .as_ref()
        .map(|t| OfficeIdentity::missing(&identity.applied(t)))
        .unwrap_or_default()
        .into_iter()
        .map(|m| m.label())
        .collect();
    let on_kind = {
        let (kind, template_id) = (kind.clone(), template_id.clone());
        Callback::from(move |e: Event| {
            let v = field_value(&e);
            kind.set(DocKind::from_label(&v).unwrap_or(DocKind::Notice));
            template_id.set(None);
        })
    };
    let on_template = {
        let template_id = template_id.clone();
        Callback::from(move |e: Event| {
            template_id.set(uuid::Uuid::parse_str(&field_value(&e)).ok())
        })
    };
    let on_docx = {
        let (notice, composed) = (notice.clone(), composed.clone());
        let name = format!("{}-{}.docx", kind.label(), props.data.name_of(case.cadre));
        Callback::from(move |_| {
            let Some(Ok(doc)) = &composed else { return };
            let paragraphs = doc
                .paragraphs
                .iter()
                .map(|p| (p.text.as_str(), p.indent))
                .collect();
            let bytes = docx::official(&docx::Official {
                mark: doc.mark.as_deref(),
                number: doc.number.as_deref(),
                title: &doc.title,
                paragraphs,
                issuer: &doc.issuer,
                date: &doc.date,
                layout: if doc.kind == DocKind::TalkRecord {
                    docx::Layout::RECORD
                } else {
                    docx::Layout::OFFICIAL
                },
            });
            let result = save_office(&name, DOCX, bytes);
            notice.set(Some(match result {
                Ok(()) => Notice::Success(format!("已生成“{name}”，可用 Word 或 WPS 打开修改。")),
                Err(m) => Notice::Error(m),
            }));
        })
    };
    let prefix = template
        .as_ref()
        .map(|t| identity.applied(t).prefix)
        .unwrap_or_default();
    html! {
        <section class="documents" aria-labelledby="documents-h">
            <div class="no-print">
                <h3 id="documents-h">{ "文书" }</h3>
                <div class="toolbar">
                    <label>{ "文书种类" }
                        <select onchange={on_kind}>
                            { for DocKind::ALL.iter().map(|k| html! { <option selected={*k == *kind}>{ k.label() }</option> }) }
                        </select>
                    </label>
                    <label>{ "模板" }
                        <select onchange={on_template}>
                            { for templates.iter().map(|t| html! {
                                <option value={t.meta.id.to_string()} selected={Some(t.meta.id) == template.as_ref().map(|x| x.meta.id)}>{ &t.name }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ "成文日期" }
                        { date_input(*on, set_to(&on)) }
                    </label>
                    { number_controls(NumberArgs { session: &session, voiding: &voiding, data: &props.data, case,
                        kind: *kind, on: *on, prefix, identity: Rc::new(identity.clone()), report: reporter(&notice) }) }
                    { crate::ui::form::print_button("打印文书") }
                    <button onclick={on_docx}>{ "导出 Word" }</button>
                </div>
                { notice_box(notice.as_ref()) }
                if !missing.is_empty() {
                    <p class="notice warn" role="note">{ format!("这份文书还没有{}，印发前请在“个人信息”的单位信息中填写（或在自建模板里填写）。", missing.join("和")) }</p>
                }
            </div>
            { match composed {
                Some(Ok(doc)) => official_sheet(&doc),
                Some(Err(e)) => html! { { error_box(format!("这个模板有误，无法生成文书：{}请到“文书模板”改正。", e.user_message())) } },
                None => html! {},
            } }
        </section>
    }
}

/// An A4 sheet in the layout of an official document; the only thing printed on its page.
pub fn official_sheet(doc: &OfficialDocument) -> Html {
    html! {
        <div class="official" aria-label="文书预览">
            if let Some(mark) = &doc.mark {
                <p class="doc-mark">{ mark }</p>
                <p class="doc-number doc-rule">{ doc.number.clone().unwrap_or_default() }</p>
            } else if let Some(n) = &doc.number { <p class="doc-number">{ n }</p> }
            <h2 class="doc-title">{ &doc.title }</h2>
            { for doc.paragraphs.iter().map(|p| html! {
                <p class={classes!(p.indent.then_some("indent"))}>{ &p.text }</p>
            }) }
            // The 署名 centred over the date, the date four characters from the right.
            <div class="doc-signoff">
                <div>
                    if !doc.issuer.is_empty() { <p>{ &doc.issuer }</p> }
                    <p>{ &doc.date }</p>
                </div>
            </div>
        </div>
    }
}
