//! Runs jobs on a pool of scoped threads, detached from Python, with an optional progress bar
//! on `sys.stderr` and Ctrl-C checked about ten times a second.
//!
//! Results come back in input order. A panic in one job (a bug of ours) is caught and becomes
//! that job's failure; the other jobs are not affected.

use crate::error::Failure;
use pyo3::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::{Duration, Instant};

const TICK: Duration = Duration::from_millis(100);

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
    let (next, cancel, started) = (AtomicUsize::new(0), AtomicBool::new(false), Instant::now());
    let (slots, interrupted) = py.detach(|| {
        std::thread::scope(|scope| {
            let (tx, rx) = channel();
            for _ in 0..threads.min(n) {
                let (tx, next, cancel, f) = (tx.clone(), &next, &cancel, &f);
                scope.spawn(move || {
                    while !cancel.load(Relaxed) {
                        let i = next.fetch_add(1, Relaxed);
                        if i >= n {
                            break;
                        }
                        let r = catch_unwind(AssertUnwindSafe(|| f(i)))
                            .unwrap_or_else(|p| Err(Failure::Panic(panic_message(p.as_ref()))));
                        if tx.send((i, r)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            let mut slots: Vec<Option<Result<R, Failure>>> = (0..n).map(|_| None).collect();
            let (mut done, mut drawn, mut interrupted) = (0, None::<Instant>, None);
            while done < n {
                match rx.recv_timeout(TICK) {
                    Ok((i, r)) => {
                        if let Some(slot) = slots.get_mut(i) {
                            *slot = Some(r);
                            done += 1;
                        }
                    }
                    Err(RecvTimeoutError::Disconnected) => break,
                    Err(RecvTimeoutError::Timeout) => {}
                }
                if let Err(e) = Python::attach(|py| py.check_signals()) {
                    cancel.store(true, Relaxed);
                    interrupted = Some(e);
                }
                let last = done == n || interrupted.is_some();
                if progress && (last || drawn.is_none_or(|t| t.elapsed() >= TICK)) {
                    Python::attach(|py| draw(py, done, n, started, last));
                    drawn = Some(Instant::now());
                }
                if interrupted.is_some() {
                    break;
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
    match (p.downcast_ref::<&str>(), p.downcast_ref::<String>()) {
        (Some(s), _) => (*s).to_owned(),
        (None, Some(s)) => s.clone(),
        _ => "panic".to_owned(),
    }
}

/// Draws `gongkai [#####-----] 12/40  30%  1.2s` on `sys.stderr` (so notebooks show it too).
fn draw(py: Python<'_>, done: usize, n: usize, started: Instant, last: bool) {
    const WIDTH: usize = 30;
    let Ok(stderr) = py.import("sys").and_then(|s| s.getattr("stderr")) else {
        return;
    };
    let filled = done.min(n) * WIDTH / n.max(1);
    let line = format!(
        "\rgongkai [{}{}] {done}/{n} {:>3}% {:.1}s{}",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        done.min(n) * 100 / n.max(1),
        started.elapsed().as_secs_f64(),
        if last { "\n" } else { "" }
    );
    // Progress is best effort: a closed or odd stderr (None) must not fail the validation.
    let _ = stderr.call_method1("write", (line,));
    let _ = stderr.call_method0("flush");
}
