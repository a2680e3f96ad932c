//! # gongkai (公开)
//!
//! Model, import, validate and audit Chinese government disclosure catalogues
//! (基层政务公开标准目录): the public JSON contract, its JSON Schema, a rule engine with stable
//! codes and Chinese/English messages, table importers and exporters, and the working-day
//! calendar.
//!
//! ```
//! let json = r#"{
//!   "schema_version": "1.0",
//!   "title": "武陟县城市管理局市政服务领域基层政务公开标准目录",
//!   "domain": "municipal_services",
//!   "publisher": "武陟县城市管理局",
//!   "level": "county",
//!   "issued": "2024-03-01",
//!   "items": [{
//!     "id": "1", "category": "城镇燃气管理", "name": "燃气经营许可证核发",
//!     "content": ["申请条件", "申请材料", "申请流程", "法定依据"],
//!     "basis": [{"title": "城镇燃气管理条例", "doc_no": "国务院令第583号", "kind": "administrative_regulation"}],
//!     "time_limit": {"kind": "working_days", "days": 20, "from": "formed_or_changed"},
//!     "subject": "武陟县城市管理局",
//!     "channels": ["gov_website"],
//!     "audience": ["public"], "method": ["proactive"], "levels": ["county"]
//!   }]
//! }"#;
//! let report = gongkai::validate_json(json.as_bytes())?;
//! assert!(report.valid, "{:#?}", report.issues);
//!
//! // Invalid data is a report, not an error: here 主动 without 政府网站.
//! let bad = json.replace(r#"["gov_website"]"#, r#"["service_center"]"#);
//! let report = gongkai::validate_json(bad.as_bytes())?;
//! assert!(!report.valid);
//! assert_eq!(report.issues[0].code, "channels.website_required");
//! assert_eq!(report.issues[0].path, "/items/0/channels");
//!
//! // Input that is not JSON at all is an error with a location.
//! let err = gongkai::validate_json(b"{\"title\": ").unwrap_err();
//! assert_eq!(err.code(), "json");
//! # Ok::<(), gongkai::Error>(())
//! ```

#![warn(missing_docs)]

#[cfg(feature = "xlsx")]
pub mod annotate;
pub mod args;
pub mod audit;
pub mod batch;
pub mod calendar;
pub mod codes;
mod date;
pub mod deadline;
pub mod diff;
mod error;
pub mod evaluate;
pub mod export;
pub mod import;
mod input;
pub mod issue;
mod json;
mod lang;
pub mod laws;
pub mod layout;
mod location;
pub mod mask;
pub mod model;
pub mod report;
pub mod rules;
pub mod schema;
pub mod site;
pub mod stream;
mod validate;

pub use codes::Code;
pub use date::{is_real_date, parse_date};
pub use error::{Error, excerpt};
pub use input::{read_file_limited, read_limited};
pub use issue::{Counts, Finding, Issue, Lang, Location, Severity};
pub use model::{Catalogue, Citation, Item, Text, TimeLimit};
pub use report::{Report, SourceMap};
pub use validate::{MAX_PARAM_CHARS, Options, Validator, structurally_valid};

/// The library version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Validates a catalogue in memory with default options (Chinese messages, every severity).
pub fn validate(cat: &Catalogue<'_>) -> Report {
    Validator::default().validate(cat)
}

/// Validates JSON bytes with default options. See [`Validator::validate_json`].
pub fn validate_json(bytes: &[u8]) -> Result<Report, Error> {
    Validator::default().validate_json(bytes)
}

/// Whether JSON bytes are a valid catalogue (no error-severity issue; false for non-JSON).
pub fn is_valid(bytes: &[u8]) -> bool {
    Validator::default().is_valid(bytes)
}

// The README's Rust examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
