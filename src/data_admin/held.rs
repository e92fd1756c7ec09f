//! The changes a file would make to records the office owns here (or to a task's fields its
//! sender does not own), held back in the preview: each named as people know it, written only
//! where the user ticks it.

use std::collections::HashMap;

use crate::ui::prelude::*;

use super::import_flow::{ImportAction, ImportFlow};
use crate::exchange::merge::{display_name, MergePlan, PlanItem, Resolution};
use crate::record::Id;
use crate::store::schema::StoreName;

pub fn held_view(
    flow: &UseReducerHandle<ImportFlow>,
    plan: &MergePlan,
    resolutions: &HashMap<(StoreName, Id), Resolution>,
    keeps_cases: bool,
) -> Html {
    // Cases on a browser that keeps none are only counted: there is nothing to take.
    let (cases, changes): (Vec<_>, Vec<_>) = plan
        .held()
        .partition(|i| i.store == StoreName::Admonitions && !keeps_cases);
    if changes.is_empty() && cases.is_empty() {
        return html! {};
    }
    let (tasks, others): (Vec<&PlanItem>, Vec<&PlanItem>) = changes
        .into_iter()
        .partition(|i| i.store == StoreName::Tasks);
    let take_row = |i: &PlanItem| {
        let key = (i.store, i.incoming.meta.id);
        let taken = resolutions.get(&key) == Some(&Resolution::TakeIncoming);
        let flow = flow.clone();
        let onchange = Callback::from(move |_| {
            let r = if taken {
                Resolution::KeepLocal
            } else {
                Resolution::TakeIncoming
            };
            flow.dispatch(ImportAction::Resolve(key.0, key.1, r));
        });
        html! {
            <label class="choice">
                <input type="checkbox" checked={taken} {onchange} />
                { format!("采用文件中对{}“{}”的修改", i.store.label(), display_name(i.store, &i.incoming.value)) }
            </label>
        }
    };
    html! {
        <div class="held">
            if !cases.is_empty() {
                <p class="personal-data">{ match crate::ui::origin::single_file() {
                    true => format!("直接打开的单文件版不保存诫勉案件：同一浏览器里直接打开的其他网页文件也能读到这里的数据。文件中的 {} 个诫勉案件不会保存，请在网站版中办理。", cases.len()),
                    false => format!("这台电脑设为干部使用：文件中的 {} 个诫勉案件不会保存（案件是个人信息，只在党政办的电脑上办理）。", cases.len()),
                } }</p>
            }
            if !others.is_empty() {
                <fieldset>
                    <legend>{ format!("文件要修改本单位（党政办）建立的 {} 条记录，默认不采用", others.len()) }</legend>
                    <p>{ "名册、评议、诫勉、模板、节假日、驻村安排、村（社区）名单和公开栏由党政办维护。确认是本单位同事的修改，才勾选采用：" }</p>
                    { for others.iter().map(|i| take_row(i)) }
                </fieldset>
            }
            if !tasks.is_empty() {
                <fieldset>
                    <legend>{ format!("文件要修改 {} 项任务中不归发文件人填写的内容，默认不采用", tasks.len()) }</legend>
                    <p>{ "任务的进度和进展说明由责任人填报；任务名称、期限、责任人和备注由党政办安排。确认无误，才勾选采用：" }</p>
                    { for tasks.iter().map(|i| take_row(i)) }
                </fieldset>
            }
        </div>
    }
}
