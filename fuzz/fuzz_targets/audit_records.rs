//! Publication records (CSV or JSON) read and audited against the export fixture: never a
//! panic, deterministic, and every record row is accounted for.
#![no_main]

use gongkai::audit::{AuditOptions, audit, read_records};
use gongkai::calendar::embedded;
use gongkai_fuzz::{check_error, fixture, today};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cat = fixture();
    for name in [None, Some("records.json")] {
        match read_records(data, name) {
            Ok(records) => {
                assert_eq!(read_records(data, name).ok(), Some(records.clone()));
                for options in [
                    AuditOptions::default().today(today()),
                    AuditOptions::default().lang(gongkai::Lang::En),
                ] {
                    let a = audit(&cat, &records, embedded(), &options);
                    assert_eq!(a.rows.len(), records.records.len(), "a record was dropped");
                    for i in &a.issues {
                        assert!(i.message.chars().count() <= gongkai_fuzz::MAX_MESSAGE_CHARS);
                    }
                }
                let options = AuditOptions::default().today(today());
                assert_eq!(
                    audit(&cat, &records, embedded(), &options).to_json_pretty(),
                    audit(&cat, &records, embedded(), &options).to_json_pretty(),
                    "not deterministic"
                );
            }
            Err(e) => check_error(&e),
        }
    }
});
