//! `changes(old, new, options?)`: what changed between two versions of a catalogue (the core's
//! `diff::changes`, what `gongkai changes` prints). Options: `lang`, `threshold` (0–1, default
//! 0.6) and `format`: `"json"` (the report object, the default), or `"md"`, `"html"`, `"text"`
//! (the 修订说明 as a string).

use crate::options::{ChangesOptions, from_js};
use wasm_bindgen::prelude::*;

/// `changes(old, new, options?)`.
#[wasm_bindgen(js_name = changes, unchecked_return_type = "ChangesReport | string")]
pub fn changes(
    #[wasm_bindgen(unchecked_param_type = "string | object | Uint8Array")] old: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | object | Uint8Array")] new: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ChangesOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let o: ChangesOptions = from_js(&options, "options")?;
    let mut opts = gongkai::diff::ChangesOptions {
        lang: o.lang.unwrap_or_default(),
        ..Default::default()
    };
    if let Some(t) = o.threshold {
        if !(0.0..=1.0).contains(&t) {
            let e = gongkai::args::invalid("options.threshold", "0 到 1 之间的数", &t.to_string());
            return Err(crate::js_error(&e));
        }
        opts.threshold = t;
    }
    let format = o.format.unwrap_or_else(|| "json".into());
    if !matches!(format.as_str(), "json" | "md" | "html" | "text") {
        let expected = "\"json\"、\"md\"、\"html\" 或 \"text\"";
        let e = gongkai::args::invalid("options.format", expected, &gongkai::args::quoted(&format));
        return Err(crate::js_error(&e));
    }
    let old = crate::catalogue_arg(&old, "old")?;
    let new = crate::catalogue_arg(&new, "new")?;
    let report = gongkai::diff::changes(&old, &new, &opts);
    Ok(match format.as_str() {
        "md" => JsValue::from_str(&report.to_markdown()),
        "html" => JsValue::from_str(&report.to_html()),
        "text" => JsValue::from_str(&report.to_text()),
        _ => crate::to_js(&report)?,
    })
}
