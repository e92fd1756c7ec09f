//! The only code that touches IndexedDB. Typed reads and writes per entity, settings, and the
//! multi-store writes that imports use: one transaction, committed whole or rolled back whole.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use indexed_db_futures::cursor::CursorDirection;
use indexed_db_futures::database::Database;
use indexed_db_futures::error::{Error as IdbError, OpenDbError};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

use super::body::value_texts;
use super::error::{from_dom_name, StoreError};
use super::schema::{self, Index, KeyRange, StoreName, DB_NAME, DB_VERSION, LOG_TALLIES};
use super::settings::{Setting, IDS_CANONICAL};
use super::{quota, space};
use crate::exchange::merge::LocalRecord;
use crate::exchange::records::read_meta;
use crate::record::{DeviceId, Entity, Id};
use crate::sorted::SortedMap;
use crate::village::log_tally::{
    by_key, tallies_of, tally_key, TallyEntry, TallyKey, VillageTally,
};

/// Records cross into the browser as JSON: `serde_json` in wasm and the browser's own
/// `JSON.parse`/`JSON.stringify` are faster than building objects field by field, and files and
/// the database then hold exactly the same shapes.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, StoreError> {
    let text = serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|e| js_error(&e))
}

fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, StoreError> {
    parse_all(&js_text(value)?)
}

