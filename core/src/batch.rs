//! Many files at once: folders expanded to their catalogue files, and jobs run on a pool of
//! threads with their results handed back in input order, each as soon as it and every job
//! before it are done (so a report can be streamed while later files are still being read).
//!
//! Used by `gongkai validate DIR...`; the Python binding has its own pool (it must check for
//! Ctrl-C while detached from the interpreter) over the same core calls.

use crate::error::Error;
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::sync::{Condvar, Mutex, mpsc};

/// The extensions of the files a folder contributes (compared without case): the formats the
/// loader reads. Hidden files (`.name`) and Office lock files (`~$name.xlsx`) are left out.
pub const CATALOGUE_EXTENSIONS: &[&str] = &["json", "csv", "xlsx", "xls", "html", "htm", "docx"];

/// Whether a file name is one a folder contributes (see [`CATALOGUE_EXTENSIONS`]).
pub fn is_catalogue_name(name: &str) -> bool {
    if name.starts_with('.') || name.starts_with("~$") {
        return false;
    }
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && CATALOGUE_EXTENSIONS
                .iter()
                .any(|e| e.eq_ignore_ascii_case(ext))
    })
}

/// One input after expansion: a file to read, or what went wrong with part of a folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The file (or the folder that could not be read), as given or found under a folder.
    pub path: PathBuf,
    /// Why this entry cannot be processed (a folder that cannot be read, a folder without
    /// catalogue files); `None` for a file to read.
    pub error: Option<Error>,
}

/// Expands the inputs: a file (or `-`, standard input) as given, whatever its name; a folder to
/// the catalogue files in it and in its sub-folders ([`is_catalogue_name`]), sorted by path.
/// Symbolic links to files are followed (a broken one is listed, and fails when read), links to
/// folders are not (no cycles). A folder or
/// sub-folder that cannot be read, and a folder with no catalogue file at all, become an
/// [`Entry`] with its error, in its place, so that the others are still processed.
pub fn expand(inputs: &[PathBuf]) -> Vec<Entry> {
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() != "-" && p.is_dir() {
            let before = out.len();
            walk(p, &mut out);
            if out.len() == before {
                out.push(Entry {
                    path: p.clone(),
                    error: Some(empty_folder(p)),
                });
            }
        } else {
            out.push(Entry {
                path: p.clone(),
                error: None,
            });
        }
    }
    out
}

fn empty_folder(p: &Path) -> Error {
    let list = CATALOGUE_EXTENSIONS.join("、.");
    Error::File {
        path: p.display().to_string(),
        zh: format!(
            "文件夹 {} 及其子文件夹中没有目录文件（.{list}）；请检查路径，或直接给出文件",
            p.display()
        ),
        en: format!(
            "folder {} has no catalogue file (.{}) in it or its sub-folders; check the path, or name the files",
            p.display(),
            CATALOGUE_EXTENSIONS.join(", .")
        ),
    }
}

fn walk(dir: &Path, out: &mut Vec<Entry>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Entry {
                path: dir.to_path_buf(),
                error: Some(Error::read_failed(dir.display(), &e)),
            });
            return;
        }
    };
    let mut found: Vec<(PathBuf, bool)> = Vec::new();
    for e in entries {
        let e = match e {
            Ok(e) => e,
            Err(err) => {
                out.push(Entry {
                    path: dir.to_path_buf(),
                    error: Some(Error::read_failed(dir.display(), &err)),
                });
                continue;
            }
        };
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() {
            found.push((e.path(), true));
        } else if is_catalogue_name(&name) && !(kind.is_symlink() && e.path().is_dir()) {
            // A link to nowhere is kept: reading it says what is wrong.
            found.push((e.path(), false));
        }
    }
    found.sort();
    for (path, is_dir) in found {
        if is_dir {
            walk(&path, out);
        } else {
            out.push(Entry { path, error: None });
        }
    }
}

