//! Opening the database at start: the device id, the profile, and what an earlier write left
//! behind (`store::write_mark`) — a disk still too full to open safely, or a database the
//! browser emptied, which opens the recovery screen instead of the first-use one.

use crate::record::DeviceId;
use crate::store::settings::{Profile, DEVICE_ID, PROFILE};
use crate::store::write_mark::{self, AtStart, Why, WriteMark};
use crate::store::{quota, Store, StoreError};

/// Room the disk must have before a database whose last write was cut off is opened again:
/// LevelDB writes its journal and a new table while it opens.
const ROOM_TO_OPEN: u32 = 16 * 1024 * 1024;

pub struct Booted {
    pub store: Store,
    pub device: DeviceId,
    pub profile: Option<Profile>,
    /// The browser emptied the database after a cut-off write: what the recovery screen needs.
    pub recover: Option<WriteMark>,
}

pub async fn boot(on_blocked: impl Fn() + 'static) -> Result<Booted, StoreError> {
    let mark = write_mark::read();
    // Opening a database on a full disk can make the browser delete it: after a cut-off write,
    // open only when there is room.
    if mark.is_some() && quota::room_for(ROOM_TO_OPEN).await == Some(false) {
        return Err(StoreError::NoRoomToOpen);
    }
    let store = Store::open(on_blocked).await?;
    let device = match store.setting::<DeviceId>(DEVICE_ID).await? {
        Some(d) => d,
        None => {
            let d = DeviceId::new_random();
            store.set_setting(DEVICE_ID, &d).await?;
            d
        }
    };
    // Once per database: ids an earlier version stored in another spelling. A failure leaves
    // the data as it was and is tried again at the next start; it must not keep the app shut.
    if let Err(e) = store.repair_ids(&device, crate::ui::time::now()).await {
        gloo::console::warn!(format!("ids not repaired: {}", e.user_message()));
    }
    let profile = store.setting::<Profile>(PROFILE).await?;
    let mut booted = Booted {
        store,
        device,
        profile,
        recover: None,
    };
    let Some(mark) = mark else {
        return Ok(booted);
    };
    let records = booted.store.record_count().await?;
    match write_mark::at_start(Some(&mark), booted.profile.is_some(), records) {
        AtStart::Normal | AtStart::Clear => write_mark::clear(),
        AtStart::RestoreSettings => {
            restore_settings(&booted.store, &mark).await?;
            write_mark::clear();
            booted.device = mark.device;
            booted.profile = Some(mark.profile);
        }
        AtStart::Recover => booted.recover = Some(mark),
    }
    Ok(booted)
}

/// Puts back who uses this browser and the settings the mark carried.
pub async fn restore_settings(store: &Store, mark: &WriteMark) -> Result<(), StoreError> {
    for (key, value) in mark.settings_to_restore() {
        store.set_setting(&key, value).await?;
    }
    Ok(())
}

/// Called when the browser closes the database by force while the app is open: leaves a mark
/// (unless an import left one already) so that the next start checks for room and for loss.
pub fn mark_loss(profile: Option<&Profile>, device: &DeviceId) {
    let Some(profile) = profile else { return };
    if write_mark::read().is_some() {
        return;
    }
    write_mark::save(&WriteMark {
        why: Why::ClosedByBrowser,
        at: crate::ui::time::now(),
        // Unknown here (the database is gone from this tab): the recovery is offered only when
        // the database comes back empty.
        records_before: 1,
        backup: None,
        last_backup_at: None,
        profile: profile.clone(),
        device: device.clone(),
        settings: Vec::new(),
    });
}

/// Asks once for storage the browser will not evict, and reports the answer.
pub async fn request_persistence() -> Option<bool> {
    let storage = gloo::utils::window().navigator().storage();
    let promise = storage.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}
