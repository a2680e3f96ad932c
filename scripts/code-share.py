#!/usr/bin/env python3
"""The bindings' share of the non-test code (issue 11: goal at most 10%).

    python3 scripts/code-share.py           # prints the share, e.g. "bindings: 9.4% …"
    python3 scripts/code-share.py -v        # and the lines of every file counted

What counts, measured the same way each time:

- a line is a non-blank line that is not only a comment (`//…`, `#…`, or inside `/* … */`);
  doc comments are comments (Rust `///` and `//!`; Python docstrings, statements that are only
  a triple-quoted string);
- non-test code: the library (core/src), the command (cli/src) and the bindings' code below,
  without tests: `#[cfg(test)]` items of Rust files (a `mod tests { … }` block or a file such
  `mod x;` names) and the test folders are left out; benches, fuzz targets, examples and scripts
  are tools, not counted;
- bindings: the Rust of both bindings (bindings-python/src, bindings-wasm/src) and their
  hand-written Python and JavaScript glue (bindings-python/python/**/*.py, bindings-wasm/js,
  and the entry points bindings-wasm/*.mjs, bindings-wasm/tables/*.mjs). Not counted: tests, the
  demo and examples, the type declarations (`.pyi`, `.d.ts`: generated under
  bindings-wasm/types/, or written by hand as documentation of the signatures) and build scripts.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BINDINGS = [
    ("bindings-python/src", "**/*.rs"),
    ("bindings-python/python", "**/*.py"),
    ("bindings-wasm/src", "**/*.rs"),
    ("bindings-wasm/js", "**/*.mjs"),
    ("bindings-wasm", "*.mjs"),
    ("bindings-wasm/tables", "*.mjs"),
]
OTHERS = [
    ("core/src", "**/*.rs"),
    ("cli/src", "**/*.rs"),
]

CFG_TEST = re.compile(r"^(\s*)#\[cfg\(test\)\]\s*$")
MOD_FILE = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;")


def test_files(path: Path, lines: list[str]) -> set[Path]:
    """The files of `#[cfg(test)] mod x;` declarations in a Rust file."""
    out = set()
    for i, line in enumerate(lines[:-1]):
        if CFG_TEST.match(line):
            m = MOD_FILE.match(lines[i + 1])
            if m:
                base = path.parent if path.name in ("mod.rs", "lib.rs", "main.rs") else path.with_suffix("")
                out |= {base / f"{m.group(1)}.rs", base / m.group(1) / "mod.rs"}
    return out


def strip_rust_tests(lines: list[str]) -> list[str]:
    """Drops `#[cfg(test)]` items: the attribute, further attributes, and the item up to the
    closing brace at the item's own indentation (rustfmt's layout)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = CFG_TEST.match(lines[i])
        if not m:
            out.append(lines[i])
            i += 1
            continue
        indent = m.group(1)
        i += 1
        while i < len(lines) and lines[i].strip().startswith("#["):
            i += 1
        if i < len(lines) and lines[i].rstrip().endswith(";"):
            i += 1
            continue
        while i < len(lines) and lines[i].rstrip() not in (indent + "}", indent + "};"):
            i += 1
        i += 1
    return out


def code_lines(path: Path, lines: list[str]) -> int:
    """Non-blank lines that are not only comments."""
    hash_comments = path.suffix == ".py"
    n = 0
    in_block = False
    docstring = ""
    for line in lines:
        s = line.strip()
        if docstring:
            if docstring in s:
                docstring = ""
            continue
        if hash_comments and s[:3] in (3 * '"', 3 * "'"):
            if s.count(s[:3]) == 1:
                docstring = s[:3]
            continue
        if in_block:
            if "*/" in s:
                in_block = False
                s = s.split("*/", 1)[1].strip()
            else:
                continue
        if not hash_comments and s.startswith("/*"):
            if "*/" not in s:
                in_block = True
            continue
        if not s or (hash_comments and s.startswith("#")) or (not hash_comments and s.startswith("//")):
            continue
        n += 1
    return n


def count(groups: list[tuple[str, str]], skip: set[Path]) -> dict[Path, int]:
    out = {}
    for folder, pattern in groups:
        for path in sorted((ROOT / folder).glob(pattern)):
            if path in skip or not path.is_file() or any(p in ("tests", "node_modules") for p in path.relative_to(ROOT).parts):
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            if path.suffix == ".rs":
                lines = strip_rust_tests(lines)
            out[path] = code_lines(path, lines)
    return out


def main() -> None:
    verbose = "-v" in sys.argv[1:]
    skip: set[Path] = set()
    for folder, pattern in BINDINGS + OTHERS:
        for path in (ROOT / folder).glob(pattern):
            if path.suffix == ".rs":
                skip |= test_files(path, path.read_text(encoding="utf-8").splitlines())
    bindings = count(BINDINGS, skip)
    others = count(OTHERS, skip)
    b, o = sum(bindings.values()), sum(others.values())
    if verbose:
        for files in (others, bindings):
            for path, n in files.items():
                print(f"{n:6} {path.relative_to(ROOT)}")
        print()
    print(f"bindings: {100 * b / (b + o):.1f}% of the non-test code ({b} of {b + o} lines; goal ≤ 10%)")


if __name__ == "__main__":
    main()
