//! The conflicts of an import, settled field by field or record by record: each field both
//! sides changed, in the users' words, headed by who changed each side and when.

use std::rc::Rc;

use crate::ui::prelude::*;

use super::import_flow::{ImportAction, ImportFlow, ImportState};
use crate::exchange::fields::Side;
use crate::exchange::labels::{field_label, value_text};
use crate::exchange::merge::{display_name, Decision, Resolution};
use crate::session::use_session;
use crate::ui::time;

#[derive(Properties)]
pub struct ConflictListProps {
    pub flow: UseReducerHandle<ImportFlow>,
}

// The flow is compared by pointer: each step of an import makes a new state, so the same
// pointer is the same plan, and a plan of 10,000 records is not compared record by record.
impl PartialEq for ConflictListProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(&*self.flow, &*other.flow)
    }
}

#[function_component(ConflictList)]
pub fn conflict_list(props: &ConflictListProps) -> Html {
    let session = use_session();
    let flow = &props.flow;
    let ImportState::Preview {
        summary,
        plan,
        resolutions,
        field_choices,
        ..
    } = &flow.state
    else {
        return html! {};
    };
    let plan = Rc::clone(plan);
    let all = |r: Resolution| {
        let flow = flow.clone();
        Callback::from(move |_| flow.dispatch(ImportAction::ResolveAll(r)))
    };
    let choices = [
        (Resolution::KeepLocal, "保留本机"),
        (Resolution::TakeIncoming, "采用文件"),
        (Resolution::KeepBoth, "两者都保留"),
    ];
    let sender = summary.exported_by.name.clone();
    html! {
        <div class="conflicts">
            <h4>{ format!("冲突：{} 条记录的同一项内容在本机和文件中改得不一样，请逐条选择", plan.count(Decision::Conflict)) }</h4>
            <p>{ "只列出两边都改了的内容；其余改动已自动合并。可以逐项选择用哪一边，也可以整条选择。“两者都保留”会把文件中的版本另存为一条标有“（副本）”的记录。" }</p>
            <p>
                <button onclick={all(Resolution::KeepLocal)}>{ "全部保留本机" }</button>
                <button onclick={all(Resolution::TakeIncoming)}>{ "全部采用文件" }</button>
                <button onclick={all(Resolution::KeepBoth)}>{ "全部两者都保留" }</button>
            </p>
            { for plan.conflicts().map(|item| {
                let local = item.local.as_ref();
                let key = (item.store, item.incoming.meta.id);
                let chosen = resolutions.get(&key).copied();
                let group = format!("c-{}", item.incoming.meta.id);
                let title = format!("{}：{}", item.store.label(), display_name(item.store, &item.incoming.value));
                let fields = item.merged.as_ref().map(|m| m.conflicts.clone()).unwrap_or_default();
                // This computer's side is this user's only where this browser made the change;
                // otherwise it came in from an earlier file, and only its time is known.
                let changed_here = local.is_some_and(|l| fields.iter().any(|f| {
                    l.meta.fields.get(f).is_some_and(|dots| dots.iter().any(|d| d.0 == session.device))
                }));
                let at = local.map(|l| time::format_local(l.meta.updated_at)).unwrap_or_default();
                let ours_head = if changed_here {
                    format!("本机（{}，{at} 修改）", session.profile.name)
                } else {
                    format!("本机现存（来自之前导入的文件，{at} 修改）")
                };
                let theirs_head = format!(
                    "文件（{sender}，{} 修改）",
                    time::format_local(item.incoming.meta.updated_at)
                );
                let by_field = field_choices.get(&key);
                // What a field will take: its own choice, else its record's.
                let takes = |field: &str| by_field.and_then(|c| c.get(field)).copied().or(match chosen {
                    Some(Resolution::TakeIncoming) => Some(Side::Incoming),
                    Some(_) if by_field.is_none() => Some(Side::Local),
                    _ => None,
                });
                html! {
                    <fieldset class="conflict">
                        <legend>{ title }</legend>
                        <table class="grid">
                            <thead>
                                <tr>
                                    <th scope="col">{ "内容" }</th>
                                    <th scope="col">{ ours_head }</th>
                                    <th scope="col">{ theirs_head }</th>
                                    <th scope="col">{ "采用" }</th>
                                </tr>
                            </thead>
                            <tbody>
                            { for fields.iter().map(|field| {
                                let label = field_label(item.store, field);
                                let pick = |side: Side| {
                                    let (flow, field) = (flow.clone(), field.clone());
                                    Callback::from(move |_| flow.dispatch(ImportAction::ResolveField(key.0, key.1, field.clone(), side)))
                                };
                                let takes = takes(field);
                                let name = format!("{group}-{field}");
                                html! {
                                    <tr>
                                        <th scope="row">{ label }</th>
                                        <td>{ value_text(item.store, field, local.and_then(|l| l.value.get(field))) }</td>
                                        <td>{ value_text(item.store, field, item.incoming.value.get(field)) }</td>
                                        <td class="nowrap">
                                            <label class="choice"><input type="radio" name={name.clone()} aria-label={format!("{label}用本机的")}
                                                checked={takes == Some(Side::Local)} onchange={pick(Side::Local)} />{ "本机" }</label>
                                            <label class="choice"><input type="radio" name={name} aria-label={format!("{label}用文件的")}
                                                checked={takes == Some(Side::Incoming)} onchange={pick(Side::Incoming)} />{ "文件" }</label>
                                        </td>
                                    </tr>
                                }
                            }) }
                            </tbody>
                        </table>
                        <p class="hint">{ "或者整条：" }</p>
                        { for choices.iter().map(|(r, label)| {
                            let flow = flow.clone();
                            let r = *r;
                            let onchange = Callback::from(move |_| flow.dispatch(ImportAction::Resolve(key.0, key.1, r)));
                            html! {
                                <label class="choice">
                                    <input type="radio" name={group.clone()} checked={chosen == Some(r) && by_field.is_none()} {onchange} />
                                    { *label }
                                </label>
                            }
                        }) }
                    </fieldset>
                }
            }) }
        </div>
    }
}
