//! The evaluation as a workbook: a summary sheet (one row per unit, frozen header, filters,
//! conditional colours, a link to each unit's sheet), the deductions of every unit with the
//! findings behind them, the deduction table used, the problems of the evaluation itself, and
//! one sheet per unit with its problems and their cells. Every value is written as a string or
//! a number, never as a formula.

use super::{Evaluation, UnitResult, file_name};
use crate::error::Error;
use crate::issue::Severity;
use rust_xlsxwriter::{
    Color, ConditionalFormatCell, ConditionalFormatCellRule, Format, FormatAlign, Url, Workbook,
    Worksheet, XlsxError,
};

fn xe(e: XlsxError) -> Error {
    Error::InvalidArgument(format!("无法生成 XLSX：{e}"))
}

/// A valid, unique sheet name from `base` (Excel: 1–31 characters, none of `[]:*?/\`).
fn sheet_name(base: &str, taken: &mut Vec<String>) -> String {
    let clean: String = base
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let clean = clean.trim_matches('\'').trim();
    let clean = if clean.is_empty() { "Sheet" } else { clean };
    let ok = |n: &str, taken: &[String]| {
        !n.eq_ignore_ascii_case("history")
            && !taken.iter().any(|t| t.to_lowercase() == n.to_lowercase())
    };
    let cut = |n: &str, max: usize| n.chars().take(max).collect::<String>();
    let mut name = cut(clean, 31);
    let mut k = 2;
    while !ok(&name, taken) {
        let suffix = format!("（{k}）");
        name = cut(clean, 31 - suffix.chars().count()) + &suffix;
        k += 1;
    }
    taken.push(name.clone());
    name
}

fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

struct Styles {
    head: Format,
    wrap: Format,
    pct: Format,
    num1: Format,
    bold: Format,
}

fn styles() -> Styles {
    Styles {
        head: Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xF1E4E4))
            .set_text_wrap()
            .set_align(FormatAlign::Top),
        wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        pct: Format::new().set_num_format("0.0%"),
        num1: Format::new().set_num_format("0.0"),
        bold: Format::new().set_bold(),
    }
}

fn colours(
    ws: &mut Worksheet,
    first: u32,
    last: u32,
    col: u16,
    good: f64,
    bad: f64,
) -> Result<(), Error> {
    if last < first {
        return Ok(());
    }
    let green = Format::new()
        .set_background_color(Color::RGB(0xC6EFCE))
        .set_font_color(Color::RGB(0x006100));
    let amber = Format::new()
        .set_background_color(Color::RGB(0xFFEB9C))
        .set_font_color(Color::RGB(0x9C5700));
    let red = Format::new()
        .set_background_color(Color::RGB(0xFFC7CE))
        .set_font_color(Color::RGB(0x9C0006));
    for cf in [
        ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::GreaterThanOrEqualTo(good))
            .set_format(green),
        ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::Between(bad, good))
            .set_format(amber),
        ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::LessThan(bad))
            .set_format(red),
    ] {
        ws.add_conditional_format(first, col, last, col, &cf)
            .map_err(xe)?;
    }
    Ok(())
}

fn opt_num(ws: &mut Worksheet, r: u32, c: u16, v: Option<f64>, f: &Format) -> Result<(), Error> {
    if let Some(v) = v {
        ws.write_number_with_format(r, c, v, f).map_err(xe)?;
    }
    Ok(())
}

fn header(ws: &mut Worksheet, row: u32, cols: &[(&str, f64)], s: &Styles) -> Result<(), Error> {
    for (c, (h, w)) in (0u16..).zip(cols) {
        ws.write_string_with_format(row, c, *h, &s.head)
            .map_err(xe)?;
        ws.set_column_width(c, *w).map_err(xe)?;
    }
    Ok(())
}

