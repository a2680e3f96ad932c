//! Errors of calls that cannot produce a report (unreadable input, not JSON, not a table).
//!
//! Invalid *data* is never an error: it is a [`crate::Report`] with issues.

/// A call that could not produce a report. Every variant says where and what.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not well-formed JSON (or is truncated, too deep, not UTF-8).
    #[error("不是有效的 JSON（第 {line} 行第 {column} 列）：{message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters (as an editor counts them).
        column: usize,
        /// What is wrong, and how to fix it, in Chinese.
        message: String,
        /// The same in English ([`Error::message`] with [`crate::Lang::En`]).
        message_en: String,
    },
    /// The JSON document is well formed but is not a catalogue object at all (e.g. `null`, an array).
    #[error("JSON 文档不是目录对象：{message}")]
    NotACatalogue {
        /// What was found instead.
        message: String,
    },
    /// The input is larger than a configured limit.
    #[error("输入超过限制：{what} 为 {actual}，上限 {limit}（可在选项中调高）")]
    TooLarge {
        /// Which limit.
        what: String,
        /// The limit.
        limit: u64,
        /// What was found (may be a lower bound).
        actual: u64,
    },
    /// A table or other file could not be read.
    #[error("无法读取{format}：{message}")]
    Import {
        /// The format (CSV, XLSX, HTML).
        format: String,
        /// What is wrong, where, and how to fix it.
        message: String,
        /// Where in the file, when known.
        location: Option<Box<crate::location::Location>>,
    },
    /// The format is not supported (by extension or content).
    #[error("不支持的格式：{0}")]
    UnsupportedFormat(String),
    /// A file could not be read or written.
    #[error("无法读写文件 {path}：{message}")]
    Io {
        /// The path as given.
        path: String,
        /// The operating system's message.
        message: String,
    },
    /// A file that could not be read or written, said in both languages without the operating
    /// system's English (`无法读取文件 nope.json：文件不存在`). Made by [`Error::read_failed`] and
    /// [`Error::write_failed`]; its code is `io`, like [`Error::Io`].
    #[error("{zh}")]
    File {
        /// The path as given.
        path: String,
        /// The message in Chinese.
        zh: String,
        /// The message in English.
        en: String,
    },
    /// A date or calendar request that cannot be answered (e.g. a year the holiday table does not cover).
    #[error("{0}")]
    Calendar(String),
    /// A registry file of legal instruments (依据库, `--laws FILE`) with problems: every problem
    /// on its own line, naming the entry and the field.
    #[error("{0}")]
    Laws(String),
    /// A calendar error with its message in both languages: a year the holiday table does not
    /// cover (naming the year, the covered years and how to load a notice), a bad holiday file.
    /// `Display` is the Chinese message; [`Error::message`] gives either.
    #[error("{zh}")]
    CalendarText {
        /// The message in Chinese.
        zh: String,
        /// The message in English.
        en: String,
    },
    /// An argument the caller passed is not valid.
    #[error("参数无效：{0}")]
    InvalidArgument(String),
}

