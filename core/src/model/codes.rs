//! The closed code lists of the data model (channels, audience, method, levels, citation kinds,
//! time-limit anchors) and the open list of domain codes.
//!
//! Every code has a stable ASCII `snake_case` spelling (the JSON contract) and a Chinese title
//! (what people read). The JSON Schema lists each code as `{"const": code, "title": 中文}` inside a
//! `oneOf`, which form libraries (react-jsonschema-form, JSON Forms) render as labelled options.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $title:literal, $description:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $zh:literal, $en:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[doc = $zh] #[serde(rename = $code)] $variant, )*
        }

        impl $name {
            /// Every code, in the printed order of the standard template.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stable ASCII code used in JSON.
            pub const fn code(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            /// The Chinese name as printed in catalogues.
            pub const fn zh(self) -> &'static str {
                match self { $($name::$variant => $zh),* }
            }

            /// An English gloss, for English messages.
            pub const fn en(self) -> &'static str {
                match self { $($name::$variant => $en),* }
            }

            /// Parses the ASCII code (not the Chinese name).
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)* _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let one_of: Vec<serde_json::Value> = vec![
                    // No English gloss as `description`: a form shows the chosen option's
                    // description under the select, in a Chinese form.
                    $( serde_json::json!({ "const": $code, "title": $zh }), )*
                ];
                json_schema!({
                    "type": "string",
                    "title": $title,
                    "description": $description,
                    "oneOf": one_of,
                })
            }
        }
    };
}

code_enum! {
    /// A disclosure channel (公开渠道和载体), in the order of the standard checkbox list.
    Channel, "公开渠道", "标准目录“公开渠道和载体”勾选框中的12个标准渠道（“其他”见 other_channels）" {
        GovWebsite = "gov_website", "政府网站", "government website";
        GovGazette = "gov_gazette", "政府公报", "government gazette";
        SocialMedia = "social_media", "两微一端", "Weibo, WeChat and mobile app";
        PressOrHearing = "press_or_hearing", "发布会/听证会", "press conference or hearing";
        BroadcastTv = "broadcast_tv", "广播电视", "radio and television";
        PrintMedia = "print_media", "纸质媒体", "print media";
        ReadingPoint = "reading_point", "公开查阅点", "public reading point";
        ServiceCenter = "service_center", "政务服务中心", "government service centre";
        ServiceStation = "service_station", "便民服务站", "community service station";
        DoorToDoor = "door_to_door", "入户/现场", "door to door or on site";
        NoticeBoard = "notice_board", "社区/企事业单位/村公示栏（电子屏）", "community, workplace or village notice board (screen)";
        TargetedPush = "targeted_push", "精准推送", "targeted push";
    }
}

code_enum! {
    /// Who the information is disclosed to (公开对象).
    Audience, "公开对象", "全社会或特定群体" {
        Public = "public", "全社会", "the public";
        SpecificGroups = "specific_groups", "特定群体", "specific groups";
    }
}

code_enum! {
    /// How the information is disclosed (公开方式, 条例第十三条).
    Method, "公开方式", "主动公开或依申请公开（《政府信息公开条例》第十三条）" {
        Proactive = "proactive", "主动", "proactive";
        OnRequest = "on_request", "依申请", "on request";
    }
}

code_enum! {
    /// An administrative level: of the compiling organ (目录层级) or of disclosure (公开层级).
    Level, "层级", "市级、县级、乡级或村级" {
        City = "city", "市级", "city";
        County = "county", "县级", "county";
        Township = "township", "乡级", "township";
        Village = "village", "村级", "village";
    }
}

code_enum! {
    /// The kind of legal instrument a citation names.
    CitationKind, "依据类别", "法律、行政法规、地方性法规、部门规章、地方政府规章、规范性文件或其他" {
        Law = "law", "法律", "law";
        AdministrativeRegulation = "administrative_regulation", "行政法规", "administrative regulation";
        LocalRegulation = "local_regulation", "地方性法规", "local regulation";
        DepartmentalRule = "departmental_rule", "部门规章", "departmental rule";
        LocalRule = "local_rule", "地方政府规章", "local government rule";
        NormativeDocument = "normative_document", "规范性文件", "normative document";
        Other = "other", "其他", "other";
    }
}

impl CitationKind {
    /// Whether the instrument is a 法律 or 法规 (law, administrative or local regulation): the
    /// only instruments that may set a disclosure limit other than 20 working days (条例第二十六条).
    pub const fn is_law_or_regulation(self) -> bool {
        matches!(
            self,
            CitationKind::Law
                | CitationKind::AdministrativeRegulation
                | CitationKind::LocalRegulation
        )
    }
}

