//! One case: its facts, the next step its stage allows, its history and its documents.

use std::rc::Rc;

use crate::ui::form::{date_input, on_input, on_pick};
use crate::ui::prelude::*;

use super::document::Documents;
use super::CaseData;
use crate::admonition::model::{By, Stage};
use crate::admonition::steps::{apply, Step, StepDraft, Verdict};
use crate::session::{reporter, use_session};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

#[derive(Properties, PartialEq)]
pub struct CaseDetailProps {
    pub data: Rc<CaseData>,
    pub case_id: uuid::Uuid,
}

#[function_component(CaseDetail)]
pub fn case_detail(props: &CaseDetailProps) -> Html {
    let session = use_session();
    let notice = use_state(|| None::<Notice>);
    let step = use_state(|| None::<Step>);
    let draft = use_state(|| StepDraft::new(time::local_now().date()));
    let confirm_delete = use_state(|| false);
    let Some(case) = props.data.case(props.case_id).cloned() else {
        return html! { <p>{ "找不到这个案件，它可能已被删除。" }</p> };
    };
    let cadre = props.data.cadre(case.cadre).cloned();
    let open = |s: Step| {
        let step = step.clone();
        Callback::from(move |_| step.set(Some(s)))
    };
    let onsubmit = {
        let (session, notice, step, draft, case) = (
            session.clone(),
            notice.clone(),
            step.clone(),
            draft.clone(),
            case.clone(),
        );
        let calendars = props.data.calendars.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(s) = *step else { return };
            let by = By {
                name: &session.profile.name,
                at: time::now(),
                today: time::local_now().date(),
            };
            match apply(case.clone(), s, &draft, &calendars, by) {
                Ok(next) => {
                    let done = format!("已{}：{}", s.label(), next.stage.label());
                    session.save(vec![next], reporter(&notice), done);
                    step.set(None);
                }
                Err(e) => notice.set(Some(Notice::Error(e.user_message()))),
            }
        })
    };
    let on_delete = {
        let (session, notice, case) = (session.clone(), notice.clone(), case.clone());
        Callback::from(move |_| {
            let gone = case.tombstone();
            session.save(
                vec![gone],
                reporter(&notice),
                "案件已删除：姓名、事实和文书都已清除，只留下文号登记。",
            );
        })
    };
    let steps = case.steps();
    let late = case.late_by(&props.data.calendars);
    let unit = case.rule.counting.unit();
    let rect = case.stage.rectification();
    html! {
        <article class="case">
            { notice_box(notice.as_ref()) }
            <div class="no-print">
            <h2>{ format!("{}：{}", props.data.name_of(case.cadre), case.matter) }</h2>
            <dl class="facts">
                <dt>{ "单位及职务" }</dt><dd>{ format!("{}{}", cadre.as_ref().map(|c| c.unit.as_str()).unwrap_or(""), case.post) }</dd>
                <dt>{ "事由类别" }</dt><dd>{ case.reason.label() }</dd>
                <dt>{ "查明的事实" }</dt><dd class="pre">{ &case.facts }</dd>
                <dt>{ "诫勉谈话" }</dt><dd>{ format!("{} {}，{}；谈话人 {}，记录人 {}", case.talk.date, case.talk.time, case.talk.place, case.talk.talker, case.talk.recorder) }</dd>
                <dt>{ "整改期限" }</dt><dd>{ format!("{}（{}）", case.deadline, case.rule.convention()) }
                    if !case.provisional.is_empty() {
                        <br /><strong>{ crate::admonition::deadline::provisional_note(&case.provisional) }</strong>
                    }</dd>
                <dt>{ "办理阶段" }</dt><dd data-testid="stage">{ case.stage.label() }</dd>
                if let Some(r) = rect {
                    <dt>{ "整改措施" }</dt>
                    <dd class="pre">{ format!("{} 提交", r.submitted) }
                        if let Some(n) = late { <strong class="late">{ format!("（逾期 {n} {unit}）") }</strong> }
                        <br />{ &r.measures }</dd>
                }
                if let Stage::Observing { from, until, .. } = &case.stage {
                    <dt>{ "考察期" }</dt><dd>{ format!("{from} 至 {until}") }</dd>
                }
                if let Some(r) = case.stage.review() {
                    <dt>{ "考察" }</dt><dd class="pre">{ format!("{}，{}：{}", r.date, r.reviewer, r.conclusion) }</dd>
                }
                if let Some(d) = case.circulated { <dt>{ "通报" }</dt><dd>{ d.to_string() }</dd> }
            </dl>
            <div class="toolbar">
                { for steps.iter().map(|s| html! { <button class={classes!((*step == Some(*s)).then_some("primary"))} onclick={open(*s)}>{ s.label() }</button> }) }
            </div>
            if let Some(s) = *step {
                <form class="form card" {onsubmit} aria-label={s.label()}>
                    <h3>{ s.label() }</h3>
                    <label>{ s.date_label() }
                        { date_input(draft.date, on_pick(&draft, |d, x| d.date = x)) }</label>
                    if s == Step::Rectify {
                        <label>{ "整改措施" }<textarea rows="6" value={draft.text.clone()} oninput={on_input(&draft, |d, v| d.text = v)} /></label>
                    }
                    if s == Step::Observe {
                        <p>{ format!("考察期 {} 个月。", case.rule.observation_months) }</p>
                    }
                    if s == Step::Review {
                        <label>{ "考察人" }<input value={draft.reviewer.clone()} oninput={on_input(&draft, |d, v| d.reviewer = v)} /></label>
                        <label>{ "考察结论" }<textarea rows="4" value={draft.text.clone()} oninput={on_input(&draft, |d, v| d.text = v)} /></label>
                        <fieldset><legend>{ "处理" }</legend>
                            { for Verdict::ALL.into_iter().map(|o| html! {
                                <label class="choice"><input type="radio" name="outcome" checked={draft.verdict == o}
                                    onchange={{ let draft = draft.clone(); Callback::from(move |_| { let mut n = (*draft).clone(); n.verdict = o; draft.set(n); }) }} />{ o.label() }</label>
                            }) }
                        </fieldset>
                        if draft.verdict == Verdict::Extend {
                            <label>{ "延长月数" }<input type="number" min="1" max="24" step="1" value={draft.months.clone()} oninput={on_input(&draft, |d, v| d.months = v)} /></label>
                        }
                    }
                    <button type="submit" class="primary">{ "确定" }</button>
                    <button type="button" onclick={{ let st = step.clone(); Callback::from(move |_| st.set(None)) }}>{ "取消" }</button>
                </form>
            }
            <h3>{ "办理记录" }</h3>
            <table class="grid" aria-label="办理记录">
                { crate::ui::table::head(&["日期", "事项", "登记人", "登记时间"]) }
                <tbody>
                { for case.history.iter().map(|s| html! {
                    <tr><td>{ s.on.to_string() }</td><td>{ s.event.describe() }</td><td>{ &s.by }</td><td>{ time::format_local(s.at) }</td></tr>
                }) }
                </tbody>
            </table>
            </div>
            <Documents data={props.data.clone()} case={Rc::new(case.clone())} />
            <div class="no-print danger-zone">
                if *confirm_delete {
                    <p>{ "确定删除这个案件吗？删除会随文件传到其他电脑。" }</p>
                    <button class="danger" onclick={on_delete}>{ "确认删除" }</button>
                    <button onclick={{ let c = confirm_delete.clone(); Callback::from(move |_| c.set(false)) }}>{ "取消" }</button>
                } else {
                    <button class="danger" onclick={{ let c = confirm_delete.clone(); Callback::from(move |_| c.set(true)) }}>{ "删除案件……" }</button>
                }
            </div>
        </article>
    }
}