impl Error {
    /// A stable code for bindings (`json`, `not_a_catalogue`, `too_large`, `import`,
    /// `unsupported_format`, `io`, `calendar`, `laws`, `invalid_argument`).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Json { .. } => "json",
            Error::NotACatalogue { .. } => "not_a_catalogue",
            Error::TooLarge { .. } => "too_large",
            Error::Import { .. } => "import",
            Error::UnsupportedFormat(_) => "unsupported_format",
            Error::Io { .. } | Error::File { .. } => "io",
            Error::Calendar(_) | Error::CalendarText { .. } => "calendar",
            Error::Laws(_) => "laws",
            Error::InvalidArgument(_) => "invalid_argument",
        }
    }

    /// The error of a JSON document whose top level is not an object.
    pub(crate) fn not_a_catalogue(value: &serde_json::Value) -> Self {
        use serde_json::Value;
        let found = match value {
            Value::Null => "null",
            Value::Array(_) => "数组 (array)",
            Value::String(_) => "字符串 (string)",
            Value::Number(_) => "数字 (number)",
            Value::Bool(_) => "布尔值 (boolean)",
            Value::Object(_) => "object",
        };
        Error::NotACatalogue {
            message: format!("顶层应为对象 {{…}}，实际为 {found}"),
        }
    }

    /// The English message where the error has one (calendar errors), else the Chinese
    /// message (`Display`). `Error::message(lang)` (in [`crate::calendar`]) picks by language.
    pub fn message_en(&self) -> String {
        match self {
            Error::CalendarText { en, .. } | Error::File { en, .. } => en.clone(),
            Error::Json {
                line,
                column,
                message_en,
                ..
            } => format!("not valid JSON (line {line}, column {column}): {message_en}"),
            _ => self.to_string(),
        }
    }

    /// A file at `path` that could not be read.
    pub fn read_failed(path: impl std::fmt::Display, e: &std::io::Error) -> Self {
        let (zh, en) = io_reason(e);
        Error::File {
            path: path.to_string(),
            zh: format!("无法读取文件 {path}：{zh}"),
            en: format!("cannot read {path}: {en}"),
        }
    }

    /// A file at `path` that could not be written (or a folder that could not be made).
    pub fn write_failed(path: impl std::fmt::Display, e: &std::io::Error) -> Self {
        let (zh, en) = io_reason(e);
        Error::File {
            path: path.to_string(),
            zh: format!("无法写入 {path}：{zh}"),
            en: format!("cannot write {path}: {en}"),
        }
    }

    /// Builds a JSON error from a serde_json error: what is wrong and how to fix it, in
    /// Chinese and in English (serde's own English words are never the Chinese message), at a
    /// line and a column counted from 1 (the column in characters).
    pub(crate) fn from_json(e: &serde_json::Error, bytes: &[u8]) -> Self {
        let raw = e.to_string();
        // serde_json appends " at line L column C"; keep our own fields instead.
        let msg = raw.rfind(" at line ").map_or(raw.as_str(), |i| &raw[..i]);
        if let Err(u) = std::str::from_utf8(bytes) {
            let at = u.valid_up_to();
            // `error_len() == None`: the input ends inside a character (truncated), which the
            // JSON error below describes better.
            if u.error_len().is_some() {
                let before = &bytes[..at];
                let line = before.iter().filter(|b| **b == b'\n').count() + 1;
                let line_start = before
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |p| p + 1);
                let column = String::from_utf8_lossy(&before[line_start..])
                    .chars()
                    .count()
                    + 1;
                return Error::Json {
                    line,
                    column,
                    message: format!(
                        "文件不是有效的 UTF-8 编码（第 {} 个字节起）；如果是 GBK/GB18030 编码，请另存为 UTF-8",
                        at + 1
                    ),
                    message_en: format!(
                        "the file is not valid UTF-8 (from byte {}); if it is GBK/GB18030, save it as UTF-8",
                        at + 1
                    ),
                };
            }
        }
        let line = e.line().max(1);
        let column = char_column(bytes, line, e.column());
        if msg.contains("hex escape") || msg.contains("unicode code point") {
            // serde_json's words for a \uD800–\uDFFF escape without its pair ("lone leading
            // surrogate", "unexpected end of hex escape"): nothing to do with commas or quotes.
            let escape = surrogate_escape_before(bytes, e.line(), e.column());
            let quoted = escape
                .as_deref()
                .map_or_else(String::new, |x| format!(" {x} "));
            return Error::Json {
                line,
                column,
                message: format!(
                    "字符串中的转义{quoted}是不成对的 UTF-16 代理项（\\ud800–\\udfff 只能成对出现，\
                     如 \\ud83d\\ude00 表示一个字符），不代表任何字符；请删除该转义或写出完整的字符"
                ),
                message_en: format!(
                    "the escape{} in a string is an unpaired UTF-16 surrogate (\\ud800–\\udfff \
                     come in pairs, as \\ud83d\\ude00 for one character); remove it or write the \
                     whole character",
                    escape
                        .as_deref()
                        .map_or_else(String::new, |x| format!(" {x}"))
                ),
            };
        }
        let (zh, en) = json_reason(e.classify(), msg);
        Error::Json {
            line,
            column,
            message: zh,
            message_en: en,
        }
    }
}