code_enum! {
    /// The day a time limit counts from (公开时限的起算点).
    Anchor, "起算点", "公开时限从何时起算" {
        FormedOrChanged = "formed_or_changed", "信息形成或者变更之日", "the day the information is formed or changed";
        FormedOrObtained = "formed_or_obtained", "制作或者获取信息之日", "the day the information is made or obtained (1.1)";
        RequestReceived = "request_received", "收到申请之日", "the day the request is received";
        Decided = "decided", "作出决定之日", "the day of the decision";
        Event = "event", "特定事件发生之日", "a named event";
        Unspecified = "unspecified", "未写明", "not stated";
    }
}

code_enum! {
    /// The form of a time limit (公开时限的类型).
    TimeLimitKind, "时限类型", "公开时限的表达形式" {
        WorkingDays = "working_days", "工作日", "working days";
        CalendarDays = "calendar_days", "自然日", "calendar days";
        HoursBefore = "hours_before", "提前小时", "hours before an event";
        AnnualBy = "annual_by", "每年某日前", "every year by a date";
        OnTheSpot = "on_the_spot", "当场", "on the spot";
        Realtime = "realtime", "实时公开", "in real time";
        Promptly = "promptly", "及时公开", "promptly";
        Continuous = "continuous", "长期公开", "continuously";
        Unparsed = "unparsed", "未能解析", "not understood";
    }
}

/// A known domain (领域) code with its Chinese name. The list is open: an unknown code is a
/// warning, not an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DomainCode {
    /// The ASCII code, e.g. `municipal_services`.
    pub code: &'static str,
    /// The Chinese name, e.g. 市政服务.
    pub zh: &'static str,
}

/// The 26 pilot fields of 国办发〔2019〕54号.
pub const DOMAINS: &[DomainCode] = &[
    DomainCode {
        code: "major_construction_projects",
        zh: "重大建设项目",
    },
    DomainCode {
        code: "public_resource_trading",
        zh: "公共资源交易",
    },
    DomainCode {
        code: "fiscal_budget",
        zh: "财政预决算",
    },
    DomainCode {
        code: "work_safety",
        zh: "安全生产",
    },
    DomainCode {
        code: "tax_administration",
        zh: "税收管理",
    },
    DomainCode {
        code: "land_expropriation",
        zh: "征地补偿",
    },
    DomainCode {
        code: "housing_expropriation",
        zh: "国有土地上房屋征收与补偿",
    },
    DomainCode {
        code: "rural_dilapidated_housing",
        zh: "农村危房改造",
    },
    DomainCode {
        code: "urban_law_enforcement",
        zh: "城市综合执法",
    },
    DomainCode {
        code: "poverty_alleviation",
        zh: "扶贫",
    },
    DomainCode {
        code: "disaster_relief",
        zh: "救灾",
    },
    DomainCode {
        code: "social_assistance",
        zh: "社会救助",
    },
    DomainCode {
        code: "elderly_care",
        zh: "养老服务",
    },
    DomainCode {
        code: "household_registration",
        zh: "户籍管理",
    },
    DomainCode {
        code: "agricultural_subsidies",
        zh: "涉农补贴",
    },
    DomainCode {
        code: "compulsory_education",
        zh: "义务教育",
    },
    DomainCode {
        code: "health",
        zh: "卫生健康",
    },
    DomainCode {
        code: "ecological_environment",
        zh: "生态环境",
    },
    DomainCode {
        code: "public_culture",
        zh: "公共文化服务",
    },
    DomainCode {
        code: "public_legal_services",
        zh: "公共法律服务",
    },
    DomainCode {
        code: "employment",
        zh: "就业",
    },
    DomainCode {
        code: "social_insurance",
        zh: "社会保险",
    },
    DomainCode {
        code: "food_drug_regulation",
        zh: "食品药品监管",
    },
    DomainCode {
        code: "urban_rural_planning",
        zh: "城乡规划",
    },
    DomainCode {
        code: "affordable_housing",
        zh: "保障性住房",
    },
    DomainCode {
        code: "municipal_services",
        zh: "市政服务",
    },
];

/// Looks a domain up by its ASCII code.
pub fn domain_by_code(code: &str) -> Option<&'static DomainCode> {
    DOMAINS.iter().find(|d| d.code == code)
}

/// Looks a domain up by its Chinese name (as written in a table title or header).
pub fn domain_by_zh(zh: &str) -> Option<&'static DomainCode> {
    DOMAINS.iter().find(|d| d.zh == zh)
}

/// A catalogue level given as text: its code (`county`) or its Chinese name (县级).
impl crate::args::Arg for Level {
    const EXPECTED: &'static str =
        "目录层级 city、county、township、village 或 市级、县级、乡级、村级";
    fn from_text(text: &str) -> Option<Self> {
        Level::ALL
            .iter()
            .copied()
            .find(|l| l.code() == text || l.zh() == text)
    }
}
