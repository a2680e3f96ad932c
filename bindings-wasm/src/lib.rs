//! WebAssembly binding of `gongkai` (wasm-bindgen): plain JavaScript objects in and out.
//!
//! Thin by design: every decision is the core's. A function reads its arguments (documents as
//! JSON text, bytes or objects: [`document_bytes`]; options as a serde-derived struct:
//! [`options::from_js`]; text the core parses with the core's parsers: [`arg`]), calls one
//! core function, and hands the result back as a plain object: the result's JSON (exactly the
//! serde output of the core) parsed by the engine's `JSON.parse` ([`to_js`]). Measured against
//! serde-wasm-bindgen (`serialize_maps_as_objects`) on a 40,000-issue report: about 100 ms of
//! conversion against 117 ms, with no extra dependency.
//!
//! Calls that cannot produce a report throw a JavaScript `Error` with a `code` property
//! ([`gongkai::Error::code`]); invalid data is a report, never an exception. The JavaScript
//! wrapper (`js/api.mjs`) adds recovery from a trap: should the module ever panic, the wrapper
//! throws an `Error` with code `internal_panic` and replaces the dead instance.
//!
//! To expose another core function: an options struct in [`options`] (when it has options), a
//! function here that reads its arguments as above and returns [`to_js`] of the core's result
//! (see [`validate`]); then its name in the list in `js/api.mjs` and the entry points, and its
//! signature in `index.d.ts` (`tables/index.d.ts` and the `tables` list when it needs table
//! import or is kept out of the default build for its size, as `audit`, `diff`, `evaluate` and
//! `changes` are: the cargo feature `tables`).

// The 监督评价 and the changes between versions, like `audit` and `diff` below: in the tables
// build only (the default build leaves them out to stay within 1 MB gzipped, measured: `diff`
// and its embedded standard about 60 KB, `audit` 16 KB; see tables/index.d.ts).
#[cfg(feature = "tables")]
pub mod changes;
#[cfg(feature = "tables")]
mod evaluate;
pub mod options;

use gongkai::Validator;
#[cfg(feature = "tables")]
use gongkai::import::{Format, ImportOptions};
use js_sys::{Object, Reflect, Uint8Array};
use options::from_js;
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

/// The core's error for argument `name`: expected `expected`, got `value`.
fn invalid(name: &str, expected: &str, value: &JsValue) -> JsValue {
    // Text quoted, numbers, booleans and objects as JSON, anything else by its type.
    let found = match (value.as_string(), json_text(value)) {
        (Some(s), _) => gongkai::args::quoted(&s),
        (None, Ok(json)) if !json.is_empty() => gongkai::excerpt(&json, 40),
        _ => value.js_typeof().as_string().unwrap_or_default(),
    };
    js_error(&gongkai::args::invalid(name, expected, &found))
}

/// A text argument the core parses (a date, a deadline's start), refused with its message.
fn arg<T: gongkai::args::Arg>(value: &JsValue, name: &str) -> Result<T, JsValue> {
    let text = value
        .as_string()
        .ok_or_else(|| invalid(name, T::EXPECTED, value))?;
    gongkai::args::parse(name, &text).map_err(|e| js_error(&e))
}

/// Serialises a core value to a plain JavaScript object through its JSON (the public contract).
pub fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| {
        js_error(&gongkai::Error::InvalidArgument(format!(
            "无法序列化结果：{e}"
        )))
    })?;
    js_sys::JSON::parse(&text)
}

/// `JSON.stringify(value)`, or why not.
fn json_text(value: &JsValue) -> Result<String, String> {
    let text = js_sys::JSON::stringify(value).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default()
    })?;
    Ok(text.as_string().unwrap_or_default())
}

/// The bytes of a document given as JSON text, `Uint8Array`/`ArrayBuffer` (a file's bytes), or
/// a JavaScript value (serialised with `JSON.stringify`).
fn document_bytes(input: &JsValue, name: &str) -> Result<Vec<u8>, JsValue> {
    if let Some(s) = input.as_string() {
        return Ok(s.into_bytes());
    }
    if let Some(a) = input.dyn_ref::<Uint8Array>() {
        return Ok(a.to_vec());
    }
    if let Some(b) = input.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(Uint8Array::new(b).to_vec());
    }
    const EXPECTED: &str = "JSON 文本、对象或 Uint8Array";
    if input.is_undefined() || input.is_function() || input.is_symbol() || input.is_bigint() {
        return Err(invalid(name, EXPECTED, input));
    }
    json_text(input).map(String::into_bytes).map_err(|why| {
        let e = gongkai::args::invalid(
            name,
            EXPECTED,
            &format!("无法转换为 JSON 的值（JSON.stringify：{why}）"),
        );
        js_error(&e)
    })
}

