//! WebAssembly binding of `gongkai` (wasm-bindgen): plain JavaScript objects in and out.
//!
//! Thin by design: every decision is the core's. This file converts JavaScript values to the
//! core's inputs (JSON text or bytes, options), calls one core function, and hands the result
//! back as a plain object: the report's JSON (exactly the serde output of the core) parsed by
//! the engine's `JSON.parse`. Measured against serde-wasm-bindgen (`serialize_maps_as_objects`)
//! on a 40,000-issue report: about 100 ms of conversion against 117 ms, with no extra dependency.
//!
//! Calls that cannot produce a report throw a JavaScript `Error` with a `code` property
//! ([`gongkai::Error::code`]); invalid data is a report, never an exception. The JavaScript
//! wrapper (`js/api.mjs`) adds recovery from a trap: should the module ever panic, the wrapper
//! throws an `Error` with code `internal_panic` and replaces the dead instance.
//!
//! To expose another core function: parse its options with [`OptionReader`], call the core, and
//! return [`to_js`] of its serde output (see [`validate`]); then add its name to the list in
//! `js/api.mjs` and its signature to `index.d.ts` (to `tables/index.d.ts` and the `tables`
//! list when it needs table import, the cargo feature `tables`).

pub mod changes;
mod evaluate;
pub mod options;

use chrono::NaiveDate;
use gongkai::Validator;
use js_sys::{JsString, Object, Reflect, Uint8Array};
use options::{OptionReader, parse_options, parse_validate_options};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Converts a core error into a thrown JavaScript `Error` with `code` (and `line`/`column` for
/// JSON syntax errors).
fn js_error(e: &gongkai::Error) -> JsValue {
    js_error_lang(e, gongkai::Lang::Zh)
}

/// [`js_error`] with the message in `lang` where the core has one (calendar errors).
fn js_error_lang(e: &gongkai::Error, lang: gongkai::Lang) -> JsValue {
    let err = js_sys::Error::new(&e.message(lang));
    set(&err, "code", &JsValue::from_str(e.code()));
    if let gongkai::Error::Json { line, column, .. } = e {
        set(&err, "line", &JsValue::from(*line as f64));
        set(&err, "column", &JsValue::from(*column as f64));
    }
    err.into()
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    // Setting a property on a fresh Error object cannot fail; ignore the impossible.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn invalid(message: impl Into<String>) -> JsValue {
    js_error(&gongkai::Error::InvalidArgument(message.into()))
}

/// Serialises a core value to a plain JavaScript object through its JSON (the public contract).
pub fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| invalid(format!("无法序列化结果：{e}")))?;
    js_sys::JSON::parse(&text)
}

/// The bytes of a document given as JSON text, `Uint8Array`/`ArrayBuffer` (a file's bytes), or
/// a JavaScript value (serialised with `JSON.stringify`).
fn document_bytes(input: &JsValue, what: &str) -> Result<Vec<u8>, JsValue> {
    if let Some(s) = input.as_string() {
        return Ok(s.into_bytes());
    }
    if let Some(a) = input.dyn_ref::<Uint8Array>() {
        return Ok(a.to_vec());
    }
    if let Some(b) = input.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(Uint8Array::new(b).to_vec());
    }
    if input.is_undefined() || input.is_function() || input.is_symbol() || input.is_bigint() {
        return Err(invalid(format!(
            "{what}应为 JSON 文本、对象或 Uint8Array，实际为 {}",
            input.js_typeof().as_string().unwrap_or_default()
        )));
    }
    let text: JsString = js_sys::JSON::stringify(input).map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        invalid(format!(
            "{what}无法转换为 JSON（JSON.stringify 失败：{why}）"
        ))
    })?;
    text.as_string()
        .map(String::into_bytes)
        .ok_or_else(|| invalid(format!("{what}无法转换为 JSON")))
}

