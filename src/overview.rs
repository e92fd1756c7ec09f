//! The landing page of each of the four modules: what the mechanism is (from the source report)
//! and what this browser holds for it. The module's own screens are added beside it.

use yew::prelude::*;

use crate::app::Route;
use crate::store::schema::{Module, StoreName};
use crate::store::StoreError;
use crate::ui::load::use_load_keyed;

#[derive(Properties, PartialEq)]
pub struct ModuleOverviewProps {
    pub route: Route,
}

fn describe(route: &Route) -> (Module, &'static str) {
    match route {
        Route::Quiz => (Module::Quiz, "培训教育“四个一”：每周一次自我学习教育、每月一次集中学习、每半年一次测验考试、每年一次封闭培训。"),
        Route::Assessment => (Module::Assessment, "述职评议：部门负责人每年一次向农村干部、人大代表、政协委员述职，评议结果与评优和年终奖金挂钩。"),
        _ => (Module::WorkLine, "工作分线：明确目标任务、责任领导、责任单位和完成时限，责任到人；实行周调度、月总结、每周工作安排和每日碰头会。"),
    }
}

#[function_component(ModuleOverview)]
pub fn module_overview(props: &ModuleOverviewProps) -> Html {
    let (module, mechanism) = describe(&props.route);
    let stores: Vec<StoreName> = StoreName::ALL
        .into_iter()
        .filter(|s| s.module() == module)
        .collect();
    let counts = use_load_keyed(&stores, module as u8, move |session, _| async move {
        let all = session.store.counts().await?;
        Ok::<Vec<(StoreName, u32)>, StoreError>(
            all.into_iter()
                .filter(|(s, _)| s.module() == module)
                .collect(),
        )
    });
    html! {
        <section class="module">
            <h1>{ props.route.title() }</h1>
            <p class="lead">{ mechanism }</p>
            <h2>{ "本机数据" }</h2>
            { counts.view(|rows| html! {
                <ul class="counts">
                    { for rows.iter().map(|(s, n)| html! { <li>{ s.label() }{ "：" }<strong>{ *n }</strong>{ " 条" }</li> }) }
                </ul>
            }) }
            <p>{ "这些记录随“数据管理”中的备份一起导出和恢复。本模块的录入和办理页面正在建设中。" }</p>
        </section>
    }
}
