#!/usr/bin/env python3
"""Fails when a Rust dependency's licence is not permissive.

Reads `cargo metadata` (every package of the lock file, all targets) and evaluates each
package's SPDX expression: OR takes any allowed side, AND needs every side. Allowed: MIT,
Apache-2.0 (with LLVM exception), BSD-2/3-Clause, ISC, Zlib, Unicode-3.0/Unicode-DFS-2016,
0BSD, BSL-1.0, CC0-1.0, MPL-2.0 is NOT allowed (file-level copyleft), no GPL/LGPL/AGPL.
The same policy is in deny.toml for cargo-deny users.
"""
import json
import re
import subprocess
import sys

ALLOWED = {
    "MIT", "MIT-0", "Apache-2.0", "Apache-2.0 WITH LLVM-exception", "BSD-2-Clause",
    "BSD-3-Clause", "ISC", "Zlib", "Unicode-3.0", "Unicode-DFS-2016", "0BSD", "BSL-1.0",
    "CC0-1.0", "Unlicense",
}


def allowed(expr: str) -> bool:
    expr = expr.strip()
    # Normalise the old "/" separator to OR.
    expr = expr.replace("/", " OR ")
    # Strip balanced outer parentheses.
    while expr.startswith("(") and expr.endswith(")"):
        depth = 0
        for i, c in enumerate(expr):
            depth += c == "("
            depth -= c == ")"
            if depth == 0 and i < len(expr) - 1:
                break
        else:
            expr = expr[1:-1].strip()
            continue
        break
    parts = split_top(expr, "OR")
    if len(parts) > 1:
        return any(allowed(p) for p in parts)
    parts = split_top(expr, "AND")
    if len(parts) > 1:
        return all(allowed(p) for p in parts)
    return expr in ALLOWED


def split_top(expr: str, op: str):
    out, depth, cur = [], 0, []
    tokens = re.split(r"(\(|\)|\s+)", expr)
    for t in tokens:
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
        if depth == 0 and t == op:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(t)
    out.append("".join(cur).strip())
    return [p for p in out if p]


def main() -> int:
    meta = json.loads(subprocess.check_output(
        ["cargo", "metadata", "--format-version", "1", "--locked"], text=True))
    workspace = set(meta["workspace_members"])
    bad = []
    for p in meta["packages"]:
        if p["id"] in workspace:
            continue
        lic = p.get("license")
        if not lic or not allowed(lic):
            bad.append(f'{p["name"]} {p["version"]}: {lic or "no licence field"}')
    if bad:
        print("dependencies with licences outside the policy:")
        print("\n".join(sorted(set(bad))))
        return 1
    print(f"licences: {len(meta['packages']) - len(workspace)} dependencies, all permissive")
    return 0


if __name__ == "__main__":
    sys.exit(main())
