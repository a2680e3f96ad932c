"""Units for the `gongkai evaluate` benchmark: N catalogues of M items, each with its records.

    python benches/gen_evaluation.py OUT_DIR [UNITS=1000] [ITEMS=30]
    gongkai evaluate OUT_DIR/units --records OUT_DIR/records --today 2026-04-10 -o report.json

Deterministic (one seed per unit). The catalogues are benches/gen_catalogue.py's (valid, varied
Chinese text); each unit's records hold one publication per item, about one in eight late, one
in twenty never published, and a policy document with its 解读 every tenth unit, so every part
of the evaluation (audit, coverage, interpretation sync) runs.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gen_catalogue import generate  # noqa: E402

START = dt.date(2026, 1, 5)


def records(catalogue: dict, rng: random.Random) -> str:
    rows = ["item_id,formed_on,published_on,event_at,kind,title,interprets,url"]
    n = 0
    for item in catalogue["items"]:
        if "proactive" not in item["method"] or rng.random() < 0.05:
            continue
        formed = START + dt.timedelta(days=rng.randint(0, 60))
        delay = rng.choice([0, 1, 2, 3, 5]) if rng.random() > 0.125 else rng.randint(30, 60)
        n += 1
        rows.append(
            f"{item['id']},{formed},{formed + dt.timedelta(days=delay)},,,"
            f"{item['name']}（第一季度）,,https://example.gov.cn/{n}.html"
        )
    if rng.random() < 0.1:
        item = catalogue["items"][0]["id"]
        rows.append(f"{item},2026-02-02,2026-02-03,,policy,某政策文件,,https://example.gov.cn/p.html")
        rows.append(f"{item},2026-02-02,2026-02-09,,interpretation,某政策文件解读,某政策文件,https://example.gov.cn/j.html")
    return "\n".join(rows) + "\n"


def main() -> None:
    out = Path(sys.argv[1])
    units = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    items = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    (out / "units").mkdir(parents=True, exist_ok=True)
    (out / "records").mkdir(parents=True, exist_ok=True)
    for i in range(units):
        name = f"单位{i + 1:04d}"
        cat = generate(items, seed=i)
        cat["publisher"] = name
        (out / "units" / f"{name}.json").write_text(json.dumps(cat, ensure_ascii=False), encoding="utf-8")
        (out / "records" / f"{name}.csv").write_text(records(cat, random.Random(i)), encoding="utf-8")


if __name__ == "__main__":
    main()