/// `validate(input, options?)`: validates a catalogue given as JSON text, bytes or an object.
/// With `options.fileName`, the bytes (or text) are a file of that name: a table (CSV, XLSX,
/// HTML, DOCX) is imported first and every issue carries its cell (`location`); the format comes from
/// the name's extension, else from the content (the core's `Validator::validate_bytes`).
#[wasm_bindgen(js_name = validate, unchecked_return_type = "Report")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "string | object | Uint8Array | ArrayBuffer")]
    input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValidateOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut reader = OptionReader::new(&options, "options")?;
    let opts = parse_validate_options(&mut reader)?;
    let file_name = reader.string("fileName")?;
    reader.finish()?;
    let validator = Validator::new(opts);
    let report = match file_name {
        None => validator
            .validate_json(&document_bytes(&input, "input ")?)
            .map_err(|e| js_error(&e))?,
        // The core's loader: JSON, or a table imported then validated.
        Some(name) => {
            let bytes = file_bytes(&input, "input ")?;
            let options = gongkai::import::ImportOptions::default().file_name(name);
            validator
                .validate_bytes_with(&bytes, &options)
                .map_err(|e| js_error(&tables_hint(e)))?
        }
    };
    to_js(&report)
}

/// The bytes of a file: a `Uint8Array`, an `ArrayBuffer` or text (UTF-8). An object is not a
/// file (serialising it would make JSON text of whatever the name says).
fn file_bytes(input: &JsValue, what: &str) -> Result<Vec<u8>, JsValue> {
    if input.is_string()
        || input.dyn_ref::<Uint8Array>().is_some()
        || input.dyn_ref::<js_sys::ArrayBuffer>().is_some()
    {
        document_bytes(input, what)
    } else {
        Err(invalid(format!(
            "{what}应为文件内容（Uint8Array、ArrayBuffer 或文本），因为给出了文件名"
        )))
    }
}

/// `importTable(input, options?)` (cargo feature `tables` only): reads a catalogue table (CSV, XLSX, HTML or DOCX bytes) into the
/// canonical JSON, and validates it: `{ catalogue, report, sources, encoding }`, the report's
/// issues located in the table, `sources` the cell of every value (JSON Pointer → location).
/// `options.fileName` helps detect the format; `options.sheet` reads one XLSX sheet (or `表N`,
/// the Nth table of a page).
#[cfg(feature = "tables")]
#[wasm_bindgen(js_name = importTable, unchecked_return_type = "ImportedTable")]
pub fn import_table(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer | string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ImportOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut reader = OptionReader::new(&options, "options")?;
    let opts = parse_validate_options(&mut reader)?;
    let file_name = reader.string("fileName")?;
    let sheet = reader.string("sheet")?;
    reader.finish()?;
    let bytes = file_bytes(&input, "input ")?;
    let mut options = gongkai::import::ImportOptions::default();
    if let Some(name) = file_name {
        options = options.file_name(name);
    }
    if let Some(sheet) = sheet {
        options = options.sheet(sheet);
    }
    if options.format_of(&bytes) == gongkai::import::Format::Json {
        return Err(invalid(
            "input 不是表格（CSV、XLSX、HTML、DOCX）：JSON 目录请直接用 validate 校验",
        ));
    }
    let loaded = gongkai::import::load(&bytes, &options).map_err(|e| js_error(&e))?;
    let report = Validator::new(opts).validate_loaded(&loaded);
    to_js(&ImportedTable {
        catalogue: &loaded.catalogue,
        report: &report,
        sources: loaded.sources.iter().flat_map(|s| s.iter()).collect(),
        encoding: loaded.encoding.as_deref(),
    })
}

/// What `importTable` returns (serialised in this key order; the report keeps its own).
#[cfg(feature = "tables")]
#[derive(serde::Serialize)]
struct ImportedTable<'a> {
    catalogue: &'a gongkai::Catalogue<'static>,
    report: &'a gongkai::Report,
    /// JSON Pointer → the cell its value came from.
    sources: std::collections::BTreeMap<String, gongkai::Location>,
    encoding: Option<&'a str>,
}

