//! The catalogue model: the public JSON contract of `data-model.md`, v1.
//!
//! The types serialise to exactly the documented JSON and generate the published JSON Schema
//! (with Chinese `title`/`description` on every property). Deserialisation is hand-written so
//! that it borrows strings from the input, keeps unknown keys (reported as warnings, never
//! dropped), and refuses duplicate keys.

mod codes;
pub(crate) mod conditions;
mod text;

pub use codes::TimeLimitKind;
pub use codes::{
    Anchor, Audience, Channel, CitationKind, DOMAINS, DomainCode, Level, Method, domain_by_code,
    domain_by_zh,
};
pub use text::Text;
pub use time_limit::TimeLimit;

use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// Keys that are not part of the model, kept with their values (a county's own columns, a newer
/// minor version's fields). Each is reported as a warning naming the closest known key.
pub type Extra = BTreeMap<String, serde_json::Value>;

/// The schema version a catalogue gets when nothing requires a newer one (the importer writes the
/// lowest version that holds what it read, see [`Catalogue::required_version`]).
pub const SCHEMA_VERSION: &str = "1.0";
/// The newest schema version, a strict superset of 1.0 (what `gongkai migrate` writes).
pub const SCHEMA_VERSION_1_1: &str = "1.1";
/// Every schema version this library reads, oldest first.
pub const SCHEMA_VERSIONS: &[&str] = &[SCHEMA_VERSION, SCHEMA_VERSION_1_1];

macro_rules! finish_field {
    (req, $v:expr, $json:literal) => {
        $v.ok_or_else(|| <A::Error as serde::de::Error>::missing_field($json))?
    };
    (opt, $v:expr, $json:literal) => {
        $v.flatten()
    };
    (vec, $v:expr, $json:literal) => {
        $v.unwrap_or_default()
    };
    (int, $v:expr, $json:literal) => {
        $v.flatten().map(|n: crate::json::SchemaInt| n.0)
    };
}

/// Generates a borrowing `Deserialize` that keeps unknown keys in `extra` and refuses
/// duplicate keys.
macro_rules! deserialize_object {
    ($ty:ident, $expecting:literal, { $($field:ident : $json:literal => $mode:ident),* $(,)? }) => {
        impl<'de: 'a, 'a> serde::Deserialize<'de> for $ty<'a> {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V<'a>(std::marker::PhantomData<&'a ()>);
                impl<'de: 'a, 'a> serde::de::Visitor<'de> for V<'a> {
                    type Value = $ty<'a>;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$ty<'a>, A::Error> {
                        $( let mut $field = None; )*
                        let mut extra = Extra::new();
                        while let Some(key) = map.next_key::<Text<'de>>()? {
                            match key.as_str() {
                                $( $json => {
                                    if $field.is_some() {
                                        return Err(<A::Error as serde::de::Error>::duplicate_field($json));
                                    }
                                    $field = Some(map.next_value()?);
                                } )*
                                other => {
                                    let v = map.next_value_seed(crate::json::StrictValue)?;
                                    if extra.insert(other.to_owned(), v).is_some() {
                                        return Err(<A::Error as serde::de::Error>::custom(
                                            format!("duplicate field `{other}`")));
                                    }
                                }
                            }
                        }
                        Ok($ty { $( $field: finish_field!($mode, $field, $json), )* extra })
                    }
                }
                d.deserialize_map(V(std::marker::PhantomData))
            }
        }
    };
}

mod time_limit;