/// Whether `value` is text or bytes (a file's content), not an object.
fn is_content(value: &JsValue) -> bool {
    value.is_string()
        || value.dyn_ref::<Uint8Array>().is_some()
        || value.dyn_ref::<js_sys::ArrayBuffer>().is_some()
}

/// The bytes of a file: a `Uint8Array`, an `ArrayBuffer` or text (UTF-8). An object is not a
/// file (serialising it would make JSON text of whatever the name says).
fn file_bytes(input: &JsValue, name: &str) -> Result<Vec<u8>, JsValue> {
    if !is_content(input) {
        return Err(invalid(
            name,
            "文件内容（Uint8Array、ArrayBuffer 或文本），因为给出了文件名",
            input,
        ));
    }
    document_bytes(input, name)
}

/// A catalogue given as JSON text, bytes or an object, read by the core's loader (for `audit`,
/// `diff` and `changes`: the tables build).
#[cfg(feature = "tables")]
fn catalogue_arg(value: &JsValue, name: &str) -> Result<gongkai::Catalogue<'static>, JsValue> {
    let bytes = document_bytes(value, name)?;
    let options = ImportOptions::default().format(Format::Json);
    gongkai::import::load(&bytes, &options)
        .map(|l| l.catalogue)
        .map_err(|e| js_error(&e))
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
    let o: options::ValidateOptions = from_js(&options, "options")?;
    let validator = Validator::new(o.core()?);
    let report = match o.file_name {
        // A JavaScript string arrives as UTF-8 already: the core does not check it again.
        None => match input.as_string() {
            Some(text) => validator.validate_json_str(&text),
            None => validator.validate_json(&document_bytes(&input, "input")?),
        },
        // The core's loader: JSON, or a table imported then validated.
        Some(_) => validator
            .validate_bytes_owned(file_bytes(&input, "input")?, &o.import())
            .map_err(tables_hint),
    };
    to_js(&report.map_err(|e| js_error(&e))?)
}

/// `importTable(input, options?)` (cargo feature `tables` only): reads a catalogue table (CSV,
/// XLSX, HTML or DOCX bytes) into the canonical JSON, and validates it: `{ catalogue, report,
/// sources, encoding }`, the report's issues located in the table, `sources` the cell of every
/// value (JSON Pointer → location). `options.fileName` helps detect the format;
/// `options.sheet` reads one XLSX sheet (or `表N`, the Nth table of a page).
#[cfg(feature = "tables")]
#[wasm_bindgen(js_name = importTable, unchecked_return_type = "ImportedTable")]
pub fn import_table(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer | string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ImportOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let o: options::ValidateOptions = from_js(&options, "options")?;
    let bytes = file_bytes(&input, "input")?;
    let import = o.import();
    if import.format_of(&bytes) == Format::Json {
        let e = gongkai::Error::InvalidArgument(
            "input 不是表格（CSV、XLSX、HTML、DOCX）：JSON 目录请直接用 validate 校验".into(),
        );
        return Err(js_error(&e));
    }
    let loaded = gongkai::import::load(&bytes, &import).map_err(|e| js_error(&e))?;
    let report = Validator::new(o.core()?).validate_loaded(&loaded);
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
    let c: options::ItemContext = from_js(&context, "context")?;
    let header = c.header.as_ref().map(|h| match h {
        serde_json::Value::String(text) => text.clone().into_bytes(),
        other => other.to_string().into_bytes(),
    });
    let report = Validator::new(c.core()?)
        .validate_item_json(
            &document_bytes(&item, "item")?,
            c.index as usize,
            header.as_deref(),
        )
        .map_err(|e| js_error(&e))?;
    to_js(&report)
}

/// `schema()`: the published catalogue JSON Schema (draft 2020-12), with Chinese titles.
#[wasm_bindgen(js_name = schema, unchecked_return_type = "object")]
pub fn schema() -> Result<JsValue, JsValue> {
    // The published text, so that the keys keep its order (the table's column order).
    js_sys::JSON::parse(gongkai::schema::catalogue_schema_str())
}

