//! Dates as the data model writes them: strict `YYYY-MM-DD`, real calendar dates only (the
//! schema's `pattern` and `format: date`).

/// Whether `s` is a real `YYYY-MM-DD` date (the pattern and `format: date` of the schema).
pub fn is_real_date(s: &str) -> bool {
    parse_date(s).is_some()
}

/// Parses a strict `YYYY-MM-DD` date of the years 0001–9999.
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| s[r].parse::<u32>().ok())
            .flatten()
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    if y == 0 {
        // No year zero (the schema's pattern refuses 0000 too; see DATE_PATTERN).
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}
