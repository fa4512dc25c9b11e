//! A prepared statement for the rows an import writes by the hundred thousand: it binds
//! borrowed text as it is (SQLite's `SQLITE_STATIC`) where rusqlite's binding copies every
//! text into SQLite first. At 100k contacts the copies were a third of the time spent
//! writing rows. The store's only unsafe code, kept to this module (elsewhere: the
//! allocator's settings in allocator.rs, and kill(2) for Ctrl-Z in the workbench).
//!
//! [`BulkInsert`] runs one statement for many rows.
//!
//! Must not: keep a binding after [`BulkStatement::execute`] returns (the borrowed text
//! may be gone), or outlive its connection (the lifetime ties them).

use super::DateText;
use rusqlite::{Connection, ffi};
use std::ffi::{CStr, CString, c_int};
use std::marker::PhantomData;
use std::ptr;

/// One parameter of a [`BulkStatement`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value<'a> {
    Null,
    Int(i64),
    Text(&'a str),
    /// A date as the store writes it, held here: it is made for the row, and bound from
    /// where the value is.
    Date(DateText),
}

impl From<Option<DateText>> for Value<'_> {
    fn from(date: Option<DateText>) -> Self {
        date.map_or(Value::Null, Value::Date)
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(text: &'a str) -> Value<'a> {
        Value::Text(text)
    }
}

impl<'a> From<Option<&'a str>> for Value<'a> {
    fn from(text: Option<&'a str>) -> Value<'a> {
        text.map_or(Value::Null, Value::Text)
    }
}

impl From<i64> for Value<'_> {
    fn from(n: i64) -> Self {
        Value::Int(n)
    }
}

impl From<bool> for Value<'_> {
    fn from(b: bool) -> Self {
        Value::Int(i64::from(b))
    }
}

impl From<u32> for Value<'_> {
    fn from(n: u32) -> Self {
        Value::Int(i64::from(n))
    }
}

impl From<Option<u8>> for Value<'_> {
    fn from(n: Option<u8>) -> Self {
        n.map_or(Value::Null, |n| Value::Int(i64::from(n)))
    }
}

pub(crate) struct BulkStatement<'c> {
    stmt: *mut ffi::sqlite3_stmt,
    db: *mut ffi::sqlite3,
    _conn: PhantomData<&'c Connection>,
}

impl<'c> BulkStatement<'c> {
    pub(crate) fn prepare(conn: &'c Connection, sql: &str) -> rusqlite::Result<Self> {
        let sql = CString::new(sql)?;
        // SAFETY: `conn` is open for 'c, which the statement cannot outlive; the SQL is
        // a NUL-terminated string that lives through the call.
        unsafe {
            let db = conn.handle();
            let mut stmt = ptr::null_mut();
            let rc = ffi::sqlite3_prepare_v2(db, sql.as_ptr(), -1, &mut stmt, ptr::null_mut());
            if rc != ffi::SQLITE_OK {
                return Err(error(db, rc));
            }
            Ok(BulkStatement {
                stmt,
                db,
                _conn: PhantomData,
            })
        }
    }