/// serde_json's 1-based byte `column` on 1-based `line` as a 1-based count of characters (a
/// column of 0, which serde gives for an error just after a line break, is 1).
fn char_column(bytes: &[u8], line: usize, column: usize) -> usize {
    let start = if line <= 1 {
        Some(0)
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(line - 2)
            .map(|(i, _)| i + 1)
    };
    let Some(start) = start else {
        return column.max(1);
    };
    let end = (start + column).min(bytes.len());
    let chars = bytes.get(start..end).map_or(column, |b| {
        // A character cut at `end` counts once.
        String::from_utf8_lossy(b).chars().count()
    });
    chars.max(1)
}

/// What a serde_json error means, in Chinese and in English, with how to fix it. `msg` is
/// serde's message without its position.
fn json_reason(category: serde_json::error::Category, msg: &str) -> (String, String) {
    use serde_json::error::Category;
    const CHECK_ZH: &str = "请检查该位置附近的逗号、引号和括号";
    const CHECK_EN: &str = "check the commas, quotes and brackets around it";
    let pair = |zh: &str, en: &str| (zh.to_owned(), en.to_owned());
    match category {
        Category::Eof => {
            let (zh, en) = if msg.contains("string") {
                (
                    "文件在字符串中间意外结束（缺少结尾的双引号？）",
                    "the file ends inside a string (a closing quote missing?)",
                )
            } else if msg.contains("list") {
                (
                    "文件在数组 [ … ] 中间意外结束",
                    "the file ends inside an array [ … ]",
                )
            } else if msg.contains("object") {
                (
                    "文件在对象 { … } 中间意外结束",
                    "the file ends inside an object { … }",
                )
            } else {
                (
                    "文件在应为一个值的位置意外结束（文件为空，或在逗号、冒号之后结束）",
                    "the file ends where a value should be (it is empty, or ends after a comma or a colon)",
                )
            };
            (
                format!("{zh}：文件不完整（被截断？），请检查结尾的括号和引号"),
                format!("{en}: it is incomplete (cut off?); check the closing brackets and quotes"),
            )
        }
        Category::Io => pair("读取失败", "the input could not be read"),
        Category::Syntax => {
            let known: &[(&str, &str, &str)] = &[
                (
                    "recursion limit exceeded",
                    "嵌套层数过深（上限 128 层）",
                    "nested too deep (at most 128 levels)",
                ),
                (
                    "expected `:`",
                    "键后面应为冒号 :",
                    "a colon : should follow the key",
                ),
                (
                    "expected `,` or `]`",
                    "数组中的值之间应为逗号 , 或以 ] 结束",
                    "values in an array are separated by , and the array ends with ]",
                ),
                (
                    "expected `,` or `}`",
                    "对象的成员之间应为逗号 , 或以 } 结束",
                    "members of an object are separated by , and the object ends with }",
                ),
                (
                    "expected ident",
                    "无法识别的词（只能写 true、false 或 null，文字要加双引号）",
                    "an unknown word (only true, false and null are allowed; text needs double quotes)",
                ),
                (
                    "expected value",
                    "此处应为一个值（对象、数组、带双引号的文字、数字、true、false 或 null）",
                    "a value is expected here (an object, an array, text in double quotes, a number, true, false or null)",
                ),
                (
                    "expected `\"`",
                    "此处应为双引号 \"",
                    "a double quote \" is expected here",
                ),
                (
                    "invalid escape",
                    "字符串中的转义无效（只能用 \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX）",
                    "an invalid escape in a string (only \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                ),
                ("invalid number", "数字写法无效", "an invalid number"),
                (
                    "number out of range",
                    "数字超出可表示的范围",
                    "a number out of range",
                ),
                (
                    "control character",
                    "字符串中有控制字符（如换行、制表符），应写成 \\n、\\t 等转义",
                    "a control character (such as a line break or a tab) in a string: write it as \\n, \\t …",
                ),
                (
                    "key must be a string",
                    "对象的键必须是带双引号的文字",
                    "an object key must be text in double quotes",
                ),
                (
                    "trailing comma",
                    "最后一个值后面多了逗号，请删除",
                    "a comma after the last value: remove it",
                ),
                (
                    "trailing characters",
                    "JSON 文档结束后还有多余的内容（文件只能包含一个 JSON 值）",
                    "more content after the end of the JSON document (a file holds one JSON value)",
                ),
            ];
            match known.iter().find(|(k, _, _)| msg.contains(k)) {
                Some((k, zh, en)) if k.starts_with("recursion") => pair(zh, en),
                Some((_, zh, en)) => (format!("{zh}；{CHECK_ZH}"), format!("{en}; {CHECK_EN}")),
                None => (
                    format!("语法错误；{CHECK_ZH}"),
                    format!("{}; {CHECK_EN}", shorten_quoted(msg)),
                ),
            }
        }
        Category::Data => data_reason(msg),
    }
}

/// A serde data error (a value of the wrong type or shape) in Chinese and in English. serde's
/// words are turned into Chinese where they are known; a message of our own (already Chinese) is
/// kept as it is.
fn data_reason(msg: &str) -> (String, String) {
    let en = format!("the data does not fit: {}", shorten_quoted(msg));
    if msg.chars().any(is_cjk) {
        return (shorten_quoted(msg), en);
    }
    // The part of `msg` between backticks after `prefix` (serde quotes names and values so).
    let quoted = |prefix: &str| -> Option<String> {
        let rest = msg.split_once(prefix)?.1;
        let rest = rest.strip_prefix('`')?;
        Some(excerpt(rest.split_once('`')?.0, 60))
    };
    let zh = if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (unexp, exp) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!(
            "值的类型不符：实际为{}，应为{}",
            kind_zh(unexp),
            kind_zh(exp)
        )
    } else if let Some(rest) = msg.strip_prefix("invalid value: ") {
        let (unexp, _) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!("值无效：{}", kind_zh(unexp))
    } else if msg.starts_with("invalid length") {
        "数组或对象的元素个数不符".to_owned()
    } else if let Some(v) = quoted("unknown variant ") {
        format!("无法识别的取值“{v}”，请使用规定的代码")
    } else if let Some(f) = quoted("unknown field ") {
        format!("无法识别的键“{f}”")
    } else if let Some(f) = quoted("missing field ") {
        format!("缺少必填的键“{f}”")
    } else if let Some(f) = quoted("duplicate field ") {
        format!("键“{f}”出现了两次")
    } else {
        "数据的类型或结构不符合要求".to_owned()
    };
    (format!("{zh}；请对照数据格式说明修改"), en)
}