/// The default entry has no table import (cargo feature `tables`, about 480 KB of the gzipped
/// module): a table there answers `unsupported_format`, naming the entry that reads it.
fn tables_hint(e: gongkai::Error) -> gongkai::Error {
    match e {
        gongkai::Error::UnsupportedFormat(_) if !cfg!(feature = "tables") => {
            gongkai::Error::UnsupportedFormat(
                "gongkai-wasm 的默认入口不含表格导入（CSV、XLSX、HTML、DOCX），\
                 请改用 gongkai-wasm/tables（浏览器：gongkai-wasm/tables/web）"
                    .into(),
            )
        }
        e => e,
    }
}

/// `validateItem(item, context?)`: validates one item as row `context.index` of a catalogue
/// whose header fields are `context.header`; paths are relative to the catalogue.
#[wasm_bindgen(js_name = validateItem, unchecked_return_type = "Report")]
pub fn validate_item(
    #[wasm_bindgen(unchecked_param_type = "string | object | Uint8Array")] item: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ItemContext | undefined")] context: JsValue,
) -> Result<JsValue, JsValue> {
    let mut reader = OptionReader::new(&context, "context")?;
    let opts = parse_validate_options(&mut reader)?;
    let index = reader.index("index")?.unwrap_or(0);
    let header = match reader.take("header") {
        Some(h) if !h.is_null() => Some(document_bytes(&h, "context.header ")?),
        _ => None,
    };
    reader.finish()?;
    let bytes = document_bytes(&item, "item ")?;
    let report = Validator::new(opts)
        .validate_item_json(&bytes, index, header.as_deref())
        .map_err(|e| js_error(&e))?;
    to_js(&report)
}

/// `schema()`: the published catalogue JSON Schema (draft 2020-12), with Chinese titles.
#[wasm_bindgen(js_name = schema, unchecked_return_type = "object")]
pub fn schema() -> Result<JsValue, JsValue> {
    // From the published text, so that the keys keep its order (the table's column order).
    js_sys::JSON::parse(&gongkai::schema::catalogue_schema_compact())
}

/// `reportSchema()`: the JSON Schema of a validation report.
#[wasm_bindgen(js_name = reportSchema, unchecked_return_type = "object")]
pub fn report_schema() -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&gongkai::schema::report_schema_compact())
}

/// `rules()`: every rule with its code, severity, title, legal source and message templates.
#[wasm_bindgen(js_name = rules, unchecked_return_type = "RuleDef[]")]
pub fn rules() -> Result<JsValue, JsValue> {
    to_js(&gongkai::codes::defs())
}

/// `laws(options?)`: every instrument of the registry (依据库): the embedded one, or
/// `options.laws` (a registry file as JSON text or an object) merged over it.
#[wasm_bindgen(js_name = laws, unchecked_return_type = "Law[]")]
pub fn laws(
    #[wasm_bindgen(unchecked_param_type = "LawsOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut reader = OptionReader::new(&options, "options")?;
    let lang = lang_option(&mut reader)?;
    let user = options::laws_option(&mut reader, lang)?;
    reader.finish()?;
    let reg = user
        .as_deref()
        .unwrap_or_else(|| gongkai::laws::Registry::embedded());
    to_js(reg.laws())
}

/// `lookupLaw(title, options?)`: the instrument a citation names, `{ law, version }` (the
/// version `options.docNo` names, or null), or null. Titles match without 《》, spaces, the
/// 中华人民共和国 prefix, full-width or traditional forms; short names (条例) work.
#[wasm_bindgen(js_name = lookupLaw, unchecked_return_type = "LawMatch | null")]
pub fn lookup_law(
    #[wasm_bindgen(unchecked_param_type = "string")] title: JsValue,
    #[wasm_bindgen(unchecked_param_type = "LookupLawOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let title = title
        .as_string()
        .ok_or_else(|| invalid("title 应为字符串（依据名称）"))?;
    let mut reader = OptionReader::new(&options, "options")?;
    let doc_no = reader.string("docNo")?;
    let lang = lang_option(&mut reader)?;
    let user = options::laws_option(&mut reader, lang)?;
    reader.finish()?;
    let reg = user
        .as_deref()
        .unwrap_or_else(|| gongkai::laws::Registry::embedded());
    let found = reg
        .lookup_citation(&title, doc_no.as_deref(), None)
        .or_else(|| doc_no.as_deref().and_then(|d| reg.lookup_doc_no(d)));
    match found {
        None => Ok(JsValue::NULL),
        Some(m) => to_js(&serde_json::json!({ "law": m.law, "version": m.version() })),
    }
}

