//! Unit tests of the cell normalisations and free-text parsers used by the importers.
#![allow(clippy::unwrap_used)]

use gongkai::import::channels::{Ambiguity, ChannelName, channel_name, parse_channel_cell};
use gongkai::import::header::levels_of_label;
use gongkai::import::text::{
    TimeLimitNote, find_doc_no, fold_width, match_key, normalize_cell, normalize_name,
    parse_citations, parse_cn_number, parse_time_limit, parse_time_limit_noted, split_content,
    strip_glosses,
};
use gongkai::model::{Anchor, Channel, CitationKind, Level, TimeLimitKind};

// --- normalisation --------------------------------------------------------------------------

#[test]
fn full_width_ascii_is_folded_but_not_nfkc() {
    assert_eq!(
        fold_width("ＡＢＣ１２３（２０２４）：；，"),
        "ABC123(2024):;,"
    );
    // CJK punctuation and glyphs are not ASCII: unchanged.
    assert_eq!(fold_width("《条例》、。■□"), "《条例》、。■□");
    // Ideographic space, NBSP → space; zero-width removed; CRLF → LF.
    assert_eq!(fold_width("a\u{3000}b\u{00A0}c\u{200B}d\r\ne"), "a b cd\ne");
}

#[test]
fn spaces_inside_chinese_words_are_removed() {
    assert_eq!(normalize_cell("燃气经营许 可证核发"), "燃气经营许可证核发");
    assert_eq!(
        normalize_cell("负责审批的 燃气管理部 门"),
        "负责审批的燃气管理部门"
    );
    assert_eq!(normalize_cell("城镇燃\n气管理"), "城镇燃气管理");
    assert_eq!(
        normalize_cell("制 定 或 获 取 信 息之日起 10 个 工作日内"),
        "制定或获取信息之日起10个工作日内"
    );
    assert_eq!(normalize_cell("  Sheet   1  "), "Sheet 1");
    assert_eq!(normalize_cell("综合 业务"), "综合业务");
}

#[test]
fn pinyin_glosses_are_removed_and_traditional_kept() {
    assert_eq!(normalize_cell("鄉(xiāng)鎮(zhèn)簡介"), "鄉鎮簡介");
    assert!(strip_glosses("公開內(nèi)容").1);
    // Not a gloss: no tone mark, not after a Chinese character, or not a syllable.
    assert_eq!(normalize_cell("条件(a)"), "条件(a)");
    assert_eq!(normalize_cell("文号(2019)"), "文号(2019)");
    assert_eq!(normalize_name("鄉(xiāng)鎮(zhèn)簡介"), "乡镇简介");
    assert_eq!(match_key("公開 層級"), "公开层级");
}

#[test]
fn chinese_numerals() {
    assert_eq!(parse_cn_number("二十"), Some(20));
    assert_eq!(parse_cn_number("三十一"), Some(31));
    assert_eq!(parse_cn_number("两"), Some(2));
    assert_eq!(parse_cn_number("一百"), Some(100));
    assert_eq!(parse_cn_number("abc"), None);
}

// --- 公开时限 -------------------------------------------------------------------------------

fn days(text: &str) -> (TimeLimitKind, Option<u32>, Option<Anchor>) {
    let t = parse_time_limit(text);
    (t.kind, t.days, t.from)
}

#[test]
fn working_days_and_their_anchors() {
    use Anchor::*;
    use TimeLimitKind::WorkingDays as W;
    assert_eq!(days("20个工作日"), (W, Some(20), Some(Unspecified)));
    assert_eq!(days("20工作日"), (W, Some(20), Some(Unspecified)));
    assert_eq!(days("二十个工作日"), (W, Some(20), Some(Unspecified)));
    assert_eq!(
        days("自信息形成或者变更之日起20个工作日内"),
        (W, Some(20), Some(FormedOrChanged))
    );
    assert_eq!(
        days("信息形成(变更)20个工作日内"),
        (W, Some(20), Some(FormedOrChanged))
    );
    assert_eq!(
        days("信息形成（变更）20个工作日内"),
        (W, Some(20), Some(FormedOrChanged))
    );
    // 制作或者获取 (制定或获取) is 1.1's own anchor; 1.0 folded it into formed_or_changed.
    assert_eq!(
        days("制定或获取信息之日起20个工作日内"),
        (W, Some(20), Some(FormedOrObtained))
    );
    assert_eq!(
        days("制 定 或 获 取 信 息之日起 10 个 工作日内"),
        (W, Some(10), Some(FormedOrObtained))
    );
    assert_eq!(
        days("自信息形\n成或者变\n更之日起\n20个工作\n日内予以\n公开"),
        (W, Some(20), Some(FormedOrChanged))
    );
    assert_eq!(
        days("信息形成或變更之日起3個工作日內(nèi)"),
        (W, Some(3), Some(FormedOrChanged))
    );
    assert_eq!(
        days("自收到申请之日起20个工作日内"),
        (W, Some(20), Some(RequestReceived))
    );
    assert_eq!(
        days("作出行政许可决定之日起7个工作日内"),
        (W, Some(7), Some(Decided))
    );
    assert_eq!(
        days("信息形成或者变更之日起20个工作日内予以公开;"),
        (W, Some(20), Some(FormedOrChanged))
    );
}

