//! Structural rules: what the published JSON Schema says, mapped to our own codes and Chinese
//! messages (no raw validator text reaches users), plus duplicate and unknown keys.

use super::Ctx;
use crate::codes;
use crate::issue::Finding;
use crate::model::{Catalogue, Extra, Item, column_title, field_title, known_keys};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

/// Unknown keys of the catalogue's header as read (warnings naming the closest known key), and
/// its fields of a newer schema version in a file that declares an older one.
pub(crate) fn check_header(cat: &Catalogue<'_>, ctx: &mut Ctx) {
    newer_version_header(cat, ctx);
    if ctx.header_ok() {
        for (j, r) in cat.revisions.iter().enumerate() {
            unknown(
                ctx,
                &r.extra,
                &format!("/revisions/{j}"),
                known_keys::REVISION,
                None,
            );
        }
        unknown(ctx, &cat.extra, "", known_keys::CATALOGUE, None);
        if let Some(r) = &cat.region {
            unknown(ctx, &r.extra, "/region", known_keys::REGION, None);
        }
        if let Some(b) = &cat.based_on {
            unknown(ctx, &b.extra, "/based_on", known_keys::BASED_ON, None);
        }
    }
}

/// The same for item `i`: its 1.1 fields when the catalogue says 1.0 (`version_1_0`), and its
/// unknown keys.
pub(crate) fn check_item(i: usize, item: &Item<'_>, version_1_0: bool, ctx: &mut Ctx) {
    if version_1_0 && ctx.header_ok() {
        newer_version_item(i, item, ctx);
    }
    // Build paths only for an object that has unknown keys (nearly never).
    if item.extra.is_empty()
        && item.time_limit.extra.is_empty()
        && item.basis.iter().all(|c| c.extra.is_empty())
    {
        return;
    }
    let base = ctx.item_path(i);
    let id = Some(item.id.as_str());
    unknown(ctx, &item.extra, &base, known_keys::ITEM, id);
    for (j, c) in item.basis.iter().enumerate() {
        unknown(
            ctx,
            &c.extra,
            &format!("{base}/basis/{j}"),
            known_keys::CITATION,
            id,
        );
    }
    let tl = format!("{base}/time_limit");
    unknown(ctx, &item.time_limit.extra, &tl, known_keys::TIME_LIMIT, id);
}

fn newer_params(key: &str) -> Vec<(&'static str, String)> {
    vec![
        ("field", field_title(key).unwrap_or(key).to_owned()),
        ("key", key.to_owned()),
        ("version", crate::model::SCHEMA_VERSION.to_owned()),
    ]
}

/// In a file that says 1.0, each header field only 1.1 has (a warning: the file is read as it
/// is). Without the catalogue's header (an item validated alone) its version is unknown: a 1.1
/// field may be in a 1.1 file, so nothing is said.
fn newer_version_header(cat: &Catalogue<'_>, ctx: &mut Ctx) {
    if cat.schema_version != crate::model::SCHEMA_VERSION || !ctx.header_ok() {
        return;
    }
    let present = [
        ("version", cat.version.is_some()),
        ("revisions", !cat.revisions.is_empty()),
        ("next_review", cat.next_review.is_some()),
    ];
    for (key, _) in present.iter().filter(|(_, on)| *on) {
        ctx.push(
            codes::schema::NEWER_VERSION_FIELD,
            format!("/{key}"),
            &newer_params(key),
        );
    }
}

fn newer_version_item(i: usize, item: &Item<'_>, ctx: &mut Ctx) {
    let present = [
        ("retention", item.retention.is_some()),
        ("responsible_office", item.responsible_office.is_some()),
        ("scope_note", item.scope_note.is_some()),
    ];
    for (key, _) in present.iter().filter(|(_, on)| *on) {
        ctx.push_item(
            codes::schema::NEWER_VERSION_FIELD,
            i,
            item,
            &format!("/{key}"),
            &newer_params(key),
        );
    }
    if item.time_limit.from == Some(crate::model::Anchor::FormedOrObtained) {
        let mut p = newer_params("from");
        p[0].1 = "起算点（自制作或者获取信息之日）".to_owned();
        ctx.push_item(
            codes::schema::NEWER_VERSION_FIELD,
            i,
            item,
            "/time_limit/from",
            &p,
        );
    }
}