/// Records as `Store::all_text` gives them.
pub fn parse_all<T: DeserializeOwned>(text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn js_text(value: &JsValue) -> Result<String, StoreError> {
    Ok(js_sys::JSON::stringify(value)
        .map_err(|e| js_error(&e))?
        .into())
}

fn js_error(value: &wasm_bindgen::JsValue) -> StoreError {
    match value.dyn_ref::<web_sys::DomException>() {
        Some(e) => from_dom_name(&e.name(), &e.message()),
        None => StoreError::Other(format!("{value:?}")),
    }
}

impl From<IdbError> for StoreError {
    fn from(e: IdbError) -> Self {
        match e {
            IdbError::DomException(e) => js_error(e.as_ref()),
            IdbError::Serialisation(e) => StoreError::Corrupt(e.to_string()),
            other => StoreError::Other(other.to_string()),
        }
    }
}

impl From<OpenDbError> for StoreError {
    fn from(e: OpenDbError) -> Self {
        match e {
            OpenDbError::UnsupportedEnvironment | OpenDbError::NullFactory => {
                StoreError::Unavailable
            }
            OpenDbError::VersionZero => StoreError::Other("version 0".into()),
            OpenDbError::Base(e) => e.into(),
        }
    }
}

/// How many records a long write reports its progress by.
pub const PROGRESS_STEP: usize = 5_000;

/// An open database. Cheap to clone; every clone is the same connection.
#[derive(Clone, Debug)]
pub struct Store {
    db: Database,
}

impl PartialEq for Store {
    fn eq(&self, _: &Self) -> bool {
        // There is one connection per app; components need `PartialEq` for props.
        true
    }
}

/// Every record of `store` as JSON, read inside `tx`.
async fn values_in(tx: &Transaction<'_>, store: StoreName) -> Result<Vec<Value>, StoreError> {
    tx.object_store(store.as_str())?
        .get_all::<JsValue>()
        .primitive()?
        .await?
        .map(|r| stored_value(&r?))
        .collect()
}

/// A record as the app knows it: without the fields only the database keeps.
fn stored_value(value: &JsValue) -> Result<Value, StoreError> {
    let mut value = from_js::<Value>(value)?;
    if let Some(fields) = value.as_object_mut() {
        fields.remove(schema::OPEN_MARK);
        fields.remove(schema::TALLY_MARK);
    }
    Ok(value)
}

/// Sets (or takes off) the fields only the database keeps on `value`, a record of `store`
/// about to be written (see `schema::OPEN_MARK`, `schema::TALLY_MARK`). Typed reads ignore them;
/// raw reads strip them. Returns the tally a 驻村日志 entry counts in, to be counted again.
fn mark(store: StoreName, value: &JsValue) -> Option<TallyKey> {
    if store != StoreName::VillageLogs {
        return None;
    }
    let get = |k: &str| js_sys::Reflect::get(value, &JsValue::from_str(k)).unwrap_or_default();
    let (problems, date) = (get("problems"), get("date"));
    let (problems, date) = (problems.as_string(), date.as_string());
    let open = schema::open_mark(
        problems.as_deref().unwrap_or_default(),
        get("settled").is_truthy(),
        get("deleted").is_truthy(),
        date.as_deref().unwrap_or_default(),
    );
    let key = JsValue::from_str(schema::OPEN_MARK);
    let _ = match open {
        Some(day) => js_sys::Reflect::set(value, &key, &JsValue::from_str(day)),
        None => js_sys::Reflect::delete_property(value.unchecked_ref::<js_sys::Object>(), &key),
    };
    let village = get("village").as_string();
    let date = date.unwrap_or_default();
    let tally = tally_key(&date, village.as_deref().unwrap_or_default());
    let key = JsValue::from_str(schema::TALLY_MARK);
    // A deleted entry leaves the index, and its tally is counted again all the same.
    let live = !get("deleted").is_truthy();
    let _ = match tally.as_ref().filter(|_| live) {
        Some([month, village]) => {
            let parts = js_sys::Array::of3(&month.into(), &village.into(), &date.into());
            js_sys::Reflect::set(value, &key, &parts)
        }
        None => js_sys::Reflect::delete_property(value.unchecked_ref::<js_sys::Object>(), &key),
    };
    tally
}

/// The 驻村日志 entries a write puts, by the (month, village) each counts in.
type Written = SortedMap<TallyKey, Vec<TallyEntry>>;

/// `text`, the JSON array of the entries a write puts into the 驻村日志, by (month, village).
/// Nothing when it cannot be read as entries: every (month, village) is then counted from the
/// database.
fn written_entries(text: &str) -> Written {
    by_key(serde_json::from_str::<Vec<TallyEntry>>(text).unwrap_or_default())
}

/// Notes the (month, village) an entry was written into, to be counted again (`retally`).
fn touch(touched: &mut Written, key: Option<TallyKey>) {
    if let Some(key) = key {
        touched.entry(key).or_default();
    }
}

/// Of the (month, village)s `written` goes into, those the database holds no entry of yet,
/// asked inside the write `tx` before its puts: their tallies are what is written (a backup
/// restored into an empty browser reads nothing back).
async fn empty_before(
    tx: &Transaction<'_>,
    written: Written,
) -> Result<SortedMap<TallyKey, Vec<TallyEntry>>, StoreError> {
    let mut known = SortedMap::new();
    if written.is_empty() || tx.object_store(LOG_TALLIES).is_err() {
        return Ok(known);
    }
    let logs = tx.object_store(StoreName::VillageLogs.as_str())?;
    let index = logs.index(schema::LOGS_BY_TALLY.name)?;
    // Every count is asked before the first answer is awaited (a restore touches hundreds).
    let mut asked = Vec::with_capacity(written.len());
    for (key, entries) in written {
        let range = js_range(&KeyRange::Starting(key.to_vec()));
        let count = index.count().with_query::<JsValue, _>(range).primitive()?;
        asked.push((key, entries, count));
    }
    for (key, entries, count) in asked {
        if count.await? == 0 {
            known.insert(key, entries);
        }
    }
    Ok(known)
}

/// Counts again, inside the write `tx` and after its puts, each village's month in `touched`
/// (`village::log_tally`): from `known` when it held nothing before (`empty_before`), else from
/// its entries as now stored. A tally left with no entry is removed; one whose entries cannot be
/// read is removed too, and the month is counted when it is next read (`Store::month_tallies`).
async fn retally(
    tx: &Transaction<'_>,
    touched: Written,
    mut known: SortedMap<TallyKey, Vec<TallyEntry>>,
) -> Result<(), StoreError> {
    // Not in the transaction only for a database older than version 7 (`with_derived`).
    let Ok(tallies) = tx.object_store(LOG_TALLIES) else {
        return Ok(());
    };
    if touched.is_empty() {
        return Ok(());
    }
    let logs = tx.object_store(StoreName::VillageLogs.as_str())?;
    let index = logs.index(schema::LOGS_BY_TALLY.name)?;
    // A map of the same type as `Written`, not a set: one copy of its code in the download.
    for (key, _) in touched {
        let entries = match known.remove(&key) {
            Some(entries) => Ok(entries),
            None => {
                let range = KeyRange::Starting(key.to_vec());
                let stored = values_in_index(&index, &range).await?;
                from_js::<Vec<TallyEntry>>(&stored)
            }
        };
        match entries.map(|entries| VillageTally::of(key.clone(), &entries)) {
            Ok(tally) if tally.count() > 0 => drop(tallies.put(to_js(&tally)?).primitive()?),
            _ => drop(tallies.delete(to_js(&key)?).primitive()?),
        }
    }
    Ok(())
}

/// The stores a write into `stores` of `db` must hold: the 驻村日志 brings its tallies (in a
/// database of version 7 and later; tests write older ones).
fn with_derived(db: &Database, mut stores: Vec<&'static str>) -> Vec<&'static str> {
    if stores.contains(&StoreName::VillageLogs.as_str())
        && db.as_sys().object_store_names().contains(LOG_TALLIES)
    {
        stores.push(LOG_TALLIES);
    }
    stores
}

/// Marks every record of `store` anew inside the upgrade transaction `tx`, one cursor step at a
/// time (the upgrade waits for it). A write that fails aborts the upgrade: the database stays
/// at its old version and the next start tries again.
fn mark_all(tx: &web_sys::IdbTransaction, store: StoreName) -> Result<(), JsValue> {
    let request = tx.object_store(store.as_str())?.open_cursor()?;
    let (request_in_step, tx) = (request.clone(), tx.clone());
    let step = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        // At the end the result is null, which is not a cursor.
        let Ok(cursor) = request_in_step
            .result()
            .and_then(|r| r.dyn_into::<web_sys::IdbCursorWithValue>())
        else {
            return;
        };
        let written = cursor.value().and_then(|value| {
            // The tallies are counted when each month is first read (`Store::month_tallies`).
            let _ = mark(store, &value);
            cursor.update(&value)
        });
        if written.and_then(|_| cursor.continue_()).is_err() {
            let _ = tx.abort();
        }
    });
    request.set_onsuccess(Some(step.as_ref().unchecked_ref()));
    // It must outlive this function and runs only during this one upgrade: let go, not dropped.
    step.forget();
    Ok(())
}