/// Writes the workbook of an evaluation.
#[allow(clippy::too_many_lines)]
pub fn to_xlsx(e: &Evaluation) -> Result<Vec<u8>, Error> {
    let lang = e.lang;
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let s = styles();
    let mut wb = Workbook::new();
    let mut taken: Vec<String> = Vec::new();
    let summary_name = sheet_name(t("汇总", "Summary"), &mut taken);
    let details_name = sheet_name(t("扣分明细", "Deductions"), &mut taken);
    let table_name = sheet_name(t("扣分表", "Scoring"), &mut taken);
    let issues_name =
        (!e.issues.is_empty()).then(|| sheet_name(t("文件与清单问题", "Files"), &mut taken));
    let unit_sheets: Vec<String> = e
        .units
        .iter()
        .map(|u| sheet_name(&u.unit, &mut taken))
        .collect();

    // Summary.
    let ws = wb.add_worksheet();
    ws.set_name(&summary_name).map_err(xe)?;
    let cols: [(&str, f64); 21] = [
        (t("排名", "Rank"), 6.0),
        (t("单位", "Unit"), 26.0),
        (t("得分", "Score"), 8.0),
        (t("事项数", "Items"), 7.0),
        (t("要素完整率", "Completeness"), 10.0),
        (t("错误", "Errors"), 7.0),
        (t("警告", "Warnings"), 7.0),
        (t("提示", "Infos"), 7.0),
        (t("上级目录覆盖率", "Standard present"), 11.0),
        (t("缺少事项", "Missing"), 8.0),
        (t("降低标准", "Weakened"), 8.0),
        (t("衔接一致率", "Agreement"), 10.0),
        (t("按时公开率", "On time"), 10.0),
        (t("逾期公开", "Late"), 8.0),
        (t("超期未公开", "Overdue"), 9.0),
        (t("公开覆盖率", "Coverage"), 10.0),
        (t("解读同步率", "Interpretations"), 10.0),
        (t("扣分合计", "Points lost"), 9.0),
        (t("工作表", "Sheet"), 14.0),
        (t("目录文件", "File"), 30.0),
        (t("无法读取的原因", "Why not scored"), 40.0),
    ];
    header(ws, 0, &cols, &s)?;
    ws.set_freeze_panes(1, 2).map_err(xe)?;
    for (k, (u, sheet)) in e.units.iter().zip(&unit_sheets).enumerate() {
        let r = u32::try_from(k + 1).map_err(|_| Error::InvalidArgument("单位过多".into()))?;
        summary_row(ws, r, u, sheet, &s)?;
    }
    let last = u32::try_from(e.units.len()).unwrap_or(0);
    ws.autofilter(0, 0, last.max(1), 20).map_err(xe)?;
    if last >= 1 {
        colours(ws, 1, last, 2, 90.0, 80.0)?;
        for c in [4u16, 8, 11, 12, 15, 16] {
            colours(ws, 1, last, c, 0.9, 0.75)?;
        }
    }

    // Deductions of every unit, with their findings.
    let ws = wb.add_worksheet();
    ws.set_name(&details_name).map_err(xe)?;
    header(
        ws,
        0,
        &[
            (t("单位", "Unit"), 24.0),
            (t("扣分类别", "Class"), 18.0),
            (t("条数", "Findings"), 7.0),
            (t("每条扣分", "Each"), 8.0),
            (t("封顶", "Cap"), 7.0),
            (t("扣分", "Points"), 7.0),
            (t("依据（代码 位置）", "Findings (code, place)"), 80.0),
        ],
        &s,
    )?;
    ws.set_freeze_panes(1, 1).map_err(xe)?;
    let mut r = 1u32;
    for u in &e.units {
        for d in &u.deductions {
            ws.write_string(r, 0, &u.unit).map_err(xe)?;
            ws.write_string(r, 1, &d.title).map_err(xe)?;
            ws.write_number(r, 2, d.count as f64).map_err(xe)?;
            ws.write_number(r, 3, d.points_each).map_err(xe)?;
            ws.write_number(r, 4, d.cap).map_err(xe)?;
            ws.write_number(r, 5, d.points).map_err(xe)?;
            let ev: Vec<String> = d
                .evidence
                .iter()
                .map(|x| match &x.cell {
                    Some(c) => format!("{} {c}", x.code),
                    None => format!("{} {}", x.code, x.path),
                })
                .collect();
            ws.write_string_with_format(r, 6, crate::excerpt(&ev.join("；"), 30_000), &s.wrap)
                .map_err(xe)?;
            r += 1;
        }
    }
    ws.autofilter(0, 0, r.saturating_sub(1).max(1), 6)
        .map_err(xe)?;

    // The deduction table used.
    let ws = wb.add_worksheet();
    ws.set_name(&table_name).map_err(xe)?;
    ws.write_string_with_format(0, 0, &e.scoring.name, &s.bold)
        .map_err(xe)?;
    ws.write_string(1, 0, &e.scoring.description).map_err(xe)?;
    header(
        ws,
        3,
        &[
            (t("类别", "Class"), 22.0),
            (t("名称", "Title"), 20.0),
            (t("计入的问题", "What counts"), 70.0),
            (t("每条扣分", "Points each"), 9.0),
            (t("封顶", "Cap"), 7.0),
        ],
        &s,
    )?;
    for (k, c) in e.scoring.classes.iter().enumerate() {
        let r = 4 + u32::try_from(k).unwrap_or(0);
        ws.write_string(r, 0, &c.class).map_err(xe)?;
        ws.write_string(r, 1, &c.title).map_err(xe)?;
        ws.write_string_with_format(r, 2, &c.description, &s.wrap)
            .map_err(xe)?;
        ws.write_number(r, 3, c.points).map_err(xe)?;
        ws.write_number(r, 4, c.cap).map_err(xe)?;
    }

    // Problems of the evaluation itself.
    if let Some(name) = &issues_name {
        let ws = wb.add_worksheet();
        ws.set_name(name).map_err(xe)?;
        header(
            ws,
            0,
            &[
                (t("级别", "Severity"), 8.0),
                (t("代码", "Code"), 26.0),
                (t("说明", "Message"), 90.0),
            ],
            &s,
        )?;
        for (k, i) in e.issues.iter().enumerate() {
            let r = 1 + u32::try_from(k).unwrap_or(0);
            ws.write_string(r, 0, i.severity.name(lang)).map_err(xe)?;
            ws.write_string(r, 1, i.code.as_str()).map_err(xe)?;
            ws.write_string_with_format(r, 2, &i.message, &s.wrap)
                .map_err(xe)?;
        }
        ws.set_freeze_panes(1, 0).map_err(xe)?;
    }

    // One sheet per unit.
    for (u, name) in e.units.iter().zip(&unit_sheets) {
        let ws = wb.add_worksheet();
        ws.set_name(name).map_err(xe)?;
        unit_sheet(ws, u, e, &summary_name, &s)?;
    }
    wb.save_to_buffer().map_err(xe)
}