fn unknown(ctx: &mut Ctx, extra: &Extra, base: &str, known: &[&str], item_id: Option<&str>) {
    for key in extra.keys() {
        let mut params = crate::issue::Params::new();
        params.insert("key", key.clone());
        match closest(key, known) {
            Some(k) => {
                let zh = field_title(k).unwrap_or(k);
                params.insert("suggestion", k.to_owned());
                params.insert("suggestion_zh", format!("，是否应为“{k}”（{zh}）"));
                params.insert("suggestion_en", format!(" (did you mean “{k}”?)"));
            }
            None => {
                params.insert("suggestion_zh", String::new());
                params.insert("suggestion_en", String::new());
            }
        }
        let path = format!("{base}/{}", crate::json::escape_pointer_token(key));
        let mut f = Finding::new(codes::schema::UNKNOWN_KEY, path, item_id, &[]);
        f.params = params;
        ctx.push_raw(f);
    }
}

/// The known key closest to `key` by edit distance, when close enough to be a typo.
pub fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = key.to_lowercase();
    let n = lower.chars().count();
    let max = if n <= 4 { 1 } else { 2 + n / 8 };
    known
        .iter()
        .map(|k| (levenshtein(&lower, k), *k))
        .filter(|(d, _)| *d <= max)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Items validated at once by [`schema_issues_chunked`].
const CHUNK: usize = 1_024;

