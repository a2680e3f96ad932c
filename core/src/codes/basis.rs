//! 公开依据: instruments, titles, known typos, and the registry checks (repealed, superseded,
//! wrong kind, unknown national instrument).

use crate::codes::Severity::{Error, Info, Warning};

define_codes! {
    family: Basis;
    NO_INSTRUMENT = "basis.no_instrument" {
        severity: Error,
        title: "公开依据未列明具体文件",
        source: "国办发〔2019〕54号（依据为目录必备要素）",
        message_zh: "事项“{item}”的公开依据只写了“{value}”这类笼统说法，没有列明任何具体的法律、法规、规章或规范性文件；请写出文件全称，如《城镇燃气管理条例》",
        message_en: "Item “{item}”: the basis (公开依据) only says “{value}” and names no actual law, regulation, rule or normative document; give the full title, e.g. 《城镇燃气管理条例》",
    }

    VAGUE_TITLE = "basis.vague_title" {
        severity: Warning,
        title: "公开依据中有笼统的说法",
        source: "国办发〔2019〕54号（依据为目录必备要素）；gongkai 启发式",
        message_zh: "事项“{item}”的公开依据“{value}”不是具体文件名称；请改为文件全称或删除",
        message_en: "Item “{item}”: the basis (公开依据) entry “{value}” is not the title of an instrument; give the full title or remove it",
    }

    TITLE_BRACKETS = "basis.title_brackets" {
        severity: Info,
        title: "依据名称含书名号",
        source: "数据模型 v1（名称不含书名号《》）",
        message_zh: "事项“{item}”的公开依据名称“{value}”带有书名号；名称中请不要写《》，显示时会自动加上",
        message_en: "Item “{item}”: the basis (公开依据) title “{value}” includes the 《》 brackets; store the title without them",
    }

    KNOWN_TYPO = "basis.known_typo" {
        severity: Warning,
        title: "依据名称有误",
        source: "gongkai 启发式（已知的错误写法）",
        message_zh: "事项“{item}”的公开依据“{value}”名称有误，应为《{suggestion}》；请更正",
        message_en: "Item “{item}”: the basis (公开依据) title “{value}” is misspelt; the instrument is 《{suggestion}》",
    }

    SUPERSEDED = "basis.superseded" {
        severity: Warning,
        title: "公开依据引用了已被修订取代的版本",
        source: "依据库（gongkai 内置）；如《政府信息公开条例》（2019年修订，国务院令第711号，2019年5月15日起施行）",
        message_zh: "事项“{item}”的公开依据引用了《{title}》的旧版本（{doc_no}），该版本已被{since}（{current}）取代；请改引{current}，并按新条文核对条款序号",
        message_en: "Item “{item}”: the basis (公开依据) cites an earlier version of 《{title}》 ({doc_no}), replaced by the revision {since_en} ({current}); cite {current} and check the article numbers",
    }

    SUBJECT_MISMATCH = "basis.subject_mismatch" {
        severity: Warning,
        title: "公开依据与事项不符",
        source: "gongkai 启发式（依据应为事项所属行业的法规）",
        message_zh: "事项“{item}”涉及{topic}，但公开依据引用的是{found}方面的法规，没有{expected}；请核对是否从其他行复制粘贴了依据",
        message_en: "Item “{item}” is about {topic_en}, but its basis (公开依据) cites {found_en} legislation and not {expected}; check whether the basis was copied from another row",
    }

    // Checked against the registry of instruments (依据库, `crate::laws`; rules in
    // `rules/laws.rs`).

    REPEALED = "basis.repealed" {
        severity: Warning,
        title: "公开依据已废止",
        source: "依据库（gongkai 内置，来源见 core/laws/registry.json）；《政府信息公开条例》第二十条（主动公开事项的依据）",
        message_zh: "事项“{item}”的公开依据《{value}》{when}{replacement}；请改引现行有效的依据",
        message_en: "Item “{item}”: the basis (公开依据) 《{value}》 {when_en}{replacement_en}; cite the instrument in force",
    }

    KIND_MISMATCH = "basis.kind_mismatch" {
        severity: Warning,
        title: "公开依据的类别与依据库不符",
        source: "《中华人民共和国立法法》（法律、行政法规、地方性法规、规章的区分）；依据库",
        message_zh: "事项“{item}”的公开依据《{value}》标注的类别是“{kind}”，但它是{expected}；请更正公开依据的类别",
        message_en: "Item “{item}”: the basis (公开依据) 《{value}》 is marked “{kind_en}”, but the registry lists it as “{expected_en}”; correct the kind",
    }

    UNKNOWN_INSTRUMENT = "basis.unknown_instrument" {
        severity: Info,
        title: "公开依据不在依据库中",
        source: "gongkai 依据库（只对以“中华人民共和国”开头的国家法律法规名称提示）",
        message_zh: "事项“{item}”的公开依据《{value}》不在依据库中，无法核对它是否现行有效；请核对名称是否准确，本地文件可用 --laws 补充",
        message_en: "Item “{item}”: the basis (公开依据) 《{value}》 is not in the registry of instruments, so whether it is in force cannot be checked; check the title, or add it with --laws",
    }
}
