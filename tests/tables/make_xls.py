"""Writes tests/tables/municipal.xls, the Excel 97-2003 fixture of the XLS importer test.

The file is checked in; this script documents how it was made (xlwt, BSD licence):

    python3 -m venv .venv-xls && .venv-xls/bin/pip install xlwt
    .venv-xls/bin/python tests/tables/make_xls.py

A title row merged across the table, the two-row header with merged group cells, 一级事项
merged over two items, a channel cell with ■/□ and a number typed as a number (序号).
"""

import pathlib

import xlwt

OUT = pathlib.Path(__file__).with_name("municipal.xls")

wb = xlwt.Workbook(encoding="utf-8")
ws = wb.add_sheet("标准目录")
ws.write_merge(0, 0, 0, 13, "武陟县城市管理局市政服务领域基层政务公开标准目录")
top = ["序号", "公开事项", None, "公开内容（要素）", "公开依据", "公开时限", "公开主体",
       "公开渠道和载体", "公开对象", None, "公开方式", None, "公开层级", None]
sub = [None, "一级事项", "二级事项", None, None, None, None, None, "全社会", "特定群体",
       "主动", "依申请", "县级", "乡级"]
for c, t in enumerate(top):
    if t is not None and c not in (1, 8, 10, 12) and sub[c] is None:
        ws.write_merge(1, 2, c, c, t)
for c in (1, 8, 10, 12):
    ws.write_merge(1, 1, c, c + 1, top[c])
for c, t in enumerate(sub):
    if t is not None:
        ws.write(2, c, t)
rows = [
    (1, "燃气经营许可证核发", "申请条件、申请材料、办理结果", "《城镇燃气管理条例》(国务院令第583号)第十五条",
     "自信息形成或者变更之日起20个工作日内", "■政府网站\n□政府公报\n■政务服务中心", "√", "", "√", "", "√", ""),
    (2, "燃气经营者改动市政燃气设施审批", "申请条件、办理结果", "《城镇燃气管理条例》",
     "20个工作日", "■政府网站", "√", "", "√", "", "√", "√"),
]
for i, (n, name, content, basis, time, channels, *ticks) in enumerate(rows):
    r = 3 + i
    ws.write(r, 0, n)
    ws.write(r, 2, name)
    ws.write(r, 3, content)
    ws.write(r, 4, basis)
    ws.write(r, 5, time)
    ws.write(r, 6, "武陟县城市管理局")
    ws.write(r, 7, channels)
    for k, t in enumerate(ticks):
        if t:
            ws.write(r, 8 + k, t)
ws.write_merge(3, 4, 1, 1, "城镇燃气管理")
wb.save(str(OUT))
print(OUT)