/// Adds `index` to its store inside the upgrade transaction `tx`.
fn create_index(tx: &web_sys::IdbTransaction, index: &Index) -> Result<(), JsValue> {
    let store = tx.object_store(index.store.as_str())?;
    match index.fields {
        [one] => store.create_index_with_str(index.name, one)?,
        many => {
            let path: js_sys::Array = many.iter().map(|f| JsValue::from_str(f)).collect();
            store.create_index_with_str_sequence(index.name, &path)?
        }
    };
    Ok(())
}

/// Every item a `getAll` answered, as one array to be turned into JSON text and parsed once:
/// crossing into wasm record by record cost most of the time of reading a large store (200,000
/// log entries).
fn gathered(
    items: impl Iterator<Item = Result<JsValue, IdbError>>,
) -> Result<js_sys::Array, StoreError> {
    let array = js_sys::Array::new();
    for item in items {
        array.push(&item?);
    }
    Ok(array)
}

/// The records `index` holds in `range`, in key order, read inside the index's transaction.
async fn values_in_index(
    index: &indexed_db_futures::index::Index<'_>,
    range: &KeyRange,
) -> Result<js_sys::Array, StoreError> {
    let items = index
        .get_all::<JsValue>()
        .with_query::<JsValue, _>(js_range(range))
        .primitive()?
        .await?;
    gathered(items)
}

/// The first key past every compound key that begins with `parts`: the last part followed by
/// "\0", the first text after it ([a, b] ≤ every [a, b, …] < [a, b + "\0"]).
fn past(parts: &[String]) -> js_sys::Array {
    let key: js_sys::Array = parts.iter().map(|k| JsValue::from_str(k)).collect();
    if let Some(last) = parts.last() {
        key.set(key.length() - 1, JsValue::from_str(&format!("{last}\0")));
    }
    key
}

fn js_range(range: &KeyRange) -> indexed_db_futures::KeyRange<JsValue> {
    use indexed_db_futures::KeyRange as R;
    let key = |k: &String| JsValue::from_str(k);
    match range {
        KeyRange::Between(from, to) => R::Bound(key(from), false, key(to), false),
        KeyRange::Above(from) => R::LowerBound(key(from), true),
        KeyRange::Only(k) => R::Only(key(k)),
        KeyRange::Starting(parts) => {
            let lower: js_sys::Array = parts.iter().map(key).collect();
            if parts.is_empty() {
                R::LowerBound(lower.into(), false)
            } else {
                R::Bound(lower.into(), false, past(parts).into(), true)
            }
        }
    }
}

impl Store {
    /// Opens the app's database, creating or upgrading it. `on_blocked` is called while another
    /// tab holds an older version open.
    pub async fn open(on_blocked: impl Fn() + 'static) -> Result<Store, StoreError> {
        Self::open_version(DB_NAME, DB_VERSION, on_blocked).await
    }