/// A disclosure catalogue (基层政务公开标准目录): the document.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(
    title = "基层政务公开标准目录",
    description = "一个行政机关在一个领域的基层政务公开标准目录（数据模型 v1）"
)]
pub struct Catalogue<'a> {
    /// 标准版本
    #[schemars(
        title = "标准版本",
        description = "数据模型版本：\"1.0\" 或 \"1.1\"（1.1 是 1.0 的严格超集，增加目录版本、修订记录、下次评估日期、责任科室、公开时长、公开范围说明和“自制作或者获取信息之日”起算点）",
        extend("enum" = ["1.0", "1.1"])
    )]
    pub schema_version: Text<'a>,
    /// 目录名称
    #[schemars(
        title = "目录名称",
        description = "例如：武陟县城市管理局市政服务领域基层政务公开标准目录",
        length(min = 1)
    )]
    pub title: Text<'a>,
    /// 领域 (open list of codes)
    #[schemars(
        title = "领域",
        description = "领域代码（开放列表），如 municipal_services = 市政服务；未知代码给出警告",
        length(min = 1)
    )]
    pub domain: Text<'a>,
    /// 编制单位
    #[schemars(
        title = "编制单位",
        description = "编制本目录的行政机关",
        length(min = 1)
    )]
    pub publisher: Text<'a>,
    /// 目录层级
    #[schemars(
        title = "目录层级",
        description = "编制机关的层级：市级、县级、乡级或村级"
    )]
    pub level: Level,
    /// 行政区划
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "行政区划",
        description = "编制机关所在的省、市、县（乡）及行政区划代码"
    )]
    pub region: Option<Region<'a>>,
    /// 编制日期 (YYYY-MM-DD)
    #[schemars(
        title = "编制日期",
        description = "目录编制日期，格式 YYYY-MM-DD",
        extend("format" = "date", "pattern" = DATE_PATTERN, "maxLength" = 10)
    )]
    pub issued: Text<'a>,
    /// 更新日期 (YYYY-MM-DD), not before `issued`
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "更新日期",
        description = "最近一次更新日期，格式 YYYY-MM-DD，不得早于编制日期",
        extend("format" = "date", "pattern" = DATE_PATTERN, "maxLength" = 10)
    )]
    pub updated: Option<Text<'a>>,
    /// 上级标准目录
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "上级标准目录",
        description = "本目录据以编制（对照）的上级标准目录，如建办厅〔2019〕71号"
    )]
    pub based_on: Option<BasedOn<'a>>,
    /// 目录版本 (free text, e.g. 2024年版) — 1.1
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "目录版本",
        description = "目录的版本（1.1 起），如 2024年版",
        length(min = 1)
    )]
    pub version: Option<Text<'a>>,
    /// 修订记录 — 1.1
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(
        title = "修订记录",
        description = "目录的修订记录（1.1 起），每次修订的日期和修订说明"
    )]
    pub revisions: Vec<Revision<'a>>,
    /// 下次评估日期 (YYYY-MM-DD) — 1.1
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "下次评估日期",
        description = "计划下次评估、调整目录的日期（1.1 起），格式 YYYY-MM-DD",
        extend("format" = "date", "pattern" = DATE_PATTERN, "maxLength" = 10)
    )]
    pub next_review: Option<Text<'a>>,
    /// 公开事项
    #[schemars(
        title = "公开事项",
        description = "目录的各行（公开事项），至少一项",
        length(min = 1)
    )]
    pub items: Vec<Item<'a>>,
    /// Keys outside the model, kept as they were.
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

/// The pattern of a `YYYY-MM-DD` date of the years 0001–9999 (the schema adds `format: date`,
/// which rejects 2020-02-30, and `maxLength`, since Python's `re` lets `$` match before a final
/// newline). Year 0000 is refused: RFC 3339 allows it, but the Gregorian calendar has no year
/// zero and Python's date parser (used by jsonschema's format check) refuses it.
pub const DATE_PATTERN: &str = r"^([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

deserialize_object!(Catalogue, "a catalogue object", {
    schema_version: "schema_version" => req,
    title: "title" => req,
    domain: "domain" => req,
    publisher: "publisher" => req,
    level: "level" => req,
    region: "region" => opt,
    issued: "issued" => req,
    updated: "updated" => opt,
    based_on: "based_on" => opt,
    version: "version" => opt,
    revisions: "revisions" => vec,
    next_review: "next_review" => opt,
    items: "items" => req,
});

/// 修订记录: one revision of the catalogue (1.1).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "修订记录", description = "目录的一次修订")]
pub struct Revision<'a> {
    /// 修订日期 (YYYY-MM-DD)
    #[schemars(
        title = "修订日期",
        description = "修订日期，格式 YYYY-MM-DD",
        extend("format" = "date", "pattern" = DATE_PATTERN, "maxLength" = 10)
    )]
    pub date: Text<'a>,
    /// 修订说明
    #[schemars(title = "修订说明", description = "本次修订的内容", length(min = 1))]
    pub summary: Text<'a>,
    /// Keys outside the model.
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

