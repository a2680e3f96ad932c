"""Issue 17 through the Python module: the report's issue limit and the one masking function.
Inputs are generated here."""

import gongkai


def test_many_tiny_problems_give_a_bounded_report():
    doc = '{"items":[' + "1," * 19_999 + "1]}"
    report = gongkai.validate(doc, max_issues=50)
    assert not report.valid
    issues = report.to_dict()["issues"]
    assert len(issues) == 51
    summary = [i for i in issues if i["code"] == "report.truncated"]
    assert len(summary) == 1
    assert int(summary[0]["params"]["more"]) >= 19_950
    assert "schema.type" in summary[0]["params"]["codes_en"]
    assert len(gongkai.Validator(max_issues=5).validate(doc).to_dict()["issues"]) == 6
    whole = gongkai.validate('{"items":[1]}').to_dict()["issues"]
    assert all(i["code"] != "report.truncated" for i in whole)


def test_masking_covers_grouped_numbers_and_item_ids(tmp_path):
    csv = (
        "序号,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道,公开对象,公开方式,公开层级\n"
        "13800138000,燃气经营许可,申请条件,《城镇燃气管理条例》,"
        "联系人（科长）：张三 138-0013-8000,某县城市管理局,政府网站,全社会,主动,县级\n"
    )
    path = tmp_path / "table.csv"
    path.write_text(csv, encoding="utf-8")
    shown = str(gongkai.validate(path).to_dict())
    assert "13800138000" in shown
    masked = str(gongkai.validate(path, mask=True).to_dict())
    for secret in ["13800138000", "138-0013-8000", "张三"]:
        assert secret not in masked, secret