    /// Opens a database by name at a given schema version (tests use older versions).
    pub async fn open_version(
        name: &str,
        version: u32,
        on_blocked: impl Fn() + 'static,
    ) -> Result<Store, StoreError> {
        let failed: Rc<Cell<Option<StoreError>>> = Rc::default();
        let failed_in_upgrade = failed.clone();
        // The upgrade's own transaction is the only way to add an index to a store that exists;
        // the library does not hand it to the callback, the request does.
        let request: Rc<RefCell<Option<web_sys::IdbOpenDbRequest>>> = Rc::default();
        let request_in_upgrade = request.clone();
        let opening = Database::open(name)
            .with_version(version)
            .with_on_blocked(move |_| {
                on_blocked();
                Ok(())
            })
            .with_on_upgrade_needed(move |event, db| {
                let from = event.old_version() as u32;
                let to = event.new_version().map(|v| v as u32).unwrap_or(version);
                let steps = match schema::upgrade_steps(from, to) {
                    Ok(steps) => steps,
                    Err(_) => {
                        failed_in_upgrade.set(Some(StoreError::DatabaseIsNewer));
                        return Ok(());
                    }
                };
                let upgrade = request_in_upgrade
                    .borrow()
                    .as_ref()
                    .and_then(|r| r.transaction());
                for step in steps {
                    for store in step.creates {
                        db.create_object_store(store.as_str())
                            .with_key_path(store.key_path().into())
                            .build()?;
                    }
                    for name in step.derived {
                        db.create_object_store(name)
                            .with_key_path("key".into())
                            .build()?;
                    }
                    if step.indexes.is_empty() && step.marks.is_empty() && step.drops.is_empty() {
                        continue;
                    }
                    // An error here aborts the whole upgrade: the database stays at its old
                    // version, never at the new one without its indexes.
                    let Some(tx) = upgrade.as_ref() else {
                        failed_in_upgrade.set(Some(StoreError::Other(
                            "升级本机数据库时没有拿到升级事务".into(),
                        )));
                        return Err(JsValue::from_str("no upgrade transaction").into());
                    };
                    for index in step.indexes {
                        create_index(tx, index)?;
                    }
                    for index in step.drops {
                        tx.object_store(index.store.as_str())?
                            .delete_index(index.name)?;
                    }
                    for store in step.marks {
                        mark_all(tx, *store)?;
                    }
                }
                Ok(())
            })
            .build()?;
        *request.borrow_mut() = Some(opening.as_sys().clone());
        let db = opening.await;
        request.borrow_mut().take();
        if let Some(e) = failed.take() {
            return Err(e);
        }
        let db = db?;
        Ok(Store { db })
    }

    /// Deletes a database by name (tests, and "清空本机数据" which recreates it).
    pub async fn delete(name: &str) -> Result<(), StoreError> {
        Database::delete_by_name(name)?.await?;
        Ok(())
    }

    pub fn close(self) {
        self.db.close();
    }

    /// Resolves when this tab loses the database: another tab asks for it to be let go for an
    /// upgrade (the connection is closed so the other tab can proceed), or the browser closes it
    /// by force (a full disk, or site data cleared while the app was open).
    pub async fn wait_for_loss(&self) -> StoreError {
        let Ok(mut changes) = self.db.version_changes() else {
            return std::future::pending().await;
        };
        match changes.recv().await {
            Some(_) => {
                self.db.clone().close();
                StoreError::ClosedByUpgrade
            }
            None => StoreError::ClosedByBrowser,
        }
    }

    /// Every record of one entity type.
    pub async fn all<E: Entity>(&self) -> Result<Vec<E>, StoreError> {
        let array = self.all_raw(E::STORE).await?;
        from_js(&array)
    }

    /// Every record of `store` as JSON text, for `parse_all`: the waiting on the database apart
    /// from the parsing, so that a page's loader waits in code written once, not once per
    /// record type (`ui::load::use_records`).
    pub async fn all_text(&self, store: StoreName) -> Result<String, StoreError> {
        js_text(&self.all_raw(store).await?.into())
    }

    // The reading half of every typed read is not generic: one copy of its IndexedDB steps in
    // the download, not one per record type (the typed half only parses).
    async fn all_raw(&self, store: StoreName) -> Result<js_sys::Array, StoreError> {
        let name = store.as_str();
        let tx = self.db.transaction(name).build()?;
        let store = tx.object_store(name)?;
        let items = store.get_all::<JsValue>().primitive()?.await?;
        gathered(items)
    }

    /// The records of `index` (one of `E`'s store) whose key is in `range`, in key order.
    pub async fn all_in<E: Entity>(
        &self,
        index: &Index,
        range: &KeyRange,
    ) -> Result<Vec<E>, StoreError> {
        let array = self.all_in_raw(E::STORE, index, range).await?;
        from_js(&array)
    }