/// serde's name of a kind of value (`string "x"`, `integer `5``, `a sequence`, `u32` …) in
/// Chinese, the value quoted when serde gives one.
fn kind_zh(s: &str) -> String {
    let s = s.trim();
    let value = |prefix: &str| {
        s.strip_prefix(prefix)
            .map(|v| excerpt(v.trim().trim_matches(|c| c == '`' || c == '"'), 60))
    };
    if let Some(v) = value("string ") {
        return format!("文字“{v}”");
    }
    for (prefix, zh) in [
        ("integer ", "整数"),
        ("floating point ", "小数"),
        ("boolean ", "布尔值"),
        ("character ", "字符"),
    ] {
        if let Some(v) = value(prefix) {
            return format!("{zh} {v}");
        }
    }
    let lower = s.to_ascii_lowercase();
    let known: &[(&str, &str)] = &[
        ("null", "null"),
        ("unit", "null"),
        ("option", "null"),
        ("sequence", "数组"),
        ("array", "数组"),
        ("tuple", "数组"),
        ("map", "对象"),
        ("struct", "对象"),
        ("enum", "规定的代码"),
        ("variant", "规定的代码"),
        ("string", "文字"),
        ("str", "文字"),
        ("char", "字符"),
        ("bool", "布尔值（true 或 false）"),
        ("f32", "数字"),
        ("f64", "数字"),
        ("number", "数字"),
        ("float", "数字"),
        ("u8", "非负整数"),
        ("u16", "非负整数"),
        ("u32", "非负整数"),
        ("u64", "非负整数"),
        ("usize", "非负整数"),
        ("i8", "整数"),
        ("i16", "整数"),
        ("i32", "整数"),
        ("i64", "整数"),
        ("isize", "整数"),
        ("integer", "整数"),
        ("date", "日期（YYYY-MM-DD）"),
    ];
    known
        .iter()
        .find(|(k, _)| {
            lower
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w == *k)
        })
        .map_or_else(|| "其他类型的值".to_owned(), |(_, zh)| (*zh).to_owned())
}

