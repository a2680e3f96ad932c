"""Writes the binary fixtures of tests/import/ (DOCX, XLSX, a GB18030 CSV, and the legacy and
page-layout files the importer refuses). The files are checked in; this script documents how
they were made and rewrites them byte for byte (Python standard library only):

    python3 tests/import/make_binary.py

The DOCX and XLSX are the minimal OOXML a word processor or spreadsheet writes, by hand: what
each fixture shows is said in its .expected.json.
"""

import pathlib
import zipfile

HERE = pathlib.Path(__file__).parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STAMP = (2024, 1, 1, 0, 0, 0)


def package(path: pathlib.Path, parts: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def docx(name: str, body: str) -> None:
    package(
        HERE / name,
        {
            "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
            "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
            "word/document.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
            f"<w:body>{body}<w:sectPr/></w:body></w:document>",
        },
    )


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text: str, font: str | None = None, hidden: bool = False) -> str:
    props = ""
    if font:
        props += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>'
    if hidden:
        props += "<w:vanish/>"
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def sym(font: str, code: str) -> str:
    return f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>'


def p(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def tc(content: str = "", span: int = 1, vmerge: str | None = None) -> str:
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    if not content.startswith("<w:p>") and not content.startswith("<w:tbl>"):
        content = p(run(content)) if content else p()
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def tr(*cells: str, header: bool = False, before: int = 0) -> str:
    props = ""
    if header:
        props += "<w:tblHeader/>"
    if before:
        props += f'<w:gridBefore w:val="{before}"/>'
    trpr = f"<w:trPr>{props}</w:trPr>" if props else ""
    return "<w:tr>" + trpr + "".join(cells) + "</w:tr>"


def tbl(width: int, *rows: str) -> str:
    grid = "".join('<w:gridCol w:w="800"/>' for _ in range(width))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>" + "".join(rows) + "</w:tbl>"


def form_checkbox(checked: bool) -> str:
    val = "1" if checked else "0"
    return (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/>'
        f'<w:checkBox><w:sizeAuto/><w:default w:val="{val}"/></w:checkBox></w:ffData></w:fldChar></w:r>'
        '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def sdt_checkbox(checked: bool) -> str:
    val = "1" if checked else "0"
    glyph = "☒" if checked else "☐"
    return (
        f'<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{val}"/></w14:checkbox></w:sdtPr>'
        f'<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>'
    )


HEAD1 = tr(
    tc("序号", vmerge="restart"),
    tc("公开事项", span=2),
    tc("公开内容", vmerge="restart"),
    tc("公开依据", vmerge="restart"),
    tc("公开时限", vmerge="restart"),
    tc("公开主体", vmerge="restart"),
    tc("公开渠道和载体", vmerge="restart"),
    tc("公开对象", span=2),
    tc("公开方式", span=2),
    tc("公开层级"),
    header=True,
)
HEAD2 = tr(
    tc(vmerge="continue"),
    tc("一级事项"),
    tc("二级事项"),
    tc(vmerge="continue"),
    tc(vmerge="continue"),
    tc(vmerge="continue"),
    tc(vmerge="continue"),
    tc(vmerge="continue"),
    tc("全社会"),
    tc("特定群体"),
    tc("主动"),
    tc("依申请"),
    tc("县级"),
    header=True,
)

# A catalogue as Word tables are made: a caption above, a two-row header repeated on each
# page (and once copied into the table), a merged 一级事项, text in several runs and
# paragraphs, channels and ticks as Wingdings / Wingdings 2 symbols, a form check box and a
# content-control check box, hidden text, a row starting at the second grid column.
docx(
    "word_catalogue.docx",
    p(run("附件1"))
    + p(run("某县城市管理局市政服务领域"), run("基层政务公开标准目录"))
    + tbl(
        13,
        HEAD1,
        HEAD2,
        tr(
            tc("1"),
            tc("城镇燃气管理", vmerge="restart"),
            tc(p(run("燃气经营"), run("许可证核发"))),
            tc(p(run("申请条件")) + p(run("申请材料"))),
            tc("《城镇燃气管理条例》"),
            tc(p(run("自信息形成或者变更之日起"), run("20个工作日内"), run("及时公开"))),
            tc(p(run("某县城市管理局"), run("（草稿）", hidden=True))),
            tc(
                p(
                    sym("Wingdings", "F06E"),
                    run("政府网站 "),
                    sym("Wingdings", "F06F"),
                    run("政府公报 "),
                    run("n", font="Wingdings"),
                    run("两微一端"),
                )
            ),
            tc(p(sym("Wingdings 2", "F050"))),
            tc(),
            tc(p(run("ü", font="Wingdings"))),
            tc(),
            tc(p(form_checkbox(True))),
        ),
        tr(
            tc("2"),
            tc(vmerge="continue"),
            tc("燃气经营者改动市政燃气设施审批"),
            tc("申请材料"),
            tc("《城镇燃气管理条例》"),
            tc("自信息形成或者变更之日起20个工作日内"),
            tc("某县城市管理局"),
            tc(p(sym("Wingdings", "F06E"), run("政府网站"))),
            tc(p(sdt_checkbox(True))),
            tc(p(sdt_checkbox(False))),
            tc(p(sym("Wingdings 2", "F050"))),
            tc(),
            tc(p(form_checkbox(True))),
        ),
        HEAD1.replace("<w:tblHeader/>", ""),
        HEAD2.replace("<w:tblHeader/>", ""),
        tr(
            tc("市容环境卫生管理"),
            tc("户外广告设置审批"),
            tc("审批结果"),
            tc("《城市市容和环境卫生管理条例》"),
            tc("自作出行政许可决定之日起7个工作日内"),
            tc("某县城市管理局"),
            tc(p(sym("Wingdings", "F06E"), run("政府网站"))),
            tc(p(sym("Wingdings 2", "F050"))),
            tc(),
            tc(p(sym("Wingdings 2", "F050"))),
            tc(),
            tc(p(sym("Symbol", "F0D6"))),
            before=1,
        ),
    )
    + p(),
)

SIMPLE_HEAD = tr(
    *[
        tc(h)
        for h in ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "全社会", "特定群体", "主动", "依申请", "县级"]
    ],
    header=True,
)


def simple_row(n: str, name: str, subject: str = "某县城市管理局", public: str | None = None) -> str:
    tick = public if public is not None else p(sym("Wingdings 2", "F050"))
    return tr(
        tc(n),
        tc("城镇燃气管理"),
        tc(name),
        tc("申请条件"),
        tc("《城镇燃气管理条例》"),
        tc("自信息形成或者变更之日起20个工作日内"),
        tc(subject),
        tc(p(sym("Wingdings", "F06E"), run("政府网站"))),
        tc(tick),
        tc(),
        tc(p(sym("Wingdings 2", "F050"))),
        tc(),
        tc(p(sym("Wingdings 2", "F050"))),
    )


# Tracked changes: the deleted name is not read, the inserted one is.
docx(
    "word_revisions.docx",
    tbl(
        13,
        SIMPLE_HEAD,
        simple_row(
            "1",
            "燃气经营许可证核发",
            subject=p(
                '<w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>某县住房和城乡建设局</w:delText></w:r></w:del>'
                '<w:ins w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:t>某县城市管理局</w:t></w:r></w:ins>'
            ),
        ),
    ),
)

# A Wingdings symbol that is not a tick mark (F04A, a face) where a tick should be.
docx(
    "word_symbol_unknown.docx",
    tbl(
        13,
        SIMPLE_HEAD,
        simple_row("1", "燃气经营许可证核发"),
        simple_row("2", "燃气经营者改动市政燃气设施审批", public=p(sym("Wingdings", "F04A"))),
    ),
)

# Two catalogues in one document: the second is read alone (sheet 表2), its caption the title.
docx(
    "word_two_tables.docx",
    p(run("某县城市管理局市政服务领域基层政务公开标准目录"))
    + tbl(13, SIMPLE_HEAD, simple_row("1", "燃气经营许可证核发"))
    + p(run("某县城市管理局城市综合执法领域基层政务公开标准目录"))
    + tbl(13, SIMPLE_HEAD, simple_row("1", "行政处罚结果"), simple_row("2", "行政强制结果"))
    + p(),
)


def nested(depth: int) -> str:
    inner = p(run("申请条件"))
    for _ in range(depth):
        inner = tbl(1, tr(tc(inner)))
    return inner


# Tables nested in a cell, deeper than the fixture's XML depth limit.
docx(
    "word_too_deep.docx",
    tbl(13, SIMPLE_HEAD, simple_row("1", "燃气经营许可证核发").replace(
        "<w:tc><w:tcPr></w:tcPr><w:p><w:r><w:t xml:space=\"preserve\">申请条件</w:t></w:r></w:p></w:tc>",
        "<w:tc><w:tcPr></w:tcPr>" + nested(8) + "<w:p/></w:tc>",
    )),
)


def inline_row(r: int, cells: list[str]) -> str:
    out = f'<row r="{r}">'
    for c, text in enumerate(cells):
        ref = f"{chr(ord('A') + c)}{r}"
        out += f'<c r="{ref}" t="inlineStr"><is><t>{esc(text)}</t></is></c>'
    return out + "</row>"


def sheet(rows: list[list[str]]) -> str:
    data = "".join(inline_row(i + 1, r) for i, r in enumerate(rows))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{data}</sheetData></worksheet>"
    )