deserialize_object!(Revision, "a revision object", {
    date: "date" => req,
    summary: "summary" => req,
});

impl Revision<'_> {
    /// Detaches the revision from its input.
    pub fn into_owned(self) -> Revision<'static> {
        Revision {
            date: self.date.into_owned(),
            summary: self.summary.into_owned(),
            extra: self.extra,
        }
    }
}

/// 行政区划: where the compiling organ sits.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "行政区划", description = "编制机关所在的行政区划")]
pub struct Region<'a> {
    /// 省
    #[schemars(title = "省（自治区、直辖市）", length(min = 1))]
    pub province: Text<'a>,
    /// 市
    #[schemars(title = "市（地、州、盟）", length(min = 1))]
    pub city: Text<'a>,
    /// 县
    #[schemars(title = "县（市、区、旗）", length(min = 1))]
    pub county: Text<'a>,
    /// 乡镇
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(title = "乡（镇、街道）")]
    pub township: Option<Text<'a>>,
    /// 6-digit 行政区划代码 (GB/T 2260)
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "行政区划代码",
        description = "6位行政区划代码（GB/T 2260），如武陟县 410823",
        regex(pattern = r"^[0-9]{6}$"),
        length(max = 6)
    )]
    pub code: Option<Text<'a>>,
    /// Keys outside the model.
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

deserialize_object!(Region, "a region object", {
    province: "province" => req,
    city: "city" => req,
    county: "county" => req,
    township: "township" => opt,
    code: "code" => opt,
});

/// 上级标准目录: the upper-level standard this catalogue localises.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "上级标准目录", description = "本目录据以编制的上级标准目录")]
pub struct BasedOn<'a> {
    /// 名称
    #[schemars(title = "上级目录名称", length(min = 1))]
    pub title: Text<'a>,
    /// 文号
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(title = "文号", description = "如 建办厅〔2019〕71号")]
    pub doc_no: Option<Text<'a>>,
    /// 发文机关
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(title = "发文机关")]
    pub issuer: Option<Text<'a>>,
    /// Keys outside the model.
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

deserialize_object!(BasedOn, "a based_on object", {
    title: "title" => req,
    doc_no: "doc_no" => opt,
    issuer: "issuer" => opt,
});

/// One row of the catalogue: a disclosure item (公开事项).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "公开事项", description = "目录中的一行", transform = conditions::item_conditions)]
pub struct Item<'a> {
    /// 序号 / 事项编码, unique in the catalogue
    #[schemars(
        title = "序号",
        description = "序号或事项编码，目录内唯一",
        length(min = 1)
    )]
    pub id: Text<'a>,
    /// 一级事项
    #[schemars(
        title = "一级事项",
        description = "合并单元格的一级事项向下填充",
        length(min = 1)
    )]
    pub category: Text<'a>,
    /// 二级事项
    #[schemars(title = "二级事项", description = "公开事项名称", length(min = 1))]
    pub name: Text<'a>,
    /// 三级事项
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(title = "三级事项", description = "部分领域使用的第三级事项")]
    pub subitem: Option<Text<'a>>,
    /// 公开内容（要素）
    #[schemars(
        title = "公开内容",
        description = "公开内容（要素），每个要素一条，如 申请条件、申请材料、申请流程",
        length(min = 1),
        inner(length(min = 1))
    )]
    pub content: Vec<Text<'a>>,
    /// 公开依据
    #[schemars(
        title = "公开依据",
        description = "公开所依据的法律、法规、规章或规范性文件",
        length(min = 1)
    )]
    pub basis: Vec<Citation<'a>>,
    /// 公开时限
    #[schemars(title = "公开时限")]
    pub time_limit: TimeLimit<'a>,
    /// 公开主体
    #[schemars(
        title = "公开主体",
        description = "制作或保存该信息、负责公开的行政机关",
        length(min = 1)
    )]
    pub subject: Text<'a>,
    /// 公开渠道和载体 (standard codes)
    #[serde(default)]
    #[schemars(
        title = "公开渠道和载体",
        description = "勾选的标准渠道；主动公开的事项必须包含政府网站",
        extend("uniqueItems" = true)
    )]
    pub channels: Vec<Channel>,
    /// 其他（渠道）
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(
        title = "其他渠道",
        description = "“其他”后填写的渠道，或12个标准渠道之外的渠道",
        inner(length(min = 1))
    )]
    pub other_channels: Vec<Text<'a>>,
    /// 公开对象
    #[schemars(title = "公开对象", description = "全社会、特定群体", length(min = 1), extend("uniqueItems" = true))]
    pub audience: Vec<Audience>,
    /// 特定群体说明
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(title = "特定群体说明", description = "特定群体的名称，如 申请人")]
    pub audience_note: Option<Text<'a>>,
    /// 公开方式
    #[schemars(title = "公开方式", description = "主动、依申请，可同时勾选", length(min = 1), extend("uniqueItems" = true))]
    pub method: Vec<Method>,
    /// 公开层级
    #[schemars(title = "公开层级", description = "市级、县级、乡级、村级", length(min = 1), extend("uniqueItems" = true))]
    pub levels: Vec<Level>,
    /// 备注
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(title = "备注")]
    pub notes: Option<Text<'a>>,
    /// 责任科室 — 1.1
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "责任科室",
        description = "公开主体内负责的科室、股室或部门（1.1 起），如 审批科",
        length(min = 1)
    )]
    pub responsible_office: Option<Text<'a>>,
    /// 公开时长 — 1.1: `long_term`, `while_in_office`, `until_superseded`, or text
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "公开时长",
        description = "信息公开后保持公开的时长（1.1 起）：long_term（长期）、while_in_office（任职期间）、until_superseded（至被替代为止），或原文",
        length(min = 1)
    )]
    pub retention: Option<Text<'a>>,
    /// 公开范围说明 — 1.1
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "公开范围",
        description = "公开范围的说明，不是公开对象时（1.1 起），如 本辖区",
        length(min = 1)
    )]
    pub scope_note: Option<Text<'a>>,
    /// Keys outside the model.
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