fn lang_option(r: &mut OptionReader) -> Result<gongkai::Lang, JsValue> {
    match r.string("lang")? {
        None => Ok(gongkai::Lang::Zh),
        Some(l) => gongkai::Lang::from_code(&l).ok_or_else(|| {
            invalid(format!(
                "lang 应为 \"zh\" 或 \"en\"，实际为 \"{}\"",
                gongkai::excerpt(&l, 40)
            ))
        }),
    }
}

/// `version()`: the library version.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    gongkai::VERSION.to_owned()
}

/// A date argument: an ISO `YYYY-MM-DD` string naming a real day.
fn date_arg(value: &JsValue, what: &str) -> Result<NaiveDate, JsValue> {
    let text = value
        .as_string()
        .ok_or_else(|| invalid(format!("{what} 应为 YYYY-MM-DD 格式的日期字符串")))?;
    gongkai::parse_date(&text).ok_or_else(|| {
        invalid(format!(
            "{what} 应为 YYYY-MM-DD 格式的真实日期，实际为 \"{}\"",
            gongkai::excerpt(&text, 40)
        ))
    })
}

/// A count of days: an integer from 0 to 2³²−1.
fn count_arg(value: &JsValue, what: &str) -> Result<u32, JsValue> {
    match value.as_f64() {
        Some(n) if n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) => {
            Ok(n as u32)
        }
        _ => Err(invalid(format!("{what} 应为非负整数"))),
    }
}

/// The start of a deadline: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS]` (the time of the event
/// of an `hours_before` limit; a space may replace the `T`).
fn start_arg(value: &JsValue) -> Result<gongkai::deadline::Start, JsValue> {
    let bad = |text: &str| {
        invalid(format!(
            "start 应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM[:SS] 格式的真实日期（时间），实际为 \"{}\"",
            gongkai::excerpt(text, 40)
        ))
    };
    let text = value.as_string().ok_or_else(|| bad(""))?;
    let (day, time) = match text.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t)),
        None => (text.as_str(), None),
    };
    let day = gongkai::parse_date(day).ok_or_else(|| bad(&text))?;
    match time {
        None => Ok(gongkai::deadline::Start::on(day)),
        Some(t) => {
            let t = ["%H:%M:%S", "%H:%M"]
                .iter()
                .find_map(|f| chrono::NaiveTime::parse_from_str(t, f).ok())
                .ok_or_else(|| bad(&text))?;
            Ok(gongkai::deadline::Start::at(day.and_time(t)))
        }
    }
}

/// A number in a range (an option such as `threshold`).
fn number_arg(value: &JsValue, what: &str, min: f64, max: f64) -> Result<f64, JsValue> {
    match value.as_f64() {
        Some(n) if n.is_finite() && (min..=max).contains(&n) => Ok(n),
        _ => Err(invalid(format!("{what} 应为 {min} 到 {max} 之间的数"))),
    }
}

/// A catalogue given as JSON text, bytes or an object, read into the model (owned). JSON that
/// is not an object is `not_a_catalogue`, as in `validate`.
fn catalogue_arg(value: &JsValue, what: &str) -> Result<gongkai::Catalogue<'static>, JsValue> {
    let bytes = document_bytes(value, what)?;
    gongkai::Catalogue::from_json(&bytes)
        .map(gongkai::Catalogue::into_owned)
        .map_err(|e| {
            let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
            let found = match serde_json::from_slice::<serde_json::Value>(text) {
                Ok(serde_json::Value::Null) => "null",
                Ok(serde_json::Value::Array(_)) => "数组 (array)",
                Ok(serde_json::Value::String(_)) => "字符串 (string)",
                Ok(serde_json::Value::Number(_)) => "数字 (number)",
                Ok(serde_json::Value::Bool(_)) => "布尔值 (boolean)",
                _ => return js_error(&e),
            };
            js_error(&gongkai::Error::NotACatalogue {
                message: format!("{what}顶层应为对象 {{…}}，实际为 {found}"),
            })
        })
}

