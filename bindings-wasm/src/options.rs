//! Options objects of the JavaScript API: serde-derived structs (`camelCase` keys, unknown keys
//! refused), read once from the JavaScript value by [`from_js`].
//!
//! The value goes through `JSON.stringify` (an `undefined` value is an absent key) and
//! serde_json; a small deserializer of our own then fills the struct, so that an error names
//! the key, what it should be and what it is, in Chinese, with the core's wording
//! ([`gongkai::args::invalid`]): `参数无效：options.mask 应为 true 或 false，实际为 "yes"`.
//! Text options the core parses (`lang`, `minSeverity`, `today`) use the core's parsers
//! ([`parsed`]).

use chrono::NaiveDate;
use gongkai::args::{self, Arg};
use gongkai::{Lang, Options, Severity};
use serde::de::{self, DeserializeOwned, Deserializer, IntoDeserializer, Visitor};
use serde::{Deserialize, forward_to_deserialize_any};
use serde_json::{Map, Value};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// Options of `validate`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ValidateOptions {
    /// Language of the messages.
    #[serde(deserialize_with = "parsed")]
    pub lang: Option<Lang>,
    /// The least severity reported.
    #[serde(deserialize_with = "parsed")]
    pub min_severity: Option<Severity>,
    /// Today, for rules about dates.
    #[serde(deserialize_with = "parsed")]
    pub today: Option<NaiveDate>,
    /// Mask personal data in the values messages quote.
    pub mask: bool,
    /// The most issues a report lists (the rest are counted in a `report.truncated` warning).
    pub max_issues: Option<u32>,
    /// The input is a file of this name (a table is imported first).
    pub file_name: Option<String>,
    /// A table: the sheet (XLSX) or `表N` (HTML, DOCX) to read.
    pub sheet: Option<String>,
    /// A table: the catalogue title, when the table has none.
    pub title: Option<String>,
    /// A table: the 领域 (a code or its Chinese name), when the table has none.
    pub domain: Option<String>,
    /// A table: the 编制单位, when the table has none.
    pub publisher: Option<String>,
    /// A table: the 目录层级 (code or Chinese name), when the table has none.
    #[serde(deserialize_with = "parsed")]
    pub level: Option<gongkai::model::Level>,
    /// A table: the 编制日期, when the table has none.
    #[serde(deserialize_with = "parsed")]
    pub issued: Option<NaiveDate>,
    /// Who supplies a missing catalogue field: `js` (default: the findings name the option,
    /// `{ domain }`) or `form` (they name the form's field, “领域”栏).
    #[serde(deserialize_with = "parsed")]
    pub front_end: Option<FrontEndOption>,
    /// A registry file of instruments (依据库), JSON text or an object, merged over the
    /// embedded one.
    pub laws: Option<Value>,
}

/// The core's validation options.
fn core(
    lang: Option<Lang>,
    min: Option<Severity>,
    today: Option<NaiveDate>,
    mask: bool,
    max_issues: Option<u32>,
    laws: Option<&Value>,
) -> Result<Options, JsValue> {
    let lang = lang.unwrap_or_default();
    let o = Options::default().lang(lang).mask_values(mask);
    let o = o.min_severity(min.unwrap_or(Severity::Info));
    let o = match today {
        Some(t) => o.today(t),
        None => o,
    };
    let o = match max_issues {
        Some(n) => o.max_issues(n as usize),
        None => o,
    };
    Ok(match registry(laws, lang)? {
        Some(reg) => o.laws(reg),
        None => o,
    })
}

/// `options.frontEnd`.
#[derive(Debug, Clone, Copy)]
pub enum FrontEndOption {
    /// A program calling the package.
    Js,
    /// A web form whose fields the user fills in.
    Form,
}

impl Arg for FrontEndOption {
    const EXPECTED: &'static str = "js（程序调用）或 form（表单）";
    fn from_text(text: &str) -> Option<Self> {
        match text {
            "js" => Some(FrontEndOption::Js),
            "form" => Some(FrontEndOption::Form),
            _ => None,
        }
    }
}

impl ValidateOptions {
    /// The core's import options for a table: the file name, the sheet, the catalogue fields
    /// the table lacks, and the front end the findings name.
    pub fn import(&self) -> gongkai::import::ImportOptions {
        let front_end = match self.front_end {
            Some(FrontEndOption::Form) => gongkai::import::FrontEnd::Form,
            _ => gongkai::import::FrontEnd::Js,
        };
        let mut o = gongkai::import::ImportOptions::default().front_end(front_end);
        o.file_name.clone_from(&self.file_name);
        o.sheet.clone_from(&self.sheet);
        o.title.clone_from(&self.title);
        o.domain.clone_from(&self.domain);
        o.publisher.clone_from(&self.publisher);
        o.level = self.level;
        o.issued = self.issued.map(|d| d.format("%Y-%m-%d").to_string());
        o
    }