    /// Binds `values` to ?1, ?2, …, runs the statement once, then resets it and clears
    /// every binding, so that nothing refers to `values` afterwards.
    pub(crate) fn execute(&mut self, values: &[Value<'_>]) -> rusqlite::Result<()> {
        // SAFETY: `self.stmt` is a live prepared statement of `self.db`. Text is bound
        // without a copy (SQLITE_STATIC): SQLite reads it until the bindings are cleared,
        // which happens below, while `values` is still borrowed.
        unsafe {
            let mut rc = ffi::SQLITE_OK;
            for (i, value) in values.iter().enumerate() {
                let column = i as c_int + 1;
                rc = match value {
                    Value::Null => ffi::sqlite3_bind_null(self.stmt, column),
                    &Value::Int(n) => ffi::sqlite3_bind_int64(self.stmt, column, n),
                    Value::Date(date) => bind_static(self.stmt, column, date.as_str()),
                    Value::Text(text) => bind_static(self.stmt, column, text),
                };
                if rc != ffi::SQLITE_OK {
                    break;
                }
            }
            if rc == ffi::SQLITE_OK {
                rc = ffi::sqlite3_step(self.stmt);
            }
            let result = match rc {
                ffi::SQLITE_DONE => Ok(()),
                rc => Err(error(self.db, rc)),
            };
            ffi::sqlite3_reset(self.stmt);
            ffi::sqlite3_clear_bindings(self.stmt);
            result
        }
    }
}

/// Binds `text` to parameter `column` of `stmt` without a copy.
///
/// # Safety
/// `stmt` must be a live prepared statement, and `text` must stay where it is until the
/// statement's bindings are cleared.
unsafe fn bind_static(stmt: *mut ffi::sqlite3_stmt, column: c_int, text: &str) -> c_int {
    match c_int::try_from(text.len()) {
        // SAFETY: the caller's promise; the length is the text's, in bytes.
        Ok(len) => unsafe {
            ffi::sqlite3_bind_text(
                stmt,
                column,
                text.as_ptr().cast(),
                len,
                ffi::SQLITE_STATIC(),
            )
        },
        Err(_) => ffi::SQLITE_TOOBIG,
    }
}

/// How many rows one statement of a [`BulkInsert`] inserts. SQLite then starts and ends a
/// statement (opening the table, checking what the statement did) once for them instead
/// of once a row: scoring and writing a 100k + 20k import 0.181 -> 0.161 s.
const ROWS_AT_ONCE: usize = 64;

/// Rows inserted into one table [`ROWS_AT_ONCE`] at a time, through one statement that
/// takes that many (the rest one by one when [`BulkInsert::finish`]ed). The rows wait
/// here, their text borrowed for `'a`. An error is reported by the call that runs the
/// statement, which may be a later row's.
pub(crate) struct BulkInsert<'c, 'a> {
    many: BulkStatement<'c>,
    one: BulkStatement<'c>,
    width: usize,
    pending: Vec<Value<'a>>,
}

impl<'c, 'a> BulkInsert<'c, 'a> {
    /// Inserts into `table` the `columns` each row gives, in order.
    pub(crate) fn prepare(
        conn: &'c Connection,
        table: &str,
        columns: &[&str],
    ) -> rusqlite::Result<Self> {
        let row = format!("({})", vec!["?"; columns.len()].join(", "));
        let sql = |rows: usize| {
            let values = vec![row.as_str(); rows].join(", ");
            format!(
                "INSERT INTO {table} ({}) VALUES {values}",
                columns.join(", ")
            )
        };
        Ok(BulkInsert {
            many: BulkStatement::prepare(conn, &sql(ROWS_AT_ONCE))?,
            one: BulkStatement::prepare(conn, &sql(1))?,
            width: columns.len(),
            pending: Vec::with_capacity(ROWS_AT_ONCE * columns.len()),
        })
    }

