//! The process's allocator, mimalloc, and how it is tuned for one large input.
//!
//! By default mimalloc (v3, as libmimalloc-sys builds it) keeps the memory it frees for a second
//! before returning it to the system, and commits its arenas eagerly: the fastest for many small files (validating a folder
//! of small catalogues is about 1.5× faster than with glibc's malloc). For one large input the
//! peak matters more: a validation frees the file's bytes, each item once read and the table
//! models once imported, and memory kept for reuse adds to the peak. [`for_input`] then asks
//! mimalloc to return freed memory at once and to commit arenas on demand, which keeps the peak
//! of a 140 MB JSON catalogue streamed at about 1.3× the file instead of 1.7× (benches/scale.sh),
//! for a little more time.

#![allow(unsafe_code)]

use libmimalloc_sys as sys;

/// `mi_option_arena_eager_commit` in mimalloc's `mi_option_t` (the same place in the v2 and v3
/// headers that libmimalloc-sys builds; the crate names neither option). The test below checks
/// both against their documented defaults.
const ARENA_EAGER_COMMIT: sys::mi_option_t = 4;
/// `mi_option_purge_delay`, in milliseconds (see [`ARENA_EAGER_COMMIT`]).
const PURGE_DELAY: sys::mi_option_t = 15;

/// Favours memory over speed for the rest of the process when an input is large (at least
/// [`gongkai::stream::STREAM_FROM_BYTES`]).
pub fn for_input(len: u64) {
    if len >= gongkai::stream::STREAM_FROM_BYTES {
        favour_memory();
    }
}

fn favour_memory() {
    // SAFETY: `mi_option_set` only stores a value in mimalloc's option table, which it reads
    // with atomics; 0 is a valid value of both options (immediate purge; arenas committed on
    // demand).
    unsafe {
        sys::mi_option_set(PURGE_DELAY, 0);
        sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_numbers_are_mimallocs_and_large_inputs_set_them() {
        // SAFETY: reading an option.
        let get = |o| unsafe { sys::mi_option_get(o) };
        // mimalloc's defaults identify the two options (v3's `options.c`): purge delay 1,000 ms,
        // arena eager commit 2 (on overcommitting systems).
        assert_eq!(get(PURGE_DELAY), 1000);
        assert_eq!(get(ARENA_EAGER_COMMIT), 2);
        for_input(gongkai::stream::STREAM_FROM_BYTES - 1);
        assert_eq!((get(PURGE_DELAY), get(ARENA_EAGER_COMMIT)), (1000, 2));
        for_input(gongkai::stream::STREAM_FROM_BYTES);
        assert_eq!((get(PURGE_DELAY), get(ARENA_EAGER_COMMIT)), (0, 0));
    }
}
