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
        /// 1-based column (in bytes).
        column: usize,
        /// What is wrong, and how to fix it.
        message: String,
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

    /// Builds a JSON error with a human hint, from a serde_json syntax error.
    pub(crate) fn from_json(e: &serde_json::Error, bytes: &[u8]) -> Self {
        let raw = e.to_string();
        // serde_json appends " at line L column C"; keep our own fields instead.
        let msg = shorten_quoted(raw.rfind(" at line ").map_or(raw.as_str(), |i| &raw[..i]));
        let hint = match e.classify() {
            serde_json::error::Category::Eof => "文件不完整（被截断？），请检查结尾的括号和引号",
            serde_json::error::Category::Syntax if msg.contains("recursion limit") => {
                "嵌套层数过深（上限 128 层）"
            }
            serde_json::error::Category::Syntax => "请检查该位置附近的逗号、引号和括号",
            serde_json::error::Category::Io => "读取失败",
            serde_json::error::Category::Data => "数据类型不符",
        };
        if let Err(u) = std::str::from_utf8(bytes) {
            let at = u.valid_up_to();
            // `error_len() == None`: the input ends inside a character (truncated), which the
            // JSON error below describes better.
            if u.error_len().is_some() {
                let before = &bytes[..at];
                let line = before.iter().filter(|b| **b == b'\n').count() + 1;
                let column = at
                    - before
                        .iter()
                        .rposition(|b| *b == b'\n')
                        .map_or(0, |p| p + 1)
                    + 1;
                return Error::Json {
                    line,
                    column,
                    message: format!(
                        "文件不是有效的 UTF-8 编码（第 {} 个字节起）；如果是 GBK/GB18030 编码，请另存为 UTF-8",
                        at + 1
                    ),
                };
            }
        }
        if raw.contains("hex escape") || raw.contains("unicode code point") {
            // serde_json's words for a \uD800–\uDFFF escape without its pair ("lone leading
            // surrogate", "unexpected end of hex escape"): nothing to do with commas or quotes.
            let escape = surrogate_escape_before(bytes, e.line(), e.column());
            return Error::Json {
                line: e.line(),
                column: e.column(),
                message: format!(
                    "字符串中的转义{}是不成对的 UTF-16 代理项（\\ud800–\\udfff 只能成对出现，\
                     如 \\ud83d\\ude00 表示一个字符），不代表任何字符；请删除该转义或写出完整的字符",
                    escape.map_or_else(String::new, |x| format!(" {x} "))
                ),
            };
        }
        Error::Json {
            line: e.line(),
            column: e.column(),
            message: format!("{msg}；{hint}"),
        }
    }
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