#[test]
fn event_anchor_keeps_the_event() {
    let t = parse_time_limit("分配结果确定后20个工作日内");
    assert_eq!(
        (t.kind, t.days, t.from),
        (TimeLimitKind::WorkingDays, Some(20), Some(Anchor::Event))
    );
    assert_eq!(t.event.as_deref(), Some("分配结果确定"));
    let t = parse_time_limit("本级人民代表大会批准后20日内");
    assert_eq!(
        (t.kind, t.days, t.from),
        (TimeLimitKind::CalendarDays, Some(20), Some(Anchor::Event))
    );
    assert_eq!(t.event.as_deref(), Some("本级人民代表大会批准"));
}

#[test]
fn other_kinds() {
    use TimeLimitKind::*;
    assert_eq!(
        days("信息形成之日起7日内"),
        (CalendarDays, Some(7), Some(Anchor::FormedOrChanged))
    );
    assert_eq!(
        days("3天内"),
        (CalendarDays, Some(3), Some(Anchor::Unspecified))
    );
    let t = parse_time_limit("提前24小时");
    assert_eq!((t.kind, t.hours), (HoursBefore, Some(24)));
    assert_eq!(parse_time_limit("停水前24小时").hours, Some(24));
    assert_eq!(parse_time_limit("提前3天").hours, Some(72));
    let t = parse_time_limit("每年1月31日前");
    assert_eq!((t.kind, t.month, t.day), (AnnualBy, Some(1), Some(31)));
    let t = parse_time_limit("每年1月31日前公开上一年度公开年度报告");
    assert_eq!((t.kind, t.month, t.day), (AnnualBy, Some(1), Some(31)));
    let t = parse_time_limit("每年一月三十一日前");
    assert_eq!((t.kind, t.month, t.day), (AnnualBy, Some(1), Some(31)));
    let t = parse_time_limit("每年3月底前");
    assert_eq!((t.kind, t.month, t.day), (AnnualBy, Some(3), Some(31)));
    assert_eq!(parse_time_limit("当场").kind, OnTheSpot);
    assert_eq!(parse_time_limit("实时公开").kind, Realtime);
    assert_eq!(parse_time_limit("及时公开").kind, Promptly);
    assert_eq!(parse_time_limit("常态化公开").kind, Continuous);
    assert_eq!(parse_time_limit("长期公开").kind, Continuous);
    // Art. 33 wording: the statutory bound.
    assert_eq!(
        days(
            "能够当场答复的，应当当场予以答复；不能当场答复的，应当自收到申请之日起20个工作日内予以答复"
        ),
        (
            TimeLimitKind::WorkingDays,
            Some(20),
            Some(Anchor::RequestReceived)
        )
    );
}

#[test]
fn original_text_is_kept() {
    let t = parse_time_limit("  信息形成(变更)20个工作日内 ");
    assert_eq!(t.text.as_deref(), Some("信息形成(变更)20个工作日内"));
}

#[test]
fn compound_duration_and_unknown_are_unparsed_with_a_reason() {
    let (t, n) = parse_time_limit_noted(
        "1.除处罚决定外其他内容:长期公开(动态调整);2.处罚决定:20个工作日内。",
    );
    assert_eq!(
        (t.kind, n),
        (TimeLimitKind::Unparsed, TimeLimitNote::Compound)
    );
    assert!(t.text.unwrap().contains("处罚决定"));
    let (t, n) = parse_time_limit_noted("公示期不少于7个工作日");
    assert_eq!(
        (t.kind, n),
        (TimeLimitKind::Unparsed, TimeLimitNote::Duration)
    );
    let (t, n) = parse_time_limit_noted("按有关规定");
    assert_eq!(
        (t.kind, n),
        (TimeLimitKind::Unparsed, TimeLimitNote::Unparsed)
    );
    assert_eq!(t.text.as_deref(), Some("按有关规定"));
    let (_, n) = parse_time_limit_noted("24小时内");
    assert_eq!(n, TimeLimitNote::Unparsed);
    let (_, n) = parse_time_limit_noted("  ");
    assert_eq!(n, TimeLimitNote::Empty);
}

// --- 公开依据 -------------------------------------------------------------------------------

