//! JSON reading helpers shared by the fast and the explaining validation paths.
//!
//! - a UTF-8 BOM is accepted and skipped;
//! - a `serde_json::Value` is built only on the slow path, by a seed that refuses nothing but
//!   records every duplicate key (with its JSON Pointer), since `serde_json::Value` would keep the
//!   last one silently.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// Strips a leading UTF-8 byte order mark.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Deserialises a model type from JSON bytes on the fast path: the whole input is checked as
/// UTF-8 once with SIMD, then parsed as `&str`, so serde_json does not re-validate every string
/// (that per-string check was a third of the parse time on Chinese text).
pub(crate) fn from_slice_fast<'a, T: serde::Deserialize<'a>>(
    bytes: &'a [u8],
) -> Result<T, serde_json::Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => serde_json::from_str(s),
        // Let serde_json find the offending byte and report its line and column.
        Err(_) => serde_json::from_slice(bytes),
    }
}

/// Escapes one JSON Pointer reference token (RFC 6901).
pub fn escape_pointer_token(token: &str) -> String {
    if token.contains(['~', '/']) {
        token.replace('~', "~0").replace('/', "~1")
    } else {
        token.to_owned()
    }
}

/// What to do on a duplicate key while building a `Value`.
pub(crate) enum OnDuplicate<'p> {
    /// Fail (unknown keys' values on the fast path).
    Refuse,
    /// Count them (cheap first pass of the explaining path).
    Count(&'p mut usize),
    /// Record the JSON Pointer of each (second pass, only when the first pass counted any).
    Record(&'p mut Vec<String>),
}

/// Builds a `Value`, detecting duplicate keys (the last value wins in the `Value`, as in
/// serde_json). Paths are built only in `Record` mode.
pub(crate) struct ValueSeed<'p> {
    pub path: Option<String>,
    pub on_duplicate: OnDuplicate<'p>,
}

impl ValueSeed<'_> {
    fn child(&mut self, segment: impl FnOnce() -> String) -> ValueSeed<'_> {
        let on_duplicate = match &mut self.on_duplicate {
            OnDuplicate::Refuse => OnDuplicate::Refuse,
            OnDuplicate::Count(n) => OnDuplicate::Count(n),
            OnDuplicate::Record(v) => OnDuplicate::Record(v),
        };
        let path = match (&self.path, &on_duplicate) {
            (Some(p), OnDuplicate::Record(_)) => Some(format!("{p}/{}", segment())),
            _ => None,
        };
        ValueSeed { path, on_duplicate }
    }
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        loop {
            let n = out.len();
            match seq.next_element_seed(self.child(|| n.to_string()))? {
                Some(v) => out.push(v),
                None => break,
            }
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let v = map.next_value_seed(self.child(|| escape_pointer_token(&key)))?;
            if out.contains_key(&key) {
                match &mut self.on_duplicate {
                    OnDuplicate::Refuse => {
                        return Err(de::Error::custom(format!("duplicate key `{key}`")));
                    }
                    OnDuplicate::Count(n) => **n += 1,
                    OnDuplicate::Record(list) => list.push(format!(
                        "{}/{}",
                        self.path.as_deref().unwrap_or_default(),
                        escape_pointer_token(&key)
                    )),
                }
            }
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

fn parse_with(bytes: &[u8], on_duplicate: OnDuplicate<'_>) -> Result<Value, serde_json::Error> {
    let path = matches!(on_duplicate, OnDuplicate::Record(_)).then(String::new);
    let seed = ValueSeed { path, on_duplicate };
    // As on the fast path: check UTF-8 once, then let serde_json skip its per-string check.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        let mut de = serde_json::Deserializer::from_str(text);
        let v = seed.deserialize(&mut de)?;
        de.end()?;
        Ok(v)
    } else {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let v = seed.deserialize(&mut de)?;
        de.end()?;
        Ok(v)
    }
}

/// Parses JSON into a `Value`, returning the pointers of all duplicate keys. Paths are only
/// built (in a second pass) when there is a duplicate at all.
pub(crate) fn parse_value_with_duplicates(
    bytes: &[u8],
) -> Result<(Value, Vec<String>), serde_json::Error> {
    let mut count = 0usize;
    let v = parse_with(bytes, OnDuplicate::Count(&mut count))?;
    if count == 0 {
        return Ok((v, Vec::new()));
    }
    drop(v);
    let mut dups = Vec::new();
    let v = parse_with(bytes, OnDuplicate::Record(&mut dups))?;
    Ok((v, dups))
}

/// Deserialises an unknown key's value, refusing duplicate keys inside it (the fast path fails
/// and the explaining path reports them with their pointers).
pub(crate) fn strict_value<'de, D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
    ValueSeed {
        path: None,
        on_duplicate: OnDuplicate::Refuse,
    }
    .deserialize(d)
}

/// A seed for `MapAccess::next_value_seed` that reads an unknown key's value strictly.
pub(crate) struct StrictValue;

impl<'de> DeserializeSeed<'de> for StrictValue {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        strict_value(d)
    }
}

/// A JSON Schema `integer`: any JSON number with no fractional part (`20` and `20.0` alike),
/// read as `u32`. A number outside `u32` (negative, too large, fractional) is a type error, as
/// the typed model cannot hold it; the explaining path then lets the schema say what is wrong.
pub(crate) struct SchemaInt(pub u32);

impl<'de> serde::Deserialize<'de> for SchemaInt {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = SchemaInt;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<SchemaInt, E> {
                u32::try_from(v)
                    .map(SchemaInt)
                    .map_err(|_| E::custom("number out of range"))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<SchemaInt, E> {
                u32::try_from(v)
                    .map(SchemaInt)
                    .map_err(|_| E::custom("number out of range"))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<SchemaInt, E> {
                if v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v) {
                    // Exact: a whole number within u32's range.
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    Ok(SchemaInt(v as u32))
                } else {
                    Err(E::custom("not a whole number in range"))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// Orders JSON Pointers segment by segment, numbers numerically (`/items/2` before `/items/10`).
pub fn pointer_order(a: &str, b: &str) -> std::cmp::Ordering {
    let mut ia = a.split('/');
    let mut ib = b.split('/');
    loop {
        match (ia.next(), ib.next()) {
            (None, None) => return std::cmp::Ordering::Equal,
            (None, Some(_)) => return std::cmp::Ordering::Less,
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(x), Some(y)) => {
                let o = match (x.parse::<u64>(), y.parse::<u64>()) {
                    (Ok(nx), Ok(ny)) => nx.cmp(&ny),
                    _ => x.cmp(y),
                };
                if o != std::cmp::Ordering::Equal {
                    return o;
                }
            }
        }
    }
}