/// `reportSchema()`: the JSON Schema of a validation report.
#[wasm_bindgen(js_name = reportSchema, unchecked_return_type = "object")]
pub fn report_schema() -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(gongkai::schema::report_schema_str())
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
    let o: options::LawsOptions = from_js(&options, "options")?;
    let user = options::registry(o.laws.as_ref(), o.lang.unwrap_or_default())?;
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
    let Some(title) = title.as_string() else {
        return Err(invalid("title", "字符串（依据名称）", &title));
    };
    let o: options::LawsOptions = from_js(&options, "options")?;
    let user = options::registry(o.laws.as_ref(), o.lang.unwrap_or_default())?;
    let reg = user
        .as_deref()
        .unwrap_or_else(|| gongkai::laws::Registry::embedded());
    to_js(&reg.find(&title, o.doc_no.as_deref()))
}

/// `domains()`: the 26 known 领域 (the pilot fields of 国办发〔2019〕54号), each `{ code, zh }`
/// (the code a catalogue's `domain` holds and its Chinese name), in the core's order. The list
/// is open: another code is a warning, not an error.
#[wasm_bindgen(js_name = domains, unchecked_return_type = "DomainName[]")]
pub fn domains() -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct Domain {
        code: &'static str,
        zh: &'static str,
    }
    let list: Vec<Domain> = gongkai::model::DOMAINS
        .iter()
        .map(|d| Domain {
            code: d.code,
            zh: d.zh,
        })
        .collect();
    to_js(&list)
}

/// `version()`: the library version.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    gongkai::VERSION.to_owned()
}

/// A count of days: an integer from 0 to 2³²−1.
fn count_arg(value: &JsValue, name: &str) -> Result<u32, JsValue> {
    match value.as_f64() {
        Some(n) if n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) => {
            Ok(n as u32)
        }
        _ => Err(invalid(name, gongkai::args::COUNT, value)),
    }
}

/// The calendar of [`options::CalendarOptions`] and the language of its errors; for the
/// functions returning a bare value (`bare`), a year without a notice is refused unless
/// `options.provisional`.
fn calendar_only(
    options: &JsValue,
    bare: bool,
) -> Result<(gongkai::calendar::Calendar, gongkai::Lang), JsValue> {
    let o: options::CalendarOptions = from_js(options, "options")?;
    let lang = o.lang.unwrap_or_default();
    let strict = o.strict_calendar || (bare && !o.provisional);
    Ok((
        options::calendar(o.calendar.as_deref(), strict, lang)?,
        lang,
    ))
}

/// `isWorkingDay(date, options?)`: whether a day is a working day (工作日) under the embedded
/// holiday schedule (`options.calendar`: a newer notice's CSV). A year without a notice throws
/// `calendar` unless `options.provisional` (see `calendarDay` for the marked answer).
#[wasm_bindgen(js_name = isWorkingDay)]
pub fn is_working_day(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CalendarOptions | undefined")] options: JsValue,
) -> Result<bool, JsValue> {
    let (cal, lang) = calendar_only(&options, true)?;
    cal.is_working_day(arg(&date, "date")?)
        .map_err(|e| js_error_lang(&e, lang))
}

/// `calendarDay(date, options?)`: what the calendar says about a day: `{date, working, kind,
/// name, provisional}` (`provisional`: the day's year has no notice loaded and was counted with
/// the statutory holidays).
#[wasm_bindgen(js_name = calendarDay, unchecked_return_type = "CalendarDay")]
pub fn calendar_day(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CalendarOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let d = arg(&date, "date")?;
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
    let (d, n) = (arg(&date, "date")?, count_arg(&n, "n")?);
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
    let (a, b) = (arg(&a, "a")?, arg(&b, "b")?);
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
    let o: options::DeadlineOptions = from_js(&options, "options")?;
    let lang = o.lang.unwrap_or_default();
    let cal = options::calendar(o.calendar.as_deref(), o.strict_calendar, lang)?;
    let limit: gongkai::TimeLimit<'static> = if let Some(text) = time_limit.as_string() {
        gongkai::import::text::parse_time_limit(&text)
    } else {
        let json = is_plain_object(&time_limit)
            .then(|| json_text(&time_limit).ok())
            .flatten()
            .ok_or_else(|| invalid("timeLimit", "公开时限对象或文字", &time_limit))?;
        serde_json::from_slice::<gongkai::TimeLimit<'_>>(json.as_bytes())
            .map(gongkai::TimeLimit::into_owned)
            .map_err(|e| {
                // serde's words, without the position in text the caller never wrote.
                let e = e.to_string();
                let why = e.split(" at line ").next().unwrap_or_default();
                invalid("timeLimit", &format!("公开时限（{why}）"), &time_limit)
            })?
    };
    let start: gongkai::deadline::Start = arg(&start, "start")?;
    to_js(
        &gongkai::deadline::deadline_with(&cal, &limit, &start.extended(o.extension))
            .map_err(|e| js_error_lang(&e, lang))?,
    )
}