fn titles(text: &str) -> Vec<String> {
    parse_citations(text)
        .iter()
        .map(|c| c.title.to_string())
        .collect()
}

#[test]
fn titles_in_book_marks_and_bare() {
    assert_eq!(titles("《城镇燃气管理 条例》"), ["城镇燃气管理条例"]);
    assert_eq!(
        titles("1. 《城镇燃气管理条例》:\n2. 《重庆市天然气管理条\n例》。"),
        ["城镇燃气管理条例", "重庆市天然气管理条例"]
    );
    assert_eq!(
        titles("城镇燃气管理条例、政府信息公开条例"),
        ["城镇燃气管理条例", "政府信息公开条例"]
    );
    assert_eq!(
        titles("1.城镇燃气管理条例 2.政府信息公开条例"),
        ["城镇燃气管理条例", "政府信息公开条例"]
    );
    assert_eq!(
        titles("《A条例》、B管理办法、《C规定》"),
        ["A条例", "B管理办法", "C规定"]
    );
    assert!(titles("").is_empty());
    assert_eq!(
        titles("《政府信息公开条例》、《关于全面推进政务公开工作的意见》及其实施细则"),
        ["政府信息公开条例", "关于全面推进政务公开工作的意见"]
    );
    assert_eq!(
        titles(
            "《信息公开条例》及相关规定、根据国务院《社会救助暂行办法》、《辽宁省人民政府办公厅关于全面实施临时救助制度的通知》(辽政办发(2014)74号、《关于进一步做好脱贫攻坚期间临时救助工作的通知》辽民发(2018)74号等相关文件"
        ),
        [
            "信息公开条例",
            "社会救助暂行办法",
            "辽宁省人民政府办公厅关于全面实施临时救助制度的通知",
            "关于进一步做好脱贫攻坚期间临时救助工作的通知"
        ]
    );
}

#[test]
fn doc_numbers_articles_kinds_and_text() {
    let c = parse_citations("《城镇燃气管理条例》(国务院令第583号)第十五条");
    assert_eq!(c[0].doc_no.as_deref(), Some("国务院令第583号"));
    assert_eq!(
        c[0].articles.iter().map(|a| a.as_str()).collect::<Vec<_>>(),
        ["第十五条"]
    );
    assert_eq!(c[0].kind, Some(CitationKind::AdministrativeRegulation));
    assert_eq!(
        c[0].text.as_deref(),
        Some("《城镇燃气管理条例》(国务院令第583号)第十五条")
    );
    let c = parse_citations(
        "【法律】《中华人民共和国人口与计划生育 法》(中华人民共和国主席令第41号2015\n12月27日修正)",
    );
    assert_eq!(c[0].kind, Some(CitationKind::Law));
    assert_eq!(c[0].doc_no.as_deref(), Some("中华人民共和国主席令第41号"));
    // A tag naming two kinds does not choose.
    let c = parse_citations("【部门规章及规范性文件】《关于印发……的通知》(国人口发(2007)78号)");
    assert_eq!(c[0].kind, None);
    assert_eq!(c[0].doc_no.as_deref(), Some("国人口发(2007)78号"));
    let c = parse_citations("根据《某某条例》第二十条第一款");
    assert_eq!(c[0].articles[0].as_str(), "第二十条第一款");
    assert_eq!(
        find_doc_no("国办发〔2019〕54号文件").as_deref(),
        Some("国办发〔2019〕54号")
    );
    assert_eq!(find_doc_no("第3号"), None);
    // Bare title with a doc number.
    let c = parse_citations("城镇燃气管理条例(国务院令第583号)");
    assert_eq!(c[0].title.as_str(), "城镇燃气管理条例");
    assert_eq!(c[0].doc_no.as_deref(), Some("国务院令第583号"));
}

// --- 公开内容 -------------------------------------------------------------------------------

#[test]
fn content_lists() {
    assert_eq!(
        split_content("申请条件、 申请材料、 申请流程、 法定依据"),
        ["申请条件", "申请材料", "申请流程", "法定依据"]
    );
    assert_eq!(
        split_content("申请条件；申请材料;申请流程"),
        ["申请条件", "申请材料", "申请流程"]
    );
    assert_eq!(
        split_content("①申请条件②申请材料③办理流程"),
        ["申请条件", "申请材料", "办理流程"]
    );
    assert_eq!(
        split_content("(1)申请条件 (2)申请材料"),
        ["申请条件", "申请材料"]
    );
    assert_eq!(
        split_content("一、申请条件 二、申请材料"),
        ["申请条件", "申请材料"]
    );
    assert_eq!(
        split_content(
            "1.机构职能、权责清单、执法人员名单; 2.执法程序或行政强制流程图; 3.执法依据。"
        ),
        [
            "机构职能、权责清单、执法人员名单",
            "执法程序或行政强制流程图",
            "执法依据"
        ]
    );
    // Line breaks separate when nothing else does; they are wraps when separators exist.
    assert_eq!(
        split_content("法律法规和政策文件\n申请材料\n办理流程"),
        ["法律法规和政策文件", "申请材料", "办理流程"]
    );
    assert_eq!(
        split_content("城市供\n水、城镇\n排水"),
        ["城市供水", "城镇排水"]
    );
    // Separators inside 《》 do not split.
    assert_eq!(
        split_content("《关于甲、乙的通知》、办理流程"),
        ["《关于甲、乙的通知》", "办理流程"]
    );
    assert!(split_content("  ").is_empty());
}

