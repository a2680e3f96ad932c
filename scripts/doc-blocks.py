#!/usr/bin/env python3
"""The code blocks of the READMEs run as written.

Extracts every fenced code block of the documents in DOCS and sorts it by its info string:

- `sh`, `bash`, `shell`, `console`: run by bash (`set -e -o pipefail`) from the repository root,
  with the built `gongkai` first on PATH (`--bin DIR`, default target/debug); a `console`
  block runs its `$ ` lines. XDG_DATA_HOME is a temporary folder (so `gongkai calendar add`
  never touches the user's file); files a block creates in the repository are removed after
  it, and a block that changes a tracked file fails.
- `python`: run with this interpreter (the one with the built module), every block of a
  document in order in one namespace, from the repository root.
- `js`: each block is a Node ES module of its own, written inside bindings-wasm/ (so that
  `import … from 'gongkai-wasm'` resolves to the built package) and run from the repository
  root.
- `rust`: README.md's are doctests of the core (`core/src/lib.rs` includes README.md); a `rust`
  block elsewhere must be marked.
- Anything else (`text`, `json`, `html`, `csv`, `toml` …): a sample, a format or output, never
  run. A block without an info string is an error: say what it is.

A runnable block that must not run is marked on the line before it with
`<!-- norun: why -->` (a real cluster, a server that runs until stopped, a build of several
minutes that CI does elsewhere …). The marks are counted and listed.

Usage:
    scripts/doc-blocks.py                 # check the marks, count the blocks (no run)
    scripts/doc-blocks.py --show js       # print the blocks of a kind
    scripts/doc-blocks.py --run sh [--bin target/debug]
    .venv/bin/python scripts/doc-blocks.py --run python
    scripts/doc-blocks.py --run js        # after scripts/build-wasm.sh
Exit 1 when a block fails or is not classified.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# The READMEs and the documents they point to that hold code blocks.
DOCS = [
    "README.md",
    "bindings-python/README.md",
    "bindings-wasm/README.md",
    "docs/laws.md",
    "SECURITY.md",
    "tests/README.md",
]

KINDS = {
    "sh": "sh",
    "bash": "sh",
    "shell": "sh",
    "console": "sh",
    "python": "python",
    "js": "js",
    "javascript": "js",
    "rust": "rust",
}

# Python blocks of these documents run in a prepared folder, by the test named, which also
# checks what they print.
PYTHON_ELSEWHERE = {
    "bindings-python/README.md": "bindings-python/tests/test_readme.py",
}

FENCE = re.compile(r"^(\s*)(```+)(.*)$")
NORUN = re.compile(r"^\s*<!--\s*norun:\s*(.+?)\s*-->\s*$")


@dataclass
class Block:
    doc: str
    line: int  # 1-based line of the opening fence
    info: str
    code: str
    norun: str | None

    @property
    def kind(self) -> str | None:
        word = self.info.split()[0] if self.info.split() else ""
        return KINDS.get(word, "other" if word else None)

    def where(self) -> str:
        return f"{self.doc}:{self.line}"


def blocks(doc: str) -> list[Block]:
    lines = (REPO / doc).read_text(encoding="utf-8").split("\n")
    out: list[Block] = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info = m.group(1), m.group(2), m.group(3).strip()
        prev = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        mark = NORUN.match(prev)
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not lines[j].strip().startswith(fence):
            line = lines[j]
            body.append(line[len(indent):] if line.startswith(indent) else line.lstrip())
            j += 1
        out.append(Block(doc, i + 1, info, "\n".join(body) + "\n", mark.group(1) if mark else None))
        i = j + 1
    return out


def all_blocks() -> list[Block]:
    return [b for doc in DOCS for b in blocks(doc)]


def check(bs: list[Block]) -> list[str]:
    """Blocks that are not classified, or marked without need."""
    problems = []
    for b in bs:
        if b.kind is None:
            problems.append(f"{b.where()}: a code block without an info string (say sh, python, js, text …)")
        elif b.kind == "rust" and b.doc != "README.md" and not b.norun:
            problems.append(f"{b.where()}: a rust block outside README.md is not a doctest: mark it <!-- norun: … -->")
        elif b.kind == "other" and b.norun:
            problems.append(f"{b.where()}: a {b.info} block is never run: drop its norun mark")
    return problems


def summary(bs: list[Block]) -> None:
    counts: dict[str, int] = {}
    for b in bs:
        if b.norun:
            key = f"{b.kind}: not run (marked)"
        elif b.kind == "python" and b.doc in PYTHON_ELSEWHERE:
            key = f"python: run by {PYTHON_ELSEWHERE[b.doc]}"
        elif b.kind == "rust":
            key = "rust: doctests of the core"
        elif b.kind == "other":
            key = "samples (text, json, html …): never run"
        else:
            key = f"{b.kind}: run"
        counts[key] = counts.get(key, 0) + 1
    print(f"doc blocks: {len(bs)} in {len(DOCS)} documents")
    for key in sorted(counts):
        print(f"  {counts[key]:3}  {key}")
    for b in bs:
        if b.norun:
            print(f"  not run: {b.where()} ({b.info}): {b.norun}")


def untracked() -> set[str]:
    out = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard", "-z"],
        cwd=REPO, capture_output=True, check=True,
    ).stdout.decode("utf-8", "surrogateescape")
    return {p for p in out.split("\0") if p}


def modified() -> set[str]:
    out = subprocess.run(
        ["git", "diff", "--name-only", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout.decode("utf-8", "surrogateescape")
    return {p for p in out.split("\0") if p}


def clean_up(before: set[str]) -> None:
    for p in sorted(untracked() - before):
        path = REPO / p
        path.unlink(missing_ok=True)
        # Remove the folders the block made, if now empty.
        parent = path.parent
        while parent != REPO and parent.exists() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent


def run_sh(bs: list[Block], bin_dir: Path) -> list[str]:
    failures = []
    env = dict(os.environ)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    gongkai = bin_dir / "gongkai"
    if not gongkai.exists():
        return [f"{gongkai} is not built (cargo build -p gongkai-cli)"]
    changed_before = modified()
    with tempfile.TemporaryDirectory(prefix="gongkai-doc-") as data:
        env["XDG_DATA_HOME"] = data
        for b in bs:
            code = b.code
            if b.info.split()[0] == "console":
                code = "\n".join(line[2:] for line in code.splitlines() if line.startswith("$ ")) + "\n"
            before = untracked()
            r = subprocess.run(
                ["bash", "-e", "-o", "pipefail", "-c", code],
                cwd=REPO, env=env, capture_output=True, text=True, timeout=1800,
            )
            clean_up(before)
            status = "ok" if r.returncode == 0 else f"FAILED (exit {r.returncode})"
            print(f"  sh {b.where()}: {status}")
            if r.returncode != 0:
                failures.append(f"{b.where()} exited {r.returncode}:\n{code}\n--- stderr\n{r.stderr[-3000:]}")
            changed = modified() - changed_before
            if changed:
                failures.append(f"{b.where()} changed tracked files: {sorted(changed)}")
                subprocess.run(["git", "checkout", "--", *sorted(changed)], cwd=REPO, check=True)
    return failures


def run_python(bs: list[Block]) -> list[str]:
    failures = []
    os.chdir(REPO)
    by_doc: dict[str, list[Block]] = {}
    for b in bs:
        by_doc.setdefault(b.doc, []).append(b)
    for doc, doc_blocks in by_doc.items():
        namespace: dict[str, object] = {"__name__": "__doc_blocks__"}
        before = untracked()
        for b in doc_blocks:
            try:
                exec(compile(b.code, b.where(), "exec"), namespace)
                print(f"  python {b.where()}: ok")
            except Exception:
                print(f"  python {b.where()}: FAILED")
                failures.append(f"{b.where()}:\n{b.code}\n{traceback.format_exc()}")
        clean_up(before)
    return failures


def run_js(bs: list[Block]) -> list[str]:
    failures = []
    folder = REPO / "bindings-wasm" / ".doc-blocks"
    folder.mkdir(exist_ok=True)
    try:
        for n, b in enumerate(bs):
            script = folder / f"block-{n}.mjs"
            script.write_text(f"// {b.where()}\n{b.code}", encoding="utf-8")
            before = untracked()
            r = subprocess.run(["node", str(script)], cwd=REPO, capture_output=True, text=True, timeout=600)
            clean_up(before | {str(script.relative_to(REPO))})
            status = "ok" if r.returncode == 0 else f"FAILED (exit {r.returncode})"
            print(f"  js {b.where()}: {status}")
            if r.returncode != 0:
                failures.append(f"{b.where()}:\n{b.code}\n--- stderr\n{r.stderr[-3000:]}")
    finally:
        for f in folder.glob("*"):
            f.unlink()
        folder.rmdir()
    return failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", choices=["sh", "python", "js"])
    ap.add_argument("--bin", default=str(REPO / "target" / "debug"), help="folder of the built gongkai")
    ap.add_argument("--show", choices=["sh", "python", "js"], help="print the blocks of this kind")
    a = ap.parse_args()
    bs = all_blocks()
    if a.show:
        for b in bs:
            if b.kind == a.show:
                print(f"=== {b.where()} ({b.info}){' not run: ' + b.norun if b.norun else ''}\n{b.code}")
        return 0
    problems = check(bs)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    if not a.run:
        summary(bs)
        return 0
    todo = [
        b for b in bs
        if b.kind == a.run and not b.norun and not (a.run == "python" and b.doc in PYTHON_ELSEWHERE)
    ]
    print(f"doc blocks: running {len(todo)} {a.run} blocks")
    if a.run == "sh":
        failures = run_sh(todo, Path(a.bin).resolve())
    elif a.run == "python":
        failures = run_python(todo)
    else:
        failures = run_js(todo)
    if failures:
        print("\n\n".join(failures), file=sys.stderr)
        print(f"doc blocks: {len(failures)} of {len(todo)} {a.run} blocks failed", file=sys.stderr)
        return 1
    print(f"doc blocks: {len(todo)} {a.run} blocks ran")
    return 0


if __name__ == "__main__":
    sys.exit(main())
