//! What every page gets from the shell — the open database, this browser, the person using it —
//! and the one way pages save: touch the version, write in one transaction, tell the pages whose
//! stores changed, report failure as a notice.

use std::rc::Rc;

use crate::ui::prelude::*;
use serde_json::Value;

use crate::exchange::fields;
use crate::record::{DeviceId, Entity};
use crate::sorted::SortedMap;
use crate::store::body::{array_texts, value_texts, Body};
use crate::store::schema::StoreName;
use crate::store::settings::Profile;
use crate::store::{quota, space, Store};
use crate::ui::notice::Notice;
use crate::ui::time;

/// How often each store has changed since the app started. A page reloads only when one of the
/// stores it shows has changed, not on every write anywhere.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes(Rc<SortedMap<StoreName, u32>>);

impl Changes {
    /// A number that grows whenever any of `stores` changes.
    pub fn stamp(&self, stores: &[StoreName]) -> u32 {
        stores
            .iter()
            .filter_map(|s| self.0.get(s))
            .fold(0u32, |sum, n| sum.wrapping_add(*n))
    }

    pub fn after(&self, stores: &[StoreName]) -> Changes {
        let mut next = (*self.0).clone();
        for store in stores {
            let n = next.entry(*store).or_insert(0);
            *n = n.wrapping_add(1);
        }
        Changes(Rc::new(next))
    }
}

#[derive(Clone, PartialEq)]
pub struct Session {
    pub store: Store,
    pub device: DeviceId,
    pub profile: Profile,
    pub changes: Changes,
    /// Tells every page which stores were written.
    pub announce: Callback<Vec<StoreName>>,
    pub profile_changed: Callback<Profile>,
    /// The browser's answer to the request for persistent storage, once asked.
    pub persisted: Option<bool>,
}

#[hook]
pub fn use_session() -> Session {
    // The shell renders pages only inside the provider, so the context is always there.
    use_context::<Session>().unwrap_or_else(|| unreachable!("页面只在应用外壳内渲染"))
}

/// How a record in a batch becomes the record stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Edited on a screen: stamped in the write's own transaction against the stored copy,
    /// refused if that copy changed since the screen read it.
    Edit,
    /// Already counted as this browser's edit by a pure rule: its changed fields are recorded.
    Stamped,
    /// Made elsewhere (an answer sheet, a merged file): written as it is.
    Received,
}

/// Why a batch wrote nothing: one of its records could not be written as JSON.
fn unsaved(store: StoreName, e: impl std::fmt::Display) -> String {
    format!("有一条{}无法保存（{e}），什么都没有写入。", store.label())
}

/// Records to write in one transaction. A record that cannot be written as JSON makes the whole
/// batch fail with a message; it is never silently left out.
#[derive(Default)]
pub struct Batch {
    writes: Vec<(StoreName, Body, Kind)>,
    failed: Option<String>,
}

impl Batch {
    fn add<T: serde::Serialize>(&mut self, store: StoreName, record: &T, kind: Kind) {
        match serde_json::to_value(record) {
            Ok(value) => self.writes.push((store, Body::Value(value), kind)),
            Err(e) => self.refuse(store, e),
        }
    }

    fn refuse(&mut self, store: StoreName, e: serde_json::Error) {
        self.failed.get_or_insert(unsaved(store, e));
    }

    /// Many records someone else made (a question bank imported from a file), written as they
    /// are: each goes straight to its JSON text, with no value built and dropped for each of
    /// 10,000. Only the bank import uses it, so only questions are written to text this way.
    pub fn put_all_as_received<T: serde::Serialize>(&mut self, store: StoreName, records: &[T]) {
        for record in records {
            match serde_json::to_string(record) {
                Ok(text) => self.writes.push((store, Body::Text(text), Kind::Received)),
                Err(e) => self.refuse(store, e),
            }
        }
    }