deserialize_object!(Item, "an item object", {
    id: "id" => req,
    category: "category" => req,
    name: "name" => req,
    subitem: "subitem" => opt,
    content: "content" => req,
    basis: "basis" => req,
    time_limit: "time_limit" => req,
    subject: "subject" => req,
    channels: "channels" => vec,
    other_channels: "other_channels" => vec,
    audience: "audience" => req,
    audience_note: "audience_note" => opt,
    method: "method" => req,
    levels: "levels" => req,
    notes: "notes" => opt,
    responsible_office: "responsible_office" => opt,
    retention: "retention" => opt,
    scope_note: "scope_note" => opt,
});

/// A citation (公开依据): one legal instrument.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "公开依据", description = "一件法律、法规、规章或规范性文件")]
pub struct Citation<'a> {
    /// Title without 《》
    #[schemars(
        title = "名称",
        description = "法律文件名称，不含书名号《》",
        length(min = 1)
    )]
    pub title: Text<'a>,
    /// 令号 / 文号
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(title = "文号", description = "令号或文号，如 国务院令第583号")]
    pub doc_no: Option<Text<'a>>,
    /// Articles, e.g. 第十五条
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(title = "条款", description = "引用的条款，如 第十五条")]
    pub articles: Vec<Text<'a>>,
    /// Kind of instrument
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "类别",
        description = "法律、行政法规、地方性法规、部门规章、地方政府规章、规范性文件或其他"
    )]
    pub kind: Option<CitationKind>,
    /// The citation as written in the source table
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(title = "原文", description = "从表格导入时的原始写法")]
    pub text: Option<Text<'a>>,
    /// Keys outside the model.
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

deserialize_object!(Citation, "a citation object", {
    title: "title" => req,
    doc_no: "doc_no" => opt,
    articles: "articles" => vec,
    kind: "kind" => opt,
    text: "text" => opt,
});

impl<'a> Citation<'a> {
    /// A citation with only a title.
    pub fn titled(title: impl Into<Text<'a>>) -> Self {
        Citation {
            title: title.into(),
            doc_no: None,
            articles: Vec::new(),
            kind: None,
            text: None,
            extra: Extra::new(),
        }
    }

    /// Detaches the citation from its input.
    pub fn into_owned(self) -> Citation<'static> {
        Citation {
            title: self.title.into_owned(),
            doc_no: self.doc_no.map(Text::into_owned),
            articles: self.articles.into_iter().map(Text::into_owned).collect(),
            kind: self.kind,
            text: self.text.map(Text::into_owned),
            extra: self.extra,
        }
    }
}