fn summary_row(
    ws: &mut Worksheet,
    r: u32,
    u: &UnitResult,
    sheet: &str,
    s: &Styles,
) -> Result<(), Error> {
    if let Some(rank) = u.rank {
        ws.write_number(r, 0, rank as f64).map_err(xe)?;
    }
    ws.write_string(r, 1, &u.unit).map_err(xe)?;
    opt_num(ws, r, 2, u.score, &s.num1)?;
    ws.write_number(r, 3, u.items as f64).map_err(xe)?;
    opt_num(ws, r, 4, u.completeness.as_ref().map(|c| c.overall), &s.pct)?;
    ws.write_number(r, 5, u.counts.error as f64).map_err(xe)?;
    ws.write_number(r, 6, u.counts.warning as f64).map_err(xe)?;
    ws.write_number(r, 7, u.counts.info as f64).map_err(xe)?;
    let cov = u.coverage.as_ref();
    opt_num(ws, r, 8, cov.map(|c| c.present_share), &s.pct)?;
    opt_num(ws, r, 9, cov.map(|c| c.missing as f64), &Format::new())?;
    opt_num(ws, r, 10, cov.map(|c| c.weakened as f64), &Format::new())?;
    opt_num(
        ws,
        r,
        11,
        u.consistency.as_ref().and_then(|c| c.consistent_share),
        &s.pct,
    )?;
    let p = u.publication.as_ref();
    opt_num(ws, r, 12, p.and_then(|p| p.on_time_rate), &s.pct)?;
    opt_num(ws, r, 13, p.map(|p| p.late as f64), &Format::new())?;
    opt_num(ws, r, 14, p.map(|p| p.overdue as f64), &Format::new())?;
    opt_num(ws, r, 15, p.and_then(|p| p.coverage_rate), &s.pct)?;
    opt_num(
        ws,
        r,
        16,
        p.and_then(|p| p.interpretations.sync_rate),
        &s.pct,
    )?;
    let lost: f64 = u.deductions.iter().map(|d| d.points).sum();
    if u.score.is_some() {
        ws.write_number_with_format(r, 17, super::round1(lost), &s.num1)
            .map_err(xe)?;
    }
    let url = Url::new(format!("internal:{}!A1", quoted(sheet))).set_text(sheet);
    ws.write_url(r, 18, url).map_err(xe)?;
    ws.write_string(r, 19, &u.file).map_err(xe)?;
    if let Some(err) = &u.error {
        ws.write_string(r, 20, &err.message).map_err(xe)?;
    }
    Ok(())
}

