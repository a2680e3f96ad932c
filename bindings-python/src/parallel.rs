//! Runs jobs on a pool of scoped threads, detached from Python, with an optional progress bar
//! on `sys.stderr` and Ctrl-C checked about ten times a second.
//!
//! Results come back in input order. A panic in one job (a bug of ours) is caught and becomes
//! that job's failure; the other jobs are not affected.

use crate::error::Failure;
use pyo3::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

const TICK: Duration = Duration::from_millis(100);

struct Shared {
    next: AtomicUsize,
    cancel: AtomicBool,
    done: Mutex<usize>,
    changed: Condvar,
}

impl Shared {
    fn done(&self) -> MutexGuard<'_, usize> {
        // Workers never panic while holding the lock; recover the count if one ever did.
        self.done.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until the count differs from `seen` or a tick has passed; returns the count.
    fn wait(&self, seen: usize) -> usize {
        let guard = self.done();
        if *guard != seen {
            return *guard;
        }
        let (guard, _) = self
            .changed
            .wait_timeout(guard, TICK)
            .unwrap_or_else(|e| e.into_inner());
        *guard
    }
}

/// The number of threads for `n` jobs: `workers`, or the machine's parallelism, at most `n`.
pub(crate) fn thread_count(workers: Option<usize>, n: usize) -> usize {
    let w = workers.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |p| p.get()));
    w.clamp(1, n.max(1))
}

/// Runs `f(0..n)` on `threads` threads. Returns the results in order, or the `KeyboardInterrupt`
/// (or other exception raised by a signal handler) if the user interrupted the run.
pub(crate) fn run<R, F>(
    py: Python<'_>,
    n: usize,
    threads: usize,
    progress: bool,
    f: F,
) -> PyResult<Vec<Result<R, Failure>>>
where
    R: Send,
    F: Fn(usize) -> Result<R, Failure> + Sync,
{
    if n == 0 {
        return Ok(Vec::new());
    }
    let shared = Shared {
        next: AtomicUsize::new(0),
        cancel: AtomicBool::new(false),
        done: Mutex::new(0),
        changed: Condvar::new(),
    };
    let started = Instant::now();
    let (slots, interrupted) = py.detach(|| {
        std::thread::scope(|scope| {
            let worker = || {
                let mut out = Vec::new();
                while !shared.cancel.load(Ordering::Relaxed) {
                    let i = shared.next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let r = catch_unwind(AssertUnwindSafe(|| f(i)))
                        .unwrap_or_else(|p| Err(Failure::Panic(panic_message(p.as_ref()))));
                    out.push((i, r));
                    *shared.done() += 1;
                    shared.changed.notify_all();
                }
                out
            };
            let handles: Vec<_> = (0..threads).map(|_| scope.spawn(worker)).collect();
            let mut seen = usize::MAX;
            let mut drawn = None::<Instant>;
            let mut interrupted = None;
            loop {
                let done = shared.wait(seen);
                let finished = done >= n;
                if progress
                    && done != seen
                    && (finished || drawn.is_none_or(|t| t.elapsed() >= TICK))
                {
                    Python::attach(|py| draw(py, done, n, started, finished));
                    drawn = Some(Instant::now());
                }
                seen = done;
                if finished {
                    break;
                }
                if let Err(e) = Python::attach(|py| py.check_signals()) {
                    shared.cancel.store(true, Ordering::Relaxed);
                    if progress {
                        Python::attach(|py| draw(py, done, n, started, true));
                    }
                    interrupted = Some(e);
                    break;
                }
            }
            let mut slots: Vec<Option<Result<R, Failure>>> = (0..n).map(|_| None).collect();
            for h in handles {
                // A worker catches every job's panic, so joining cannot fail; if it ever did,
                // its jobs stay empty and are reported below.
                if let Ok(results) = h.join() {
                    for (i, r) in results {
                        if let Some(slot) = slots.get_mut(i) {
                            *slot = Some(r);
                        }
                    }
                }
            }
            (slots, interrupted)
        })
    });
    if let Some(e) = interrupted {
        return Err(e);
    }
    Ok(slots
        .into_iter()
        .map(|s| s.unwrap_or_else(|| Err(Failure::Panic("worker thread stopped".into()))))
        .collect())
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_owned()
    }
}

/// Draws `gongkai [#####-----] 12/40  30%  1.2s` on `sys.stderr` (so notebooks show it too).
fn draw(py: Python<'_>, done: usize, n: usize, started: Instant, finished: bool) {
    const WIDTH: usize = 30;
    let Ok(stderr) = py.import("sys").and_then(|s| s.getattr("stderr")) else {
        return;
    };
    if stderr.is_none() {
        return;
    }
    let filled = done.min(n) * WIDTH / n.max(1);
    let line = format!(
        "\rgongkai [{}{}] {done}/{n} {:>3}% {:.1}s{}",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        done.min(n) * 100 / n.max(1),
        started.elapsed().as_secs_f64(),
        if finished { "\n" } else { "" }
    );
    // Progress is best effort: a closed or odd stderr must not fail the validation.
    let _ = stderr.call_method1("write", (line,));
    let _ = stderr.call_method0("flush");
}
