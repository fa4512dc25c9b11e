//! Dates as LinkedIn exports write them (DESIGN.md §2): `25 Nov 2024`, `1/8/18, 6:14 PM`,
//! Excel's `9-Sep-22`, ISO `2024-11-25`, invitations' `11/20/24, 3:45 PM` and messages'
//! `2024-12-16 18:24:37 UTC`; and as a spreadsheet re-saves them in the user's locale:
//! `25.11.2024` and `25-11-2024` (day first), `2024/11/25`, and `25/11/2024` where the day
//! comes first (a [`DateOrder`], decided per file by its caller), or as its own day
//! numbers (`45621`) where a column lost its date format. No timezone: everything is read
//! as UTC.
//!
//! Must not: decide what a missing date means, or which order a file's dates are in;
//! callers do.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

const DATE_FORMATS: [&str; 4] = ["%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%Y-%m-%d"];
const DATETIME_FORMATS: [&str; 3] = [
    "%Y-%m-%d %H:%M:%S UTC",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
];

/// Which number comes first in a date written with slashes: `11/25/2024` (month first:
/// LinkedIn's own older dates and the US) or `25/11/2024` (day first: a spreadsheet
/// re-saved in much of the world). Dates with dots or dashes (`25.11.2024`) are always
/// read day first, and a four-digit year first (`2024/11/25`) is always year, month, day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DateOrder {
    #[default]
    MonthFirst,
    DayFirst,
}

impl DateOrder {
    /// How a date in this order is written, for messages.
    pub fn pattern(self) -> &'static str {
        match self {
            DateOrder::MonthFirst => "mm/dd/yyyy",
            DateOrder::DayFirst => "dd/mm/yyyy",
        }
    }

    pub fn other(self) -> DateOrder {
        match self {
            DateOrder::MonthFirst => DateOrder::DayFirst,
            DateOrder::DayFirst => DateOrder::MonthFirst,
        }
    }
}

impl std::fmt::Display for DateOrder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DateOrder::MonthFirst => "month first",
            DateOrder::DayFirst => "day first",
        })
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The current Connections.csv format, `25 Nov 2024`, without the general parser: it
/// runs for every row of a large export.
fn day_month_year(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split(' ');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || day.len() > 2 || year.len() != 4 {
        return None;
    }
    let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month))? as u32 + 1;
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)
}

/// `2024-11-25`, without the general parser: the store's own form (read for every row
/// at load) and ISO exports.
pub(crate) fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    // All ASCII where a number is: every slice below is on a character boundary.
    let n = |from: usize, to: usize| s[from..to].parse::<u32>().ok();
    shape.then(|| NaiveDate::from_ymd_opt(n(0, 4)? as i32, n(5, 7)?, n(8, 10)?))?
}

/// `2024-12-16 18:24:37`, also with messages' ` UTC`, without the general parser: the
/// store's form and every message of a large messages.csv.
pub(crate) fn iso_datetime(s: &str) -> Option<NaiveDateTime> {
    let s = s.strip_suffix(" UTC").unwrap_or(s);
    let b = s.as_bytes();
    let shape = b.len() == 19
        && b.iter().enumerate().skip(10).all(|(i, c)| match i {
            10 => *c == b' ',
            13 | 16 => *c == b':',
            _ => c.is_ascii_digit(),
        });
    // Byte 10 is a space: the date ends on a character boundary, and ASCII follows.
    let n = |from: usize, to: usize| s[from..to].parse::<u32>().ok();
    shape.then(|| iso_date(&s[..10])?.and_hms_opt(n(11, 13)?, n(14, 16)?, n(17, 19)?))?
}

/// A date as Connections.csv writes it, `25 Nov 2024` (chrono's `%d %b %Y`, without
/// parsing that format for every row of a large export).
pub fn day_month_year_text(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!(
        "{:02} {} {:04}",
        d.day(),
        MONTHS[d.month0() as usize],
        d.year()
    )
}

/// Parses a date in any of the known formats, slashed dates month first; a date-time is
/// cut to its date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    parse_date_in(s, DateOrder::MonthFirst)
}