/// Reads the calendar options: `calendar` (the CSV text of a newer holiday notice, added on
/// top of the embedded schedule), `strictCalendar` (refuse years without a notice), `lang` (of
/// error messages) and, for the functions returning a bare value (`bare`), `provisional` (count
/// such years provisionally: they refuse them otherwise, since a bare value cannot say it is
/// provisional). Returns the calendar to use and the language. One non-generic function for
/// every caller keeps the module small.
#[inline(never)]
fn calendar_options(
    options: &JsValue,
    bare: bool,
) -> Result<(OptionReader, gongkai::calendar::Calendar, gongkai::Lang), JsValue> {
    let mut reader = OptionReader::new(options, "options")?;
    let text = reader.string("calendar")?;
    let mut strict = reader.boolean("strictCalendar")?.unwrap_or(false);
    if bare {
        strict |= !reader.boolean("provisional")?.unwrap_or(false);
    }
    let lang = match reader.string("lang")? {
        None => gongkai::Lang::Zh,
        Some(l) => {
            options::options_from(Some(&l), None, None)
                .map_err(|e| js_error(&e))?
                .lang
        }
    };
    let embedded = gongkai::calendar::embedded();
    let cal = match text {
        None => embedded.clone(),
        Some(t) => embedded.with_csv(&t).map_err(|e| js_error_lang(&e, lang))?,
    };
    Ok((reader, cal.strict(strict), lang))
}

/// [`calendar_options`] for a function whose only options are the calendar's.
fn calendar_only(
    options: &JsValue,
    bare: bool,
) -> Result<(gongkai::calendar::Calendar, gongkai::Lang), JsValue> {
    let (reader, cal, lang) = calendar_options(options, bare)?;
    reader.finish()?;
    Ok((cal, lang))
}

/// `isWorkingDay(date, options?)`: whether a day is a working day (工作日) under the embedded
/// holiday schedule (`options.calendar`: a newer notice's CSV). A year without a notice throws
/// `calendar` unless `options.provisional` (see `calendarDay` for the marked answer).
#[wasm_bindgen(js_name = isWorkingDay)]
pub fn is_working_day(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CalendarOptions | undefined")] options: JsValue,
) -> Result<bool, JsValue> {
    let d = date_arg(&date, "date ")?;
    let (cal, lang) = calendar_only(&options, true)?;
    cal.is_working_day(d).map_err(|e| js_error_lang(&e, lang))
}

/// `calendarDay(date, options?)`: what the calendar says about a day: `{date, working, kind,
/// name, provisional}` (`provisional`: the day's year has no notice loaded and was counted with
/// the statutory holidays).
#[wasm_bindgen(js_name = calendarDay, unchecked_return_type = "CalendarDay")]
pub fn calendar_day(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CalendarOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let d = date_arg(&date, "date ")?;
    let (cal, lang) = calendar_only(&options, false)?;
    to_js(&cal.day(d).map_err(|e| js_error_lang(&e, lang))?)
}

/// `addWorkingDays(date, n, options?)`: the `n`th working day after `date` (the start day is not
/// counted). Options as `isWorkingDay`.
#[wasm_bindgen(js_name = addWorkingDays)]
pub fn add_working_days(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CalendarOptions | undefined")] options: JsValue,
) -> Result<String, JsValue> {
    let d = date_arg(&date, "date ")?;
    let n = count_arg(&n, "n ")?;
    let (cal, lang) = calendar_only(&options, true)?;
    cal.add_working_days(d, n)
        .map(|d| d.to_string())
        .map_err(|e| js_error_lang(&e, lang))
}