/// [`schema_issues_into`] for a document with many items: the header with one chunk of items at
/// a time (the schema has no constraint across items), the paths mapped back, so that the
/// validator's own errors (which it gathers for a whole array at once) stay bounded by a chunk.
pub(crate) fn schema_issues_chunked(instance: &Value, out: &mut crate::issue::Collector) {
    let (Value::Object(map), Some(Value::Array(items))) = (instance, instance.get("items")) else {
        return schema_issues_into(instance, out);
    };
    if items.len() <= CHUNK {
        return schema_issues_into(instance, out);
    }
    let mut header = serde_json::Map::new();
    for (k, v) in map {
        if k != "items" {
            header.insert(k.clone(), v.clone());
        }
    }
    for (c, chunk) in items.chunks(CHUNK).enumerate() {
        let mut doc = header.clone();
        doc.insert("items".into(), Value::Array(chunk.to_vec()));
        let doc = Value::Object(doc);
        let mut part = crate::issue::Collector::default();
        schema_issues_into(&doc, &mut part);
        for mut f in part.finish() {
            match f.path.strip_prefix("/items/") {
                Some(rest) => {
                    let (k, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
                    if let Ok(k) = k.parse::<usize>() {
                        f.path = format!("/items/{}{tail}", c * CHUNK + k);
                    }
                }
                // Header findings once, from the first chunk.
                None if c > 0 => continue,
                None => {}
            }
            out.push(f);
        }
    }
}

/// Maps the schema validator's errors on `instance` to raw issues, into a collector one validator
/// error at a time, so that a document with millions of problems never holds more findings than
/// the report will show.
pub(crate) fn schema_issues_into(instance: &Value, out: &mut crate::issue::Collector) {
    let mut last: Option<(crate::codes::Code, String)> = None;
    let mut one = Vec::new();
    for e in crate::schema::compiled().iter_errors(instance) {
        map_error(instance, &e, &mut one);
        for f in one.drain(..) {
            // A `date` that fails its pattern also fails its format: one issue is enough.
            if last
                .as_ref()
                .is_some_and(|(c, p)| *c == f.code && *p == f.path)
            {
                continue;
            }
            last = Some((f.code, f.path.clone()));
            out.push(f);
        }
    }
}

/// Whether a branch of an `anyOf` is the `null` alternative of an optional value that failed
/// only because the value is not null.
fn is_null_branch(errors: &[jsonschema::ValidationError<'_>]) -> bool {
    matches!(errors, [e] if matches!(e.kind(), ValidationErrorKind::Type { kind: TypeKind::Single(t) } if t.to_string() == "null"))
}

/// Maps one validator error to raw issues (an optional value, `anyOf: [T, null]`, is explained
/// by the errors of its `T` branch).
fn map_error(instance: &Value, e: &jsonschema::ValidationError<'_>, out: &mut Vec<Finding>) {
    if let ValidationErrorKind::AnyOf { context } = e.kind() {
        if context.iter().any(|b| is_null_branch(b)) {
            let mut mapped = false;
            for branch in context.iter().filter(|b| !is_null_branch(b)) {
                for sub in branch {
                    map_error(instance, sub, out);
                    mapped = true;
                }
            }
            if mapped {
                return;
            }
        }
    }
    {
        let ipath = e.instance_path().as_str().to_owned();
        let spath = e.schema_path().as_str().to_owned();
        let item_id = item_id_of(instance, &ipath);
        let mut params = crate::issue::Params::new();
        let value = e.instance();
        let (code, path): (crate::codes::Code, String) = match e.kind() {
            ValidationErrorKind::Required { property } => {
                let key = property.as_str().unwrap_or_default().to_owned();
                let path = format!("{ipath}/{}", crate::json::escape_pointer_token(&key));
                if spath.contains("/then/") && key == "channels" && !spath.contains("allOf") {
                    (codes::channels::WEBSITE_REQUIRED, path)
                } else {
                    params.insert("key", key.clone());
                    params.insert("field", column_title(&path).to_owned());
                    (codes::schema::REQUIRED, path)
                }
            }
            ValidationErrorKind::Contains if spath.contains("/then/") => {
                (codes::channels::WEBSITE_REQUIRED, ipath)
            }
            ValidationErrorKind::Not { .. }
                if spath.ends_with("/not") && ipath.starts_with("/items/") =>
            {
                (codes::schema::CHANNELS_MISSING, format!("{ipath}/channels"))
            }
            ValidationErrorKind::Type { kind } => {
                let (zh, en) = expected_type(kind);
                params.insert("expected", zh);
                params.insert("expected_en", en);
                let (azh, aen) = actual_type(value);
                params.insert("actual", azh.into());
                params.insert("actual_en", aen.into());
                (codes::schema::TYPE, ipath)
            }
            ValidationErrorKind::Constant { .. } if ipath == "/schema_version" => {
                params.insert("value", display_value(value));
                (codes::schema::SCHEMA_VERSION, ipath)
            }
            ValidationErrorKind::Enum { .. } if ipath == "/schema_version" => {
                params.insert("value", display_value(value));
                (codes::schema::SCHEMA_VERSION, ipath)
            }
            ValidationErrorKind::Enum { options } => {
                params.insert("value", display_value(value));
                params.insert("allowed", allowed_list(options));
                (codes::schema::ENUM, ipath)
            }
            ValidationErrorKind::Constant { expected_value } => {
                params.insert("value", display_value(value));
                params.insert("allowed", display_value(expected_value));
                (codes::schema::ENUM, ipath)
            }
            ValidationErrorKind::OneOfNotValid { .. } => {
                // Code lists are `oneOf` of `const` + `title`.
                params.insert("value", display_value(value));
                params.insert("allowed", code_titles_at(&spath));
                (codes::schema::ENUM, ipath)
            }
            ValidationErrorKind::MinLength { .. } => (codes::schema::EMPTY, ipath),
            ValidationErrorKind::MinItems { .. } => (codes::schema::MIN_ITEMS, ipath),
            ValidationErrorKind::UniqueItems => (codes::schema::DUPLICATE_VALUES, ipath),
            ValidationErrorKind::Minimum { limit } | ValidationErrorKind::Maximum { limit } => {
                params.insert("value", display_value(value));
                let (lo, hi) = range_at(&spath);
                params.insert("limit", format!("{lo}–{hi}"));
                params.insert("limit_en", format!("{lo} to {hi}"));
                let _ = limit;
                (codes::schema::OUT_OF_RANGE, ipath)
            }
            // An empty date is not written wrongly but not written at all.
            ValidationErrorKind::Format { .. } | ValidationErrorKind::Pattern { .. }
                if value.as_str().is_some_and(|v| v.trim().is_empty()) =>
            {
                (codes::schema::EMPTY, ipath)
            }
            ValidationErrorKind::Format { .. } => {
                params.insert("value", display_value(value));
                (codes::schema::INVALID_DATE, ipath)
            }
            ValidationErrorKind::Pattern { .. } | ValidationErrorKind::MaxLength { .. } => {
                params.insert("value", display_value(value));
                if ipath == "/issued" || ipath == "/updated" {
                    (codes::schema::INVALID_DATE, ipath)
                } else {
                    (codes::schema::PATTERN, ipath)
                }
            }
            other => {
                params.insert("detail", format!("{other:?}").chars().take(60).collect());
                (codes::schema::INVALID, ipath)
            }
        };
        params.get_or_insert_with("field", || column_title(&path).to_owned());
        if let Some(name) = item_name_of(instance, &path) {
            params.get_or_insert_with("item", || name);
        }
        let mut f = Finding::new(code, path, None, &[]);
        f.item_id = item_id;
        f.params = params;
        out.push(f);
    }
}

fn item_index(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("/items/")?;
    rest.split('/').next()?.parse().ok()
}

fn item_id_of(instance: &Value, path: &str) -> Option<String> {
    let i = item_index(path)?;
    match instance.get("items")?.get(i)?.get("id")? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn item_name_of(instance: &Value, path: &str) -> Option<String> {
    let i = item_index(path)?;
    instance
        .get("items")?
        .get(i)?
        .get("name")?
        .as_str()
        .map(str::to_owned)
}

fn expected_type(kind: &TypeKind) -> (String, String) {
    let one = |t: &jsonschema::JsonType| -> (&'static str, &'static str) {
        match t.to_string().as_str() {
            "string" => ("文本", "text"),
            "integer" => ("整数", "an integer"),
            "number" => ("数字", "a number"),
            "array" => ("列表", "a list"),
            "object" => ("对象", "an object"),
            "boolean" => ("是/否", "true or false"),
            "null" => ("空值", "null"),
            _ => ("其他", "other"),
        }
    };
    match kind {
        TypeKind::Single(t) => {
            let (z, e) = one(t);
            (z.into(), e.into())
        }
        TypeKind::Multiple(ts) => {
            let v: Vec<_> = ts
                .iter()
                .map(|t| one(&t))
                .filter(|(z, _)| *z != "空值")
                .collect();
            (
                v.iter().map(|x| x.0).collect::<Vec<_>>().join("或"),
                v.iter().map(|x| x.1).collect::<Vec<_>>().join(" or "),
            )
        }
    }
}

fn actual_type(v: &Value) -> (&'static str, &'static str) {
    match v {
        Value::Null => ("空值", "null"),
        Value::Bool(_) => ("是/否", "a boolean"),
        Value::Number(_) => ("数字", "a number"),
        Value::String(_) => ("文本", "text"),
        Value::Array(_) => ("列表", "a list"),
        Value::Object(_) => ("对象", "an object"),
    }
}

fn display_value(v: &Value) -> String {
    match v {
        Value::String(s) => crate::error::excerpt(s, 40),
        other => crate::error::excerpt(&other.to_string(), 40),
    }
}

fn allowed_list(options: &Value) -> String {
    match options {
        Value::Array(a) => a.iter().map(display_value).collect::<Vec<_>>().join("、"),
        other => display_value(other),
    }
}

/// The schema node at a schema path (a JSON Pointer into the published schema).
fn schema_node(spath: &str) -> Option<&'static Value> {
    let root = crate::schema::catalogue_schema();
    let mut cur = root;
    for seg in spath.split('/').skip(1) {
        if seg == "$ref" {
            continue;
        }
        let seg = seg.replace("~1", "/").replace("~0", "~");
        cur = match cur {
            Value::Object(m) => m.get(&seg)?,
            Value::Array(a) => a.get(seg.parse::<usize>().ok()?)?,
            _ => return None,
        };
        // Follow a $ref to a local definition.
        if let Some(Value::String(r)) = cur.get("$ref") {
            if let Some(name) = r.strip_prefix("#/$defs/") {
                cur = root.get("$defs")?.get(name)?;
            }
        }
    }
    Some(cur)
}

fn code_titles_at(spath: &str) -> String {
    let node = spath.strip_suffix("/oneOf").and_then(schema_node);
    let Some(Value::Array(alts)) = node.and_then(|n| n.get("oneOf")) else {
        return String::new();
    };
    alts.iter()
        .filter_map(|a| {
            let c = a.get("const")?.as_str()?;
            let t = a.get("title").and_then(Value::as_str).unwrap_or(c);
            Some(format!("{c}（{t}）"))
        })
        .collect::<Vec<_>>()
        .join("、")
}

fn range_at(spath: &str) -> (String, String) {
    let parent = spath.rsplit_once('/').map_or(spath, |(p, _)| p);
    let node = schema_node(parent);
    let get = |k: &str| {
        node.and_then(|n| n.get(k))
            .map_or_else(|| "∞".to_owned(), |v| v.to_string())
    };
    (get("minimum"), get("maximum"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_key_finds_typos() {
        assert_eq!(closest("chanels", known_keys::ITEM), Some("channels"));
        assert_eq!(closest("catgory", known_keys::ITEM), Some("category"));
        assert_eq!(closest("xyzzy_county_column", known_keys::ITEM), None);
    }
}