/// The years a date is read in: others (`02 Jan -019`, which chrono reads as the year
/// -19) are impossible dates, not dates that then fail to round-trip through the store.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// [`parse_date`] with slashed dates read in `order`.
pub fn parse_date_in(s: &str, order: DateOrder) -> Option<NaiveDate> {
    use chrono::Datelike;
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let date = day_month_year(s).or_else(|| iso_date(s)).or_else(|| {
        numeric_datetime(s, order)
            .map(|dt| dt.date())
            .or_else(|| (DATE_FORMATS.iter()).find_map(|f| NaiveDate::parse_from_str(s, f).ok()))
            .or_else(|| parse_datetime_in(s, order).map(|dt| dt.date()))
    });
    date.filter(|d| YEARS.contains(&d.year()))
}

/// Parses a date-time in any of the known formats, slashed dates month first; a bare
/// date is read as midnight.
pub fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    parse_datetime_in(s, DateOrder::MonthFirst)
}

/// [`parse_datetime`] with slashed dates read in `order`.
pub fn parse_datetime_in(s: &str, order: DateOrder) -> Option<NaiveDateTime> {
    use chrono::Datelike;
    any_datetime_in(s, order).filter(|dt| YEARS.contains(&dt.year()))
}

/// [`parse_datetime_in`], whatever the year.
fn any_datetime_in(s: &str, order: DateOrder) -> Option<NaiveDateTime> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(dt) = (iso_datetime(s))
        .or_else(|| numeric_datetime(s, order))
        .or_else(|| spreadsheet_serial(s))
    {
        return Some(dt);
    }
    DATETIME_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .or_else(|| {
            DATE_FORMATS
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
}

/// A date written in numbers (`1/8/18`, `25.11.2024`, `2024/11/25`, `25-11-24`), with an
/// optional time after a space, a comma or a `T` (`6:14 PM`, `15:45`, `18:24:37`).
fn numeric_datetime(s: &str, order: DateOrder) -> Option<NaiveDateTime> {
    let date_end = s
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '/' | '.' | '-')))
        .unwrap_or(s.len());
    let (date, rest) = s.split_at(date_end);
    let separator = date.chars().find(|c| !c.is_ascii_digit())?;
    let mut parts = date.split(separator);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (year, month, day) = if a.len() == 4 {
        (digits(a, 4..=4)?, digits(b, 1..=2)?, digits(c, 1..=2)?)
    } else {
        let year = match c.len() {
            4 => digits(c, 4..=4)?,
            // chrono's %y: 69-99 are 1969-1999, the rest 2000-2068.
            2 => digits(c, 2..=2).map(|y| if y >= 69 { 1900 + y } else { 2000 + y })?,
            _ => return None,
        };
        let (a, b) = (digits(a, 1..=2)?, digits(b, 1..=2)?);
        match (separator, order) {
            ('/', DateOrder::MonthFirst) => (year, a, b),
            _ => (year, b, a),
        }
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let time = match rest.strip_prefix(['T', ' ']).map(str::trim_start) {
        None if rest.is_empty() => NaiveTime::MIN,
        None => return None,
        Some(time) => clock_time(time)?,
    };
    Some(date.and_time(time))
}

/// A spreadsheet's own number for a date-time (`45621`, `45621.75`: days since
/// 1899-12-30), written instead of the date when a re-saved column lost its date format.
/// Only numbers of this century's days read so (from 2000 to 2099).
fn spreadsheet_serial(s: &str) -> Option<NaiveDateTime> {
    let (days, fraction) = s.split_once('.').unwrap_or((s, "0"));
    if !all_digits(fraction) {
        return None;
    }
    let days = i64::from(digits(days, 5..=5)?);
    if !(SERIAL_2000..SERIAL_2100).contains(&days) {
        return None;
    }
    let seconds = (format!("0.{fraction}").parse::<f64>().ok()? * 86_400.0).round() as i64;
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    epoch.checked_add_signed(chrono::Duration::days(days) + chrono::Duration::seconds(seconds))
}