/// `workingDaysBetween(a, b, options?)`: the working days in `(a, b]` (negative when `b` is
/// before `a`). Options as `isWorkingDay`.
#[wasm_bindgen(js_name = workingDaysBetween)]
pub fn working_days_between(
    #[wasm_bindgen(unchecked_param_type = "string")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] b: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CalendarOptions | undefined")] options: JsValue,
) -> Result<f64, JsValue> {
    let a = date_arg(&a, "a ")?;
    let b = date_arg(&b, "b ")?;
    let (cal, lang) = calendar_only(&options, true)?;
    cal.working_days_between(a, b)
        .map(|n| n as f64)
        .map_err(|e| js_error_lang(&e, lang))
}

/// `deadline(timeLimit, start, options?)`: the deadline of a 公开时限 (a TimeLimit object, or
/// the text of a cell) counted from `start` (`YYYY-MM-DD`, or with a time of day for
/// `hours_before`); `options.extension`: working days granted under 条例 第三十三条 (0–20).
#[wasm_bindgen(js_name = deadline, unchecked_return_type = "Deadline")]
pub fn deadline(
    #[wasm_bindgen(unchecked_param_type = "TimeLimit | string")] time_limit: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] start: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DeadlineOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let (mut reader, cal, lang) = calendar_options(&options, false)?;
    let extension = match reader.take("extension") {
        None => 0,
        Some(v) => count_arg(&v, "options.extension ")?,
    };
    reader.finish()?;
    let limit: gongkai::TimeLimit<'static> = if let Some(text) = time_limit.as_string() {
        gongkai::import::text::parse_time_limit(&text)
    } else if is_plain_object(&time_limit) {
        let bytes = document_bytes(&time_limit, "timeLimit ")?;
        serde_json::from_slice::<gongkai::TimeLimit<'_>>(&bytes)
            .map(gongkai::TimeLimit::into_owned)
            .map_err(|e| invalid(format!("timeLimit 不是有效的公开时限：{e}")))?
    } else {
        return Err(invalid("timeLimit 应为公开时限对象或文字"));
    };
    let start = start_arg(&start)?.extended(extension);
    let d = gongkai::deadline::deadline_with(&cal, &limit, &start)
        .map_err(|e| js_error_lang(&e, lang))?;
    to_js(&d)
}

/// `audit(catalogue, records, options?)`: the timeliness audit (按时公开审计) of publication
/// records (CSV text, JSON text, or an array of objects) against a catalogue.
#[wasm_bindgen(js_name = audit, unchecked_return_type = "AuditReport")]
pub fn audit(
    #[wasm_bindgen(unchecked_param_type = "string | object | Uint8Array")] catalogue: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "string | object[] | { records: object[] } | Uint8Array"
    )]
    records: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AuditOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    // lang and today only: the audit reports every record, so minSeverity would be ignored.
    let (mut reader, cal, lang) = calendar_options(&options, false)?;
    let today = reader.string("today")?;
    reader.finish()?;
    let base = options::options_from(None, None, today.as_deref())
        .map_err(|e| js_error(&e))?
        .lang(lang);
    let mut opts = gongkai::audit::AuditOptions::default().lang(base.lang);
    if let Some(t) = base.today {
        opts = opts.today(t);
    }
    let cat = catalogue_arg(&catalogue, "catalogue ")?;
    let is_text = records.is_string()
        || records.dyn_ref::<Uint8Array>().is_some()
        || records.dyn_ref::<js_sys::ArrayBuffer>().is_some();
    let bytes = document_bytes(&records, "records ")?;
    let recs = if is_text {
        gongkai::audit::read_records(&bytes, None)
    } else {
        gongkai::audit::read_records_json(&bytes)
    }
    .map_err(|e| js_error(&e))?;
    to_js(&gongkai::audit::audit(&cat, &recs, &cal, &opts))
}