impl<'a> Catalogue<'a> {
    /// Parses a catalogue from JSON bytes (a UTF-8 BOM is accepted), borrowing its strings.
    ///
    /// This is strict about types (it is the fast path of validation): for a report of every
    /// problem in a document, use [`crate::validate_json`].
    pub fn from_json(bytes: &'a [u8]) -> Result<Self, crate::Error> {
        let bytes = crate::json::strip_bom(bytes);
        crate::json::from_slice_fast(bytes).map_err(|e| crate::Error::from_json(&e, bytes))
    }

    /// Serialises to pretty JSON (2-space indentation, keys in model order).
    pub fn to_json_pretty(&self) -> String {
        // Serialising the model cannot fail: every map key is a string.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Detaches the catalogue from the input it borrows from.
    pub fn into_owned(self) -> Catalogue<'static> {
        Catalogue {
            schema_version: self.schema_version.into_owned(),
            title: self.title.into_owned(),
            domain: self.domain.into_owned(),
            publisher: self.publisher.into_owned(),
            level: self.level,
            region: self.region.map(|r| Region {
                province: r.province.into_owned(),
                city: r.city.into_owned(),
                county: r.county.into_owned(),
                township: r.township.map(Text::into_owned),
                code: r.code.map(Text::into_owned),
                extra: r.extra,
            }),
            issued: self.issued.into_owned(),
            updated: self.updated.map(Text::into_owned),
            based_on: self.based_on.map(|b| BasedOn {
                title: b.title.into_owned(),
                doc_no: b.doc_no.map(Text::into_owned),
                issuer: b.issuer.map(Text::into_owned),
                extra: b.extra,
            }),
            version: self.version.map(Text::into_owned),
            revisions: self
                .revisions
                .into_iter()
                .map(Revision::into_owned)
                .collect(),
            next_review: self.next_review.map(Text::into_owned),
            items: self.items.into_iter().map(Item::into_owned).collect(),
            extra: self.extra,
        }
    }
}

impl Catalogue<'_> {
    /// The lowest schema version that holds this catalogue's content: "1.1" when it uses a
    /// field or value only 1.1 has, else "1.0".
    pub fn required_version(&self) -> &'static str {
        let uses_1_1 = self.version.is_some()
            || !self.revisions.is_empty()
            || self.next_review.is_some()
            || self.items.iter().any(|i| {
                i.retention.is_some()
                    || i.responsible_office.is_some()
                    || i.scope_note.is_some()
                    || i.time_limit.from == Some(Anchor::FormedOrObtained)
            });
        if uses_1_1 {
            SCHEMA_VERSION_1_1
        } else {
            SCHEMA_VERSION
        }
    }
}

impl Item<'_> {
    /// Detaches the item from its input.
    pub fn into_owned(self) -> Item<'static> {
        Item {
            id: self.id.into_owned(),
            category: self.category.into_owned(),
            name: self.name.into_owned(),
            subitem: self.subitem.map(Text::into_owned),
            content: self.content.into_iter().map(Text::into_owned).collect(),
            basis: self.basis.into_iter().map(Citation::into_owned).collect(),
            time_limit: self.time_limit.into_owned(),
            retention: self.retention.map(Text::into_owned),
            subject: self.subject.into_owned(),
            responsible_office: self.responsible_office.map(Text::into_owned),
            channels: self.channels,
            other_channels: self
                .other_channels
                .into_iter()
                .map(Text::into_owned)
                .collect(),
            audience: self.audience,
            audience_note: self.audience_note.map(Text::into_owned),
            scope_note: self.scope_note.map(Text::into_owned),
            method: self.method,
            levels: self.levels,
            notes: self.notes.map(Text::into_owned),
            extra: self.extra,
        }
    }

    /// Whether 主动 is ticked.
    pub fn is_proactive(&self) -> bool {
        self.method.contains(&Method::Proactive)
    }

    /// Whether only 依申请 is ticked.
    pub fn is_on_request_only(&self) -> bool {
        !self.method.is_empty() && self.method.iter().all(|m| *m == Method::OnRequest)
    }
}

