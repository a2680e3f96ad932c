//! The words of the command-line parser in the user's language: help pages and argument errors
//! are Chinese by default (clap writes them in English), English with `--lang en` or a `LANG`
//! / `LC_ALL` / `LC_MESSAGES` starting with `en`.
//!
//! The help texts of the arguments are ours (Chinese doc comments); what is translated here is
//! clap's own frame around them: headings, the `-h`/`--help`/`-V` lines, `[default: …]`, and the
//! errors for an unknown, missing or invalid argument.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Whether the parser's words are English: `--lang en` (or `--lang=en`) among the arguments,
/// else the locale.
pub fn english(args: &[std::ffi::OsString]) -> bool {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--lang" {
            return it.next().is_some_and(|v| v.starts_with("en"));
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return v.starts_with("en");
        }
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .is_some_and(|v| v.starts_with("en"))
}

/// clap's own words in a help page or usage line, and their Chinese (longest first where one
/// contains another).
const WORDS: &[(&str, &str)] = &[
    (
        "Print help (see a summary with '-h')",
        "显示帮助（-h 只显示摘要）",
    ),
    (
        "Print help (see more with '--help')",
        "显示帮助（--help 显示详细说明）",
    ),
    (
        "Print this message or the help of the given subcommand(s)",
        "显示本帮助，或某个命令的帮助",
    ),
    ("Print help", "显示帮助"),
    ("Print version", "显示版本"),
    ("Usage: ", "用法："),
    ("\nArguments:\n", "\n参数：\n"),
    ("\nOptions:\n", "\n选项：\n"),
    ("\nCommands:\n", "\n命令：\n"),
    ("\n表格导入:\n", "\n表格导入：\n"),
    ("Possible values:", "可选值："),
    ("[OPTIONS]", "[选项]"),
    ("<COMMAND>", "<命令>"),
    ("[COMMAND]", "[命令]"),
    ("[default: ", "[默认："),
    ("[possible values: ", "[可选值："),
    ("[aliases: ", "[别名："),
    ("[env: ", "[环境变量："),
];

/// A help page or usage line with clap's words in Chinese.
pub fn chinese(text: &str) -> String {
    let mut s = text.to_owned();
    for (en, zh) in WORDS {
        s = s.replace(en, zh);
    }
    s
}