/// `audit(catalogue, records, options?)` (cargo feature `tables` only): the timeliness audit
/// (按时公开审计) of publication records (CSV text, JSON text, or an array of objects) against a
/// catalogue.
#[cfg(feature = "tables")]
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
    let o: options::AuditOptions = from_js(&options, "options")?;
    let lang = o.lang.unwrap_or_default();
    let cal = options::calendar(o.calendar.as_deref(), o.strict_calendar, lang)?;
    let mut opts = gongkai::audit::AuditOptions::default().lang(lang);
    if let Some(t) = o.today {
        opts = opts.today(t);
    }
    let cat = catalogue_arg(&catalogue, "catalogue")?;
    let bytes = document_bytes(&records, "records")?;
    let recs = if is_content(&records) {
        gongkai::audit::read_records(&bytes, None)
    } else {
        gongkai::audit::read_records_json(&bytes)
    }
    .map_err(|e| js_error(&e))?;
    to_js(&gongkai::audit::audit(&cat, &recs, &cal, &opts))
}

/// `diff(reference, local, options?)` (cargo feature `tables` only): checks a local catalogue
/// against the upper-level
/// standard (an embedded name such as `"municipal_services"` or `"市政服务"`, or a catalogue);
/// `options.consistency` compares two linked catalogues instead.
#[cfg(feature = "tables")]
#[wasm_bindgen(js_name = diff, unchecked_return_type = "DiffReport")]
pub fn diff(
    #[wasm_bindgen(unchecked_param_type = "string | object | Uint8Array")] reference: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | object | Uint8Array")] local: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DiffOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let o: options::DiffOptions = from_js(&options, "options")?;
    let mut opts = gongkai::diff::DiffOptions::default()
        .lang(o.lang.unwrap_or_default())
        .min_severity(o.min_severity.unwrap_or(gongkai::Severity::Info));
    if let Some(t) = o.threshold {
        opts = opts.threshold(t);
    }
    if let Some(m) = o.margin {
        opts = opts.margin(m);
    }
    let opts = opts.checked().map_err(|e| js_error(&e))?;
    let reference = match reference.as_string() {
        // Not JSON text: the name of an embedded reference (there are no files here).
        Some(name)
            if !name
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('{') =>
        {
            let name = gongkai::diff::ReferenceSpec::built_in("reference", &name)
                .map_err(|e| js_error(&e))?;
            gongkai::diff::reference(name).ok_or_else(|| invalid("reference", "", &reference))?
        }
        _ => catalogue_arg(&reference, "reference")?,
    };
    let local = catalogue_arg(&local, "local")?;
    let report = if o.consistency {
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

/// The core's error for an argument whose message says what is wrong in its own words.
#[cfg(feature = "tables")]
fn refuse(message: impl Into<String>) -> JsValue {
    js_error(&gongkai::Error::InvalidArgument(message.into()))
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
const TS_TYPES: &str = r#"import type { Report, ValidateOptions, ItemContext, RuleDef, DomainName, TimeLimit, Deadline, DeadlineOptions, CalendarOptions, CalendarDay, Law, LawsOptions, LawMatch, LookupLawOptions } from "../index.js";"#;
#[cfg(feature = "tables")]
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"import type { Report, ValidateOptions, ItemContext, RuleDef, DomainName, TimeLimit, Deadline, DeadlineOptions, CalendarOptions, CalendarDay, AuditReport, AuditOptions, DiffReport, DiffOptions, ImportOptions, ImportedTable, Law, LawsOptions, LawMatch, LookupLawOptions, Evaluation, EvaluationUnit, EvaluateOptions, ChangesOptions, ChangesReport } from "../tables/index.js";"#;
