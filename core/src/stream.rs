//! Validation of a JSON catalogue read as a stream, in memory bounded by the report rather than
//! by the file.
//!
//! Two passes over a seekable input. The first reads the header (every top-level key but
//! `items`, in whatever order the keys come: the header may follow the items) and skips the
//! items with `IgnoredAny`. The second reads the items one at a time, checks each against the
//! schema's constraints, runs the item rules on it (`rules::Pass`, the pass the
//! in-memory path runs too) and drops it, keeping only what rules across items need: ids and
//! names (`rules::items::Seen`). The report is the in-memory path's, byte for byte (a
//! test compares both on every fixture).
//!
//! A document the fast path would not take (not JSON, a structural problem anywhere, duplicate
//! keys, no items) is read whole and validated in memory instead, which explains the problem;
//! the input is then bounded by [`crate::Options::max_input_bytes`] as always.

use crate::error::Error;
use crate::model::{Catalogue, Item};
use crate::report::Report;
use crate::rules::{Ctx, Pass};
use crate::validate::{Validator, header_structurally_valid, item_structurally_valid};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;
use std::io::{BufReader, Read, Seek, SeekFrom};

/// Files at least this large are validated as a stream by [`validate_json_file`]; smaller ones
/// are read whole (one pass over bytes in memory is faster than two over a file).
pub const STREAM_FROM_BYTES: u64 = 16 << 20;

/// Validates the JSON catalogue at `path`: as a stream when it is at least
/// [`STREAM_FROM_BYTES`] long, else read whole. The report is the same either way.
pub fn validate_json_file(v: &Validator, path: &std::path::Path) -> Result<Report, Error> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::read_failed(&name, &e))?;
    let meta = file.metadata().map_err(|e| Error::read_failed(&name, &e))?;
    let max = v.options().max_input_bytes;
    if meta.is_file() && meta.len() > max as u64 {
        return Err(Error::TooLarge {
            what: "输入字节数".into(),
            limit: max as u64,
            actual: meta.len(),
        });
    }
    if meta.is_file() && meta.len() >= STREAM_FROM_BYTES {
        validate_json_reader(v, file, &name)
    } else {
        let bytes = crate::input::read_limited(file, v.options().max_input_bytes, &name)?;
        v.validate_json(&bytes)
    }
}

/// Whether a file name says JSON (`.json`, any case): the files [`validate_json_file`] is for.
pub fn is_json_name(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("json"))
}

/// Validates a JSON catalogue from a seekable reader (a file) in two streaming passes; `name`
/// names the input in an I/O error. Same report as [`Validator::validate_json`] on the bytes.
pub fn validate_json_reader<R: Read + Seek>(
    v: &Validator,
    mut reader: R,
    name: &str,
) -> Result<Report, Error> {
    let io = |e: std::io::Error| Error::read_failed(name, &e);
    let len = reader.seek(SeekFrom::End(0)).map_err(io)?;
    let max = v.options().max_input_bytes;
    if len > max as u64 {
        return Err(Error::TooLarge {
            what: "输入字节数".into(),
            limit: max as u64,
            actual: len,
        });
    }
    reader.seek(SeekFrom::Start(0)).map_err(io)?;
    let mut head = [0u8; 3];
    let n = read_up_to(&mut reader, &mut head).map_err(io)?;
    let start = if head[..n] == [0xEF, 0xBB, 0xBF] {
        3
    } else {
        0
    };
    if let Some(report) = stream(v, &mut reader, start) {
        return Ok(report);
    }
    fallback(v, reader, name)
}

/// The streaming passes alone: the report, or `None` when the document needs the in-memory
/// path (which [`validate_json_reader`] then takes). For tests and benchmarks that must know
/// which path ran.
pub fn streamed<R: Read + Seek>(v: &Validator, mut reader: R) -> Option<Report> {
    let mut head = [0u8; 3];
    reader.seek(SeekFrom::Start(0)).ok()?;
    let n = read_up_to(&mut reader, &mut head).ok()?;
    let start = if head[..n] == [0xEF, 0xBB, 0xBF] {
        3
    } else {
        0
    };
    stream(v, &mut reader, start)
}