    /// A record edited on a screen, with the bookkeeping it was read with.
    pub fn put<E: Entity>(&mut self, record: E) -> &mut Self {
        self.add(E::STORE, &record, Kind::Edit);
        self
    }

    /// A record a pure rule changed and already counted as this browser's edit.
    pub fn put_stamped<E: Entity>(&mut self, record: &E) -> &mut Self {
        self.add(E::STORE, record, Kind::Stamped);
        self
    }

    /// A record someone else made (an answer sheet, a merged file): written as it is.
    pub fn put_as_received<T: serde::Serialize>(&mut self, store: StoreName, record: &T) {
        self.add(store, record, Kind::Received);
    }

    /// A setting written in the same transaction as the records (a kiosk's count of ballots
    /// cast, with the ballot).
    pub fn put_setting<T: serde::Serialize>(&mut self, key: &str, value: T) {
        let setting = crate::store::settings::Setting {
            key: key.to_string(),
            value,
        };
        self.add(StoreName::Settings, &setting, Kind::Received);
    }

    fn stores(&self) -> Vec<StoreName> {
        let mut stores: Vec<StoreName> = self.writes.iter().map(|(s, ..)| *s).collect();
        stores.sort_unstable();
        stores.dedup();
        stores
    }
}

impl Session {
    /// Marks a record as edited here now, for screens that keep the record they save.
    pub fn touch<E: Entity>(&self, record: &mut E) {
        record.meta_mut().touch(&self.device, time::now());
    }

    /// Saves records edited here, in one transaction.
    pub async fn save_now<E: Entity>(&self, records: Vec<E>) -> Result<(), String> {
        let mut batch = Batch::default();
        for record in records {
            batch.put(record);
        }
        self.commit(batch).await
    }

    /// Writes a batch whole or not at all, then tells the pages whose stores changed. Records
    /// edited here are stamped inside the transaction: which fields changed, and a refusal if
    /// another tab saved the same record since this screen read it.
    pub async fn commit(&self, batch: Batch) -> Result<(), String> {
        if let Some(message) = batch.failed {
            return Err(message);
        }
        let stores = batch.stores();
        if batch
            .writes
            .iter()
            .all(|(.., kind)| *kind == Kind::Received)
        {
            let texts = array_texts(batch.writes.into_iter().map(|(s, b, _)| (s, b.into_text())));
            return self.write_texts(texts, &|_| {}).await;
        }
        let mut writes = Vec::with_capacity(batch.writes.len());
        for (store, body, kind) in batch.writes {
            let value = body.into_value().map_err(|e| unsaved(store, e))?;
            writes.push((store, value, kind));
        }
        self.check_space(writes.iter().map(|(_, v, _)| v)).await?;
        let (device, now) = (self.device.clone(), time::now());
        let kinds: Vec<Kind> = writes.iter().map(|(.., k)| *k).collect();
        let next = std::cell::Cell::new(0usize);
        let edits = writes
            .into_iter()
            .map(|(s, v, kind)| (s, v, kind != Kind::Received))
            .collect();
        let written = self
            .store
            .write_edits(edits, |stored, record| {
                let i = next.replace(next.get() + 1);
                match kinds.get(i) {
                    Some(Kind::Edit) => fields::stamp_edit(stored, record, &device, now),
                    Some(Kind::Stamped) => Ok(fields::mark_stamped(stored, record, &device)),
                    _ => Ok(record),
                }
            })
            .await;
        match written {
            Ok(()) => {
                self.announce.emit(stores);
                Ok(())
            }
            Err(e) => {
                // A refused edit was based on an older copy: show the stored one.
                if matches!(e, crate::store::StoreError::Stale(_)) {
                    self.announce.emit(stores);
                }
                Err(e.user_message())
            }
        }
    }

