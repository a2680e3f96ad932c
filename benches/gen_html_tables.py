"""An HTML page of many small sibling tables (issue 17, item 3), for measuring the importer's
memory on many tiny problems.

    python benches/gen_html_tables.py 100000 > tables.html            # about 27.5 MB
    python benches/gen_html_tables.py 100000 --shape plain > plain.html
    /usr/bin/time -v gongkai validate tables.html    # "Maximum resident set size"

Shapes (one table of two rows each, so 100,000 tables stay at the 200,000-row limit):
- `catalogue` (default): every table has a catalogue header and one item whose 序号 is `1`, so
  every table after the first renumbers its ids (`2-1`, …) and the item lacks most fields: many
  findings per table;
- `plain`: tables without a catalogue header after one catalogue table (each skipped, one
  finding each);
- `continued`: one catalogue table then header-less tables of as many columns (each read as its
  continuation).
Deterministic; nothing is written to disk but standard output.
"""

from __future__ import annotations

import argparse
import sys

HEAD = ("<tr><th>序号</th><th>二级事项</th><th>公开内容</th><th>公开依据</th>"
        "<th>公开时限</th><th>公开主体</th></tr>")


def row(i: int) -> str:
    return (f"<tr><td>1</td><td>事项{i}</td><td>申请条件</td><td>《条例》第{i % 90 + 1}条</td>"
            "<td>20个工作日</td><td>本机关</td></tr>")


def table(i: int, shape: str) -> str:
    if shape == "catalogue" or i == 0:
        return f"<table>{HEAD}{row(i)}</table>\n"
    if shape == "plain":
        return f"<table><tr><td>附表{i}</td><td>说明</td></tr><tr><td>{i}</td><td>无</td></tr></table>\n"
    return f"<table>{row(i)}{row(i + 1)}</table>\n"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("tables", type=int, nargs="?", default=100_000)
    p.add_argument("--shape", choices=["catalogue", "plain", "continued"], default="catalogue")
    a = p.parse_args()
    out = sys.stdout
    out.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某县政务公开标准目录</title>"
              "</head><body>\n")
    for i in range(a.tables):
        out.write(table(i, a.shape))
    out.write("</body></html>\n")


if __name__ == "__main__":
    main()
