//! 首页: what needs attention — record counts per module and the backup reminder.

use crate::ui::prelude::*;
use chrono::{DateTime, Utc};
use yew_router::prelude::*;

use crate::app::Route;
use crate::quiz::attempt::{Attempt, Respondent};
use crate::quiz::paper::Quiz;
use crate::quiz::received::received;
use crate::session::use_session;
use crate::sorted::SortedMap;
use crate::store::schema::{Module, StoreName};
use crate::store::settings::{backup_overdue, Role, BACKUP_REMINDER_DAYS, LAST_BACKUP_AT};
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
    counts: SortedMap<StoreName, u32>,
    last_backup: Option<DateTime<Utc>>,
}

#[function_component(HomePage)]
pub fn home_page() -> Html {
    let session = use_session();
    let overview = use_load(&StoreName::ALL, |session| async move {
        let mut counts = session.store.counts().await?;
        // A deleted case stays as a tombstone (its id, for other browsers): count live ones.
        let live = crate::admonition::ui::live_case_count(&session).await?;
        counts.insert(
            StoreName::Admonitions,
            u32::try_from(live).unwrap_or(u32::MAX),
        );
        Ok::<_, StoreError>(Overview {
            counts,
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
            if session.profile.role == Role::Office {
                <crate::admonition::ui::AttentionList />
            } else {
                <ReceivedTests />
                { cadre_tasks() }
            }
            <p class="backup-date">{ "上次备份：" }{ overview.last_backup.map(time::format_local).unwrap_or_else(|| "从未备份".into()) }</p>
            <div class="tiles">
            { for MODULES.iter().filter(|(_, route)| crate::app::for_role(route, session.profile.role)).map(|(module, route)| html! {
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

/// The tests this cadre has been sent and where each stands: what to answer, what to send.
#[function_component(ReceivedTests)]
fn received_tests() -> Html {
    let session = use_session();
    let tests = use_load(
        &[StoreName::Quizzes, StoreName::Attempts],
        |session| async move {
            let quizzes = session.store.all::<Quiz>().await?;
            let attempts = session.store.all::<Attempt>().await?;
            Ok::<_, StoreError>((quizzes, attempts))
        },
    );
    let me = Respondent {
        name: session.profile.name.clone(),
        unit: session.profile.unit.clone(),
    };
    tests.view(|data| {
        let (quizzes, attempts) = &**data;
        let list = received(quizzes, attempts, &me, time::now());
        let take = Route::QuizTab { tab: "take".into() };
        html! {
            <section class="card" aria-labelledby="tests-h">
                <h2 id="tests-h">{ "收到的测验" }</h2>
                if list.is_empty() {
                    <p>{ "还没有收到测验。党政办发来试卷包后，在" }<Link<Route> to={take.clone()}>{ "参加测验" }</Link<Route>>{ "中导入。" }</p>
                } else {
                    <table class="grid" aria-label="收到的测验">
                        { crate::ui::table::head(&["测验", "截止", "我的情况"]) }
                        <tbody>
                        { for list.iter().map(|(q, s)| html! {
                            <tr class={classes!(s.needs_action().then_some("todo"))}>
                                <td><Link<Route> to={take.clone()}>{ &q.title }</Link<Route>></td>
                                <td class="nowrap">{ q.closes.map(time::format_local).unwrap_or_else(|| "不限".into()) }</td>
                                <td>{ s.label() }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                }
            </section>
        }
    })
}

/// A cadre's home: what there is to do here and what to send back.
fn cadre_tasks() -> Html {
    let tab = |r: Route, label: &'static str, what: &'static str| {
        html! {
            <li><Link<Route> to={r}>{ label }</Link<Route>>{ "：" }{ what }</li>
        }
    };
    let at = |module: fn(String) -> Route, slug: &str| module(slug.to_string());
    html! {
        <section class="card" aria-labelledby="todo-h">
            <h2 id="todo-h">{ "我要做的" }</h2>
            <ul class="todo">
                { tab(at(|tab| Route::QuizTab { tab }, "take"), "参加测验", "导入党政办发来的试卷包，答完交卷，导出答卷发回") }
                { tab(at(|tab| Route::QuizTab { tab }, "practice"), "自学与错题本", "每周自学练习，错题自动收进错题本") }
                { tab(at(|tab| Route::QuizTab { tab }, "log"), "学习记录", "本人“四个一”学习情况") }
                { tab(at(|tab| Route::WorkLineTab { tab }, "mine"), "我的任务", "填报进度，在“文件交换”中把更新发回") }
                { tab(at(|tab| Route::AssessmentTab { tab }, "forms"), "自评与述职", "填写个人自评表和年度述职报告，提交后导出交党政办") }
                { tab(at(|tab| Route::AssessmentTab { tab }, "vote"), "网上评议", "导入评议表，填写不记名评议票并发回") }
                { tab(at(|tab| Route::VillageTab { tab }, "logs"), "驻村日志", "记下驻村工作，定期导出发给党政办") }
            </ul>
        </section>
    }
}