    /// The core's validation options.
    pub fn core(&self) -> Result<Options, JsValue> {
        let laws = self.laws.as_ref();
        core(
            self.lang,
            self.min_severity,
            self.today,
            self.mask,
            self.max_issues,
            laws,
        )
    }
}

impl ItemContext {
    /// The core's validation options.
    pub fn core(&self) -> Result<Options, JsValue> {
        let laws = self.laws.as_ref();
        core(
            self.lang,
            self.min_severity,
            self.today,
            self.mask,
            self.max_issues,
            laws,
        )
    }
}

/// The registry of `options.laws` (a registry file as JSON text or an object) merged over the
/// embedded one; `None` when not given.
pub fn registry(
    laws: Option<&Value>,
    lang: Lang,
) -> Result<Option<std::sync::Arc<gongkai::laws::Registry>>, JsValue> {
    let text = match laws {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) => s.clone(),
        Some(v @ (Value::Object(_) | Value::Array(_))) => v.to_string(),
        Some(v) => {
            let e = args::invalid(
                "options.laws",
                "依据库文件的 JSON 文本或对象",
                &v.to_string(),
            );
            return Err(crate::js_error(&e));
        }
    };
    gongkai::laws::Registry::with_json_lang(&text, lang)
        .map(|reg| Some(std::sync::Arc::new(reg)))
        .map_err(|e| crate::js_error(&e))
}

/// Options of `laws`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct LawsOptions {
    /// A registry file merged over the embedded one.
    pub laws: Option<Value>,
    /// Language of error messages.
    #[serde(deserialize_with = "parsed")]
    pub lang: Option<Lang>,
    /// `lookupLaw` only: the citation's document number.
    pub doc_no: Option<String>,
}

/// Options of the calendar functions (`isWorkingDay`, `addWorkingDays`, `workingDaysBetween`,
/// `calendarDay`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct CalendarOptions {
    /// A newer holiday notice: CSV text added on top of the embedded schedule.
    pub calendar: Option<String>,
    /// Refuse years whose notice is not loaded.
    pub strict_calendar: bool,
    /// The functions returning a bare value: count a year without a notice provisionally
    /// (they refuse it otherwise, since a bare value cannot say it is provisional).
    pub provisional: bool,
    /// Language of error messages.
    #[serde(deserialize_with = "parsed")]
    pub lang: Option<Lang>,
}

/// The calendar of the options: the embedded schedule with the notice `text` added, strict
/// when asked. One non-generic function for every caller keeps the module small.
#[inline(never)]
pub fn calendar(
    text: Option<&str>,
    strict: bool,
    lang: Lang,
) -> Result<gongkai::calendar::Calendar, JsValue> {
    let embedded = gongkai::calendar::embedded();
    let cal = match text {
        None => embedded.clone(),
        Some(t) => embedded
            .with_csv(t)
            .map_err(|e| crate::js_error_lang(&e, lang))?,
    };
    Ok(cal.strict(strict))
}

/// Options of `validateItem` (its context).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ItemContext {
    /// Language of the messages.
    #[serde(deserialize_with = "parsed")]
    pub lang: Option<Lang>,
    /// The least severity reported.
    #[serde(deserialize_with = "parsed")]
    pub min_severity: Option<Severity>,
    /// Today, for rules about dates.
    #[serde(deserialize_with = "parsed")]
    pub today: Option<NaiveDate>,
    /// Mask personal data in the values messages quote.
    pub mask: bool,
    /// The most issues a report lists (the rest are counted in a `report.truncated` warning).
    pub max_issues: Option<u32>,
    /// The item's index in `items`.
    pub index: u32,
    /// The catalogue's header fields: an object, or its JSON text.
    pub header: Option<Value>,
    /// A registry file of instruments (依据库), as in [`ValidateOptions`].
    pub laws: Option<Value>,
}

/// Options of `deadline`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct DeadlineOptions {
    /// Working days granted under 条例 第三十三条.
    pub extension: u32,
    /// A newer holiday notice (CSV text), as in [`CalendarOptions`].
    pub calendar: Option<String>,
    /// Refuse years whose notice is not loaded.
    pub strict_calendar: bool,
    /// Language of error messages.
    #[serde(deserialize_with = "parsed")]
    pub lang: Option<Lang>,
}

