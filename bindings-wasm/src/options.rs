//! Options objects of the JavaScript API (`{ lang, minSeverity, today }`), read strictly: an
//! unknown key or a bad value is an `invalid_argument` error naming it, never silently ignored.

use gongkai::{Error, Lang, Options, Severity};
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// Builds core options from the option strings (native code, unit-tested).
pub fn options_from(
    lang: Option<&str>,
    min_severity: Option<&str>,
    today: Option<&str>,
) -> Result<Options, Error> {
    let mut o = Options::default();
    if let Some(l) = lang {
        o = o.lang(Lang::from_code(l).ok_or_else(|| {
            Error::InvalidArgument(format!(
                "lang 应为 \"zh\" 或 \"en\"，实际为 \"{}\"",
                short(l)
            ))
        })?);
    }
    if let Some(s) = min_severity {
        o = o.min_severity(Severity::from_code(s).ok_or_else(|| {
            Error::InvalidArgument(format!(
                "minSeverity 应为 \"info\"、\"warning\" 或 \"error\"，实际为 \"{}\"",
                short(s)
            ))
        })?);
    }
    if let Some(t) = today {
        o = o.today(gongkai::parse_date(t).ok_or_else(|| {
            Error::InvalidArgument(format!(
                "today 应为 YYYY-MM-DD 格式的真实日期，实际为 \"{}\"",
                short(t)
            ))
        })?);
    }
    Ok(o)
}

fn short(s: &str) -> String {
    gongkai::excerpt(s, 40)
}

/// Checks that a JavaScript number is an item index (an integer from 0 to 2³²−1).
pub fn index_from(n: f64) -> Result<usize, Error> {
    if n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) {
        Ok(n as usize)
    } else {
        Err(Error::InvalidArgument(format!(
            "index 应为非负整数，实际为 {n}"
        )))
    }
}

/// Reads the keys of an options object one by one; [`OptionReader::finish`] rejects the keys
/// nobody asked for.
pub struct OptionReader {
    what: &'static str,
    object: Option<Object>,
    remaining: Vec<String>,
    known: Vec<&'static str>,
}

fn err(e: Error) -> JsValue {
    crate::js_error(&e)
}

impl OptionReader {
    /// Starts reading `value` (`undefined` and `null` mean no options).
    pub fn new(value: &JsValue, what: &'static str) -> Result<Self, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(OptionReader {
                what,
                object: None,
                remaining: Vec::new(),
                known: Vec::new(),
            });
        }
        if !crate::is_plain_object(value) {
            return Err(err(Error::InvalidArgument(format!(
                "{what} 应为对象 {{…}}"
            ))));
        }
        let object = Object::from(value.clone());
        let remaining = Object::keys(&object)
            .iter()
            .filter_map(|k| k.as_string())
            .collect();
        Ok(OptionReader {
            what,
            object: Some(object),
            remaining,
            known: Vec::new(),
        })
    }

    /// The value of `key`, when present and not `undefined`.
    pub fn take(&mut self, key: &'static str) -> Option<JsValue> {
        self.known.push(key);
        self.remaining.retain(|k| k != key);
        let v = Reflect::get(self.object.as_ref()?, &JsValue::from_str(key)).ok()?;
        (!v.is_undefined()).then_some(v)
    }

    /// A string option.
    pub fn string(&mut self, key: &'static str) -> Result<Option<String>, JsValue> {
        match self.take(key) {
            None => Ok(None),
            Some(v) => v.as_string().map(Some).ok_or_else(|| {
                err(Error::InvalidArgument(format!(
                    "{}.{key} 应为字符串",
                    self.what
                )))
            }),
        }
    }

    /// A boolean option.
    pub fn boolean(&mut self, key: &'static str) -> Result<Option<bool>, JsValue> {
        match self.take(key) {
            None => Ok(None),
            Some(v) => v.as_bool().map(Some).ok_or_else(|| {
                err(Error::InvalidArgument(format!(
                    "{}.{key} 应为 true 或 false",
                    self.what
                )))
            }),
        }
    }

    /// An item index option.
    pub fn index(&mut self, key: &'static str) -> Result<Option<usize>, JsValue> {
        match self.take(key) {
            None => Ok(None),
            Some(v) => match v.as_f64() {
                Some(n) => index_from(n).map(Some).map_err(err),
                None => Err(err(Error::InvalidArgument(format!(
                    "{}.{key} 应为非负整数",
                    self.what
                )))),
            },
        }
    }

    /// Fails on any key that was not read.
    pub fn finish(self) -> Result<(), JsValue> {
        match self.remaining.first() {
            None => Ok(()),
            Some(k) => Err(err(Error::InvalidArgument(format!(
                "{} 中有未知的键 \"{}\"（可用：{}）",
                self.what,
                short(k),
                self.known.join("、")
            )))),
        }
    }
}

