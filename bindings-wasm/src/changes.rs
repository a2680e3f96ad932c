//! `changes(old, new, options?)`: what changed between two versions of a catalogue (the core's
//! `diff::changes`, what `gongkai changes` prints). Options: `lang`, `threshold` (0–1, default
//! 0.6) and `format`: `"json"` (the report object, the default), or `"md"`, `"html"`, `"text"`
//! (the 修订说明 as a string).

use crate::options::{OptionReader, parse_options};
use wasm_bindgen::prelude::*;

/// `changes(old, new, options?)`.
#[wasm_bindgen(js_name = changes, unchecked_return_type = "ChangesReport | string")]
pub fn changes(
    #[wasm_bindgen(unchecked_param_type = "string | object | Uint8Array")] old: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | object | Uint8Array")] new: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ChangesOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut reader = OptionReader::new(&options, "options")?;
    let base = parse_options(&mut reader)?;
    let mut opts = gongkai::diff::ChangesOptions {
        lang: base.lang,
        ..Default::default()
    };
    if let Some(v) = reader.take("threshold") {
        opts.threshold = crate::number_arg(&v, "options.threshold ", 0.0, 1.0)?;
    }
    let format = reader.string("format")?.unwrap_or_else(|| "json".into());
    reader.finish()?;
    if base.today.is_some() {
        return Err(crate::invalid("changes 不使用 options.today"));
    }
    if !matches!(format.as_str(), "json" | "md" | "html" | "text") {
        return Err(crate::invalid(format!(
            "options.format 应为 \"json\"、\"md\"、\"html\" 或 \"text\"，实际为 \"{}\"",
            gongkai::excerpt(&format, 20)
        )));
    }
    let old = crate::catalogue_arg(&old, "old ")?;
    let new = crate::catalogue_arg(&new, "new ")?;
    let report = gongkai::diff::changes(&old, &new, &opts);
    Ok(match format.as_str() {
        "md" => JsValue::from_str(&report.to_markdown()),
        "html" => JsValue::from_str(&report.to_html()),
        "text" => JsValue::from_str(&report.to_text()),
        _ => crate::to_js(&report)?,
    })
}
