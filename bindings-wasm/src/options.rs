//! Options objects of the JavaScript API: serde-derived structs (`camelCase` keys, unknown keys
//! refused), read once from the JavaScript value by [`from_js`].
//!
//! The value goes through `JSON.stringify` (an `undefined` value is an absent key) and
//! serde_json; a small deserializer of our own then fills the struct, so that an error names
//! the key, what it should be and what it is, in Chinese, with the core's wording
//! ([`gongkai::args::invalid`]): `参数无效：options.mask 应为 true 或 false，实际为 "yes"`.
//! Text options the core parses (`lang`, `minSeverity`, `today`) use the core's parsers
//! ([`parsed`]).

use gongkai::args::{self, Arg};
use serde::de::{self, DeserializeOwned, Deserializer, IntoDeserializer, Visitor};
use serde::{Deserialize, forward_to_deserialize_any};
use serde_json::{Map, Value};
use std::fmt;
use wasm_bindgen::JsValue;

/// Options of `validate`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ValidateOptions {
    /// Language of the messages.
    #[serde(deserialize_with = "parsed")]
    pub lang: Option<gongkai::Lang>,
    /// The least severity reported.
    #[serde(deserialize_with = "parsed")]
    pub min_severity: Option<gongkai::Severity>,
    /// Today, for rules about dates.
    #[serde(deserialize_with = "parsed")]
    pub today: Option<chrono::NaiveDate>,
    /// Mask personal data in the values messages quote.
    pub mask: bool,
    /// The input is a file of this name (a table is imported first).
    pub file_name: Option<String>,
    /// `importTable` only: the sheet (XLSX) or `表N` (HTML) to read.
    #[cfg(feature = "tables")]
    pub sheet: Option<String>,
}

impl ValidateOptions {
    /// The core's validation options.
    pub fn core(&self) -> gongkai::Options {
        let mut o = gongkai::Options::default()
            .lang(self.lang.unwrap_or_default())
            .min_severity(self.min_severity.unwrap_or(gongkai::Severity::Info))
            .mask_values(self.mask);
        if let Some(t) = self.today {
            o = o.today(t);
        }
        o
    }
}

/// Options of `validateItem` (its context).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ItemContext {
    /// Language of the messages.
    #[serde(deserialize_with = "parsed")]
    pub lang: Option<gongkai::Lang>,
    /// The least severity reported.
    #[serde(deserialize_with = "parsed")]
    pub min_severity: Option<gongkai::Severity>,
    /// Today, for rules about dates.
    #[serde(deserialize_with = "parsed")]
    pub today: Option<chrono::NaiveDate>,
    /// Mask personal data in the values messages quote.
    pub mask: bool,
    /// The item's index in `items`.
    pub index: u32,
    /// The catalogue's header fields: an object, or its JSON text.
    pub header: Option<Value>,
}

/// Options of `deadline`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct DeadlineOptions {
    /// Working days granted under 条例 第三十三条.
    pub extension: u32,
}

/// Options of `audit`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct AuditOptions {
    /// Language of the messages.
    #[serde(deserialize_with = "parsed")]
    pub lang: Option<gongkai::Lang>,
    /// Today, to tell overdue from pending.
    #[serde(deserialize_with = "parsed")]
    pub today: Option<chrono::NaiveDate>,
}

/// Options of `diff`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct DiffOptions {
    /// Compare two linked catalogues instead.
    pub consistency: bool,
    /// Language of the messages.
    #[serde(deserialize_with = "parsed")]
    pub lang: Option<gongkai::Lang>,
    /// The least severity reported.
    #[serde(deserialize_with = "parsed")]
    pub min_severity: Option<gongkai::Severity>,
    /// The least name similarity for a match.
    pub threshold: Option<f64>,
    /// The ambiguity margin.
    pub margin: Option<f64>,
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
    let map = if crate::is_plain_object(value) {
        crate::json_text(value)
            .ok()
            .and_then(|t| serde_json::from_str::<Map<String, Value>>(&t).ok())
    } else {
        None
    };
    let Some(map) = map else {
        let found = value.js_typeof().as_string().unwrap_or_default();
        return Err(crate::js_error(&args::invalid(what, "对象 {…}", &found)));
    };
    T::deserialize(Object { map, what }).map_err(|e| crate::js_error(&e.at(what)))
}