    /// Adds a row (a value for each column), inserting the waiting rows once there are
    /// enough for one statement.
    pub(crate) fn push(&mut self, row: &[Value<'a>]) -> rusqlite::Result<()> {
        debug_assert_eq!(row.len(), self.width, "a value for each column");
        self.pending.extend_from_slice(row);
        if self.pending.len() < ROWS_AT_ONCE * self.width {
            return Ok(());
        }
        let result = self.many.execute(&self.pending);
        self.pending.clear();
        result
    }

    /// Inserts the rows still waiting. Those not inserted when it is dropped are lost.
    pub(crate) fn finish(mut self) -> rusqlite::Result<()> {
        (self.pending.chunks(self.width)).try_for_each(|row| self.one.execute(row))
    }
}

impl Drop for BulkStatement<'_> {
    fn drop(&mut self) {
        // SAFETY: the statement was prepared on a connection that is still open ('c).
        unsafe {
            ffi::sqlite3_finalize(self.stmt);
        }
    }
}

/// The error for return code `rc`, with the connection's message.
///
/// # Safety
/// `db` must be an open connection.
unsafe fn error(db: *mut ffi::sqlite3, rc: c_int) -> rusqlite::Error {
    // SAFETY: `db` is open (the caller's promise); SQLite returns a NUL-terminated
    // message that stays valid until the next call on the connection, and it is copied.
    let message = unsafe {
        let text = ffi::sqlite3_errmsg(db);
        (!text.is_null()).then(|| CStr::from_ptr(text).to_string_lossy().into_owned())
    };
    rusqlite::Error::SqliteFailure(ffi::Error::new(rc), message)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows written with borrowed text read back as written, the texts dropped right
    /// after each row; a failing row reports SQLite's error and the statement goes on.
    #[test]
    fn borrowed_text_is_stored_and_errors_are_reported() {
        let conn = Connection::open_in_memory().expect("open");
        conn.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL, b TEXT)")
            .expect("table");
        let mut insert =
            BulkStatement::prepare(&conn, "INSERT INTO t (id, a, b) VALUES (?1, ?2, ?3)")
                .expect("prepare");
        for i in 0..100i64 {
            let a = format!("row {i} é");
            let b = (i % 2 == 0).then(|| "x".repeat(i as usize));
            insert
                .execute(&[i.into(), a.as_str().into(), b.as_deref().into()])
                .expect("insert");
        }
        let duplicate = insert.execute(&[Value::Int(5), "again".into(), Value::Null]);
        assert!(
            matches!(&duplicate, Err(rusqlite::Error::SqliteFailure(e, Some(m)))
                if e.code == rusqlite::ErrorCode::ConstraintViolation && m.contains("UNIQUE")),
            "{duplicate:?}"
        );
        let null = insert.execute(&[Value::Int(200), Value::Null, Value::Null]);
        assert!(
            matches!(&null, Err(rusqlite::Error::SqliteFailure(_, Some(m))) if m.contains("NOT NULL"))
        );
        insert
            .execute(&[Value::Int(100), "after".into(), Value::Null])
            .expect("the statement goes on after an error");
        drop(insert);
        let rows: Vec<(i64, String, Option<String>)> = conn
            .prepare("SELECT id, a, b FROM t ORDER BY id")
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect()
            })
            .expect("read");
        assert_eq!(rows.len(), 101);
        assert_eq!(rows[7], (7, "row 7 é".to_string(), None));
        assert_eq!(rows[8], (8, "row 8 é".to_string(), Some("x".repeat(8))));
        assert_eq!(rows[100], (100, "after".to_string(), None));
    }

    /// Rows pushed in any number (a statement's worth and more, fewer, none) are all
    /// inserted, in order, dates held by the values; one that breaks a constraint fails the
    /// call that runs its statement.
    #[test]
    fn bulk_insert_writes_every_row_in_order() {
        let conn = Connection::open_in_memory().expect("open");
        conn.execute_batch(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL, d TEXT, n INTEGER)",
        )
        .expect("table");
        let day = |i: usize| chrono::NaiveDate::from_ymd_opt(2026, 1, 1 + (i % 28) as u32);
        for count in [0, 1, ROWS_AT_ONCE - 1, ROWS_AT_ONCE, 2 * ROWS_AT_ONCE + 5] {
            conn.execute("DELETE FROM t", []).expect("empty");
            let texts: Vec<String> = (0..count).map(|i| format!("row {i} é")).collect();
            let mut insert = BulkInsert::prepare(&conn, "t", &["a", "d", "n"]).expect("prepare");
            for (i, text) in texts.iter().enumerate() {
                let n = (i % 3 > 0).then_some(i as u32);
                let row = [
                    text.as_str().into(),
                    super::super::date_text(day(i)).into(),
                    n.map_or(Value::Null, Value::from),
                ];
                insert.push(&row).expect("push");
            }
            insert.finish().expect("finish");
            let rows: Vec<(i64, String, String, Option<i64>)> = conn
                .prepare("SELECT id, a, d, n FROM t ORDER BY id")
                .and_then(|mut s| {
                    s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                        .collect()
                })
                .expect("read");
            let expected: Vec<(i64, String, String, Option<i64>)> = (0..count)
                .map(|i| {
                    let d = day(i).map(|d| d.to_string()).unwrap_or_default();
                    (
                        i as i64 + 1,
                        texts[i].clone(),
                        d,
                        (i % 3 > 0).then_some(i as i64),
                    )
                })
                .collect();
            assert_eq!(rows, expected, "{count} rows");
        }
        let mut insert = BulkInsert::prepare(&conn, "t", &["id", "a"]).expect("prepare");
        let taken =
            (1..=ROWS_AT_ONCE as i64).try_for_each(|id| insert.push(&[id.into(), "again".into()]));
        assert!(
            matches!(&taken, Err(rusqlite::Error::SqliteFailure(e, Some(m)))
                if e.code == rusqlite::ErrorCode::ConstraintViolation && m.contains("UNIQUE")),
            "{taken:?}"
        );
        let mut insert = BulkInsert::prepare(&conn, "t", &["a"]).expect("prepare");
        insert.push(&[Value::Null]).expect("waits");
        assert!(
            insert.finish().is_err(),
            "the last rows are checked when finished"
        );
    }
}