/// The Chinese name of a model key, as people know the column (公开依据, not `basis`).
pub fn field_title(key: &str) -> Option<&'static str> {
    Some(match key {
        "schema_version" => "标准版本",
        "title" => "名称",
        "domain" => "领域",
        "publisher" => "编制单位",
        "level" => "目录层级",
        "region" => "行政区划",
        "province" => "省",
        "city" => "市",
        "county" => "县",
        "township" => "乡镇",
        "code" => "行政区划代码",
        "issued" => "编制日期",
        "updated" => "更新日期",
        "based_on" => "上级标准目录",
        "version" => "目录版本",
        "revisions" => "修订记录",
        "next_review" => "下次评估日期",
        "date" => "修订日期",
        "summary" => "修订说明",
        "items" => "公开事项",
        "id" => "序号",
        "category" => "一级事项",
        "name" => "二级事项",
        "subitem" => "三级事项",
        "content" => "公开内容",
        "basis" => "公开依据",
        "time_limit" => "公开时限",
        "retention" => "公开时长",
        "subject" => "公开主体",
        "responsible_office" => "责任科室",
        "channels" => "公开渠道",
        "other_channels" => "其他渠道",
        "audience" => "公开对象",
        "audience_note" => "特定群体说明",
        "scope_note" => "公开范围",
        "method" => "公开方式",
        "levels" => "公开层级",
        "notes" => "备注",
        "doc_no" => "文号",
        "articles" => "条款",
        "kind" => "类别",
        "text" => "原文",
        "issuer" => "发文机关",
        "days" => "天数",
        "from" => "起算点",
        "event" => "起算事件",
        "hours" => "提前小时数",
        "month" => "月",
        "day" => "日",
        _ => return None,
    })
}

/// The Chinese name of the field a JSON Pointer ends in: the last segment that is a key
/// (`/items/3/basis/0/title` → 名称 of 公开依据 → "公开依据"; `/items/3/time_limit/days` → 公开时限).
///
/// Inside an item, the item-level column is named (people see 公开时限, not 天数).
pub fn column_title(pointer: &str) -> &'static str {
    let segs: Vec<&str> = pointer.split('/').skip(1).collect();
    if segs.first() == Some(&"items") && segs.len() >= 3 {
        return field_title(segs[2]).unwrap_or("公开事项");
    }
    if segs.first() == Some(&"items") {
        return "公开事项";
    }
    match segs.first() {
        Some(&"region") if segs.len() >= 2 => field_title(segs[1]).unwrap_or("行政区划"),
        Some(&"based_on") => "上级标准目录",
        Some(&"revisions") => "修订记录",
        Some(&"title") => "目录名称",
        Some(k) => field_title(k).unwrap_or("目录"),
        None => "目录",
    }
}

/// The keys each object of the model knows (for unknown-key suggestions).
pub mod known_keys {
    /// Keys of the catalogue object.
    pub const CATALOGUE: &[&str] = &[
        "schema_version",
        "title",
        "domain",
        "publisher",
        "level",
        "region",
        "issued",
        "updated",
        "based_on",
        "version",
        "revisions",
        "next_review",
        "items",
    ];
    /// Keys of a revision (1.1).
    pub const REVISION: &[&str] = &["date", "summary"];
    /// The catalogue keys 1.1 added.
    pub const CATALOGUE_1_1: &[&str] = &["version", "revisions", "next_review"];
    /// The item keys 1.1 added.
    pub const ITEM_1_1: &[&str] = &["retention", "responsible_office", "scope_note"];
    /// Keys of `region`.
    pub const REGION: &[&str] = &["province", "city", "county", "township", "code"];
    /// Keys of `based_on`.
    pub const BASED_ON: &[&str] = &["title", "doc_no", "issuer"];
    /// Keys of an item.
    pub const ITEM: &[&str] = &[
        "id",
        "category",
        "name",
        "subitem",
        "content",
        "basis",
        "time_limit",
        "subject",
        "channels",
        "other_channels",
        "audience",
        "audience_note",
        "method",
        "levels",
        "notes",
        "responsible_office",
        "retention",
        "scope_note",
    ];
    /// Keys of a citation.
    pub const CITATION: &[&str] = &["title", "doc_no", "articles", "kind", "text"];
    /// Keys of a time limit.
    pub const TIME_LIMIT: &[&str] = &[
        "kind", "days", "from", "event", "hours", "month", "day", "text",
    ];
}
