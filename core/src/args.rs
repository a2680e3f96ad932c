//! Arguments a caller gives as text (the command line, Python, JavaScript): languages,
//! severities, dates, the start of a deadline, reference names. Each is parsed here, once, with
//! the message every caller shows: `参数无效：{name} 应为{expected}，实际为{found}`.
//!
//! ```
//! use gongkai::{Lang, Severity, args};
//! assert_eq!(args::parse::<Lang>("lang", "en-US")?, Lang::En);
//! assert_eq!("警告".parse::<Severity>()?, Severity::Warning);
//! let e = args::parse::<chrono::NaiveDate>("today", "2024-02-30").unwrap_err();
//! assert_eq!(
//!     e.to_string(),
//!     "参数无效：today 应为 YYYY-MM-DD 格式的真实日期（如 2024-03-01），实际为“2024-02-30”"
//! );
//! # Ok::<(), gongkai::Error>(())
//! ```

use crate::error::{Error, excerpt};
use chrono::NaiveDate;

/// A value a caller gives as text.
pub trait Arg: Sized {
    /// What is expected, in Chinese, for the message (`zh（中文）或 en（English）`).
    const EXPECTED: &'static str;
    /// The value `text` stands for, if any.
    fn from_text(text: &str) -> Option<Self>;
}

/// Parses argument `name` (as the caller knows it: `lang`, `--today`, `options.minSeverity`).
pub fn parse<T: Arg>(name: &str, text: &str) -> Result<T, Error> {
    T::from_text(text).ok_or_else(|| invalid(name, T::EXPECTED, &quoted(text)))
}

/// `“text”` (at most 40 characters): how a message shows the text a caller gave.
pub fn quoted(text: &str) -> String {
    format!("“{}”", excerpt(text, 40))
}

/// The error of argument `name`: `参数无效：{name} 应为{expected}，实际为{found}` (`found` as the
/// caller's language shows the value, e.g. [`quoted`] text or a Python `repr`).
pub fn invalid(name: &str, expected: &str, found: &str) -> Error {
    Error::InvalidArgument(join(&[name, "应为", expected, "，实际为", found]))
}

/// What a count of days is ([`invalid`]'s `expected`).
pub const COUNT: &str = "非负整数";

/// Joins message parts with a space between Chinese and ASCII text, as the messages write them
/// (`lang 应为 zh…`, `语言应为 zh…`, `实际为“fr”`, `实际为 -1`, `true 或 false，实际为`).
fn join(parts: &[&str]) -> String {
    let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii_graphic());
    let tight = |c: Option<char>| c.is_some_and(|c| "，。、：；（）“”《》".contains(c));
    let mut out = String::new();
    for p in parts.iter().filter(|p| !p.is_empty()) {
        let (a, b) = (out.chars().last(), p.chars().next());
        if !out.is_empty() && (ascii(a) || ascii(b)) && !tight(a) && !tight(b) {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

impl Arg for NaiveDate {
    const EXPECTED: &'static str = "YYYY-MM-DD 格式的真实日期（如 2024-03-01）";
    fn from_text(text: &str) -> Option<Self> {
        crate::date::parse_date(text)
    }
}

impl Arg for crate::lang::Lang {
    const EXPECTED: &'static str = "zh（中文）或 en（English）";
    fn from_text(text: &str) -> Option<Self> {
        Self::from_code(text)
    }
}

/// Lives here, above [`Lang`](crate::lang::Lang), so that `lang` stays at the bottom.
impl std::str::FromStr for crate::lang::Lang {
    type Err = Error;

    /// Parses a language, or says which values are accepted.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse("语言", s)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_argument_and_the_value() {
        let e = invalid("n", COUNT, "-1").to_string();
        assert_eq!(e, "参数无效：n 应为非负整数，实际为 -1");
        let e = invalid("options.mask", "true 或 false", "\"yes\"").to_string();
        assert_eq!(
            e,
            "参数无效：options.mask 应为 true 或 false，实际为 \"yes\""
        );
        let e = parse::<NaiveDate>("日期", "tomorrow")
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "参数无效：日期应为 YYYY-MM-DD 格式的真实日期（如 2024-03-01），实际为“tomorrow”"
        );
        assert_eq!(
            parse::<NaiveDate>("today", "2024-02-29").unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
    }
}