/// The spreadsheet numbers of 2000-01-01 and 2100-01-01.
const SERIAL_2000: i64 = 36_526;
const SERIAL_2100: i64 = 73_051;

/// Whether `text` is one or more ASCII digits, and nothing else.
fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// The number `text` writes in ASCII digits, as many as `lengths` allows.
pub(crate) fn digits(text: &str, lengths: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (all_digits(text) && lengths.contains(&text.len()))
        .then(|| text.parse().ok())
        .flatten()
}

/// `6:14 PM`, `15:45` or `18:24:37`.
fn clock_time(s: &str) -> Option<NaiveTime> {
    let (clock, half) = match s.rsplit_once(' ') {
        Some((clock, half)) => (clock, Some(half.to_ascii_uppercase())),
        None => (s, None),
    };
    let mut parts = clock.split(':');
    let mut next = || digits(parts.next()?, 1..=2);
    let (hour, minute) = (next()?, next()?);
    let second = match (parts.next(), parts.next()) {
        (None, _) => 0,
        (Some(p), None) => digits(p, 2..=2)?,
        _ => return None,
    };
    let hour = match half.as_deref() {
        None => hour,
        Some("AM") if (1..=12).contains(&hour) => hour % 12,
        Some("PM") if (1..=12).contains(&hour) => hour % 12 + 12,
        Some(_) => return None,
    };
    NaiveTime::from_hms_opt(hour, minute, second)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The Connections.csv form is chrono's `%d %b %Y`, and reads back as the same day
    /// (in the years a date is read in).
    #[test]
    fn day_month_year_text_is_the_connections_form() {
        let mut day = d(999, 12, 25);
        while day < d(2031, 1, 1) {
            let text = day_month_year_text(day);
            assert_eq!(text, day.format("%d %b %Y").to_string());
            if YEARS.contains(&chrono::Datelike::year(&day)) {
                assert_eq!(parse_date(&text), Some(day), "{text}");
            }
            day += chrono::Duration::days(13);
        }
    }

    /// The messages form reads as chrono's `%Y-%m-%d %H:%M:%S UTC` does, and so does a
    /// near miss (an impossible day, a letter, a missing second).
    #[test]
    fn iso_datetime_is_the_messages_form() {
        let mut at = d(1999, 12, 31).and_hms_opt(23, 59, 58).unwrap();
        while at < d(2031, 1, 1).and_hms_opt(0, 0, 0).unwrap() {
            for text in [
                at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
                at.format("%Y-%m-%d %H:%M:%S").to_string(),
            ] {
                assert_eq!(iso_datetime(&text), Some(at), "{text}");
                assert_eq!(parse_datetime(&text), Some(at), "{text}");
            }
            at += chrono::Duration::seconds(86_400 * 11 + 3_607);
        }
        for invalid in [
            "2024-02-30 10:00:00 UTC",
            "2024-12-16 24:00:00 UTC",
            "2024-12-16 18:24 UTC",
            "2024-12-1x 18:24:37 UTC",
        ] {
            assert_eq!(iso_datetime(invalid), None, "{invalid}");
            assert_eq!(parse_datetime(invalid), None, "{invalid}");
        }
        assert_eq!(iso_date("2024-02-29"), Some(d(2024, 2, 29)));
        for invalid in ["2023-02-29", "2024-2-29", "2024-02-2x", "2024-02-29 "] {
            assert_eq!(iso_date(invalid), None, "{invalid}");
        }
        // Another form is left to the general parser.
        assert_eq!(iso_datetime("2024-12-16T18:24:37"), None);
        assert!(parse_datetime("2024-12-16T18:24:37").is_some());
    }

    #[test]
    fn connection_date_formats() {
        assert_eq!(parse_date("25 Nov 2024"), Some(d(2024, 11, 25)));
        assert_eq!(parse_date("1/8/18, 6:14 PM"), Some(d(2018, 1, 8)));
        assert_eq!(parse_date("9-Sep-22"), Some(d(2022, 9, 9)));
        assert_eq!(parse_date("2024-11-25"), Some(d(2024, 11, 25)));
        assert_eq!(parse_date(" 05 Jan 2021 "), Some(d(2021, 1, 5)));
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert_eq!(parse_date("31 Feb 2024"), None);
        assert_eq!(parse_date("13/45/22, 1:00 PM"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date(""), None);
        // A year no one connected in (found by the cargo-fuzz merge target: chrono reads
        // `-019` as the year -19, which the store did not keep).
        assert_eq!(parse_date("02 Jan -019"), None);
        assert_eq!(parse_datetime("0019-01-02 10:00:00 UTC"), None);
        assert_eq!(parse_date("02 Jan 1899"), None);
        assert_eq!(parse_date("02 Jan 1900"), Some(d(1900, 1, 2)));
    }

    /// A spreadsheet re-saves dates in its locale's form; slashed ones are read in the
    /// order asked for, the others in the only order they are written in.
    #[test]
    fn dates_as_a_spreadsheet_writes_them() {
        use DateOrder::{DayFirst, MonthFirst};
        for order in [MonthFirst, DayFirst] {
            for (text, day) in [
                ("25.11.2024", d(2024, 11, 25)),
                ("5.1.2021", d(2021, 1, 5)),
                ("25.11.24", d(2024, 11, 25)),
                ("25-11-2024", d(2024, 11, 25)),
                ("2024/11/25", d(2024, 11, 25)),
                ("2024.1.5", d(2024, 1, 5)),
                ("09.09.1999", d(1999, 9, 9)),
            ] {
                assert_eq!(parse_date_in(text, order), Some(day), "{text} {order}");
            }
            let at = parse_datetime_in("20.11.2024 15:45", order).unwrap();
            assert_eq!(at.to_string(), "2024-11-20 15:45:00");
        }
        assert_eq!(parse_date_in("13/09/2022", DayFirst), Some(d(2022, 9, 13)));
        assert_eq!(parse_date_in("13/09/2022", MonthFirst), None);
        assert_eq!(parse_date_in("03/04/2022", DayFirst), Some(d(2022, 4, 3)));
        assert_eq!(parse_date_in("03/04/2022", MonthFirst), Some(d(2022, 3, 4)));
        assert_eq!(parse_date_in("11/25/2024", DayFirst), None);
        // A column that lost its date format: the spreadsheet's day numbers.
        assert_eq!(parse_date("45621"), Some(d(2024, 11, 25)));
        assert_eq!(parse_date("36526"), Some(d(2000, 1, 1)));
        let at = parse_datetime("45621.75").unwrap();
        assert_eq!(at.to_string(), "2024-11-25 18:00:00");
        for not_a_day in [
            "36525", "73051", "4562", "456210", "45621.", "45621.x", "-45621",
        ] {
            assert_eq!(parse_date(not_a_day), None, "{not_a_day}");
        }
        // A bare two-digit year is this century's, not the year 18.
        assert_eq!(parse_date("1/8/18"), Some(d(2018, 1, 8)));
        let at = parse_datetime_in("20/11/24, 3:45 PM", DayFirst).unwrap();
        assert_eq!(at.to_string(), "2024-11-20 15:45:00");
        for invalid in [
            "25.13.2024",
            "25.11",
            "25.11.2024.1",
            "25.11.202",
            "25/11-2024",
            "123.1.2024",
            "20.11.2024 25:00",
            "20.11.2024 3:45 XM",
            "20.11.2024 13:45 PM",
            "20.11.2024 10:00:00:00",
            "20.11.2024x",
        ] {
            assert_eq!(parse_datetime_in(invalid, DayFirst), None, "{invalid}");
        }
    }

    #[test]
    fn invitation_and_message_datetimes() {
        let dt = parse_datetime("11/20/24, 3:45 PM").unwrap();
        assert_eq!(dt.to_string(), "2024-11-20 15:45:00");
        let dt = parse_datetime("2024-12-16 18:24:37 UTC").unwrap();
        assert_eq!(dt.to_string(), "2024-12-16 18:24:37");
        assert_eq!(
            parse_datetime("12/1/24, 12:05 AM").unwrap().to_string(),
            "2024-12-01 00:05:00"
        );
    }
}