/// Whether `c` is a CJK ideograph or CJK punctuation.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// The last `\uD800`–`\uDFFF` escape on line `line` before byte column `column` (1-based), as
/// written (`\ud800`).
fn surrogate_escape_before(bytes: &[u8], line: usize, column: usize) -> Option<String> {
    let start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(line - 2)?
            .0
            + 1
    };
    let end = (start + column).min(bytes.len());
    let text = bytes.get(start..end)?;
    (0..text.len().saturating_sub(5)).rev().find_map(|i| {
        let w = text.get(i..i + 6)?;
        let hex = std::str::from_utf8(w.get(2..)?).ok()?;
        let n = u16::from_str_radix(hex, 16).ok()?;
        (w[0] == b'\\' && w[1] == b'u' && (0xD800..=0xDFFF).contains(&n))
            .then(|| String::from_utf8_lossy(w).into_owned())
    })
}

impl From<Error> for String {
    fn from(e: Error) -> String {
        e.to_string()
    }
}

/// serde's messages quote the offending value in full (`unknown variant `…``, `invalid type:
/// string "…"`): each quoted part longer than 60 characters becomes an excerpt, and the whole
/// message is kept under 400 characters, so that a 1 MB value is never echoed.
fn shorten_quoted(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len().min(512));
    let mut rest = msg;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = &rest[open..=open];
        out.push_str(&rest[..=open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find(quote) else {
            rest = after;
            break;
        };
        out.push_str(&excerpt(&after[..close], 60));
        out.push_str(quote);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    excerpt(&out, 400)
}

/// Cuts `s` to `max` characters, with an ellipsis, when it is longer; otherwise leaves it as
/// it is (control characters included: unlike [`excerpt`], for values kept as data).
pub(crate) fn cap_chars(s: &mut String, max: usize) {
    if let Some((i, _)) = s.char_indices().nth(max) {
        s.truncate(i);
        s.push('…');
    }
}

/// A short, safe excerpt of user input for messages: at most `max` characters, control
/// characters replaced, an ellipsis when cut.
pub fn excerpt(s: &str, max: usize) -> String {
    let mut out = String::new();
    push_excerpt(&mut out, s, max);
    out
}

/// Appends [`excerpt`]`(s, max)` to `out`.
pub(crate) fn push_excerpt(out: &mut String, s: &str, max: usize) {
    // Most values are short and plain: at most `max` bytes (so at most `max` characters) and no
    // byte that starts a control character (C0, DEL; C1 is encoded from 0xC2).
    if s.len() <= max && s.bytes().all(|b| b >= 0x20 && b != 0x7f && b != 0xc2) {
        out.push_str(s);
        return;
    }
    for (n, c) in s.chars().enumerate() {
        if n >= max {
            out.push('…');
            break;
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
}

impl Error {
    /// The message in `lang`: the English text where the error has one (calendar errors:
    /// [`Error::CalendarText`]), else the Chinese message (`Display`).
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Zh => self.to_string(),
            crate::lang::Lang::En => self.message_en(),
        }
    }
}

/// Why a file operation failed, in Chinese and in English, from the kind of the operating
/// system's error (its own text is English and platform-specific).
fn io_reason(e: &std::io::Error) -> (String, String) {
    use std::io::ErrorKind as K;
    let (zh, en) = match e.kind() {
        K::NotFound => (
            "文件不存在，请检查路径和文件名",
            "no such file; check the path and the name",
        ),
        K::PermissionDenied => ("没有访问权限", "permission denied"),
        K::IsADirectory => ("这是一个文件夹，不是文件", "it is a folder, not a file"),
        K::NotADirectory => (
            "路径中有一段不是文件夹",
            "a part of the path is not a folder",
        ),
        K::AlreadyExists => ("已存在", "it already exists"),
        K::StorageFull => ("磁盘空间不足", "the disk is full"),
        K::ReadOnlyFilesystem => ("所在磁盘只读", "the file system is read-only"),
        K::InvalidFilename => ("文件名无效", "the file name is not valid"),
        K::FileTooLarge => ("文件过大", "the file is too large"),
        K::InvalidData => ("内容无法读取", "the content cannot be read"),
        K::UnexpectedEof => ("文件意外结束", "the file ends unexpectedly"),
        K::OutOfMemory => ("内存不足", "out of memory"),
        _ => {
            let os = e.to_string();
            return (
                format!("操作系统报告错误（{}）", crate::excerpt(&os, 80)),
                os,
            );
        }
    };
    (zh.to_owned(), en.to_owned())
}
