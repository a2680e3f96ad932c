//! Reading input under a size limit: files, pipes and standard input alike are read through a
//! reader capped one byte past the limit, so an endless pipe or a huge (or sparse) file stops
//! at the limit instead of filling memory first and being refused after.

use crate::Error;
use std::io::Read;

/// Reads everything from `reader`, refusing input of more than `limit` bytes with
/// [`Error::TooLarge`] (its `actual` is then a lower bound: the limit plus one). `name` names the
/// input in an I/O error.
///
/// ```
/// let data = gongkai::read_limited(&b"abc"[..], 3, "stdin")?;
/// assert_eq!(data, b"abc");
/// let e = gongkai::read_limited(std::io::repeat(b'x'), 1 << 10, "stdin").unwrap_err();
/// assert_eq!(e.code(), "too_large");
/// # Ok::<(), gongkai::Error>(())
/// ```
pub fn read_limited(reader: impl Read, limit: usize, name: &str) -> Result<Vec<u8>, Error> {
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut out = Vec::new();
    reader
        .take(cap)
        .read_to_end(&mut out)
        .map_err(|e| Error::read_failed(name, &e))?;
    if out.len() > limit {
        return Err(Error::TooLarge {
            what: "输入字节数".into(),
            limit: limit as u64,
            actual: out.len() as u64,
        });
    }
    Ok(out)
}

/// Reads a file (or a named pipe, `/dev/stdin` …) through [`read_limited`]; the file's size is
/// not trusted (a pipe has none, a sparse file lies about its content).
pub fn read_file_limited(path: &std::path::Path, limit: usize) -> Result<Vec<u8>, Error> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::read_failed(&name, &e))?;
    read_limited(file, limit, &name)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_limit_is_inclusive_and_an_endless_reader_stops() {
        assert_eq!(read_limited(&b"abcd"[..], 4, "x").unwrap().len(), 4);
        let e = read_limited(&b"abcde"[..], 4, "x").unwrap_err();
        assert_eq!(e.code(), "too_large");
        let e = read_limited(std::io::repeat(0), 1 << 20, "x").unwrap_err();
        assert!(matches!(e, Error::TooLarge { actual, .. } if actual == (1 << 20) + 1));
    }
}