fn value(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The error in Chinese: what is wrong, with the argument and the value, the suggestion clap
/// found, and the usage line.
pub fn chinese_error(e: &clap::Error) -> String {
    let arg = value(e, ContextKind::InvalidArg).unwrap_or_default();
    let val = value(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut msg = match e.kind() {
        ErrorKind::UnknownArgument => format!("无法识别的参数“{arg}”"),
        ErrorKind::InvalidSubcommand => format!(
            "没有命令“{}”",
            value(e, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand => "缺少命令".to_owned(),
        ErrorKind::InvalidValue if val.is_empty() => format!("参数 {arg} 需要一个值"),
        ErrorKind::InvalidValue => format!("参数 {arg} 的值“{val}”无效"),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map_or_else(String::new, |s| s.to_string());
            if why.is_empty() {
                format!("参数 {arg} 的值“{val}”无效")
            } else {
                format!("参数 {arg} 的值“{val}”无效：{why}")
            }
        }
        ErrorKind::ArgumentConflict => format!(
            "参数 {arg} 不能与 {} 同时使用",
            value(e, ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues => format!("参数 {arg} 的值太多：“{val}”"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("参数 {arg} 的值个数不对")
        }
        ErrorKind::NoEquals => format!("参数 {arg} 的值要用等号写：{arg}=值"),
        ErrorKind::InvalidUtf8 => "参数中有无效的 UTF-8 字符".to_owned(),
        _ => {
            // Anything else: clap's text with its frame translated.
            let text = chinese(&e.render().to_string());
            return text.replacen("error: ", "错误：", 1);
        }
    };
    if let Some(valid) = value(e, ContextKind::ValidValue) {
        msg.push_str(&format!("；可选值：{valid}"));
    }
    let suggestion = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|k| value(e, k));
    if let Some(s) = suggestion {
        msg.push_str(&format!("；是否想用 {s}？"));
    }
    let mut out = format!("错误：{msg}\n");
    if let Some(usage) = value(e, ContextKind::Usage) {
        out.push('\n');
        out.push_str(&chinese(usage.trim_end()));
        out.push('\n');
    }
    out.push_str("\n用 --help 查看全部参数和说明。\n");
    out
}

/// Prints a parse outcome (a help page, the version, or an error) in the chosen language and
/// returns the exit code: 0 for help and version, 2 for an error.
pub fn print(e: &clap::Error, english: bool) -> std::process::ExitCode {
    let to_stderr = e.use_stderr();
    if english {
        let _ = e.print();
    } else {
        let text = match e.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                chinese(&e.render().to_string())
            }
            _ => chinese_error(e),
        };
        if to_stderr {
            eprint!("{text}");
        } else {
            print!("{text}");
        }
    }
    if to_stderr {
        std::process::ExitCode::from(2)
    } else {
        std::process::ExitCode::SUCCESS
    }
}

/// The English of every Chinese help text of the commands and their arguments (the doc comments
/// of `main.rs` and the `Args` structs), used with `--lang en` or an English locale. A test
/// checks that every argument of every command has its help in both languages.
const EN: &[(&str, &str)] = &[
    // Commands.
    (
        "基层政务公开标准目录：校验、转换、时限审计与对照检查",
        "Standard disclosure catalogues of county governments: validate, convert, audit deadlines, compare",
    ),
    (
        "校验目录文件（JSON、CSV、XLSX、HTML）",
        "Validate catalogue files (JSON, CSV, XLSX, HTML, DOCX)",
    ),
    (
        "按扩展名转换格式（json、csv、xlsx、html、md）",
        "Convert a catalogue to the format its output extension names (json, csv, xlsx, html, md)",
    ),
    (
        "在用户自己的工作簿上标注问题",
        "Mark every problem in a copy of your own workbook",
    ),
    (
        "打印目录的 JSON Schema",
        "Print the JSON Schema of catalogues",
    ),
    ("列出全部校验规则", "List every rule and code"),
    (
        "计算公开时限的截止日期（按工作日）",
        "Compute the deadline of a time limit (in working days)",
    ),
    (
        "按时公开审计（按时公开率）",
        "Audit publication records against their time limits (on-time rate)",
    ),
    (
        "与上级标准目录对照",
        "Compare a catalogue with the upper-level standard catalogue",
    ),
    (
        "节假日安排：检查或加入较新的放假安排 CSV",
        "Holiday schedules: check or add a newer holiday notice (CSV)",
    ),
    (
        "生成基层政务公开专题（静态网站）",
        "Write the disclosure portal's static site",
    ),
    (
        "监督评价：各单位目录的得分、排名与通报（JSON、HTML、XLSX）",
        "Evaluate units: scores, ranking and the circulated report (JSON, HTML, XLSX)",
    ),
    (
        "将目录升级为标准版本 1.1（无损，可重复运行）",
        "Upgrade a catalogue to schema version 1.1 (lossless, can be run again)",
    ),
    (
        "两个版本之间的变化（修订说明）；有弱化调整时退出码为 1",
        "The changes between two versions (revision notes); exit code 1 when something was weakened",
    ),
    (
        "检查节假日安排 CSV：日期、重复、调休上班日是否在周末、每年是否有春节和全部法定节假日",
        "Check a holiday CSV: dates, duplicates, adjusted working days on weekends, every year with the Spring Festival and all statutory holidays",
    ),
    (
        "检查后把节假日安排 CSV 加入用户数据文件（此后各命令自动使用，无需 --calendar）",
        "Check a holiday CSV and add it to the per-user data file (every command then uses it without --calendar)",
    ),
    // Inputs and outputs.
    (
        "目录表格（.xlsx、.csv、.html、.docx）",
        "The catalogue table (.xlsx, .csv, .html, .docx)",
    ),
    (
        "输出的标注工作簿（.xlsx），不能与输入文件相同",
        "The annotated workbook to write (.xlsx); not the input file",
    ),
    (
        "目录文件（.json、.csv、.xlsx、.html、.docx）",
        "Catalogue files (.json, .csv, .xlsx, .html, .docx)",
    ),
    (
        "目录文件（.json、.csv、.xlsx、.xls、.html、.docx）或文件夹（读取其中及子文件夹中的这些文件）；- 表示标准输入",
        "Catalogue files (.json, .csv, .xlsx, .xls, .html, .docx) or folders (these files in them and their subfolders); - reads standard input",
    ),
    (
        "输出格式：text（便于阅读）或 json（与数据模型一致的报告；多个文件时每个文件一行）",
        "Output format: text (for reading) or json (the report of the data model; one line per file when there are several)",
    ),
    (
        "同时校验的文件数（默认为 CPU 核数）；输出顺序总与输入顺序相同",
        "How many files to validate at once (default: the number of CPU cores); the output keeps the order of the input",
    ),
    (
        "公开记录（.csv 或 .json：item_id、formed_on、published_on，可选 request_received、extended、event_at、note、url、title）",
        "Publication records (.csv or .json: item_id, formed_on, published_on; optional request_received, extended, event_at, note, url, title)",
    ),
    (
        "旧版本目录（.json、.csv、.xlsx、.html、.docx）",
        "The old version (.json, .csv, .xlsx, .html, .docx)",
    ),
    (
        "新版本目录（.json、.csv、.xlsx、.html、.docx）",
        "The new version (.json, .csv, .xlsx, .html, .docx)",
    ),
    (
        "输入文件（.json、.csv、.xlsx、.html、.docx）",
        "The input file (.json, .csv, .xlsx, .html, .docx)",
    ),
    (
        "输出文件，格式由扩展名决定（.json、.csv、.xlsx、.html/.htm、.md）；“-”表示标准输出（须同时给出 --format）",
        "The output file, its extension decides the format (.json, .csv, .xlsx, .html/.htm, .md); '-' is standard output (then give --format)",
    ),
    (
        "指定输出格式（不按扩展名判断）",
        "The output format (instead of the extension's)",
    ),
    (
        "上级标准目录：文件（.json、.csv、.xlsx、.html、.docx），或内置目录名 municipal_services",
        "The upper-level standard: a file (.json, .csv, .xlsx, .html, .docx) or the name of an embedded one, municipal_services",
    ),
    (
        "本目录文件（.json、.csv、.xlsx、.html、.docx）",
        "The local catalogue (.json, .csv, .xlsx, .html, .docx)",
    ),
    (
        "目录文件（.json、.csv、.xlsx、.xls、.html）或文件夹；每个文件是一个单位，以文件名命名（去掉开头的 NN- 序号）",
        "Catalogue files (.json, .csv, .xlsx, .xls, .html) or folders; each file is a unit, named after the file (without a leading NN- order prefix)",
    ),
    (
        "输出文件：.json（报告）、.html（通报）、.xlsx（工作簿）；可多次给出",
        "Output files: .json (report), .html (circulated report), .xlsx (workbook); may be repeated",
    ),
    (
        "输入文件（1.0 的 JSON，或 .csv、.xlsx、.html、.docx 表格）",
        "The input file (1.0 JSON, or a .csv, .xlsx, .html, .docx table)",
    ),
    (
        "输出的 JSON 文件；“-”表示标准输出",
        "The JSON file to write; '-' is standard output",
    ),
    (
        "目录文件（.json、.csv、.xlsx、.xls、.html、.docx）或文件夹（读入其中及子文件夹中的这些文件）",
        "Catalogue files (.json, .csv, .xlsx, .xls, .html, .docx) or folders (these files in them and their subfolders)",
    ),
    (
        "输出文件夹（不存在时新建；只改写本命令生成的文件）",
        "The output folder (made when missing; only the files this command wrote are rewritten)",
    ),
    (
        "节假日安排 CSV（date,kind,name）",
        "A holiday CSV (date,kind,name)",
    ),
    (
        "节假日安排 CSV（date,kind,name），如国务院办公厅新公布的下一年安排",
        "A holiday CSV (date,kind,name), such as next year's notice of the State Council",
    ),
    // Formats and languages.
    ("输出格式", "Output format"),
    (
        "输出格式：text（便于阅读）或 json（与数据模型一致的报告）",
        "Output format: text (for reading) or json (the report of the data model)",
    ),
    (
        "输出格式：text（便于阅读）或 json（对照报告）",
        "Output format: text (for reading) or json (the comparison report)",
    ),
    (
        "输出格式：text、json、md（修订说明）或 html（修订说明网页）",
        "Output format: text, json, md (revision notes) or html (revision notes as a web page)",
    ),
    (
        "升级报告的格式：text（标准错误）或 json（标准输出）",
        "Format of the upgrade report: text (standard error) or json (standard output)",
    ),
    (
        "消息语言：zh（中文）或 en（English）",
        "Message language: zh (Chinese) or en (English)",
    ),
    ("消息语言", "Message language: zh (Chinese) or en (English)"),
    ("语言", "Language: zh (Chinese) or en (English)"),
    (
        "消息和问题清单的语言",
        "Language of the messages and of the issue list: zh or en",
    ),
    // Dates, calendars, deadlines.
    (
        "今天的日期（YYYY-MM-DD），用于与日期有关的规则；不读取系统时钟",
        "Today's date (YYYY-MM-DD), for the rules about dates; the system clock is never read",
    ),
    (
        "今天的日期（YYYY-MM-DD），用于判断未公开的记录是否超期；不读取系统时钟",
        "Today's date (YYYY-MM-DD), to tell whether unpublished records are overdue; the system clock is never read",
    ),
    (
        "评价日期（YYYY-MM-DD）：截止日已过仍未公开的记录按超期未公开计；不给出时不判断超期",
        "The evaluation date (YYYY-MM-DD): records unpublished after their deadline count as overdue; without it nothing is overdue",
    ),
    (
        "较新的节假日安排 CSV（date,kind,name），加入或替换内置表中的年份（另见环境变量 GONGKAI_CALENDAR 和用户数据文件 ~/.local/share/gongkai/holidays.csv）",
        "A newer holiday CSV (date,kind,name), adding or replacing years of the embedded table (see also the variable GONGKAI_CALENDAR and the per-user file ~/.local/share/gongkai/holidays.csv)",
    ),
    (
        "严格模式：尚未载入放假安排的年份报错，不按法定节假日临时计算",
        "Strict: refuse a year whose holiday notice is not loaded instead of counting it provisionally with the statutory holidays",
    ),
    (
        "起算日 YYYY-MM-DD（不计入期间）；“提前N小时”的时限填事件的日期或 \"YYYY-MM-DD HH:MM\"",
        "The start day YYYY-MM-DD (not counted); for a limit of N hours before an event, the event's date or \"YYYY-MM-DD HH:MM\"",
    ),
    (
        "工作日数：截止日为起算日之后的第 N 个工作日",
        "Working days: the deadline is the Nth working day after the start",
    ),
    (
        "自然日数：起算日加 N 日，遇法定休假日顺延",
        "Calendar days: the start plus N days, moved past a statutory day off",
    ),
    (
        "公开时限原文，如 \"自信息形成或者变更之日起20个工作日内\"",
        "The time limit as written in the catalogue (Chinese text, e.g. 20 working days from forming)",
    ),
    (
        "依申请答复经批准延长的工作日数（《政府信息公开条例》第三十三条，最多 20）",
        "Working days of an approved extension of a reply to a request (article 33 of the Regulations, at most 20)",
    ),
    // Validation options.
    (
        "依据库文件（JSON，格式见 docs/laws.md）：补充本地的法规、规章和规范性文件",
        "A registry of legal instruments (JSON, format in docs/laws.md): local laws, rules and normative documents",
    ),
    (
        "依据库文件（JSON，格式见 docs/laws.md）：补充本地的法规、规章和规范性文件，与内置依据库合并",
        "A registry of legal instruments (JSON, format in docs/laws.md): local laws, rules and normative documents, merged over the embedded registry",
    ),
    (
        "遮盖批注和问题清单中的个人信息（消息引用的值和序号；工作簿中的原有数据不变）",
        "Mask personal data in the notes and the issue list (quoted values and numbers; the workbook's own data is unchanged)",
    ),
    (
        "遮盖报告中的个人信息（消息引用的值和序号；规则见 SECURITY.md）",
        "Mask personal data in the report (quoted values and numbers; rules in SECURITY.md)",
    ),
    (
        "遮盖个人信息（任何输出格式）：6位以上的数字、分组书写的电话号码、电子邮箱的用户名、“联系人：”等之后的姓名（规则见 SECURITY.md）",
        "Mask personal data (every format): runs of 6 or more digits, grouped phone numbers, e-mail users, names after a contact label (rules in SECURITY.md)",
    ),
    (
        "报告最多列出的问题数；超出的只计数，并以一条 report.truncated 警告说明另有多少、属于哪些代码",
        "The most issues a report lists; the rest are counted, and a report.truncated warning says how many and of which codes",
    ),
    (
        "只报告不低于此级别的问题（info、warning、error）",
        "Report only issues of this severity or higher (info, warning, error)",
    ),
    // Tables.
    ("表格导入", "Table import"),
    (
        "表格：只读取此工作表（XLSX/XLS 的工作表名；HTML 页面或 Word 文档的第 N 个表格写作“表N”）",
        "Read only this sheet (an XLSX/XLS sheet name; for an HTML page or a Word document, the table's name as the report's locations give it)",
    ),
    (
        "表格中没有时使用的目录名称",
        "The catalogue title, when the table has none",
    ),
    (
        "表格中没有时使用的领域（代码如 municipal_services，或中文名如 市政服务）",
        "The policy field, when the table has none (a code such as municipal_services, or its Chinese name)",
    ),
    (
        "表格中没有时使用的编制单位",
        "The publisher, when the table has none",
    ),
    (
        "表格中没有时使用的目录层级（city/county/township/village 或 市级/县级/乡级/村级）",
        "The catalogue level, when the table has none (city, county, township, village, or their Chinese names)",
    ),
    (
        "表格中没有时使用的编制日期（YYYY-MM-DD）",
        "The issue date, when the table has none (YYYY-MM-DD)",
    ),
    // diff, changes, convert, evaluate, site, schema, migrate.
    (
        "衔接检查：两份目录（如县级与村级）共有的事项，公开内容和公开时限是否一致",
        "Consistency check: whether two linked catalogues (county and village) agree on the content and time limit of the items they share",
    ),
    (
        "两个事项名称相似度达到多少（0–1）才视为同一事项",
        "How similar two item names must be (0-1) to be the same item",
    ),
    (
        "两个事项名称相似度达到多少（0–1）才视为同一事项（更名）",
        "How similar two item names must be (0-1) to be the same item (renamed)",
    ),
    (
        "表格中的公开层级列：all（市级、县级、乡级、村级）或 used（只列出用到的层级）",
        "The level columns of a table: all (city, county, township, village) or used (only the levels some item ticks)",
    ),
    (
        "上级标准目录：内置名称（如 municipal_services）或目录文件；默认按各单位的领域取内置目录",
        "The upper-level standard: an embedded name (such as municipal_services) or a catalogue file; by default the embedded one of each unit's field",
    ),
    (
        "公开记录：一个文件，或一个文件夹（与目录文件同名，如 城管局.xlsx 对应 城管局.csv）",
        "Publication records: a file, or a folder (named like the catalogue files: a.xlsx goes with a.csv)",
    ),
    (
        "单位清单（CSV：unit,catalogue,records,parent；路径相对于清单所在文件夹）",
        "A list of units (CSV: unit,catalogue,records,parent; paths relative to its folder)",
    ),
    (
        "扣分表（JSON 或 TOML，只需写出要改的类别；默认见 data/evaluation-scoring.json）",
        "A deduction table (JSON or TOML, only the classes to change; the default is data/evaluation-scoring.json)",
    ),
    (
        "通报标题（默认“政务公开监督评价通报”）",
        "The title of the circulated report (a Chinese default title when not given)",
    ),
    (
        "公开记录（带 url、title 列）：一个文件，或一个文件夹（每份目录一个同名的记录表，如 城管局.xlsx 对应 城管局.csv）",
        "Publication records (with url and title columns): a file, or a folder (one file per catalogue, of the same name: a.xlsx goes with a.csv)",
    ),
    (
        "专题名称（默认“某县基层政务公开专题”，不能确定县名时为“基层政务公开专题”）",
        "The site's title (by default the county's name and the Chinese title of such sites)",
    ),
    (
        "网站地址（如 https://www.example.gov.cn/zt/jcgk/）：给出时生成 sitemap.xml",
        "The site's address (such as https://www.example.gov.cn/zt/jcgk/): writes a sitemap.xml",
    ),
    (
        "有错误的目录不予发布（此时什么也不写，退出码 1）",
        "Refuse to publish a catalogue with errors (then nothing is written, exit code 1)",
    ),
    (
        "打印校验报告的 Schema（而不是目录的 Schema）",
        "Print the schema of the validation report (not of catalogues)",
    ),
    (
        "打印监督评价报告（gongkai evaluate 的 JSON）的 Schema",
        "Print the schema of the evaluation report (the JSON of gongkai evaluate)",
    ),
    ("目标版本", "The version to upgrade to"),
];

/// The English of a Chinese help text, if it has one.
pub fn english_text(zh: &str) -> Option<&'static str> {
    EN.iter().find(|(z, _)| *z == zh).map(|(_, e)| *e)
}

/// The command with its help texts in English (`english`), or as it is (Chinese).
pub fn localize(cmd: clap::Command, english: bool, after_help_en: &'static str) -> clap::Command {
    if !english {
        return cmd;
    }
    let cmd = cmd.after_help(after_help_en);
    english_command(cmd)
}

fn english_command(mut cmd: clap::Command) -> clap::Command {
    let tr = |s: &clap::builder::StyledStr| {
        let s = s.to_string();
        english_text(&s).map_or(s, str::to_owned)
    };
    if let Some(about) = cmd.get_about().map(tr) {
        cmd = cmd.about(about);
    }
    if let Some(about) = cmd.get_long_about().map(tr) {
        cmd = cmd.long_about(about);
    }
    if let Some(h) = cmd.get_next_help_heading().and_then(english_text) {
        cmd = cmd.next_help_heading(h);
    }
    cmd.mut_args(|mut a| {
        if let Some(h) = a.get_help().map(tr) {
            a = a.help(h);
        }
        if let Some(h) = a.get_long_help().map(tr) {
            a = a.long_help(h);
        }
        if let Some(h) = a.get_help_heading().and_then(english_text) {
            a = a.help_heading(h);
        }
        a
    })
    .mut_subcommands(english_command)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| {
            matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
        })
    }

    /// Every command, with its path (`gongkai calendar check`).
    fn commands(cmd: &clap::Command, path: String, out: &mut Vec<(String, clap::Command)>) {
        out.push((path.clone(), cmd.clone()));
        for sub in cmd.get_subcommands() {
            commands(sub, format!("{path} {}", sub.get_name()), out);
        }
    }

    fn all(english: bool) -> Vec<(String, clap::Command)> {
        let mut cmd = localize(crate::Cli::command(), english, crate::LIMITS_EN);
        cmd.build();
        let mut out = Vec::new();
        commands(&cmd, "gongkai".into(), &mut out);
        out
    }

    #[test]
    fn every_argument_has_its_help_in_both_languages() {
        let mut missing = Vec::new();
        for (path, cmd) in all(false) {
            let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
            if path != "gongkai" && cmd.get_name() != "help" {
                if !has_cjk(&about) {
                    missing.push(format!("{path}: no Chinese about"));
                } else if english_text(&about).is_none() {
                    missing.push(format!("{path}: no English for {about:?}"));
                }
            }
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if ["help", "version"].contains(&id) {
                    continue;
                }
                let help = a.get_help().map(ToString::to_string).unwrap_or_default();
                if !has_cjk(&help) {
                    missing.push(format!("{path} {id}: no Chinese help ({help:?})"));
                } else if english_text(&help).is_none_or(has_cjk) {
                    missing.push(format!("{path} {id}: no English for {help:?}"));
                }
                assert!(
                    a.get_long_help().is_none(),
                    "{path} {id}: a long help to translate"
                );
                if let Some(h) = a.get_help_heading() {
                    assert!(english_text(h).is_some(), "{path} {id}: heading {h:?}");
                }
                // Possible values are described in the argument's help, in both languages.
                for v in a.get_possible_values() {
                    assert!(
                        v.get_help().is_none(),
                        "{path} {id}={}: a value's own help",
                        v.get_name()
                    );
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
        for (zh, en) in EN {
            assert!(has_cjk(zh), "{zh}");
            assert!(!has_cjk(en), "{en}");
        }
    }

    #[test]
    fn english_help_has_no_chinese_and_chinese_help_names_every_argument() {
        for ((path, mut en), (_, mut zh)) in all(true).into_iter().zip(all(false)) {
            let en_text = en.render_long_help().to_string();
            for line in en_text.lines() {
                assert!(!has_cjk(line), "{path} --help --lang en: {line}");
            }
            let zh_text = chinese(&zh.render_long_help().to_string());
            for a in zh.get_arguments() {
                let id = a.get_id().as_str();
                if ["help", "version"].contains(&id) {
                    // clap's own (its words are translated by `chinese`).
                    continue;
                }
                let shown = match a.get_long() {
                    Some(long) => format!("--{long}"),
                    None => a
                        .get_value_names()
                        .map_or_else(|| id.to_uppercase(), |v| v[0].to_string()),
                };
                assert!(
                    zh_text.contains(&shown),
                    "{path}: {shown} not in\n{zh_text}"
                );
                if let Some(h) = a.get_help() {
                    assert!(
                        zh_text.contains(&h.to_string()),
                        "{path}: {h} not in\n{zh_text}"
                    );
                }
                let h = a.get_help().map(ToString::to_string).unwrap_or_default();
                let e = english_text(&h).unwrap_or_default();
                assert!(en_text.contains(e), "{path}: {e:?} not in\n{en_text}");
            }
        }
    }
}
