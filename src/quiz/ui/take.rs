//! 参加测验: import a quiz package, see the quizzes and where each stands, and open one to
//! answer (`runner.rs`).

use std::rc::Rc;

use crate::ui::prelude::*;

use super::runner::QuizRunner;
use super::DataProps;
use crate::data_admin::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::quiz::attempt::Respondent;
use crate::quiz::paper::Quiz;
use crate::quiz::received::{my_attempt, state};
use crate::session::use_session;
use crate::ui::time;

#[function_component(TakeTab)]
pub fn take_tab(props: &DataProps) -> Html {
    let session = use_session();
    let data = &props.data;
    let open = use_state(|| None::<uuid::Uuid>);
    let me = Respondent {
        name: session.profile.name.clone(),
        unit: session.profile.unit.clone(),
    };
    let mine = |q: &Quiz| my_attempt(q, &data.attempts, &me).cloned();
    if let Some(id) = *open {
        if let Some(quiz) = data.quizzes.iter().find(|q| q.meta.id == id) {
            return html! {
                <>
                    <p class="no-print"><button onclick={{ let o = open.clone(); Callback::from(move |_| o.set(None)) }}>{ "← 返回测验列表" }</button></p>
                    <QuizRunner quiz={Rc::new(quiz.clone())} attempt={mine(quiz)} />
                </>
            };
        }
    }
    let quizzes = data.live_quizzes();
    html! {
        <>
            <section class="card no-print" aria-labelledby="pkg-h">
                <h2 id="pkg-h">{ "导入试卷包" }</h2>
                <p>{ "把秘书发来的试卷包文件（.json）导入后，就可以在下面的列表中开始答题。" }</p>
                <ImportPanel kind={FileKind::QuizPackage} label="选择试卷包（.json）" />
            </section>
            <table class="grid" aria-label="可参加的测验">
                { crate::ui::table::head(&["测验", "题数", "时限", "截止", "我的状态", "操作"]) }
                <tbody>
                if quizzes.is_empty() { <tr><td colspan="6">{ "还没有测验。请先导入试卷包。" }</td></tr> }
                { for quizzes.into_iter().map(|q| {
                    let attempt = mine(q);
                    let status = state(q, attempt.as_ref(), time::now()).label();
                    let id = q.meta.id;
                    let label = match &attempt { None => "开始答题", Some(a) if a.is_submitted() => "查看", Some(_) => "继续答题" };
                    html! {
                        <tr>
                            <td>{ &q.title }</td><td>{ q.paper.len() }</td>
                            <td>{ q.time_limit_minutes.map(|m| format!("{m} 分钟")).unwrap_or_else(|| "不限".into()) }</td>
                            <td>{ q.closes.map(time::format_local).unwrap_or_else(|| "不限".into()) }</td>
                            <td>{ status }</td>
                            <td><button onclick={{ let o = open.clone(); Callback::from(move |_| o.set(Some(id))) }} aria-label={format!("{label} {}", q.title)}>{ label }</button></td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </>
    }
}