fn fallback<R: Read + Seek>(v: &Validator, mut reader: R, name: &str) -> Result<Report, Error> {
    let io = |e: std::io::Error| Error::read_failed(name, &e);
    let max = v.options().max_input_bytes;
    reader.seek(SeekFrom::Start(0)).map_err(io)?;
    let bytes = crate::input::read_limited(reader, max, name)?;
    v.validate_json(&bytes)
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// The two passes; `None` when the document needs the in-memory path.
fn stream<R: Read + Seek>(v: &Validator, reader: &mut R, start: u64) -> Option<Report> {
    reader.seek(SeekFrom::Start(start)).ok()?;
    let mut de =
        serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, &mut *reader));
    let header = de.deserialize_map(HeaderVisitor).ok()?;
    de.end().ok()?;
    let header = header_catalogue(header)?;
    if !header_structurally_valid(&header) {
        return None;
    }
    let mut ctx = Ctx::new(v.options().today)
        .with_laws(v.options().laws.clone())
        .with_collector(v.collector());
    let mut pass = Pass::start(&header, &mut ctx, 0);
    reader.seek(SeekFrom::Start(start)).ok()?;
    let mut de =
        serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, &mut *reader));
    let items = de
        .deserialize_map(ItemsVisitor {
            pass: &mut pass,
            ctx: &mut ctx,
        })
        .ok()?;
    de.end().ok()?;
    if items == 0 {
        return None;
    }
    Some(v.finish(items, ctx.into_issues(), None))
}

/// First pass: the header's keys as values (duplicates refused), the items skipped. Fails (to
/// the in-memory path) when `items` is missing or given twice.
struct HeaderVisitor;

impl<'de> Visitor<'de> for HeaderVisitor {
    type Value = serde_json::Map<String, serde_json::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a catalogue object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut header = serde_json::Map::new();
        let mut items = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "items" {
                if items {
                    return Err(serde::de::Error::custom("duplicate field `items`"));
                }
                items = true;
                map.next_value::<IgnoredAny>()?;
            } else {
                let value = map.next_value_seed(crate::json::StrictValue)?;
                if header.insert(key, value).is_some() {
                    return Err(serde::de::Error::custom("duplicate field"));
                }
            }
        }
        if !items {
            return Err(serde::de::Error::missing_field("items"));
        }
        header.insert("items".into(), serde_json::Value::Array(Vec::new()));
        Ok(header)
    }
}

/// The header read by the first pass as a catalogue without items; `None` when it does not
/// deserialise (the in-memory path then explains why).
fn header_catalogue(
    header: serde_json::Map<String, serde_json::Value>,
) -> Option<Catalogue<'static>> {
    use serde::Deserialize as _;
    let value = serde_json::Value::Object(header);
    Catalogue::deserialize(&value)
        .ok()
        .map(Catalogue::into_owned)
}

/// Second pass: the items, one at a time, through the rules; everything else skipped.
struct ItemsVisitor<'p, 'c> {
    pass: &'p mut Pass<'c, 'static>,
    ctx: &'p mut Ctx,
}

impl<'de> Visitor<'de> for ItemsVisitor<'_, '_> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a catalogue object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<usize, A::Error> {
        let mut count = 0;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "items" {
                count = map.next_value_seed(ItemSeq {
                    pass: &mut *self.pass,
                    ctx: &mut *self.ctx,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(count)
    }
}

struct ItemSeq<'p, 'c> {
    pass: &'p mut Pass<'c, 'static>,
    ctx: &'p mut Ctx,
}

impl<'de> DeserializeSeed<'de> for ItemSeq<'_, '_> {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ItemSeq<'_, '_> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of items")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut i = 0;
        while let Some(item) = seq.next_element::<Item<'_>>()? {
            if !item_structurally_valid(&item) {
                return Err(serde::de::Error::custom("an item the schema refuses"));
            }
            let mut scanner = crate::rules::Scanner::uncached();
            self.pass.item(
                i,
                &item,
                &mut scanner,
                |s| Cow::Owned(s.to_owned()),
                self.ctx,
            );
            i += 1;
        }
        Ok(i)
    }
}
