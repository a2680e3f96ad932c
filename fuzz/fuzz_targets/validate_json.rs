//! `Validator::validate_json` on arbitrary bytes: never a panic; the same bytes give the same
//! report (or error); the report keeps its promises; the fast path (typed model +
//! `structurally_valid`) agrees with the published JSON Schema; the streaming path
//! (`gongkai::stream`) gives the in-memory path's report or error.
#![no_main]

use gongkai::Catalogue;
use gongkai_fuzz::{deterministic, validators};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for v in validators() {
        let memory = deterministic(|| v.validate_json(data));
        let stream =
            gongkai::stream::validate_json_reader(v, std::io::Cursor::new(data), "fuzz.json");
        assert_eq!(memory, stream, "streaming and in-memory validation disagree");
    }
    // Structural verdict of the fast path = the schema's, on every document the model reads
    // (duplicate keys aside: the schema cannot see them, the model refuses them).
    if let Ok(cat) = Catalogue::from_json(data) {
        let value = serde_json::to_value(&cat).unwrap();
        assert_eq!(
            gongkai::structurally_valid(&cat),
            gongkai::schema::is_schema_valid(&value),
            "fast path and schema disagree"
        );
    }
});
