//! A deterministic generator of realistic catalogues (varied Chinese text), shared by the
//! criterion benches and `examples/generate.rs`.

#![allow(dead_code)]

use serde_json::{Value, json};

/// (一级事项, 二级事项, indices into BASES of the instruments it rests on): coherent rows, so that
/// the generated catalogue is clean under every rule and the benchmark measures validation of
/// a valid catalogue, not the rendering of thousands of messages.
const ENTRIES: &[(&str, &str, &[usize])] = &[
    ("城镇燃气管理", "燃气经营许可证核发", &[0, 6]),
    ("城镇燃气管理", "燃气经营者改动市政燃气设施审批", &[0]),
    ("市政设施建设类审批", "占用、挖掘城市道路审批", &[1]),
    (
        "市政设施建设类审批",
        "依附于城市道路建设各种管线、杆线等设施审批",
        &[1],
    ),
    ("市政设施建设类审批", "特殊车辆在城市道路上行驶审批", &[1]),
    ("城市园林绿化管理", "城市园林绿化行政审批", &[4]),
    ("城市园林绿化管理", "临时占用城市绿化用地审批", &[4]),
    (
        "城市供水、城镇排水与污水处理",
        "城镇污水排入排水管网许可证核发",
        &[3, 6],
    ),
    (
        "城市供水、城镇排水与污水处理",
        "停止供水或改装、拆除公共供水设施审批",
        &[2],
    ),
    ("城市市容和环境卫生管理", "城市建筑垃圾处置核准", &[7]),
    (
        "城市市容和环境卫生管理",
        "从事城市生活垃圾经营性清扫、收集、运输、处理服务审批",
        &[7],
    ),
];
const CONTENT: &[&str] = &[
    "申请条件",
    "申请材料",
    "申请流程",
    "法定依据",
    "受理机构",
    "办理时限",
    "收费标准及依据",
    "办理结果",
    "咨询电话及监督投诉方式",
    "办事指南及表格下载",
];
const BASES: &[(&str, &str, &str)] = &[
    (
        "城镇燃气管理条例",
        "国务院令第583号",
        "administrative_regulation",
    ),
    (
        "城市道路管理条例",
        "国务院令第198号",
        "administrative_regulation",
    ),
    (
        "城市供水条例",
        "国务院令第158号",
        "administrative_regulation",
    ),
    (
        "城镇排水与污水处理条例",
        "国务院令第641号",
        "administrative_regulation",
    ),
    (
        "城市绿化条例",
        "国务院令第100号",
        "administrative_regulation",
    ),
    (
        "中华人民共和国政府信息公开条例",
        "国务院令第711号",
        "administrative_regulation",
    ),
    ("中华人民共和国行政许可法", "主席令第7号", "law"),
    ("河南省城市市容和环境卫生管理条例", "", "local_regulation"),
];
const SUBJECTS: &[&str] = &[
    "武陟县城市管理局",
    "武陟县城市管理局、武陟县住房和城乡建设局",
    "武陟县城市管理局市政工程管理所",
];
const OTHER: &[&str] = &["12345政务服务热线", "电话咨询"];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[(self.next() as usize) % v.len()]
    }
}

/// One generated item as a JSON value.
pub fn item(i: usize, rng_seed: u64, with_issues: bool) -> Value {
    let mut r = Lcg(rng_seed ^ (i as u64).wrapping_mul(0x9E3779B97F4A7C15));
    let (cat, name, bases) = *r.pick(ENTRIES);
    let name = format!("{name}（第{}项）", i + 1);
    let n_content = 3 + (r.next() % 5) as usize;
    let start = (r.next() as usize) % CONTENT.len();
    let content: Vec<String> = (0..n_content)
        .map(|k| CONTENT[(start + k) % CONTENT.len()].to_owned())
        .collect();
    let mut cited: Vec<usize> = bases.to_vec();
    if r.next() % 2 == 0 {
        cited.push(5); // 政府信息公开条例, which every item may cite
    }
    let basis: Vec<Value> = cited
        .iter()
        .map(|&b| {
            let (t, d, k) = BASES[b];
            let mut c = json!({ "title": t, "kind": k, "articles": [format!("第{}条", 1 + r.next() % 60)] });
            if !d.is_empty() {
                c["doc_no"] = json!(d);
            }
            c["text"] = json!(format!("《{t}》{d}"));
            c
        })
        .collect();
    let days = if with_issues { 30 } else { 5 + r.next() % 3 };
    let mut channels = vec!["gov_website"];
    for c in [
        "gov_gazette",
        "social_media",
        "service_center",
        "notice_board",
        "targeted_push",
    ] {
        if r.next() % 3 == 0 {
            channels.push(c);
        }
    }
    if with_issues {
        channels.retain(|c| *c != "gov_website");
        channels.push("service_station");
    }
    let mut it = json!({
        "id": (i + 1).to_string(),
        "category": cat,
        "name": name,
        "content": content,
        "basis": basis,
        "time_limit": {
            "kind": "working_days",
            "days": days,
            "from": "formed_or_changed",
            "text": format!("自信息形成或者变更之日起{days}个工作日内"),
        },
        "subject": if with_issues { "负责审批的燃气管理部门" } else { *r.pick(SUBJECTS) },
        "channels": channels,
        "audience": ["public"],
        "method": ["proactive"],
        "levels": ["county"],
    });
    if r.next() % 3 == 0 {
        it["notes"] = json!("本事项信息在武陟县人民政府门户网站政府信息公开专栏集中发布。");
    }
    if r.next() % 4 == 0 {
        it["other_channels"] = json!([*r.pick(OTHER)]);
    }
    it
}

/// A generated catalogue of `n` items, as compact JSON text.
pub fn catalogue_json(n: usize, seed: u64, with_issues: bool) -> String {
    let items: Vec<Value> = (0..n).map(|i| item(i, seed, with_issues)).collect();
    let cat = json!({
        "schema_version": "1.0",
        "title": "武陟县城市管理局市政服务领域基层政务公开标准目录（基准测试）",
        "domain": "municipal_services",
        "publisher": "武陟县城市管理局",
        "level": "county",
        "region": { "province": "河南省", "city": "焦作市", "county": "武陟县", "code": "410823" },
        "issued": "2024-03-01",
        "updated": "2025-06-30",
        "based_on": { "title": "市政服务领域基层政务公开标准目录", "doc_no": "建办厅〔2019〕71号", "issuer": "住房和城乡建设部办公厅" },
        "items": items,
    });
    serde_json::to_string(&cat).unwrap_or_default()
}
