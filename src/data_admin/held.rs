//! The changes a file would make to records the office owns here, held back in the preview:
//! each named as people know it, written only where the office ticks it.

use std::collections::HashMap;

use yew::prelude::*;

use super::import_flow::{ImportAction, ImportFlow};
use crate::exchange::merge::{display_name, MergePlan, Resolution};
use crate::record::Id;
use crate::store::schema::StoreName;

pub fn held_view(
    flow: &UseReducerHandle<ImportFlow>,
    plan: &MergePlan,
    resolutions: &HashMap<(StoreName, Id), Resolution>,
) -> Html {
    let (changes, cases): (Vec<_>, Vec<_>) = plan.held().partition(|i| i.local.is_some());
    if changes.is_empty() && cases.is_empty() {
        return html! {};
    }
    html! {
        <div class="held">
            if !cases.is_empty() {
                <p class="personal-data">{ format!("这台电脑设为干部使用：文件中的 {} 个诫勉案件不会保存（案件是个人信息，只在党政办的电脑上办理）。", cases.len()) }</p>
            }
            if !changes.is_empty() {
                <fieldset>
                    <legend>{ format!("文件要修改本单位（党政办）建立的 {} 条记录，默认不采用", changes.len()) }</legend>
                    <p>{ "名册、评议、诫勉、模板、节假日、驻村安排、村（社区）名单和公开栏由党政办维护。确认是本单位同事的修改，才勾选采用：" }</p>
                    { for changes.iter().map(|i| {
                        let key = (i.store, i.incoming.meta.id);
                        let taken = resolutions.get(&key) == Some(&Resolution::TakeIncoming);
                        let flow = flow.clone();
                        let onchange = Callback::from(move |_| {
                            let r = if taken { Resolution::KeepLocal } else { Resolution::TakeIncoming };
                            flow.dispatch(ImportAction::Resolve(key.0, key.1, r));
                        });
                        html! {
                            <label class="choice">
                                <input type="checkbox" checked={taken} {onchange} />
                                { format!("采用文件中对{}“{}”的修改", i.store.label(), display_name(i.store, &i.incoming.value)) }
                            </label>
                        }
                    }) }
                </fieldset>
            }
        </div>
    }
}