HEADER = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式", "公开层级"]
ROW = ["1", "城镇燃气管理", "燃气经营许可证核发", "申请条件", "《城镇燃气管理条例》", "自信息形成或者变更之日起20个工作日内", "某县城市管理局", "■政府网站", "全社会", "主动", "县级"]

# A workbook whose second sheet is hidden (not read, with an info finding).
package(
    HERE / "hidden_sheet.xlsx",
    {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        '<sheet name="目录" sheetId="1" r:id="rId1"/>'
        '<sheet name="旧版" sheetId="2" state="hidden" r:id="rId2"/>'
        "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": sheet([HEADER, ROW]),
        "xl/worksheets/sheet2.xml": sheet([HEADER, ROW]),
    },
)

# A CSV as Chinese Excel and WPS save it by default: GB18030.
(HERE / "gbk_encoded.csv").write_bytes(
    ("\r\n".join(",".join(r) for r in [HEADER, ROW]) + "\r\n").encode("gb18030")
)

# An OLE compound file header (the magic bytes of .doc, .xls, .wps, .et), then a directory entry
# name in UTF-16LE: a Word 97-2003 document has a WordDocument stream.
OLE = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
(HERE / "legacy_word.doc").write_bytes(OLE + "WordDocument".encode("utf-16-le") + bytes(64))
(HERE / "wps_text.wps").write_bytes(OLE + "WordDocument".encode("utf-16-le") + bytes(64))
(HERE / "damaged_sheet.et").write_bytes(OLE + "Workbook".encode("utf-16-le") + bytes(64))
(HERE / "scanned.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
# A PDF under a name that says nothing.
(HERE / "pdf_without_extension.txt").write_bytes(b"%PDF-1.4\n%%EOF\n")

# A workbook saved under a .docx name: the error says what it is.
(HERE / "workbook_named_docx.docx").write_bytes((HERE / "hidden_sheet.xlsx").read_bytes())
# A DOCX under a name that says nothing: recognised by its content.
(HERE / "word_by_content.bin").write_bytes((HERE / "word_revisions.docx").read_bytes())

# A catalogue split into two tables at a page break, the header not repeated: the second
# table is read as the continuation of the first.
docx(
    "word_continued.docx",
    tbl(13, SIMPLE_HEAD, simple_row("1", "燃气经营许可证核发"))
    + p()
    + tbl(13, simple_row("2", "燃气经营者改动市政燃气设施审批"), simple_row("3", "瓶装燃气供应许可"))
    + p(),
)


def numbered(text: str = "", num_id: str = "1") -> str:
    return f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>' + (run(text) if text else "") + "</w:p>"


def ruby(base: str, pinyin: str) -> str:
    return (
        "<w:r><w:ruby><w:rubyPr/>"
        f'<w:rt><w:r><w:t>{pinyin}</w:t></w:r></w:rt>'
        f"<w:rubyBase><w:r><w:t>{base}</w:t></w:r></w:rubyBase></w:ruby></w:r>"
    )


def numbered_row(name: str) -> str:
    return tr(
        tc(numbered()),
        tc("城镇燃气管理"),
        tc(name),
        tc(numbered("申请条件", "2") + numbered("申请材料", "2")),
        tc("《城镇燃气管理条例》"),
        tc("自信息形成或者变更之日起20个工作日内"),
        tc("某县城市管理局"),
        tc(p(sym("Wingdings", "F06E"), run("政府网站"))),
        tc(p(sym("Wingdings 2", "F050"))),
        tc(),
        tc(p(sym("Wingdings 2", "F050"))),
        tc(),
        tc(p(sym("Wingdings 2", "F050"))),
    )


# 序号 numbered by Word (the numbers are in no text of the document), a 公开内容 cell whose
# paragraphs are a numbered list (their text is the elements), pinyin over a word (ruby).
docx(
    "word_numbered.docx",
    tbl(
        13,
        SIMPLE_HEAD,
        numbered_row(p(ruby("燃", "rán"), ruby("气", "qì"), run("经营许可证核发"))),
        numbered_row("燃气经营者改动市政燃气设施审批"),
        numbered_row("瓶装燃气供应许可"),
    ),
)