    /// Refuses a write that would not fit in the space the browser has left: Chromium may drop
    /// a whole database when the disk fills during a write.
    async fn check_space<'a>(&self, values: impl Iterator<Item = &'a Value>) -> Result<(), String> {
        let text_bytes: u64 = values.map(|v| v.to_string().len() as u64).sum();
        if text_bytes < space::CHECK_FROM_BYTES {
            return Ok(());
        }
        space::check(text_bytes, quota::estimate().await).map_err(|e| e.user_message())
    }

    /// Writes records that were checked and merged elsewhere (imports), exactly as given.
    /// Every write is first checked against the space the browser has left (in `write_all`):
    /// Chromium may drop a whole database when the disk fills during a write.
    pub async fn write_values(&self, writes: &[(StoreName, Value)]) -> Result<(), String> {
        self.write_values_reporting(writes, &|_| {}).await
    }

    /// [`Session::write_values`], telling `progress` how many records are written so far.
    pub fn write_values_reporting<'a>(
        &'a self,
        writes: &[(StoreName, Value)],
        progress: &'a dyn Fn(usize),
    ) -> impl std::future::Future<Output = Result<(), String>> + 'a {
        self.write_texts(value_texts(writes), progress)
    }

    /// Writes records given as one JSON array text per store, then tells the pages whose
    /// stores changed. The store checks the space left before its transaction (store/db.rs).
    async fn write_texts(
        &self,
        texts: Vec<(StoreName, String)>,
        progress: &dyn Fn(usize),
    ) -> Result<(), String> {
        if texts.is_empty() {
            return Ok(());
        }
        let stores = texts.iter().map(|(s, _)| *s).collect();
        self.store
            .write_texts_reporting(texts, progress)
            .await
            .map_err(|e| e.user_message())?;
        self.announce.emit(stores);
        Ok(())
    }

    /// Writes one of this browser's settings and tells the pages that read settings; the
    /// error, in Chinese, for the screen to show. Every screen writes settings through here.
    pub async fn set_setting<T: serde::Serialize>(
        &self,
        key: &str,
        value: T,
    ) -> Result<(), String> {
        let written = self.store.set_setting(key, value).await;
        if written.is_ok() {
            self.announce.emit(vec![StoreName::Settings]);
        }
        written.map_err(|e| e.user_message())
    }

    /// Saves records edited on a screen, in the background: each is touched as this browser's
    /// edit; `done` (if not empty) or the failure is reported.
    pub fn save<E: Entity>(
        &self,
        records: Vec<E>,
        report: Callback<Notice>,
        done: impl Into<String>,
    ) {
        let mut batch = Batch::default();
        for record in records {
            batch.put(record);
        }
        self.commit_in_background(batch, report, done.into());
    }

    /// Saves records that a pure rule already stamped as this browser's edit (progress reports,
    /// recurrences, practice, question imports: each rule touches what it changes and is tested
    /// natively with its versions), so they are not counted twice.
    pub fn save_stamped<E: Entity>(
        &self,
        records: Vec<E>,
        report: Callback<Notice>,
        done: impl Into<String>,
    ) {
        let mut batch = Batch::default();
        for record in &records {
            batch.put_stamped(record);
        }
        self.commit_in_background(batch, report, done.into());
    }

    pub fn commit_in_background(&self, batch: Batch, report: Callback<Notice>, done: String) {
        let session = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match session.commit(batch).await {
                Ok(()) if done.is_empty() => {}
                Ok(()) => report.emit(Notice::Success(done)),
                Err(message) => report.emit(Notice::Error(message)),
            }
        });
    }
}

/// A notice state as the callback children report through.
pub fn reporter(notice: &UseStateHandle<Option<Notice>>) -> Callback<Notice> {
    let notice = notice.clone();
    Callback::from(move |n: Notice| notice.set(Some(n)))
}

impl Reducible for Changes {
    type Action = Vec<StoreName>;

    // A reducer, not a state setter: two writes announced before the next render both count.
    fn reduce(self: Rc<Self>, stores: Vec<StoreName>) -> Rc<Self> {
        Rc::new(self.after(&stores))
    }
}
