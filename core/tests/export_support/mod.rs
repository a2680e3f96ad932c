//! Shared helpers of the export tests: the fixture and hostile catalogues.

#![allow(dead_code, clippy::unwrap_used)]

use gongkai::model::{CitationKind, Text};
use gongkai::{Catalogue, Citation, TimeLimit};

/// The fixture: a valid 市政服务 catalogue of 9 items (see `tests/export/catalogue.json`).
pub const FIXTURE: &[u8] = include_bytes!("../../../tests/export/catalogue.json");

pub fn fixture() -> Catalogue<'static> {
    Catalogue::from_json(FIXTURE).unwrap().into_owned()
}

/// Formula-injection payloads (OWASP CSV injection list plus the DDE classic).
pub const FORMULA_PAYLOADS: &[&str] = &[
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "=HYPERLINK(\"http://x\")",
];

/// Markup-injection payloads.
pub const XSS_PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "</table><script>",
    "&lt;",
    "{{7*7}}",
];

/// The fixture with `payload` written into every free-text field a table shows: metadata,
/// 序号, 一级/二级/三级事项, 公开内容, 公开依据 (as a citation's `text`), 公开时限 (unparsed),
/// 公开主体, 其他渠道, 特定群体说明, 备注, and an extra column (key and value).
pub fn with_payload(payload: &str) -> Catalogue<'static> {
    let mut cat = fixture();
    let p = || Text::from(payload.to_owned());
    cat.title = p();
    cat.publisher = p();
    if let Some(r) = cat.region.as_mut() {
        r.county = p();
    }
    if let Some(b) = cat.based_on.as_mut() {
        b.title = p();
    }
    cat.extra.insert(
        payload.to_owned(),
        serde_json::Value::String(payload.to_owned()),
    );
    for (i, item) in cat.items.iter_mut().enumerate() {
        item.id = Text::from(format!("{payload}{i}"));
        item.category = p();
        item.name = p();
        item.subitem = Some(p());
        item.content = vec![p(), Text::from("申请材料")];
        let mut c = Citation::titled(payload.to_owned());
        c.text = Some(p());
        item.basis = vec![c, Citation::titled("城市供水条例")];
        item.time_limit = TimeLimit::unparsed(payload.to_owned());
        item.subject = p();
        item.other_channels = vec![p()];
        item.audience_note = Some(p());
        item.notes = Some(p());
        item.extra.insert(
            payload.to_owned(),
            serde_json::Value::String(payload.to_owned()),
        );
    }
    cat
}

/// A citation with every optional field.
pub fn full_citation() -> Citation<'static> {
    let mut c = Citation::titled("城镇燃气管理条例");
    c.doc_no = Some(Text::from("国务院令第583号"));
    c.articles = vec![Text::from("第十五条")];
    c.kind = Some(CitationKind::AdministrativeRegulation);
    c
}