fn unit_sheet(
    ws: &mut Worksheet,
    u: &UnitResult,
    e: &Evaluation,
    summary: &str,
    s: &Styles,
) -> Result<(), Error> {
    let lang = e.lang;
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    ws.write_string_with_format(0, 0, &u.unit, &s.bold)
        .map_err(xe)?;
    let line = match (&u.error, u.score, u.rank) {
        (Some(err), _, _) => format!(
            "{}{}",
            t("无法读取，未参加评分：", "not scored: "),
            err.message
        ),
        (None, Some(sc), Some(r)) => format!(
            "{}{sc}　{}{r}　{}{}",
            t("得分 ", "score "),
            t("排名 ", "rank "),
            t("文件 ", "file "),
            u.file
        ),
        _ => u.file.clone(),
    };
    ws.write_string(1, 0, line).map_err(xe)?;
    let back =
        Url::new(format!("internal:{}!A1", quoted(summary))).set_text(t("← 返回汇总", "← summary"));
    ws.write_url(0, 3, back).map_err(xe)?;
    header(
        ws,
        3,
        &[
            (t("序号", "No."), 6.0),
            (t("级别", "Severity"), 7.0),
            (t("代码", "Code"), 28.0),
            (t("来源", "Source"), 9.0),
            (t("文件", "File"), 24.0),
            (t("单元格", "Cell"), 12.0),
            (t("事项编号", "Item"), 8.0),
            (t("说明", "Message"), 70.0),
            (t("扣分类别", "Class"), 16.0),
            (t("路径", "Path"), 22.0),
        ],
        s,
    )?;
    ws.set_freeze_panes(4, 0).map_err(xe)?;
    let sev_format = |sv: Severity| {
        let (bg, fg) = match sv {
            Severity::Error => (0xFFC7CE, 0x9C0006),
            Severity::Warning => (0xFFEB9C, 0x9C5700),
            Severity::Info => (0xDDEBF7, 0x1F4E79),
        };
        Format::new()
            .set_background_color(Color::RGB(bg))
            .set_font_color(Color::RGB(fg))
    };
    let source = |p: &super::Problem| match p.source {
        super::ProblemSource::Catalogue => t("目录", "catalogue"),
        super::ProblemSource::Parent => t("衔接", "parent"),
        super::ProblemSource::Records => t("公开记录", "records"),
        super::ProblemSource::Evaluation => t("评价", "evaluation"),
    };
    let mut r = 4u32;
    for (k, p) in u.problems.iter().enumerate() {
        ws.write_number(r, 0, (k + 1) as f64).map_err(xe)?;
        ws.write_string_with_format(
            r,
            1,
            p.issue.severity.name(lang),
            &sev_format(p.issue.severity),
        )
        .map_err(xe)?;
        ws.write_string(r, 2, p.issue.code.as_str()).map_err(xe)?;
        ws.write_string(r, 3, source(p)).map_err(xe)?;
        if let Some(f) = &p.file {
            ws.write_string(r, 4, file_name(f)).map_err(xe)?;
        }
        if let Some(c) = &p.cell {
            ws.write_string(r, 5, c).map_err(xe)?;
        }
        if let Some(id) = &p.issue.item_id {
            ws.write_string(r, 6, id).map_err(xe)?;
        }
        ws.write_string_with_format(r, 7, &p.issue.message, &s.wrap)
            .map_err(xe)?;
        if let Some(c) = &p.class {
            let title = e.scoring.class(c).map_or(c.as_str(), |x| x.title.as_str());
            ws.write_string(r, 8, title).map_err(xe)?;
        }
        ws.write_string(r, 9, &p.issue.path).map_err(xe)?;
        r += 1;
    }
    ws.autofilter(3, 0, r.saturating_sub(1).max(4), 9)
        .map_err(xe)?;
    Ok(())
}
