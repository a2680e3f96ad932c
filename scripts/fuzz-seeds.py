#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/ from the test
fixtures (tests/cases, tests/corpus, tests/export, tests/audit, tests/diff, data/).

Usage: scripts/fuzz-seeds.py [XLSX_DIR]

XLSX_DIR, when given, holds .xlsx workbooks (scripts/fuzz.sh exports some with the CLI): they
seed import_xlsx whole, and as "sheet XML, NUL, shared strings" (the target's other mode).
The DOCX fixtures of tests/import/ seed import_docx whole, and as their document XML (the
target's other mode); each corpus table is also written as the document XML of a Word table
(its merged cells as gridSpan/vMerge, its tick glyphs as Wingdings symbols).
Seeds are derived on every run and never committed (fuzz/corpus/ is ignored); files already in
a corpus (what earlier runs found) are kept. Only the standard library is used.
"""
import csv
import hashlib
import io
import json
import os
import pathlib
import struct
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
# GONGKAI_FUZZ_CORPUS: another corpus directory (scripts/test-fuzz.sh starts from the seeds alone).
OUT = pathlib.Path(os.environ.get("GONGKAI_FUZZ_CORPUS") or ROOT / "fuzz" / "corpus")


def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / ("seed-" + hashlib.sha1(data).hexdigest()[:16])).write_bytes(data)


def json_files(*dirs):
    for d in dirs:
        yield from sorted((ROOT / d).rglob("*.json"))


def catalogues():
    """Every catalogue document in the fixtures, as bytes."""
    for p in json_files("tests/cases"):
        case = json.loads(p.read_text(encoding="utf-8"))
        if "catalogue_text" in case:
            yield case["catalogue_text"].encode("utf-8")
        elif "catalogue" in case:
            yield json.dumps(case["catalogue"], ensure_ascii=False).encode("utf-8")
    yield (ROOT / "tests/export/catalogue.json").read_bytes()
    yield (ROOT / "tests/audit/catalogue.json").read_bytes()
    for p in sorted((ROOT / "tests/diff/corpus").glob("*.json")):
        if not p.name.endswith(".expected.json"):
            yield p.read_bytes()


def strings(value, out):
    if isinstance(value, str):
        out.add(value)
    elif isinstance(value, dict):
        for v in value.values():
            strings(v, out)
    elif isinstance(value, list):
        for v in value:
            strings(v, out)


def table_cells():
    """Every distinct cell of the real tables (CSV), and every string of the expected JSON."""
    cells = set()
    for p in sorted((ROOT / "tests/corpus").glob("*.csv")):
        text = p.read_bytes().decode("utf-8-sig", errors="replace")
        for row in csv.reader(io.StringIO(text)):
            cells.update(c for c in row if c.strip())
    for p in sorted((ROOT / "tests/corpus").glob("*.expected.json")):
        strings(json.loads(p.read_text(encoding="utf-8")), cells)
    return sorted(c for c in cells if 1 < len(c.encode("utf-8")) <= 4096)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


SYMBOLS = {"■": ("Wingdings", "F06E"), "□": ("Wingdings", "F06F"), "√": ("Wingdings 2", "F050")}


def docx_xml(csv_path):
    """The document XML of a Word table holding a corpus CSV (merges of the HTML ignored, but
    a blank cell under a cell of the first column continues it as a vMerge)."""
    text = csv_path.read_bytes().decode("utf-8-sig", errors="replace")
    rows = list(csv.reader(io.StringIO(text)))
    out = ['<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>']
    out.append("<w:p><w:r><w:t>" + xml_escape(csv_path.stem) + "目录</w:t></w:r></w:p><w:tbl>")
    for r, row in enumerate(rows):
        out.append("<w:tr>" + ("<w:trPr><w:tblHeader/></w:trPr>" if r < 2 else ""))
        for c, cell in enumerate(row):
            vmerge = '<w:vMerge/>' if c == 1 and r > 2 and not cell.strip() else ""
            out.append("<w:tc><w:tcPr>" + vmerge + "</w:tcPr>")
            for line in cell.split("\n"):
                out.append("<w:p>")
                for ch in line:
                    if ch in SYMBOLS:
                        font, code = SYMBOLS[ch]
                        out.append(f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>')
                    else:
                        out.append("<w:r><w:t xml:space=\"preserve\">" + xml_escape(ch) + "</w:t></w:r>")
                out.append("</w:p>")
            out.append("</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl><w:sectPr/></w:body></w:document>")
    return "".join(out)


def main():
    docs = list(catalogues())
    for d in docs:
        put("validate_json", d)
    # Items (with and without the catalogue header), under a few indexes.
    for n, d in enumerate(docs):
        try:
            cat = json.loads(d.decode("utf-8-sig"))
        except ValueError:
            continue
        if not isinstance(cat, dict) or not isinstance(cat.get("items"), list):
            continue
        header = {k: v for k, v in cat.items() if k != "items"}
        for i, item in enumerate(cat["items"][:3]):
            seed = struct.pack("<H", (i + n) % 7) + json.dumps(item, ensure_ascii=False).encode()
            put("validate_item_json", seed)
            put("validate_item_json", seed + b"\0" + json.dumps(header, ensure_ascii=False).encode())

    for p in sorted((ROOT / "tests/corpus").glob("*.csv")):
        put("import_csv", p.read_bytes())
    for p in sorted((ROOT / "tests/corpus").glob("*.html")):
        put("import_html", p.read_bytes())

    for p in sorted((ROOT / "tests/import").glob("*.docx")):
        data = p.read_bytes()
        put("import_docx", data)
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "word/document.xml" in z.namelist():
                put("import_docx", z.read("word/document.xml"))
    for p in sorted((ROOT / "tests/corpus").glob("*.csv")):
        put("import_docx", docx_xml(p))

    if len(sys.argv) > 1:
        for p in sorted(pathlib.Path(sys.argv[1]).glob("*.xlsx")):
            data = p.read_bytes()
            put("import_xlsx", data)
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = z.namelist()
                if "xl/worksheets/sheet1.xml" in names:
                    sheet = z.read("xl/worksheets/sheet1.xml")
                    shared = z.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in names else b""
                    put("import_xlsx", sheet + b"\0" + shared)

    cells = table_cells()
    for target in ("time_limit", "citations", "split_content", "channel_cell"):
        for c in cells:
            put(target, c)

    holidays = (ROOT / "data/cn-holidays.csv").read_text(encoding="utf-8")
    lines = holidays.splitlines()
    year_2024 = "\n".join([lines[0]] + [l for l in lines if l.startswith("2024-")])
    for a, b, n, wide, tail in [
        (8_669, 8_700, 20, 0, ""),  # 2023-09-25 .. 2023-10-26
        (9_000, 8_000, 1, 0, year_2024),
        (9_490, 9_500, 250, 0, "date,kind,name\n2027-01-01,off,元旦\n"),
        (-1, 2_000_000, 4_000_000_000, 1, holidays),
    ]:
        put("calendar", struct.pack("<iiIB", a, b, n, wide) + tail.encode())

    for p in sorted((ROOT / "tests/audit").iterdir()):
        if p.name.startswith("records"):
            put("audit_records", p.read_bytes())

    diff_docs = [p.read_bytes() for p in sorted((ROOT / "tests/diff/corpus").glob("*.json"))
                 if not p.name.endswith(".expected.json")]
    for a in diff_docs:
        for b in diff_docs:
            put("diff", a + b"\0" + b)

    issue_17_seeds()

    # export: bytes steer edits of the fixture; any bytes will do as a start.
    for k in range(8):
        put("export", bytes((k * 37 + i * 11) % 256 for i in range(64 + 32 * k)))

    total = sum(1 for _ in OUT.rglob("*") if _.is_file())
    where = OUT.relative_to(ROOT) if OUT.is_relative_to(ROOT) else OUT
    print(f"fuzz seeds: {total} files in {where}/")


def shared_part_workbook(sheets, filler):
    """An XLSX whose `sheets` worksheets all name one part (`sheet1.xml`, `filler` spaces long)."""
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    book = (f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns}><sheets>'
            + "".join(f'<sheet name="S{k}" sheetId="{k}" r:id="rId{k}"/>' for k in range(1, sheets + 1))
            + "</sheets></workbook>")
    book_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 + "".join(f'<Relationship Id="rId{k}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                           for k in range(1, sheets + 1))
                 + "</Relationships>")
    header = "".join(f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{t}</t></is></c>'
                     for i, t in enumerate(["序号", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体"]))
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}>{" " * filler}<sheetData><row r="1">{header}</row>'
             '<row r="2"><c r="B2" t="inlineStr"><is><t>燃气经营许可</t></is></c></row></sheetData></worksheet>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", book),
                           ("xl/_rels/workbook.xml.rels", book_rels), ("xl/worksheets/sheet1.xml", sheet)]:
            z.writestr(name, text)
    return buf.getvalue()


def issue_17_seeds():
    """Small versions of the shapes of issue 17 (the tests generate the large ones)."""
    put("validate_json", '{"items":[' + "1," * 999 + "1]}")
    put("validate_json", "{" + ",".join(f'"k{k}":1' for k in range(1000)) + "}")
    put("validate_json", '{"title":"T\\u001b]52;c;SGVsbG8=\\u0007","items":[{"extra":{"e\\u001b[2J\\r":1,"e\\u001b[2J\\r":2}}]}')
    put("validate_json", '{"items":[{"id":"13800138000","name":"联系人（科长）：\u200b张三 +86 138 0013 8000 a@b.cn"}]}')
    put("import_xlsx", shared_part_workbook(20, 4096))
    put("import_html", "<p>目录</p>" + "<table><tr><td>序号</td><td>二级事项</td></tr><tr><td>1</td><td>甲</td></tr></table>" * 200)
    # Tables read as the parser closes them, and the shapes left to the whole parse (a title in
    # a table, tables moved or reopened by misnested tags, templates, foreign content).
    put("import_html", "<a><div><table><tr><td>1</table></div><table><tr><td>2</table></a><p>3</a>"
        "<b><table><tr><td>x<b>y</table></b><table><tr><td><title>t</title>z</table>"
        "<template><table><tr><td>t</table></template><svg><table><tr><td>s</table></svg>"
        "<table><div><table><tr><td>f</table></div><tr><td>o</table><table><tr><td>1<table><tr><td>2")
    put("import_csv", "序号,二级事项,公开内容\n1,'=1+1,甲\u2028乙\n2,\x1b]0;t\x07,联系人：张三 138-0013-8000\n")


if __name__ == "__main__":
    main()