/// `diff(reference, local, options?)`: checks a local catalogue against the upper-level
/// standard (an embedded name such as `"municipal_services"`, or a catalogue);
/// `options.consistency` compares two linked catalogues instead.
#[wasm_bindgen(js_name = diff, unchecked_return_type = "DiffReport")]
pub fn diff(
    #[wasm_bindgen(unchecked_param_type = "string | object | Uint8Array")] reference: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | object | Uint8Array")] local: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DiffOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut reader = OptionReader::new(&options, "options")?;
    let base = parse_options(&mut reader)?;
    let consistency = match reader.take("consistency") {
        None => false,
        Some(v) => v
            .as_bool()
            .ok_or_else(|| invalid("options.consistency 应为布尔值"))?,
    };
    let mut opts = gongkai::diff::DiffOptions::default()
        .lang(base.lang)
        .min_severity(base.min_severity);
    if let Some(v) = reader.take("threshold") {
        opts = opts.threshold(number_arg(&v, "options.threshold ", 0.05, 1.0)?);
    }
    if let Some(v) = reader.take("margin") {
        opts = opts.margin(number_arg(&v, "options.margin ", 0.0, 0.5)?);
    }
    reader.finish()?;
    if base.today.is_some() {
        return Err(invalid("diff 不使用 options.today"));
    }
    let reference = match reference.as_string() {
        Some(name)
            if !name
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('{') =>
        {
            gongkai::diff::reference(name.trim()).ok_or_else(|| {
                invalid(format!(
                    "reference 应为内置参照目录名（{}）或目录 JSON，实际为 \"{}\"",
                    gongkai::diff::REFERENCE_NAMES.join("、"),
                    gongkai::excerpt(&name, 40)
                ))
            })?
        }
        _ => catalogue_arg(&reference, "reference ")?,
    };
    let local = catalogue_arg(&local, "local ")?;
    let report = if consistency {
        gongkai::diff::consistency(&reference, &local, &opts)
    } else {
        gongkai::diff::diff(&reference, &local, &opts)
    };
    to_js(&report)
}

thread_local! {
    static PANIC_SINK: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Registers the function that receives the message of a panic, just before the module traps
/// (`panic = "abort"`). Internal: used by the JavaScript wrapper.
#[wasm_bindgen(js_name = __setPanicSink, skip_typescript)]
pub fn set_panic_sink(sink: js_sys::Function) {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = info.to_string();
            PANIC_SINK.with(|s| {
                if let Ok(s) = s.try_borrow() {
                    if let Some(f) = s.as_ref() {
                        let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&message));
                    }
                }
            });
        }));
    });
    PANIC_SINK.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            *s = Some(sink);
        }
    });
}

/// Panics on purpose: lets the tests check that the wrapper survives a trap. Internal; never
/// called by the public API.
#[wasm_bindgen(js_name = __testPanic, skip_typescript)]
pub fn test_panic(message: &str) {
    panic!("test panic: {message}");
}

/// Whether `v` is an object usable as an options bag (not an array or a function).
pub(crate) fn is_plain_object(v: &JsValue) -> bool {
    v.is_object()
        && !v.is_function()
        && !js_sys::Array::is_array(v)
        && v.dyn_ref::<Object>().is_some()
}

// The types the signatures above name, from the package's declarations (the glue is written to
// pkg-{web,node}/ for the default entry, pkg-tables-{web,node}/ for gongkai-wasm/tables).
#[cfg(not(feature = "tables"))]
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"import type { Report, ValidateOptions, ItemContext, RuleDef, TimeLimit, Deadline, DeadlineOptions, CalendarOptions, CalendarDay, AuditReport, AuditOptions, DiffReport, DiffOptions, Law, LawsOptions, LawMatch, LookupLawOptions, Evaluation, EvaluationUnit, EvaluateOptions } from "../index.js";"#;
#[cfg(feature = "tables")]
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"import type { Report, ValidateOptions, ItemContext, RuleDef, TimeLimit, Deadline, DeadlineOptions, CalendarOptions, CalendarDay, AuditReport, AuditOptions, DiffReport, DiffOptions, ImportOptions, ImportedTable, Law, LawsOptions, LawMatch, LookupLawOptions, Evaluation, EvaluationUnit, EvaluateOptions } from "../tables/index.js";"#;
