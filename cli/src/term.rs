//! The one output sanitiser: everything the CLI prints as text (stdout reports, stderr
//! messages) goes through [`Clean`], which shows control characters escaped (`\u{1b}`), so that
//! a value from a file (a key, a sheet name, a title, a loss or a note) cannot move the cursor,
//! clear the screen, write the clipboard (OSC 52), retitle the window or forge a line with `\r`.
//! Line breaks written by the CLI itself pass; the CLI's own colours are written through
//! [`Paint`] and [`raw`], the only way past the sanitiser. JSON output is written unchanged
//! ([`stdout`] with `clean` false): serde_json escapes control characters already.

use std::cell::Cell;
use std::fmt;
use std::io::{self, Write};

thread_local! {
    /// Set while [`Paint`] or [`raw`] writes the CLI's own escape sequences.
    static RAW: Cell<bool> = const { Cell::new(false) };
}

/// Whether `c` is shown escaped: C0 controls but the line feed, DEL, C1 controls, the line
/// and paragraph separators and the bidirectional overrides and isolates.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every unsafe character written as `\u{…}`.
pub fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A writer that cleans what it is given (see [`clean`]); text split inside a UTF-8
/// character is carried to the next write.
pub struct Clean<W: Write> {
    inner: W,
    on: bool,
    pending: Vec<u8>,
}

impl<W: Write> Clean<W> {
    /// Wraps `inner`; `on` false passes everything unchanged (JSON output).
    pub fn new(inner: W, on: bool) -> Self {
        Clean {
            inner,
            on,
            pending: Vec::new(),
        }
    }

    /// The writer back (bytes of an unfinished character, never written by the CLI, dropped).
    pub fn into_inner(self) -> W {
        self.inner
    }
}

impl<W: Write> Write for Clean<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.on || RAW.with(Cell::get) {
            self.inner.write_all(buf)?;
            return Ok(buf.len());
        }
        self.pending.extend_from_slice(buf);
        let (text, rest) = match std::str::from_utf8(&self.pending) {
            Ok(t) => (t, 0),
            Err(e) if e.error_len().is_none() => {
                let ok = e.valid_up_to();
                // The prefix up to `valid_up_to` is valid UTF-8; the rest waits for its next bytes.
                (
                    std::str::from_utf8(&self.pending[..ok]).unwrap_or_default(),
                    self.pending.len() - ok,
                )
            }
            Err(_) => {
                // Not UTF-8 (never written by the CLI): shown lossily, cleaned.
                let t = String::from_utf8_lossy(&self.pending).into_owned();
                self.inner.write_all(clean(&t).as_bytes())?;
                self.pending.clear();
                return Ok(buf.len());
            }
        };
        self.inner.write_all(clean(text).as_bytes())?;
        let keep = self.pending.split_off(self.pending.len() - rest);
        self.pending = keep;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Standard output, cleaned unless `clean` is false (JSON).
pub fn stdout(clean: bool) -> Clean<io::StdoutLock<'static>> {
    Clean::new(io::stdout().lock(), clean)
}

/// Standard error, cleaned.
pub fn stderr() -> Clean<io::StderrLock<'static>> {
    Clean::new(io::stderr().lock(), true)
}

/// Text in a colour (an SGR code such as `31;1`), or plain when `colour` is false; its text is
/// cleaned like any other, only the colour's own sequences pass.
pub struct Paint<'a> {
    colour: bool,
    code: &'a str,
    text: String,
}

/// See [`Paint`].
pub fn paint<'a>(colour: bool, code: &'a str, text: impl Into<String>) -> Paint<'a> {
    Paint {
        colour,
        code,
        text: text.into(),
    }
}

impl fmt::Display for Paint<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.colour {
            return f.write_str(&self.text);
        }
        raw(f, &format!("\x1b[{}m", self.code))?;
        f.write_str(&self.text)?;
        raw(f, "\x1b[0m")
    }
}

/// Writes the CLI's own escape sequence `seq` past the sanitiser.
pub fn raw(f: &mut impl fmt::Write, seq: &str) -> fmt::Result {
    RAW.with(|r| r.set(true));
    let result = f.write_str(seq);
    RAW.with(|r| r.set(false));
    result
}

/// A sequence of the CLI's own (progress line control), as a value for `write!`.
pub struct Raw(pub &'static str);

impl fmt::Display for Raw {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        raw(f, self.0)
    }
}

/// `println!` through the sanitiser.
macro_rules! outln {
    ($($a:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!($crate::term::stdout(true), $($a)*);
    }};
}

/// `eprintln!` through the sanitiser.
macro_rules! errln {
    ($($a:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!($crate::term::stderr(), $($a)*);
    }};
}

/// `eprint!` through the sanitiser.
macro_rules! err {
    ($($a:tt)*) => {{
        use std::io::Write as _;
        let _ = write!($crate::term::stderr(), $($a)*);
    }};
}

pub(crate) use {err, errln, outln};

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn controls_are_escaped_and_paint_passes() {
        let mut out = Clean::new(Vec::new(), true);
        let key = "a\u{1b}]52;c;SGVsbG8=\u{7}\rb\u{9b}2J\u{2028}";
        writeln!(out, "{} {key}", paint(true, "31", "错误")).unwrap();
        let text = String::from_utf8(out.inner).unwrap();
        assert_eq!(
            text,
            "\u{1b}[31m错误\u{1b}[0m a\\u{1b}]52;c;SGVsbG8=\\u{7}\\u{d}b\\u{9b}2J\\u{2028}\n"
        );
        // A colour's text is cleaned too; JSON passes unchanged.
        let mut out = Clean::new(Vec::new(), true);
        write!(out, "{}", paint(true, "1", "x\u{1b}[2J")).unwrap();
        assert!(
            String::from_utf8(out.inner)
                .unwrap()
                .contains("x\\u{1b}[2J")
        );
        let mut out = Clean::new(Vec::new(), false);
        write!(out, "a\u{1b}b").unwrap();
        assert_eq!(out.inner, b"a\x1bb");
    }

    #[test]
    fn characters_split_across_writes_are_kept() {
        let mut out = Clean::new(Vec::new(), true);
        let bytes = "第\u{1b}项".as_bytes();
        out.write_all(&bytes[..2]).unwrap();
        out.write_all(&bytes[2..]).unwrap();
        assert_eq!(String::from_utf8(out.inner).unwrap(), "第\\u{1b}项");
    }
}