    async fn all_in_raw(
        &self,
        store: StoreName,
        index: &Index,
        range: &KeyRange,
    ) -> Result<js_sys::Array, StoreError> {
        let name = store.as_str();
        let tx = self.db.transaction(name).build()?;
        let store = tx.object_store(name)?;
        values_in_index(&store.index(index.name)?, range).await
    }

    /// A page of the records of `index` (one of `E`'s store) whose key is in `range`, in key
    /// order: `take` records after the first `skip`, and how many there are in all. Only the
    /// page is read (a count, then a cursor moved over the rest).
    pub async fn page_in<E: Entity>(
        &self,
        index: &Index,
        range: &KeyRange,
        skip: u32,
        take: u32,
    ) -> Result<(u32, Vec<E>), StoreError> {
        let (total, array) = self.page_in_raw(E::STORE, index, range, skip, take).await?;
        Ok((total, from_js(&array)?))
    }

    async fn page_in_raw(
        &self,
        store: StoreName,
        index: &Index,
        range: &KeyRange,
        skip: u32,
        take: u32,
    ) -> Result<(u32, js_sys::Array), StoreError> {
        let name = store.as_str();
        let tx = self.db.transaction(name).build()?;
        let store = tx.object_store(name)?;
        let index = store.index(index.name)?;
        let total = index
            .count()
            .with_query::<JsValue, _>(js_range(range))
            .primitive()?
            .await?;
        let page = js_sys::Array::new();
        // A cursor moved past its end may still show the record it was on (Chromium): never
        // move it there.
        if skip >= total {
            return Ok((total, page));
        }
        // The first page, the one a list opens on, in one request rather than a step a record.
        if skip == 0 {
            let items = index
                .get_all::<JsValue>()
                .with_query::<JsValue, _>(js_range(range))
                .with_limit(take)
                .primitive()?
                .await?;
            return Ok((total, gathered(items)?));
        }
        let Some(mut cursor) = index
            .open_cursor()
            .with_query::<JsValue, _>(js_range(range))
            .primitive()?
            .await?
        else {
            return Ok((total, page));
        };
        cursor.advance_by(skip).await?;
        while page.length() < take {
            match cursor.next_record::<JsValue>().await? {
                Some(value) if !value.is_undefined() => page.push(&value),
                _ => break,
            };
        }
        Ok((total, page))
    }

    /// The tallies of each village's month of the 驻村日志 for `month` ("YYYY-MM"). They are
    /// trusted only while each still counts as many entries as its index holds and the month
    /// holds no entry outside them; otherwise (a database from before version 7, an entry moved
    /// to another village or month by a file) the month is counted again from its entries and
    /// the tallies rewritten, in one transaction.
    pub async fn month_tallies(&self, month: &str) -> Result<Vec<VillageTally>, StoreError> {
        let whole = KeyRange::Starting(vec![month.to_string()]);
        let names = [StoreName::VillageLogs.as_str(), LOG_TALLIES];
        {
            let tx = self.db.transaction(names).build()?;
            let kept = tx
                .object_store(LOG_TALLIES)?
                .get_all::<JsValue>()
                .with_query::<JsValue, _>(js_range(&whole))
                .primitive()?
                .await?;
            let kept = gathered(kept)?;
            let kept: Vec<VillageTally> = from_js(&kept)?;
            let logs = tx.object_store(StoreName::VillageLogs.as_str())?;
            let index = logs.index(schema::LOGS_BY_TALLY.name)?;
            let count = |range: &KeyRange| {
                index
                    .count()
                    .with_query::<JsValue, _>(js_range(range))
                    .primitive()
            };
            // Every count is asked before the first answer is awaited: one round trip to the
            // database, not one per village.
            let whole_count = count(&whole)?;
            let counts = kept
                .iter()
                .map(|t| count(&KeyRange::Starting(t.key.to_vec())))
                .collect::<Result<Vec<_>, _>>()?;
            let mut fresh = whole_count.await? == kept.iter().map(|t| t.count()).sum::<u32>();
            for (tally, counted) in kept.iter().zip(counts) {
                fresh = fresh && counted.await? == tally.count();
            }
            if fresh {
                return Ok(kept);
            }
        }
        let tx = self
            .db
            .transaction(names)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let logs = tx.object_store(StoreName::VillageLogs.as_str())?;
        let entries = values_in_index(&logs.index(schema::LOGS_BY_TALLY.name)?, &whole).await?;
        let tallies = tallies_of(&from_js::<Vec<TallyEntry>>(&entries)?);
        let store = tx.object_store(LOG_TALLIES)?;
        drop(
            store
                .delete::<indexed_db_futures::KeyRange<JsValue>, _>(js_range(&whole))
                .primitive()?,
        );
        for tally in &tallies {
            drop(store.put(to_js(tally)?).primitive()?);
        }
        tx.commit().await?;
        Ok(tallies)
    }