/// Options of `audit`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct AuditOptions {
    /// Language of the messages.
    #[serde(deserialize_with = "parsed")]
    pub lang: Option<Lang>,
    /// Today, to tell overdue from pending.
    #[serde(deserialize_with = "parsed")]
    pub today: Option<NaiveDate>,
    /// A newer holiday notice (CSV text), as in [`CalendarOptions`].
    pub calendar: Option<String>,
    /// Refuse years whose notice is not loaded.
    pub strict_calendar: bool,
}

/// Options of `diff`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct DiffOptions {
    /// Compare two linked catalogues instead.
    pub consistency: bool,
    /// Language of the messages.
    #[serde(deserialize_with = "parsed")]
    pub lang: Option<Lang>,
    /// The least severity reported.
    #[serde(deserialize_with = "parsed")]
    pub min_severity: Option<Severity>,
    /// The least name similarity for a match.
    pub threshold: Option<f64>,
    /// The ambiguity margin.
    pub margin: Option<f64>,
}

/// Options of `evaluate`; `reference` and `scoring` (a name, JSON text, an object or a file's
/// bytes) are taken out raw first ([`take_raw`]).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct EvaluateOptions {
    /// Language of the messages and the report.
    #[serde(deserialize_with = "parsed")]
    pub lang: Option<Lang>,
    /// The evaluation day, for overdue records.
    #[serde(deserialize_with = "parsed")]
    pub today: Option<NaiveDate>,
    /// The report's title.
    pub title: Option<String>,
    /// A newer holiday notice (CSV text), as in [`CalendarOptions`].
    pub calendar: Option<String>,
    /// Refuse years whose notice is not loaded.
    pub strict_calendar: bool,
    /// Taken out raw before ([`take_raw`]): named here for the list of known keys.
    pub reference: Option<de::IgnoredAny>,
    /// Taken out raw before ([`take_raw`]): named here for the list of known keys.
    pub scoring: Option<de::IgnoredAny>,
}

/// One unit of `evaluate`'s `units`; `catalogue` and `records` (an object, JSON text or a
/// file's bytes) are taken out raw first ([`take_raw`]).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct EvaluationUnit {
    /// The unit's name.
    pub unit: Option<String>,
    /// Taken out raw before ([`take_raw`]): named here for the list of known keys.
    pub catalogue: Option<de::IgnoredAny>,
    /// Taken out raw before ([`take_raw`]): named here for the list of known keys.
    pub records: Option<de::IgnoredAny>,
    /// The catalogue is a file of this name (a table is imported).
    pub file_name: Option<String>,
    /// The records are a file of this name.
    pub records_file_name: Option<String>,
    /// The unit whose catalogue this one's is checked against.
    pub parent: Option<String>,
}

/// Options of `changes`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ChangesOptions {
    /// Language of the messages.
    #[serde(deserialize_with = "parsed")]
    pub lang: Option<Lang>,
    /// The least name similarity for a renamed item (0–1).
    pub threshold: Option<f64>,
    /// `json` (the report), `md`, `html` or `text` (the 修订说明).
    pub format: Option<String>,
}

/// Takes the keys `raw` out of the object `value`, as given (bytes, text or objects, which
/// JSON would not keep; `undefined` and `null` are absent), and returns a copy of the object
/// without them for [`from_js`]. Anything else than a plain object is returned as it is (for
/// [`from_js`] to refuse).
pub fn take_raw<const N: usize>(
    value: &JsValue,
    raw: [&str; N],
) -> (JsValue, [Option<JsValue>; N]) {
    let mut taken: [Option<JsValue>; N] = std::array::from_fn(|_| None);
    if !crate::is_plain_object(value) {
        return (value.clone(), taken);
    }
    let copy = js_sys::Object::assign(&js_sys::Object::new(), value.unchecked_ref());
    for (slot, key) in taken.iter_mut().zip(raw) {
        let key = JsValue::from_str(key);
        let v = js_sys::Reflect::get(&copy, &key).unwrap_or(JsValue::UNDEFINED);
        let _ = js_sys::Reflect::delete_property(&copy, &key);
        if !v.is_undefined() && !v.is_null() {
            *slot = Some(v);
        }
    }
    (copy.into(), taken)
}

