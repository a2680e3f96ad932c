//! `evaluate(units, options?)` and `evaluationHtml(report)`: the 监督评价 across units, as
//! `gongkai evaluate` does, over catalogues given in memory (no file system in the browser).
//!
//! Each unit is `{ unit, catalogue, fileName?, records?, recordsFileName?, parent? }`; the
//! core's [`gongkai::evaluate::evaluate_memory`] does the work and the result is the JSON report
//! of `gongkai evaluate -o report.json` (`schema/evaluation.schema.json`). Units run one after
//! the other (a WebAssembly module has one thread).

use crate::options::OptionReader;
use crate::{calendar_options, document_bytes, file_bytes, invalid, is_plain_object, js_error};
use gongkai::evaluate::{EvaluateOptions, Evaluation, MemoryUnit, Reference, Scoring};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

fn is_bytes_or_text(v: &JsValue) -> bool {
    v.is_string()
        || v.dyn_ref::<Uint8Array>().is_some()
        || v.dyn_ref::<js_sys::ArrayBuffer>().is_some()
}

/// One unit of the `units` array.
fn unit_arg(value: &JsValue, i: usize) -> Result<MemoryUnit, JsValue> {
    if !is_plain_object(value) {
        return Err(invalid(format!(
            "units[{i}] 应为对象 {{ unit, catalogue, fileName?, records?, recordsFileName?, parent? }}"
        )));
    }
    let mut r = OptionReader::new(value, "units 的一项")?;
    let unit = r
        .string("unit")?
        .filter(|u| !u.trim().is_empty())
        .ok_or_else(|| invalid(format!("units[{i}].unit（单位名称）缺失或为空")))?;
    let catalogue = r
        .take("catalogue")
        .ok_or_else(|| invalid(format!("units[{i}]（{unit}）缺少 catalogue（目录）")))?;
    let file_name = r.string("fileName")?;
    let records = r.take("records");
    let records_name = r.string("recordsFileName")?;
    let parent = r.string("parent")?.filter(|p| !p.trim().is_empty());
    r.finish()?;
    let what = format!("units[{i}].catalogue ");
    // A file's bytes under its name; anything else is the catalogue as JSON.
    let (file, bytes) = match file_name {
        Some(name) => (name, file_bytes(&catalogue, &what)?),
        None if is_bytes_or_text(&catalogue) => (unit.clone(), document_bytes(&catalogue, &what)?),
        None => (format!("{unit}.json"), document_bytes(&catalogue, &what)?),
    };
    let mut m = MemoryUnit::new(unit.clone(), file, bytes);
    if let Some(rec) = records {
        let what = format!("units[{i}].records ");
        let name = match records_name {
            Some(n) => n,
            // An array of objects (or `{ records: [...] }`) is JSON; text or bytes are CSV.
            None if is_bytes_or_text(&rec) => format!("{unit}.csv"),
            None => format!("{unit}.json"),
        };
        m = m.records(name, document_bytes(&rec, &what)?);
    } else if records_name.is_some() {
        return Err(invalid(format!(
            "units[{i}]（{unit}）给出了 recordsFileName 却没有 records"
        )));
    }
    if let Some(p) = parent {
        m = m.parent(p);
    }
    Ok(m)
}

/// `evaluate(units, options?)`: scores and ranks every unit's catalogue (the 监督评价).
/// `options`: `today` (the evaluation day, for overdue records), `lang`, `reference` (an
/// embedded standard's name or a catalogue; default: each unit's 领域), `scoring` (the
/// deduction table's overrides, as the JSON of `--scoring`), `title`, and the calendar options.
/// A unit that cannot be read is listed with its error; a bad argument throws.
#[wasm_bindgen(js_name = evaluate, unchecked_return_type = "Evaluation")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "EvaluationUnit[]")] units: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EvaluateOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let (mut reader, cal, lang) = calendar_options(&options, false)?;
    let today = reader.string("today")?;
    let title = reader.string("title")?;
    let reference = reader.take("reference");
    let scoring = reader.take("scoring");
    reader.finish()?;
    let mut opts = EvaluateOptions::default()
        .lang(lang)
        .calendar(cal)
        .workers(1);
    if let Some(t) = today {
        let d = gongkai::parse_date(&t).ok_or_else(|| {
            invalid(format!(
                "options.today 应为 YYYY-MM-DD 日期，实际为 \"{}\"",
                gongkai::excerpt(&t, 40)
            ))
        })?;
        opts = opts.today(d);
    }
    if let Some(t) = title {
        opts = opts.title(t);
    }
    if let Some(r) = reference {
        let reference = match r.as_string() {
            Some(name)
                if !name
                    .trim_start_matches('\u{feff}')
                    .trim_start()
                    .starts_with('{') =>
            {
                Reference::embedded(name.trim())
            }
            _ => Reference::load(&document_bytes(&r, "options.reference ")?, "reference.json"),
        }
        .map_err(|e| js_error(&e))?;
        opts = opts.reference(reference);
    }
    if let Some(s) = scoring {
        let bytes = document_bytes(&s, "options.scoring ")?;
        opts = opts.scoring(Scoring::from_json(&bytes).map_err(|e| js_error(&e))?);
    }
    if !Array::is_array(&units) {
        return Err(invalid("units 应为数组：[{ unit, catalogue, … }, …]"));
    }
    let list = Array::from(&units);
    if list.length() == 0 {
        return Err(invalid("units 为空：至少给出一个单位的目录"));
    }
    let mut memory = Vec::with_capacity(list.length() as usize);
    for (i, v) in list.iter().enumerate() {
        memory.push(unit_arg(&v, i)?);
    }
    crate::to_js(&gongkai::evaluate::evaluate_memory(memory, &opts))
}

/// `evaluationHtml(report)`: the 通报 of a report `evaluate` returned: one self-contained HTML
/// page (inline SVG charts, printable on A4), what `gongkai evaluate -o report.html` writes.
#[wasm_bindgen(js_name = evaluationHtml)]
pub fn evaluation_html(
    #[wasm_bindgen(unchecked_param_type = "Evaluation | string")] report: JsValue,
) -> Result<String, JsValue> {
    let bytes = document_bytes(&report, "report ")?;
    let e: Evaluation = serde_json::from_slice(&bytes)
        .map_err(|e| invalid(format!("report 不是 evaluate 的结果：{e}")))?;
    Ok(gongkai::evaluate::to_html(&e))
}