    /// For a compound `index` of (group, order), the last record of each group that `keep`
    /// accepts, without reading every record: each group is found by opening a cursor from the
    /// end of the one before, then read going down from its own end, every group at once.
    /// (Chromium moves a cursor to a key record by record — 15 to 40 ms a village with 200,000
    /// entries — while opening one on a range goes straight there.)
    pub async fn last_per_group<E: Entity>(
        &self,
        index: &Index,
        keep: impl Fn(&E) -> bool,
    ) -> Result<Vec<E>, StoreError> {
        let name = E::STORE.as_str();
        let tx = self.db.transaction(name).build()?;
        let store = tx.object_store(name)?;
        let index = store.index(index.name)?;
        let mut groups: Vec<String> = Vec::new();
        // Each group is the first key from the end of the one before: [] is below every
        // [group, …], and `past([group])` above every [group, …] and below the next group's.
        let mut from = JsValue::from(js_sys::Array::new());
        loop {
            let above = indexed_db_futures::KeyRange::LowerBound(from, false);
            let opened = index
                .open_key_cursor()
                .with_query::<JsValue, _>(above)
                .primitive()?
                .await?;
            let Some(mut keys) = opened else {
                break;
            };
            let Some(key) = keys.next_key::<JsValue>().await? else {
                break;
            };
            let Some(group) = js_sys::Array::from(&key).get(0).as_string() else {
                break;
            };
            from = past(std::slice::from_ref(&group)).into();
            groups.push(group);
        }
        // Every group's cursor is asked for before the first answer is awaited.
        let opened = groups
            .into_iter()
            .map(|group| {
                index
                    .open_cursor()
                    .with_query::<JsValue, _>(js_range(&KeyRange::Starting(vec![group])))
                    .with_direction(CursorDirection::Prev)
                    .primitive()
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut out = Vec::new();
        for cursor in opened {
            let Some(mut cursor) = cursor.await? else {
                continue;
            };
            while let Some(value) = cursor.next_record::<JsValue>().await? {
                // At the end a cursor may still answer with an empty value.
                if value.is_undefined() {
                    break;
                }
                let record: E = from_js(&value)?;
                if keep(&record) {
                    out.push(record);
                    break;
                }
            }
        }
        Ok(out)
    }

    /// Writes one record, bumping nothing: callers touch the meta when the user edits.
    pub async fn put<E: Entity>(&self, record: &E) -> Result<(), StoreError> {
        self.put_many(std::slice::from_ref(record)).await
    }

    /// Writes several records of one type in one transaction.
    pub async fn put_many<E: Entity>(&self, records: &[E]) -> Result<(), StoreError> {
        // One JSON.parse for the whole batch, then one put per record.
        self.put_raw(E::STORE, to_js(records)?.unchecked_into())
            .await
    }

    async fn put_raw(&self, store: StoreName, array: js_sys::Array) -> Result<(), StoreError> {
        let (name, name_of) = (store.as_str(), store);
        let tx = self
            .db
            .transaction(with_derived(&self.db, vec![name]))
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let mut touched = Written::new();
        {
            let store = tx.object_store(name)?;
            // Requests go out when built; the commit below reports any failure.
            for value in array.iter() {
                touch(&mut touched, mark(name_of, &value));
                drop(store.put(value).primitive()?);
            }
        }
        retally(&tx, touched, SortedMap::new()).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn get<E: Entity>(&self, id: Id) -> Result<Option<E>, StoreError> {
        let found = self.get_raw(E::STORE, id.to_string()).await?;
        found.map(|v| from_js(&v)).transpose()
    }

    async fn get_raw(&self, store: StoreName, key: String) -> Result<Option<JsValue>, StoreError> {
        let name = store.as_str();
        let tx = self.db.transaction(name).build()?;
        let store = tx.object_store(name)?;
        Ok(store.get(key).primitive()?.await?)
    }

    pub async fn setting<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, StoreError> {
        let found = self.get_raw(StoreName::Settings, key.to_string()).await?;
        Ok(found
            .map(|v| from_js::<Setting<T>>(&v))
            .transpose()?
            .map(|s| s.value))
    }

    pub async fn set_setting<T: Serialize>(&self, key: &str, value: T) -> Result<(), StoreError> {
        let setting = Setting {
            key: key.to_string(),
            value,
        };
        self.put_raw(StoreName::Settings, js_sys::Array::of1(&to_js(&setting)?))
            .await
    }

    /// Rewrites records an earlier version stored under an id in another spelling (see
    /// `exchange::ids`), once: reading, repairing and writing happen in one transaction, with
    /// the mark that it was done. Returns how many records were rewritten.
    pub async fn repair_ids(
        &self,
        device: &DeviceId,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<usize, StoreError> {
        if self.setting::<bool>(IDS_CANONICAL).await? == Some(true) {
            return Ok(0);
        }
        let names: Vec<&str> = StoreName::ALL.iter().map(|s| s.as_str()).collect();
        let tx = self
            .db
            .transaction(names)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let mut stored = SortedMap::new();
        for store in StoreName::exchanged() {
            stored.insert(store, values_in(&tx, store).await?);
        }
        let repair = crate::exchange::ids::repair(&stored, device, now, uuid::Uuid::new_v4);
        for (store, key) in &repair.deletes {
            drop(
                tx.object_store(store.as_str())?
                    .delete(key.as_str())
                    .primitive()?,
            );
        }
        // A record under a new id counts as it did: the tallies stay as they are.
        for (store, value) in &repair.puts {
            let value = to_js(value)?;
            let _ = mark(*store, &value);
            drop(tx.object_store(store.as_str())?.put(value).primitive()?);
        }
        let mark = Setting {
            key: IDS_CANONICAL.to_string(),
            value: true,
        };
        drop(
            tx.object_store(StoreName::Settings.as_str())?
                .put(to_js(&mark)?)
                .primitive()?,
        );
        tx.commit().await?;
        Ok(repair.puts.len())
    }

    /// How many records each store holds.
    pub async fn counts(&self) -> Result<SortedMap<StoreName, u32>, StoreError> {
        let names: Vec<&str> = StoreName::ALL.iter().map(|s| s.as_str()).collect();
        let tx = self.db.transaction(names).build()?;
        let mut counts = SortedMap::new();
        for store in StoreName::ALL {
            let n = tx.object_store(store.as_str())?.count().await?;
            counts.insert(store, n);
        }
        Ok(counts)
    }

    /// How many records the modules hold (the settings not counted).
    pub async fn record_count(&self) -> Result<usize, StoreError> {
        Ok(self
            .counts()
            .await?
            .into_iter()
            .filter(|(s, _)| *s != StoreName::Settings)
            .map(|(_, n)| n as usize)
            .sum())
    }

    /// Every exchanged record, as JSON, read in one transaction so a backup is one moment's state.
    pub async fn read_all(&self) -> Result<SortedMap<StoreName, Vec<Value>>, StoreError> {
        self.read_stores(&StoreName::exchanged().collect::<Vec<_>>())
            .await
    }

    pub async fn read_stores(
        &self,
        stores: &[StoreName],
    ) -> Result<SortedMap<StoreName, Vec<Value>>, StoreError> {
        let mut out = SortedMap::new();
        if stores.is_empty() {
            return Ok(out);
        }
        let names: Vec<&str> = stores.iter().map(|s| s.as_str()).collect();
        let tx = self.db.transaction(names).build()?;
        for store in stores {
            out.insert(*store, values_in(&tx, *store).await?);
        }
        Ok(out)
    }

    /// The records of the given stores keyed for a merge plan.
    pub async fn local_records(
        &self,
        stores: &[StoreName],
    ) -> Result<HashMap<(StoreName, Id), LocalRecord>, StoreError> {
        let mut out = HashMap::new();
        for (store, values) in self.read_stores(stores).await? {
            for value in values {
                let meta = read_meta(&value).map_err(StoreError::Corrupt)?;
                out.insert((store, meta.id), LocalRecord { meta, value });
            }
        }
        Ok(out)
    }

    /// Writes records into several stores in one transaction: all of them or, on any failure,
    /// none. Everything must be parsed and checked before this is called: awaiting anything
    /// but IndexedDB inside would let the browser commit half-way.
    pub async fn write_all(&self, writes: &[(StoreName, Value)]) -> Result<(), StoreError> {
        self.write_texts_reporting(value_texts(writes), &|_| {})
            .await
    }

    /// Writes records given as one JSON array text per store (each store once, as
    /// `body::array_texts` makes them) in one transaction, telling `progress` how many records
    /// are written so far, every [`PROGRESS_STEP`] records (the page repaints in between: a
    /// 200,000-record restore takes long enough that a still page looks hung). The texts are
    /// made before the transaction: their size is what the space check needs, the browser
    /// parses each once, and nothing but IndexedDB is awaited inside the transaction.
    pub async fn write_texts_reporting(
        &self,
        texts: Vec<(StoreName, String)>,
        progress: &dyn Fn(usize),
    ) -> Result<(), StoreError> {
        let mut stores: Vec<&str> = texts.iter().map(|(s, _)| s.as_str()).collect();
        stores.sort_unstable();
        stores.dedup();
        if stores.is_empty() {
            return Ok(());
        }
        let room = quota::estimate();
        let bytes: u64 = texts.iter().map(|(_, t)| t.len() as u64).sum();
        if bytes >= space::CHECK_FROM_BYTES {
            space::check(bytes, room.await).map_err(StoreError::NoSpace)?;
        }
        let entries = texts
            .iter()
            .find(|(name, _)| *name == StoreName::VillageLogs)
            .map(|(_, text)| written_entries(text))
            .unwrap_or_default();
        let tx = self
            .db
            .transaction(with_derived(&self.db, stores))
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let known = empty_before(&tx, entries).await?;
        let mut written = 0;
        let mut touched = Written::new();
        // The first request of the records being queued since the last report.
        let mut first = None;
        for (kind, text) in texts {
            let store = tx.object_store(kind.as_str())?;
            let array: js_sys::Array = js_sys::JSON::parse(&text)
                .map_err(|e| js_error(&e))?
                .unchecked_into();
            for value in array.iter() {
                touch(&mut touched, mark(kind, &value));
                let request = store.put(value).primitive()?;
                written += 1;
                if first.is_none() {
                    first = Some(request);
                }
                if written % PROGRESS_STEP == 0 {
                    // The page repaints while this waits, and awaiting an IndexedDB request keeps
                    // the transaction open. Awaiting the first of these records, not the last,
                    // leaves the browser the rest to write meanwhile, so it is never idle while
                    // the page is.
                    if let Some(request) = first.take() {
                        request.await?;
                    }
                    progress(written);
                }
            }
        }
        retally(&tx, touched, known).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Writes records edited in this browser in one transaction. Each is read as it is stored
    /// now, inside the same transaction, and `stamp` makes the record to write from the stored
    /// copy and the edit (field versions; a refusal when the edit was based on an older copy
    /// than the stored one). Records marked as not needing their stored copy are passed without
    /// it (no read). One refusal writes nothing.
    pub async fn write_edits(
        &self,
        edits: Vec<(StoreName, Value, bool)>,
        stamp: impl Fn(Option<&Value>, Value) -> Result<Value, crate::exchange::fields::EditError>,
    ) -> Result<(), StoreError> {
        let mut stores: Vec<&str> = edits.iter().map(|(s, ..)| s.as_str()).collect();
        stores.sort_unstable();
        stores.dedup();
        if stores.is_empty() {
            return Ok(());
        }
        let tx = self
            .db
            .transaction(with_derived(&self.db, stores))
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let mut touched = Written::new();
        for (store, edit, read_stored) in edits {
            let object_store = tx.object_store(store.as_str())?;
            let key = edit
                .pointer("/meta/id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let stored: Option<JsValue> = if read_stored {
                object_store.get(key).primitive()?.await?
            } else {
                None
            };
            let stored = stored.map(|v| stored_value(&v)).transpose()?;
            let name = crate::exchange::merge::display_name(store, &edit);
            // Returning here drops the transaction unfinished: nothing of it is written.
            let record = stamp(stored.as_ref(), edit).map_err(|e| match e {
                crate::exchange::fields::EditError::Stale => StoreError::Stale(name),
                crate::exchange::fields::EditError::Unreadable => {
                    StoreError::Corrupt(format!("“{name}”的版本信息无法读取"))
                }
            })?;
            let record = to_js(&record)?;
            touch(&mut touched, mark(store, &record));
            drop(object_store.put(record).primitive()?);
        }
        retally(&tx, touched, SortedMap::new()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes every record of the four modules and the roster in one transaction; the
    /// settings (who uses this browser) stay.
    pub async fn clear_records(&self) -> Result<(), StoreError> {
        let names: Vec<&str> = StoreName::exchanged().map(|s| s.as_str()).collect();
        let names = with_derived(&self.db, names);
        let tx = self
            .db
            .transaction(names.clone())
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        for name in names {
            drop(tx.object_store(name)?.clear()?);
        }
        tx.commit().await?;
        Ok(())
    }
}