/// A text option the core parses ([`Arg`]): a string, refused with the core's expectation.
fn parsed<'de, D: Deserializer<'de>, T: Arg>(d: D) -> Result<Option<T>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => T::from_text(&s)
            .map(Some)
            .ok_or_else(|| de::Error::invalid_value(de::Unexpected::Str(&s), &Zh(T::EXPECTED))),
    }
}

/// An expectation in Chinese.
struct Zh(&'static str);

impl de::Expected for Zh {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Reads the options object `value` (`undefined` and `null`: the defaults) of the argument
/// `what` (`options`, `context`).
pub fn from_js<T: DeserializeOwned + Default>(value: &JsValue, what: &str) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    let map = crate::is_plain_object(value)
        .then(|| crate::json_text(value).ok())
        .flatten()
        .and_then(|t| serde_json::from_str::<Map<String, Value>>(&t).ok());
    let Some(map) = map else {
        return Err(crate::invalid(what, "对象 {…}", value));
    };
    T::deserialize(De(Value::Object(map))).map_err(|e| crate::js_error(&e.at(what)))
}

/// What went wrong, before the message can name the options object: a value (its key, what
/// it should be, what it is: filled in as the error comes up through [`Entries`]), or an
/// unknown key (and the known ones).
#[derive(Debug)]
pub enum OptError {
    Value(String, String, String),
    Unknown(String, &'static [&'static str]),
}

impl OptError {
    /// The core's error, naming the key in the options object `what`.
    fn at(self, what: &str) -> gongkai::Error {
        match self {
            OptError::Value(key, expected, found) => {
                args::invalid(&format!("{what}.{key}"), &expected, &found)
            }
            OptError::Unknown(key, known) => gongkai::Error::InvalidArgument(format!(
                "{what} 中有未知的键“{}”（可用：{}）",
                gongkai::excerpt(&key, 40),
                known.join("、")
            )),
        }
    }
}

impl fmt::Display for OptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for OptError {}

impl de::Error for OptError {
    fn custom<M: fmt::Display>(msg: M) -> Self {
        OptError::Value(String::new(), msg.to_string(), String::new())
    }
    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::invalid_value(unexp, exp)
    }
    fn invalid_value(_: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        OptError::Value(String::new(), exp.to_string(), String::new())
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        OptError::Unknown(field.to_owned(), expected)
    }
}

/// The options object (a map) and then each value: the scalar types check their own kind.
struct De(Value);

impl De {
    fn wrong(expected: &str) -> OptError {
        OptError::Value(String::new(), expected.to_owned(), String::new())
    }
}

impl<'de> Deserializer<'de> for De {
    type Error = OptError;
    /// The options object itself, or (`header`) a JSON value.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptError> {
        self.0.deserialize_any(visitor).map_err(de::Error::custom)
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, OptError> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Entries(map.into_iter(), None)),
            _ => Err(De::wrong("对象 {…}")),
        }
    }
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptError> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(b),
            _ => Err(De::wrong("true 或 false")),
        }
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptError> {
        match self.0 {
            Value::String(s) => visitor.visit_string(s),
            _ => Err(De::wrong("字符串")),
        }
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptError> {
        self.deserialize_string(visitor)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptError> {
        match self.0.as_f64() {
            Some(n) => visitor.visit_f64(n),
            None => Err(De::wrong("数")),
        }
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptError> {
        match self.0.as_u64().filter(|n| *n <= u64::from(u32::MAX)) {
            Some(n) => visitor.visit_u64(n),
            None => Err(De::wrong(args::COUNT)),
        }
    }
    forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u64 u128 f32 char bytes byte_buf unit unit_struct
        newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// The keys of the options object, each value's error naming its key.
struct Entries(serde_json::map::IntoIter, Option<(String, Value)>);

impl<'de> de::MapAccess<'de> for Entries {
    type Error = OptError;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, OptError> {
        let Some((key, value)) = self.0.next() else {
            return Ok(None);
        };
        let found = seed.deserialize(key.as_str().into_deserializer())?;
        self.1 = Some((key, value));
        Ok(Some(found))
    }
    fn next_value_seed<S: de::DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, OptError> {
        let (key, value) = self.1.take().unwrap_or_default();
        // What the value is, as JavaScript writes it: text quoted, anything else as JSON.
        let found = match &value {
            Value::String(s) => args::quoted(s),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Null => "null".into(),
            Value::Array(_) => "数组".into(),
            Value::Object(_) => "对象".into(),
        };
        seed.deserialize(De(value)).map_err(|e| match e {
            OptError::Value(_, expected, _) => OptError::Value(key, expected, found),
            e => e,
        })
    }
}
