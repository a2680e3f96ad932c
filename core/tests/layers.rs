//! The core's modules form layers (ARCHITECTURE.md): each top-level module may use only the
//! modules of its own layer or below, and no two modules use each other.
//!
//! The check reads the sources: every `crate::name` and `crate::{a, b::c}` outside comments,
//! where `name` is a module or a name `lib.rs` re-exports from one (`crate::Error` → `error`).

#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Bottom to top. A module may use the modules of its own row and of the rows before it.
const LAYERS: &[&[&str]] = &[
    &[
        "error", "lang", "args", "json", "date", "location", "input", "batch",
    ],
    &["codes"],
    &["issue"],
    &["report"],
    &["model", "mask"],
    &["layout", "schema"],
    &["calendar"],
    &["import", "laws"],
    &["rules"],
    &["export", "deadline"],
    &["validate", "stream"],
    &["diff", "audit"],
    &["annotate", "site", "evaluate"],
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        for e in std::fs::read_dir(p).unwrap() {
            rust_files(&e.unwrap().path(), out);
        }
    } else if p.extension().is_some_and(|e| e == "rs") {
        out.push(p.to_path_buf());
    }
}

/// The text of a file without comments (line comments and doc comments; string contents kept,
/// which at worst adds an edge that a test then names).
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first path segments of a `use` group `{a, b::c, d::{e, f}}` (top level only).
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    let mut in_head = true;
    for c in group.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                heads.push(std::mem::take(&mut cur));
                in_head = true;
                continue;
            }
            _ => {}
        }
        if depth == 0 && in_head {
            if c == ':' {
                in_head = false;
            } else if !c.is_whitespace() {
                cur.push(c);
            }
        }
    }
    heads.push(cur);
    heads.retain(|h| !h.is_empty());
    heads
}

/// What a name after `crate::` refers to: a module, or the module `lib.rs` re-exports it from.
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for stmt in code_of(lib).split(';') {
        let stmt = stmt.trim();
        let Some(rest) = stmt.strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, names)) = rest.split_once("::") else {
            continue;
        };
        let names = names.trim();
        let names = names
            .strip_prefix('{')
            .and_then(|n| n.strip_suffix('}'))
            .unwrap_or(names);
        for n in names.split(',') {
            let n = n.trim();
            let n = n.rsplit(" as ").next().unwrap_or(n).trim();
            if !n.is_empty() {
                out.insert(n.to_owned(), module.trim().to_owned());
            }
        }
    }
    out
}

fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let names = reexports(&lib);
    let modules: BTreeSet<String> = LAYERS
        .iter()
        .flat_map(|l| l.iter())
        .map(|s| s.to_string())
        .collect();
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in &modules {
        let mut files = Vec::new();
        let file = src().join(format!("{m}.rs"));
        if file.exists() {
            files.push(file);
        }
        rust_files(&src().join(m), &mut files);
        assert!(!files.is_empty(), "module {m} of LAYERS has no source");
        let entry = deps.entry(m.clone()).or_default();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            // A file's unit tests (its `#[cfg(test)]` module, last in the file) may use the
            // whole crate, as an integration test would; the layers are about shipped code.
            let shipped = text
                .find("\n#[cfg(test)]\nmod tests")
                .map_or(text.as_str(), |at| &text[..at]);
            let code = code_of(shipped);
            let mut rest = code.as_str();
            while let Some(i) = rest.find("crate::") {
                rest = &rest[i + "crate::".len()..];
                let heads = if let Some(g) = rest.strip_prefix('{') {
                    let mut depth = 1;
                    let end = g
                        .char_indices()
                        .find(|&(_, c)| {
                            depth += match c {
                                '{' => 1,
                                '}' => -1,
                                _ => 0,
                            };
                            depth == 0
                        })
                        .map_or(g.len(), |(k, _)| k);
                    group_heads(&g[..end])
                } else {
                    let end = rest
                        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .unwrap_or(rest.len());
                    vec![rest[..end].to_owned()]
                };
                for h in heads {
                    let target = if modules.contains(&h) {
                        h
                    } else if let Some(m) = names.get(&h) {
                        m.clone()
                    } else {
                        continue;
                    };
                    if target != *m {
                        entry.insert(target);
                    }
                }
            }
        }
    }
    deps
}

fn layer(m: &str) -> usize {
    LAYERS.iter().position(|l| l.contains(&m)).unwrap()
}

#[test]
fn every_module_is_in_a_layer() {
    let mut declared: BTreeSet<String> = BTreeSet::new();
    for e in std::fs::read_dir(src()).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        if name != "lib" && (p.is_dir() || p.extension().is_some_and(|e| e == "rs")) {
            declared.insert(name);
        }
    }
    let listed: BTreeSet<String> = LAYERS
        .iter()
        .flat_map(|l| l.iter())
        .map(|s| s.to_string())
        .collect();
    assert_eq!(declared, listed, "core/src modules and LAYERS differ");
}

#[test]
fn modules_use_only_their_layer_and_below() {
    let mut wrong = Vec::new();
    for (m, targets) in dependencies() {
        for t in targets {
            if layer(&t) > layer(&m) {
                wrong.push(format!(
                    "{m} (layer {}) uses {t} (layer {})",
                    layer(&m),
                    layer(&t)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn no_module_cycle() {
    let deps = dependencies();
    // Depth-first search for a back edge, reporting the cycle.
    fn visit(
        m: &str,
        deps: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == m) {
            let mut cycle = stack[i..].to_vec();
            cycle.push(m.to_owned());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        stack.push(m.to_owned());
        for t in deps.get(m).into_iter().flatten() {
            if let Some(c) = visit(t, deps, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(m.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for m in deps.keys() {
        if let Some(cycle) = visit(m, &deps, &mut Vec::new(), &mut done) {
            panic!("module cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_check_sees_dependencies() {
    // The check itself: known edges are found, so an empty result means something.
    let deps = dependencies();
    assert!(deps["rules"].contains("codes"), "{:?}", deps["rules"]);
    assert!(deps["import"].contains("layout"), "{:?}", deps["import"]);
    assert!(deps["validate"].contains("rules"));
    assert!(deps["site"].contains("export"));
    assert_eq!(
        group_heads("Error, json::{a, b}, model::Catalogue"),
        ["Error", "json", "model"]
    );
}