/// What went wrong: the core's `invalid_argument`, or what a value or a key is before the
/// message can name it.
#[derive(Debug)]
pub enum OptError {
    /// The error, with its message.
    Done(gongkai::Error),
    /// A value: what it should be, what it is.
    Value(String, String),
    /// An unknown key, and the known ones.
    Unknown(String, &'static [&'static str]),
}

impl OptError {
    /// The error of argument `name`.
    fn at(self, name: &str) -> gongkai::Error {
        match self {
            OptError::Done(e) => e,
            OptError::Value(expected, found) => args::invalid(name, &expected, &found),
            OptError::Unknown(key, known) => gongkai::Error::InvalidArgument(format!(
                "{name} 中有未知的键“{}”（可用：{}）",
                gongkai::excerpt(&key, 40),
                known.join("、")
            )),
        }
    }
}

impl fmt::Display for OptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptError::Done(e) => e.fmt(f),
            OptError::Value(expected, found) => write!(f, "应为{expected}，实际为{found}"),
            OptError::Unknown(key, _) => write!(f, "未知的键 {key}"),
        }
    }
}

impl std::error::Error for OptError {}

impl de::Error for OptError {
    fn custom<M: fmt::Display>(msg: M) -> Self {
        OptError::Done(gongkai::Error::InvalidArgument(msg.to_string()))
    }
    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::invalid_value(unexp, exp)
    }
    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        let found = match unexp {
            de::Unexpected::Str(s) => args::quoted(s),
            other => other.to_string(),
        };
        OptError::Value(exp.to_string(), found)
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        OptError::Unknown(field.to_owned(), expected)
    }
}

/// The options object: a map of keys.
struct Object<'a> {
    map: Map<String, Value>,
    what: &'a str,
}

impl<'de> Deserializer<'de> for Object<'_> {
    type Error = OptError;
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptError> {
        let what = self.what;
        let mut entries = self.map.into_iter();
        visitor.visit_map(Entries {
            what,
            entries: &mut entries,
            key: String::new(),
            value: None,
        })
    }
    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

struct Entries<'a, I> {
    what: &'a str,
    entries: &'a mut I,
    key: String,
    value: Option<Value>,
}

impl<'de, I: Iterator<Item = (String, Value)>> de::MapAccess<'de> for Entries<'_, I> {
    type Error = OptError;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, OptError> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        let found = seed.deserialize(key.as_str().into_deserializer())?;
        self.key = key;
        self.value = Some(value);
        Ok(Some(found))
    }
    fn next_value_seed<S: de::DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, OptError> {
        let value = self.value.take().unwrap_or(Value::Null);
        let name = format!("{}.{}", self.what, self.key);
        seed.deserialize(Leaf(value))
            .map_err(|e| OptError::Done(e.at(&name)))
    }
}

/// One option's value: the scalar types check their own kind.
struct Leaf(Value);

impl Leaf {
    fn wrong(&self, expected: &str) -> OptError {
        let text = serde_json::to_string(&self.0).unwrap_or_default();
        OptError::Value(expected.to_owned(), gongkai::excerpt(&text, 40))
    }
}

impl<'de> Deserializer<'de> for Leaf {
    type Error = OptError;
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptError> {
        self.0.deserialize_any(visitor).map_err(de::Error::custom)
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
            _ => Err(self.wrong("true 或 false")),
        }
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptError> {
        match self.0 {
            Value::String(s) => visitor.visit_string(s),
            _ => Err(self.wrong("字符串")),
        }
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptError> {
        self.deserialize_string(visitor)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptError> {
        match self.0.as_f64() {
            Some(n) => visitor.visit_f64(n),
            None => Err(self.wrong("数")),
        }
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, OptError> {
        match self.0.as_u64().filter(|n| *n <= u64::from(u32::MAX)) {
            Some(n) => visitor.visit_u64(n),
            None => Err(self.wrong(args::COUNT)),
        }
    }
    forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u64 u128 f32 char bytes byte_buf unit unit_struct
        newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}
