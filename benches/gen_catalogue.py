"""A realistic, valid disclosure catalogue of any size, for benchmarks.

    python benches/gen_catalogue.py 10000 > big.json

Deterministic (seeded); varied Chinese text; about 800 bytes of JSON per item, like the rows of
the published 市政服务 / 城市综合执法 / 社会救助 catalogues it imitates.
"""

from __future__ import annotations

import json
import random
import sys

CATEGORIES = [
    "城镇燃气管理", "城市供水管理", "城市排水与污水处理", "市容环境卫生管理", "城市道路与桥梁管理",
    "城市照明管理", "园林绿化管理", "行政处罚", "行政许可", "行政强制", "社会救助", "养老服务",
]
ACTIONS = ["核发", "变更", "注销", "备案", "审批", "延续", "行政处罚", "监督检查结果", "信息公开", "年度报告"]
OBJECTS = [
    "燃气经营许可证", "城市排水许可证", "占用城市道路许可", "挖掘城市道路许可", "户外广告设施设置",
    "城市建筑垃圾处置核准", "临时占用城市绿地", "砍伐城市树木", "特困人员救助供养", "最低生活保障",
    "临时救助", "城市供水水质", "停水停气通知", "市政设施移动改建", "环境卫生作业服务",
]
CONTENT = [
    "申请条件", "申请材料", "申请流程", "办理时限", "收费标准", "法定依据", "办理结果", "咨询方式",
    "监督投诉渠道", "受理机构", "审批结果", "处罚决定书", "执法主体", "执法程序", "救济途径",
    "停水区域及时间", "保障对象认定条件", "资金发放情况",
]
LAWS = [
    ("城镇燃气管理条例", "国务院令第583号", "administrative_regulation"),
    ("城镇排水与污水处理条例", "国务院令第641号", "administrative_regulation"),
    ("城市道路管理条例", "国务院令第198号", "administrative_regulation"),
    ("城市市容和环境卫生管理条例", "国务院令第101号", "administrative_regulation"),
    ("城市绿化条例", "国务院令第100号", "administrative_regulation"),
    ("中华人民共和国行政许可法", "主席令第七号", "law"),
    ("中华人民共和国行政处罚法", "主席令第七十号", "law"),
    ("中华人民共和国政府信息公开条例", "国务院令第711号", "administrative_regulation"),
    ("社会救助暂行办法", "国务院令第649号", "administrative_regulation"),
    ("城市建筑垃圾管理规定", "建设部令第139号", "departmental_rule"),
    ("河南省城市市容和环境卫生管理条例", None, "local_regulation"),
]
SUBJECTS = ["武陟县城市管理局", "武陟县住房和城乡建设局", "武陟县民政局", "武陟县城市管理综合执法大队"]
CHANNELS = [
    "gov_website", "gov_gazette", "social_media", "press_or_hearing", "broadcast_tv", "print_media",
    "reading_point", "service_center", "service_station", "door_to_door", "notice_board",
    "targeted_push",
]
NOTES = [
    "涉及国家秘密、商业秘密、个人隐私的内容依法不予公开",
    "相关信息同步在政务服务网公开",
    "按照上级部门统一要求公开，公开内容随政策调整及时更新",
    "",
]
DIGITS = "〇一二三四五六七八九"


def _article(rng: random.Random) -> str:
    n = rng.randint(1, 79)
    tens, ones = divmod(n, 10)
    text = (DIGITS[tens] if tens > 1 else "") + ("十" if tens else "") + (DIGITS[ones] if ones else "")
    return f"第{text}条"


def _time_limit(rng: random.Random) -> dict:
    r = rng.random()
    if r < 0.6:
        days = rng.choice([5, 7, 10, 15, 20])
        t: dict = {"kind": "working_days", "days": days, "from": "formed_or_changed",
                   "text": f"自信息形成或者变更之日起{days}个工作日内"}
    elif r < 0.7:
        hours = rng.choice([24, 48])
        t = {"kind": "hours_before", "hours": hours, "text": f"提前{hours}小时"}
    elif r < 0.8:
        t = {"kind": "annual_by", "month": 1, "day": 31, "text": "每年1月31日前"}
    elif r < 0.9:
        t = {"kind": "promptly", "text": "及时公开"}
    else:
        t = {"kind": "continuous", "text": "长期公开"}
    if rng.random() < 0.5:
        del t["text"]
    return t


def _item(rng: random.Random, i: int) -> dict:
    category = rng.choice(CATEGORIES)
    name = f"{rng.choice(OBJECTS)}{rng.choice(ACTIONS)}（第{i + 1}项）"
    method = rng.choice([["proactive"], ["proactive"], ["proactive", "on_request"], ["on_request"]])
    channels = rng.sample(CHANNELS, rng.randint(2, 5))
    if "proactive" in method and "gov_website" not in channels:
        channels.insert(0, "gov_website")
    channels.sort(key=CHANNELS.index)
    basis = []
    for title, doc_no, kind in rng.sample(LAWS, rng.randint(1, 3)):
        c: dict = {"title": title, "kind": kind, "articles": sorted({_article(rng) for _ in range(rng.randint(1, 3))})}
        if doc_no:
            c["doc_no"] = doc_no
        basis.append(c)
    audience = rng.choice([["public"], ["public"], ["specific_groups"]])
    item: dict = {
        "id": str(i + 1),
        "category": category,
        "name": name,
        "content": rng.sample(CONTENT, rng.randint(3, 6)),
        "basis": basis,
        "time_limit": _time_limit(rng),
        "subject": rng.choice(SUBJECTS),
        "channels": channels,
        "audience": audience,
        "method": method,
        "levels": rng.choice([["county"], ["county", "township"], ["county"]]),
    }
    if audience == ["specific_groups"]:
        item["audience_note"] = "申请人及利害关系人"
    note = rng.choice(NOTES)
    if note:
        item["notes"] = note
    return item


def generate(n: int, seed: int = 0) -> dict:
    """A valid catalogue of `n` items (deterministic for a seed)."""
    rng = random.Random(seed)
    return {
        "schema_version": "1.0",
        "title": "武陟县城市管理局市政服务领域基层政务公开标准目录",
        "domain": "municipal_services",
        "publisher": "武陟县城市管理局",
        "level": "county",
        "region": {"province": "河南省", "city": "焦作市", "county": "武陟县", "code": "410823"},
        "issued": "2024-03-01",
        "updated": "2025-06-30",
        "based_on": {"title": "市政服务领域基层政务公开标准指引", "doc_no": "建办厅〔2019〕71号",
                     "issuer": "住房和城乡建设部办公厅"},
        "items": [_item(rng, i) for i in range(n)],
    }


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    json.dump(generate(n), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
