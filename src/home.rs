//! 首页: what needs attention — record counts per module and the backup reminder.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::session::use_session;
use crate::store::schema::{Module, StoreName};
use crate::store::settings::{backup_overdue, BACKUP_REMINDER_DAYS, LAST_BACKUP_AT};
use crate::store::StoreError;
use crate::ui::load::use_load;
use crate::ui::time;

const MODULES: [(Module, Route); 6] = [
    (Module::Roster, Route::Roster),
    (Module::Quiz, Route::Quiz),
    (Module::Assessment, Route::Assessment),
    (Module::Admonition, Route::Admonition),
    (Module::WorkLine, Route::WorkLine),
    (Module::Village, Route::Village),
];

struct Overview {
    counts: BTreeMap<StoreName, u32>,
    last_backup: Option<DateTime<Utc>>,
}

#[function_component(HomePage)]
pub fn home_page() -> Html {
    let session = use_session();
    let overview = use_load(&StoreName::ALL, |session| async move {
        Ok::<_, StoreError>(Overview {
            counts: session.store.counts().await?,
            last_backup: session
                .store
                .setting::<DateTime<Utc>>(LAST_BACKUP_AT)
                .await?,
        })
    });
    let Some(overview) = overview.ready().cloned() else {
        return overview.view(|_| html! {});
    };
    let per_module = |m: Module| -> Vec<(StoreName, u32)> {
        overview
            .counts
            .iter()
            .filter(|(s, _)| s.module() == m)
            .map(|(s, n)| (*s, *n))
            .collect()
    };
    let has_data = overview
        .counts
        .iter()
        .any(|(s, n)| *s != StoreName::Settings && *n > 0);
    let overdue = backup_overdue(overview.last_backup, time::now(), has_data);
    html! {
        <section class="home">
            <h1>{ format!("{}，您好", session.profile.name) }</h1>
            if overdue {
                <div class="notice warn" role="alert">
                    <p>{ match overview.last_backup {
                        None => "本机数据还从未备份过。".to_string(),
                        Some(_) => format!("已经超过 {BACKUP_REMINDER_DAYS} 天没有备份了。"),
                    } }
                    { "数据只保存在这个浏览器里，请到 " }<Link<Route> to={Route::Data}>{ "数据管理" }</Link<Route>>{ " 导出备份。" }</p>
                </div>
            }
            <crate::admonition::ui::AttentionList />
            <p class="backup-date">{ "上次备份：" }{ overview.last_backup.map(time::format_local).unwrap_or_else(|| "从未备份".into()) }</p>
            <div class="tiles">
            { for MODULES.iter().map(|(module, route)| html! {
                <section class="tile" aria-label={module.label()}>
                    <h2><Link<Route> to={route.clone()}>{ module.label() }</Link<Route>></h2>
                    <ul>
                    { for per_module(*module).into_iter().map(|(store, n)| html! {
                        <li>{ store.label() }{ "：" }<strong>{ n }</strong>{ " 条" }</li>
                    }) }
                    </ul>
                </section>
            }) }
            </div>
        </section>
    }
}
