//! A prepared statement for the rows an import writes by the hundred thousand: it binds
//! borrowed text as it is (SQLite's `SQLITE_STATIC`) where rusqlite's binding copies every
//! text into SQLite first. At 100k contacts the copies were a third of the time spent
//! writing rows. The store's only unsafe code, kept to this one type (elsewhere: one allocator
//! option in allocator.rs, and kill(2) for Ctrl-Z in the workbench).
//!
//! Must not: keep a binding after [`BulkStatement::execute`] returns (the borrowed text
//! may be gone), or outlive its connection (the lifetime ties them).

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
                rc = match *value {
                    Value::Null => ffi::sqlite3_bind_null(self.stmt, column),
                    Value::Int(n) => ffi::sqlite3_bind_int64(self.stmt, column, n),
                    Value::Text(text) => match c_int::try_from(text.len()) {
                        Ok(len) => ffi::sqlite3_bind_text(
                            self.stmt,
                            column,
                            text.as_ptr().cast(),
                            len,
                            ffi::SQLITE_STATIC(),
                        ),
                        Err(_) => ffi::SQLITE_TOOBIG,
                    },
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
}
