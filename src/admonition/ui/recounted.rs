//! 首页: deadlines counted again since a holiday calendar arrived, shown until the office
//! has read them (知道了 remembers when, in this browser).

use crate::ui::prelude::*;
use chrono::{DateTime, Utc};
use yew_router::prelude::*;

use crate::admonition::due::recounted_since;
use crate::admonition::model::{Admonition, Event};
use crate::admonition::notice::month_day;
use crate::app::Route;
use crate::roster::model::Cadre;
use crate::session::Session;
use crate::store::schema::StoreName;
use crate::store::settings::DEADLINES_RECOUNTED_SEEN;
use crate::ui::load::use_load;
use crate::ui::time;

/// When 首页 last showed the recounted deadlines (none: never).
#[hook]
pub fn use_recounted_seen() -> Option<Option<DateTime<Utc>>> {
    let seen = use_load(&[StoreName::Settings], |session| async move {
        session
            .store
            .setting::<DateTime<Utc>>(DEADLINES_RECOUNTED_SEEN)
            .await
    });
    seen.ready().map(|s| **s)
}

/// The list, or nothing when every change has been read (a function, not a component: its
/// data comes from 首页's attention list).
pub fn recounted(
    session: &Session,
    cases: &[Admonition],
    cadres: &[Cadre],
    seen: Option<DateTime<Utc>>,
) -> Html {
    let list = recounted_since(cases, seen);
    if list.is_empty() {
        return html! {};
    }
    let name = |c: &Admonition| {
        cadres
            .iter()
            .find(|p| p.meta.id == c.cadre)
            .map_or("（已不在名册）", |p| p.name.as_str())
            .to_string()
    };
    let session = session.clone();
    let on_read = Callback::from(move |_| {
        let session = session.clone();
        wasm_bindgen_futures::spawn_local(async move {
            // Failing to remember only shows the list again next time.
            let _ = session
                .set_setting(DEADLINES_RECOUNTED_SEEN, time::now())
                .await;
        });
    });
    html! {
        <section class="card attention" aria-labelledby="recounted-h">
            <h2 id="recounted-h">{ "谈话诫勉：整改期限已重新核算" }</h2>
            <ul>
            { for list.iter().map(|(c, s)| {
                let change = match s.event {
                    Event::DeadlineRecounted { from, to } if from != to => format!("由 {} 改为 {}", month_day(from), month_day(to)),
                    Event::DeadlineRecounted { to, .. } => format!("仍为 {}", month_day(to)),
                    _ => String::new(),
                };
                html! {
                    <li>
                        <Link<Route> to={Route::AdmonitionCase { id: c.meta.id.to_string() }}>{ format!("{}（{}）", name(c), c.matter) }</Link<Route>>
                        { format!("：节假日安排录入后，整改期限{change}。") }
                    </li>
                }
            }) }
            </ul>
            <button onclick={on_read}>{ "知道了" }</button>
        </section>
    }
}

/// How many cases are live (a deleted case stays as a tombstone): 首页 and 数据管理 ask this.
pub async fn live_case_count(
    session: &crate::session::Session,
) -> Result<usize, crate::store::StoreError> {
    let cases = session.store.all::<Admonition>().await?;
    Ok(cases.iter().filter(|c| !c.deleted).count())
}

/// After an import that brought holidays or cases: counts again every provisional deadline
/// whose years are now entered, in one write. Returns how many cases changed.
pub async fn recount_stored(session: &crate::session::Session) -> Result<usize, String> {
    use crate::admonition::deadline::HolidayCalendar;
    let cases = session
        .store
        .all::<Admonition>()
        .await
        .map_err(|e| e.user_message())?;
    let calendars = session
        .store
        .all::<HolidayCalendar>()
        .await
        .map_err(|e| e.user_message())?;
    let by = crate::admonition::model::By {
        name: &session.profile.name,
        at: time::now(),
        today: time::local_now().date(),
    };
    let recounted = crate::admonition::model::recount_all(&cases, &calendars, &by);
    let n = recounted.len();
    if n > 0 {
        session.save_now(recounted).await?;
    }
    Ok(n)
}
