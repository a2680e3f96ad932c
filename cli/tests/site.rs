//! `gongkai site`: the 专题 written from the example and the corpus tables, re-runs, --strict,
//! and the failure cases.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn root(rel: &str) -> String {
    format!("{ROOT}/{rel}")
}

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory for one test.
fn workdir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("site-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Every file under `dir`: relative path → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn mtimes(dir: &Path) -> BTreeMap<String, SystemTime> {
    tree(dir)
        .keys()
        .map(|k| {
            (
                k.clone(),
                std::fs::metadata(dir.join(k)).unwrap().modified().unwrap(),
            )
        })
        .collect()
}

/// The corpus tables (CSV), sorted.
fn corpus_tables() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root("tests/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn writes_the_site_the_library_builds() {
    let dir = workdir("library");
    let out = dir.join("专题");
    let example = root("examples/wuzhi-municipal.json");
    let records = root("tests/site/records");
    let tables = corpus_tables();
    let mut args = vec!["site", example.as_str()];
    args.extend(tables.iter().map(String::as_str));
    args.extend([
        "-o",
        s(&out),
        "--records",
        &records,
        "--base-url",
        "https://portal.example/zt/",
    ]);
    let o = gongkai(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(
            "wuzhi-municipal.json → municipal_services-06a2bac5/index.html（22 项，5 份已公开信息）"
        ),
        "{err}"
    );
    assert!(err.contains("照原样发布"), "{err}");
    assert!(
        err.contains("提示："),
        "the records' warnings are shown: {err}"
    );

    // The same bytes as gongkai::site::build on the same inputs.
    let mut inputs =
        vec![gongkai::site::load(&std::fs::read(&example).unwrap(), &example).unwrap()];
    for t in &tables {
        inputs.push(gongkai::site::load(&std::fs::read(t).unwrap(), t).unwrap());
    }
    let rec = root("tests/site/records/wuzhi-municipal.csv");
    let recs = [gongkai::site::load_records(&std::fs::read(&rec).unwrap(), &rec).unwrap()];
    let built = gongkai::site::build(
        &inputs,
        &recs,
        &gongkai::site::SiteOptions::default().base_url("https://portal.example/zt/"),
    )
    .unwrap();
    let expected: BTreeMap<String, Vec<u8>> = built
        .files
        .iter()
        .map(|f| (f.path.clone(), f.bytes.clone()))
        .collect();
    assert_eq!(tree(&out), expected);
    assert_eq!(built.catalogues.len(), 1 + tables.len());
    assert!(expected.contains_key("sitemap.xml"));
}

#[test]
fn a_rerun_writes_only_what_changed_and_removes_only_its_own_files() {
    let dir = workdir("rerun");
    let out = dir.join("out");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::copy(
        root("examples/wuzhi-municipal.json"),
        inputs.join("wuzhi-municipal.json"),
    )
    .unwrap();
    let table = root("tests/corpus/26-youyang-municipal-2024.csv");
    std::fs::copy(&table, inputs.join("youyang.csv")).unwrap();
    // A folder as input: both catalogues.
    let o = gongkai(&["site", s(&inputs), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("2 份目录"), "{}", stderr(&o));
    assert!(stderr(&o).contains("未生成 sitemap.xml"), "{}", stderr(&o));
    assert!(!out.join("sitemap.xml").exists());
    let first = tree(&out);
    assert_eq!(first.len(), 1 + 1 + 2 * 4, "{:?}", first.keys());
    // Files of the portal's own in the output folder.
    std::fs::write(out.join("portal.css"), "/* the portal's */").unwrap();
    let page_dir = out.join("municipal_services-06a2bac5");
    std::fs::write(page_dir.join("附件.pdf"), "mine").unwrap();

    std::thread::sleep(std::time::Duration::from_millis(20));
    let before = mtimes(&out);
    let o = gongkai(&["site", s(&inputs), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("更新 0 个文件，9 个未变，删除 0 个"),
        "{}",
        stderr(&o)
    );
    assert_eq!(mtimes(&out), before, "nothing rewritten");

    // Drop a catalogue: its page and data go, the portal's files stay.
    std::fs::remove_file(inputs.join("youyang.csv")).unwrap();
    let o = gongkai(&["site", s(&inputs), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("删除 4 个"), "{}", stderr(&o));
    let now = tree(&out);
    assert_eq!(now["portal.css"], b"/* the portal's */");
    assert_eq!(now["municipal_services-06a2bac5/附件.pdf"], b"mine");
    assert!(
        !now.keys().any(|k| k.starts_with("catalogue-")),
        "{:?}",
        now.keys()
    );
    // Its folder is gone too (it was empty); the other, holding a foreign file, stays.
    let dirs: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| out.join(n).is_dir())
        .collect();
    assert_eq!(dirs, ["municipal_services-06a2bac5"]);
    // The index no longer links it.
    let index = String::from_utf8(now["index.html"].clone()).unwrap();
    assert!(!index.contains("catalogue-"));
    assert_ne!(now["index.html"], first["index.html"]);
}

#[test]
fn strict_refuses_and_writes_nothing() {
    let dir = workdir("strict");
    let out = dir.join("out");
    let table = root("tests/corpus/26-youyang-municipal-2024.csv");
    let example = root("examples/wuzhi-municipal.json");
    let o = gongkai(&["site", &example, &table, "-o", s(&out), "--strict"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("26-youyang-municipal-2024.csv：有"), "{err}");
    assert!(err.contains("个错误，未发布"), "{err}");
    assert!(
        err.contains("[") && err.contains("]"),
        "errors at their cells: {err}"
    );
    assert!(err.contains("本次没有写入任何文件"), "{err}");
    assert!(!out.exists());
    // Without the table it publishes.
    let o = gongkai(&["site", &example, "-o", s(&out), "--strict"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(out.join("index.html").exists());
}

#[test]
fn failures_exit_2_and_write_nothing() {
    let dir = workdir("fail");
    let out = dir.join("out");
    let example = root("examples/wuzhi-municipal.json");
    // A missing input.
    let o = gongkai(&["site", s(&dir.join("nope.json")), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nope.json"), "{}", stderr(&o));
    // A folder with a file that is not a catalogue (the corpus' expected values).
    let o = gongkai(&["site", &root("tests/corpus"), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(".expected.json"), "{}", stderr(&o));
    // A bad base URL.
    let o = gongkai(&["site", &example, "-o", s(&out), "--base-url", "/zt/"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("网站地址"), "{}", stderr(&o));
    assert!(!out.exists());
    // Someone else's index.html is in the way.
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("index.html"), "<p>the portal</p>").unwrap();
    let o = gongkai(&["site", &example, "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("不是本命令生成的文件：index.html"),
        "{}",
        stderr(&o)
    );
    assert_eq!(tree(&out).len(), 1);
    assert_eq!(
        std::fs::read(out.join("index.html")).unwrap(),
        b"<p>the portal</p>"
    );
    // The output is a file.
    let o = gongkai(&["site", &example, "-o", s(&out.join("index.html"))]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn an_output_folder_inside_the_input_folder_is_not_read_back() {
    let dir = workdir("inside");
    std::fs::copy(
        root("examples/wuzhi-municipal.json"),
        dir.join("wuzhi-municipal.json"),
    )
    .unwrap();
    let out = dir.join("专题");
    for _ in 0..2 {
        let o = gongkai(&["site", s(&dir), "-o", s(&out)]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(stderr(&o).contains("1 份目录"), "{}", stderr(&o));
    }
}