// --- 公开渠道 -------------------------------------------------------------------------------

#[test]
fn channel_name_variants() {
    use Channel::*;
    for (name, want) in [
        ("政府网站", GovWebsite),
        ("县政府门户网站", GovWebsite),
        ("政府網站", GovWebsite),
        ("政府公报", GovGazette),
        ("两微一端", SocialMedia),
        ("一微一端", SocialMedia),
        ("政务微信", SocialMedia),
        ("发布会/听证会", PressOrHearing),
        ("发布会听证会", PressOrHearing),
        ("广播电视", BroadcastTv),
        ("纸质媒体", PrintMedia),
        ("纸质载体", PrintMedia),
        ("公开查阅点", ReadingPoint),
        ("政务服务中心", ServiceCenter),
        ("行政服务中心", ServiceCenter),
        ("政务服务大厅", ServiceCenter),
        ("便民服务站", ServiceStation),
        ("入户/现场", DoorToDoor),
        ("人户/现场", DoorToDoor),
        ("社区/企事业单位/村公示栏(电子屏)", NoticeBoard),
        ("單位/村委會公示欄(電子屏)", NoticeBoard),
        ("公示栏", NoticeBoard),
        ("精准推送", TargetedPush),
        ("精准报送", TargetedPush),
    ] {
        assert_eq!(channel_name(name), ChannelName::Standard(want), "{name}");
    }
    for name in [
        "企业网站",
        "信用中国网站",
        "12345热线",
        "会议",
        "公共资源交易平台",
    ] {
        assert_eq!(channel_name(name), ChannelName::Unknown, "{name}");
    }
    assert_eq!(
        channel_name("其他：会议"),
        ChannelName::Other("会议".into())
    );
}

#[test]
fn channel_cells() {
    use Channel::*;
    // ☑ √ ✓ chosen; □ ☐ 口 not.
    let c = parse_channel_cell("☑政府网站 √两微一端 ✓广播电视 □政府公报 ☐纸质媒体 口公开查阅点");
    assert_eq!(c.channels, [GovWebsite, SocialMedia, BroadcastTv]);
    assert_eq!(c.ambiguous, None);
    // Wingdings ■ copied as `t`.
    let c = parse_channel_cell("t政府网站 t公开查阅点 □政府公报");
    assert_eq!(c.channels, [GovWebsite, ReadingPoint]);
    assert_eq!(c.ambiguous, Some(Ambiguity::StrayT));
    // Written-in other channels.
    let c = parse_channel_cell("■政府网站 ■会议 □其他_");
    assert_eq!(c.other, ["会议"]);
    let c = parse_channel_cell("■政府网站 ■其他：12345热线");
    assert_eq!(c.other, ["12345热线"]);
    let c = parse_channel_cell("■政府网站 □其他：微信群");
    assert_eq!(c.ambiguous, Some(Ambiguity::UntickedOther));
    // Nothing chosen.
    let c = parse_channel_cell("□政府网站 □政府公报");
    assert!(c.channels.is_empty() && c.other.is_empty() && c.ambiguous.is_none());
    // A plain list, each name on its line or separated by 、.
    let c = parse_channel_cell("政府网站、政务服务中心");
    assert_eq!(c.channels, [GovWebsite, ServiceCenter]);
    assert_eq!(c.ambiguous, Some(Ambiguity::NoGlyphs));
    // 口 inside a word is not a glyph.
    let c = parse_channel_cell("■政府网站 ■出入口公示栏");
    assert_eq!(c.channels, [GovWebsite, NoticeBoard]);
}

#[test]
fn level_labels() {
    assert_eq!(levels_of_label("市级"), [Level::City]);
    assert_eq!(
        levels_of_label("乡、村级"),
        [Level::Township, Level::Village]
    );
    assert_eq!(
        levels_of_label("镇、村级"),
        [Level::Township, Level::Village]
    );
    assert_eq!(levels_of_label("州级县级"), [Level::City, Level::County]);
    assert_eq!(levels_of_label("鎮級"), [Level::Township]);
}
