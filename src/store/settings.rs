//! The settings an import remembers (column maps, the folder it came from, the owner's
//! employers), the delimiter exports were last written with, the filters typed in the
//! workbench, and the scoring version the scores were made with.
//!
//! Must not: hold user settings' undo (a setting the user types is a step: `ops`).

use crate::error::{Error, Result};
use crate::import::RememberedMap;
use crate::model::Employers;
use rusqlite::{Connection, OptionalExtension, params};

/// The settings key of the column maps imports remember.
pub(super) const COLUMN_MAPS: &str = "column_maps";

/// The settings key of the folder the latest import came from.
pub(super) const IMPORT_FOLDER: &str = "import_folder";

/// The settings key of the owner's employers (from the latest Positions.csv).
pub(super) const EMPLOYERS: &str = "employers";

/// The settings key of the delimiter the workbench's latest export to a `.csv` file
/// used (`;` for a spreadsheet in German, French, Dutch…): its export prompt offers it.
pub(super) const EXPORT_DELIMITER: &str = "export_delimiter";

/// The settings key of the filters typed in the workbench, the latest last (its filter
/// prompt recalls them with Up).
pub(super) const FILTER_HISTORY: &str = "filter_history";

/// The settings key of the scoring version the stored scores were worked out with.
pub(super) const SCORED_WITH: &str = "scored_with";

/// Notes that every stored score is this netcurate's (after a rescore or an import, which
/// scores every contact).
pub(crate) fn mark_scored(conn: &Connection) -> Result<()> {
    let version = crate::audience::SCORING_VERSION.to_string();
    set_setting_in(conn, SCORED_WITH, &version)
}

pub(super) fn setting_in(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub(super) fn set_setting_in(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

pub(super) fn remembered_maps_in(conn: &Connection) -> Result<Vec<RememberedMap>> {
    Ok((setting_in(conn, COLUMN_MAPS)?)
        .map(|json| RememberedMap::from_json(&json))
        .unwrap_or_default())
}

/// Stores the folder an import came from.
pub(crate) fn remember_import_folder(conn: &Connection, folder: &str) -> Result<()> {
    set_setting_in(conn, IMPORT_FOLDER, folder)
}

/// Stores the owner's employers, replacing those of an earlier Positions.csv.
pub(crate) fn remember_employers(conn: &Connection, employers: &Employers) -> Result<()> {
    set_json_setting_in(conn, EMPLOYERS, employers)
}

/// A setting stored as JSON ([`set_json_setting_in`]); its default when it was never
/// stored or no longer reads as one.
pub(super) fn json_setting_in<T: serde::de::DeserializeOwned + Default>(
    conn: &Connection,
    key: &str,
) -> Result<T> {
    Ok((setting_in(conn, key)?)
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

/// Stores `value` as the JSON of setting `key`.
pub(super) fn set_json_setting_in(
    conn: &Connection,
    key: &str,
    value: &impl serde::Serialize,
) -> Result<()> {
    let json = serde_json::to_string(value).map_err(|e| Error::Invalid(e.to_string()))?;
    set_setting_in(conn, key, &json)
}

/// Adds `maps` to the remembered column maps, each replacing one for the same header.
pub(crate) fn remember_maps(conn: &Connection, maps: &[RememberedMap]) -> Result<()> {
    if maps.is_empty() {
        return Ok(());
    }
    let all = RememberedMap::merged(remembered_maps_in(conn)?, maps);
    set_setting_in(conn, COLUMN_MAPS, &RememberedMap::to_json(&all))
}