/// The number of threads for `jobs` jobs: `requested`, else the machine's parallelism; at least
/// 1, at most `jobs`.
pub fn thread_count(requested: Option<usize>, jobs: usize) -> usize {
    let w =
        requested.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |p| p.get()));
    w.clamp(1, jobs.max(1))
}

/// Runs `work(0..n)` on `threads` threads and calls `emit(i, result)` on the calling thread in
/// order of `i`, each as soon as jobs `0..=i` are done. A job that panics (a bug) gives
/// `Err(message)` for that job alone. No job starts more than `4 × threads` ahead of the last
/// emitted one, so results waiting for a slow file stay few. `emit` returns whether to go on:
/// `false` (the output was closed) stops the jobs not yet started.
pub fn run_ordered<T, W, E>(n: usize, threads: usize, work: W, mut emit: E)
where
    T: Send,
    W: Fn(usize) -> T + Sync,
    E: FnMut(usize, Result<T, String>) -> bool,
{
    let run = |i: usize| catch_unwind(AssertUnwindSafe(|| work(i))).map_err(panic_message);
    let threads = threads.clamp(1, n.max(1));
    if threads == 1 {
        for i in 0..n {
            if !emit(i, run(i)) {
                return;
            }
        }
        return;
    }
    let window = threads.saturating_mul(4);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let emitted = Mutex::new(0usize);
    let moved = Condvar::new();
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel();
        for _ in 0..threads {
            let (tx, next, stop, emitted, moved, run) =
                (tx.clone(), &next, &stop, &emitted, &moved, &run);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Relaxed);
                    if i >= n {
                        break;
                    }
                    let mut done = emitted.lock().unwrap_or_else(|p| p.into_inner());
                    while i >= done.saturating_add(window) && !stop.load(Relaxed) {
                        done = moved.wait(done).unwrap_or_else(|p| p.into_inner());
                    }
                    drop(done);
                    if stop.load(Relaxed) || tx.send((i, run(i))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut cursor = 0;
        'recv: for (i, r) in &rx {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&cursor) {
                let go_on = emit(cursor, r);
                cursor += 1;
                *emitted.lock().unwrap_or_else(|p| p.into_inner()) = cursor;
                if !go_on {
                    stop.store(true, Relaxed);
                    moved.notify_all();
                    break 'recv;
                }
                moved.notify_all();
            }
        }
        // Dropping the receiver makes the workers' next send fail: they stop.
        drop(rx);
    });
}

fn panic_message(p: Box<dyn std::any::Any + Send>) -> String {
    match (p.downcast_ref::<&str>(), p.downcast_ref::<String>()) {
        (Some(s), _) => (*s).to_owned(),
        (None, Some(s)) => s.clone(),
        _ => "panic".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn results_come_in_order_whatever_the_finishing_order() {
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            run_ordered(
                50,
                threads,
                |i| {
                    // Early jobs are the slow ones.
                    std::thread::sleep(std::time::Duration::from_micros(((50 - i) * 40) as u64));
                    i * 10
                },
                |i, r| {
                    seen.push((i, r.unwrap()));
                    true
                },
            );
            let want: Vec<_> = (0..50).map(|i| (i, i * 10)).collect();
            assert_eq!(seen, want, "threads {threads}");
        }
    }

    #[test]
    fn a_panicking_job_is_its_own_failure_and_stop_stops() {
        let mut out = Vec::new();
        run_ordered(
            6,
            3,
            |i| {
                assert!(i != 2, "job two broke");
                i
            },
            |i, r| {
                out.push(r.map_err(|m| m.contains("job two broke")));
                i < 3
            },
        );
        assert_eq!(out, vec![Ok(0), Ok(1), Err(true), Ok(3)]);
    }

    #[test]
    fn names_of_catalogue_files() {
        assert!(is_catalogue_name("a.JSON"));
        assert!(is_catalogue_name("目录.xlsx"));
        assert!(!is_catalogue_name("~$目录.xlsx"));
        assert!(!is_catalogue_name(".hidden.json"));
        assert!(!is_catalogue_name("notes.txt"));
        assert!(!is_catalogue_name("json"));
    }
}