/// Reads `lang`, `minSeverity` and `today`.
pub fn parse_options(r: &mut OptionReader) -> Result<Options, JsValue> {
    let lang = r.string("lang")?;
    let min = r.string("minSeverity")?;
    let today = r.string("today")?;
    options_from(lang.as_deref(), min.as_deref(), today.as_deref()).map_err(err)
}

/// The options of a validation: those of [`parse_options`], `mask` (mask personal data
/// such as phone numbers and the names after 联系人： in the values messages quote; default
/// false) and `maxIssues` (the most issues a report lists, default 100,000).
pub fn parse_validate_options(r: &mut OptionReader) -> Result<Options, JsValue> {
    let o = parse_options(r)?;
    let mut o = o.mask_values(r.boolean("mask")?.unwrap_or(false));
    if let Some(n) = r.index("maxIssues")? {
        o = o.max_issues(n);
    }
    let lang = o.lang;
    Ok(match laws_option(r, lang)? {
        Some(reg) => o.laws(reg),
        None => o,
    })
}

/// Reads `laws`: a registry file of instruments (依据库) as JSON text or an object, merged over
/// the embedded registry; absent, the embedded one alone.
pub fn laws_option(
    r: &mut OptionReader,
    lang: Lang,
) -> Result<Option<std::sync::Arc<gongkai::laws::Registry>>, JsValue> {
    let Some(v) = r.take("laws") else {
        return Ok(None);
    };
    if v.is_null() {
        return Ok(None);
    }
    let text = match v.as_string() {
        Some(s) => s,
        None if crate::is_plain_object(&v) || js_sys::Array::is_array(&v) => {
            js_sys::JSON::stringify(&v)
                .ok()
                .and_then(|s| s.as_string())
                .ok_or_else(|| {
                    err(Error::InvalidArgument(format!(
                        "{}.laws 无法转换为 JSON",
                        r.what
                    )))
                })?
        }
        None => {
            return Err(err(Error::InvalidArgument(format!(
                "{}.laws 应为依据库文件的 JSON 文本或对象",
                r.what
            ))));
        }
    };
    gongkai::laws::Registry::with_json_lang(&text, lang)
        .map(|reg| Some(std::sync::Arc::new(reg)))
        .map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse_and_reject() {
        let o = options_from(Some("en"), Some("warning"), Some("2026-01-15")).unwrap_or_default();
        assert_eq!(o.lang, Lang::En);
        assert_eq!(o.min_severity, Severity::Warning);
        assert_eq!(o.today, gongkai::parse_date("2026-01-15"));
        assert_eq!(options_from(None, None, None), Ok(Options::default()));
        for bad in [
            options_from(Some("fr"), None, None),
            options_from(None, Some("fatal"), None),
            options_from(None, None, Some("2026-02-30")),
        ] {
            assert_eq!(bad.map_err(|e| e.code()), Err("invalid_argument"));
        }
    }

    #[test]
    fn indexes_are_non_negative_integers() {
        assert_eq!(index_from(3.0), Ok(3));
        assert_eq!(index_from(0.0), Ok(0));
        for bad in [-1.0, 1.5, f64::NAN, f64::INFINITY, 1e12] {
            assert_eq!(
                index_from(bad).map_err(|e| e.code()),
                Err("invalid_argument")
            );
        }
    }
}
