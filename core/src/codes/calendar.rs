//! The holiday calendar (`calendar.*`): the warning that a year was counted provisionally (no
//! holiday notice loaded), and the problems of a holiday file found by `gongkai calendar check`
//! (its rows, and the shape of each year it contains).

use crate::codes::Severity::{Error, Warning};

const SRC: &str = "gongkai";
const SRC_LAW: &str = "《全国年节及纪念日放假办法》（国务院令第795号）";

define_codes! {
    family: Calendar;
    PROVISIONAL = "calendar.provisional" {
        severity: Warning,
        title: "节假日安排为临时推算",
        source: SRC_LAW,
        message_zh: "{years} 年的放假安排尚未载入，已按《全国年节及纪念日放假办法》规定的法定节假日临时计算，未计调休；国务院办公厅公布该年安排后请载入（命令行 --calendar 文件，Python、JavaScript 的 calendar 参数）并重新计算",
        message_en: "the holiday notice for {years_en} is not loaded: counted provisionally with the statutory holidays of the national holiday regulations, without adjusted working days; once the State Council publishes it, load it (--calendar FILE on the command line, the calendar option in Python and JavaScript) and compute again",
    }

    HEADER = "calendar.header" {
        severity: Error,
        title: "表头不符",
        source: SRC,
        message_zh: "表头应为 date,kind,name（name 可省略），实为“{found}”；请把第一行改为 date,kind,name",
        message_en: "the header should be date,kind,name (name may be left out), found “{found}”; make the first line date,kind,name",
    }

    CSV = "calendar.csv" {
        severity: Error,
        title: "CSV 格式错误",
        source: SRC,
        message_zh: "不是有效的 CSV 行（引号不配对？）；每行写作 日期,off 或 work,节日名，如 2027-01-01,off,元旦",
        message_en: "not a valid CSV line (unbalanced quotes?); write each line as date,off or work,festival, e.g. 2027-01-01,off,元旦",
    }

    EMPTY = "calendar.empty" {
        severity: Error,
        title: "没有数据行",
        source: SRC,
        message_zh: "没有数据行；表头之后每行一个日期，如 2027-01-01,off,元旦",
        message_en: "there are no data lines; after the header, one date per line, e.g. 2027-01-01,off,元旦",
    }

    BAD_DATE = "calendar.bad_date" {
        severity: Error,
        title: "日期无效",
        source: SRC,
        message_zh: "日期“{value}”无效，应为 YYYY-MM-DD，如 2027-02-05",
        message_en: "the date “{value}” is not valid; write YYYY-MM-DD, e.g. 2027-02-05",
    }

    BAD_KIND = "calendar.bad_kind" {
        severity: Error,
        title: "类型无效",
        source: SRC,
        message_zh: "kind“{value}”无效，应为 off（放假）或 work（调休上班）",
        message_en: "the kind “{value}” is not valid; write off (holiday) or work (adjusted working day)",
    }

    YEAR_RANGE = "calendar.year_range" {
        severity: Error,
        title: "年份超出范围",
        source: SRC,
        message_zh: "{year} 年超出支持范围（1950–2200 年）；请检查日期",
        message_en: "the year {year} is outside the supported range (1950–2200); check the date",
    }

    DUPLICATE = "calendar.duplicate" {
        severity: Error,
        title: "日期重复",
        source: SRC,
        message_zh: "{date} 重复（第 {first} 行已列出）；每个日期只列一行，请删去其中一行",
        message_en: "{date} is listed twice (already on line {first}); list each date once and delete one of the lines",
    }

    WORK_ON_WEEKDAY = "calendar.work_on_weekday" {
        severity: Error,
        title: "调休上班日不在周末",
        source: SRC,
        message_zh: "{date} 是{weekday}，而 work（调休上班）只用于周六、周日：工作日本来就上班；请核对日期，或删去此行",
        message_en: "{date} is a {weekday_en}, but work (adjusted working day) is only for Saturdays and Sundays: a weekday is a working day anyway; check the date or delete the line",
    }

    NO_SPRING_FESTIVAL = "calendar.no_spring_festival" {
        severity: Error,
        title: "缺少春节",
        source: SRC,
        message_zh: "{year} 年的安排没有春节放假日（name 为“春节”的 off 行）：每年的通知都有春节。文件中出现的年份会整体替换该年的安排，请列出该年通知的全部日期",
        message_en: "the {year} schedule has no Spring Festival holiday (an off line named 春节), which every notice has. A year present in the file replaces that whole year: list every date of the year's notice",
    }

    STATUTORY_MISSING = "calendar.statutory_missing" {
        severity: Error,
        title: "法定节假日未列为放假",
        source: SRC_LAW,
        message_zh: "{year} 年有 {count} 个法定节假日没有列为 off（放假）：{days}；通知总是包含法定节假日，请核对通知并补上这些日期",
        message_en: "{count} statutory holidays of {year} are not listed as off: {days_en}; a notice always includes the statutory holidays: check the notice and add these days",
    }

    TOO_MANY_DAYS = "calendar.too_many_days" {
        severity: Error,
        title: "放假日过多",
        source: SRC,
        message_zh: "{year} 年列了 {count} 个放假日（off），远多于历年通知（2007–2026 年最多 33 个）；请检查是否混入了其他年份或重复的区间",
        message_en: "{year} lists {count} holiday days (off), far more than any notice so far (at most 33 in 2007–2026); check for rows of another year or a repeated range",
    }

    DAY_COUNT = "calendar.day_count" {
        severity: Warning,
        title: "放假天数与法定天数不符",
        source: SRC_LAW,
        message_zh: "{year} 年放假的工作日 {off} 个减去调休上班日 {work} 个为 {net}，按《全国年节及纪念日放假办法》应为 {expected}；请核对是否漏列或多列（有特别决定的年份除外，如 2015 年的纪念日、2020 年春节假期延长）",
        message_en: "in {year}, {off} holiday weekdays minus {work} adjusted working days make {net}, where the holiday regulations give {expected}; check for missing or extra lines (unless a special decision applies, as in 2015 and 2020)",
    }

}
