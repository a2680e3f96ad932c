//! Error codes and texts, in Rust (the bindings pass them on): each kind from the public entry
//! point that gives it, with its code and its exact text, in English too where there is one.
#![allow(clippy::unwrap_used)]

use gongkai::calendar::Calendar;
use gongkai::import::{ImportOptions, load};
use gongkai::{Error, Lang, Validator};

fn texts(e: &Error) -> (&'static str, String, String) {
    (e.code(), e.message(Lang::Zh), e.message(Lang::En))
}

#[test]
fn json_errors_give_the_line_the_column_and_a_hint() {
    let v = Validator::default();
    let e = v.validate_json(b"{\"title\": ").unwrap_err();
    assert!(
        matches!(
            e,
            Error::Json {
                line: 1,
                column: 10,
                ..
            }
        ),
        "{e:?}"
    );
    let (code, zh, en) = texts(&e);
    assert_eq!(code, "json");
    assert!(
        zh.starts_with("不是有效的 JSON（第 1 行第 10 列）："),
        "{zh}"
    );
    assert!(
        zh.ends_with("文件不完整（被截断？），请检查结尾的括号和引号"),
        "{zh}"
    );
    assert!(
        en.starts_with("not valid JSON (line 1, column 10): the file ends where a value should be"),
        "{en}"
    );
    let e = v.validate_json(b"{\n  \"a\": 1,\n}").unwrap_err();
    assert!(
        matches!(
            e,
            Error::Json {
                line: 3,
                column: 1,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(
        e.to_string()
            .ends_with("；请检查该位置附近的逗号、引号和括号"),
        "{e}"
    );
}

/// serde_json's own English words, which a Chinese message must not carry.
const SERDE_WORDS: &[&str] = &[
    "expected",
    "EOF",
    "invalid",
    "trailing",
    "while parsing",
    "at line",
    "column",
    "unknown",
    "missing field",
    "escape",
    "recursion",
    "number out of range",
    "control character",
    "key must",
];

#[test]
fn json_syntax_errors_are_said_in_chinese_and_in_english() {
    let v = Validator::default();
    // (input, line, column, a part of the Chinese message, a part of the English one)
    let cases: &[(&str, usize, usize, &str, &str)] = &[
        ("{\"title\" \"T\"}", 1, 10, "键后面应为冒号", "a colon"),
        (
            "{\"items\": [1 2]}",
            1,
            14,
            "数组中的值之间应为逗号",
            "values in an array",
        ),
        (
            "{\"a\": 1 \"b\": 2}",
            1,
            9,
            "对象的成员之间应为逗号",
            "members of an object",
        ),
        (
            "{\"a\": tru}",
            1,
            10,
            "只能写 true、false 或 null",
            "unknown word",
        ),
        ("{\"a\": }", 1, 7, "此处应为一个值", "a value is expected"),
        ("{\"a\": \"\\q\"}", 1, 9, "转义无效", "invalid escape"),
        ("{\"a\": 01}", 1, 8, "数字写法无效", "invalid number"),
        ("{\"a\": 1e999}", 1, 11, "超出可表示的范围", "out of range"),
        ("{\"a\": \"x\ty\"}", 1, 9, "控制字符", "control character"),
        ("{1: 2}", 1, 2, "键必须是带双引号的文字", "object key"),
        (
            "{\"a\": [1,]}",
            1,
            10,
            "多了逗号",
            "a comma after the last value",
        ),
        ("{\"a\": 1} x", 1, 10, "多余的内容", "more content"),
        (
            "{\"a\": \"x",
            1,
            8,
            "字符串中间意外结束",
            "the file ends inside a string",
        ),
        (
            "{\"a\": [1,",
            1,
            9,
            "应为一个值的位置意外结束",
            "where a value should be",
        ),
        ("[1, 2", 1, 5, "数组 [ … ] 中间意外结束", "inside an array"),
        (
            "{\"a\": 1,\n",
            2,
            1,
            "应为一个值的位置意外结束",
            "where a value should be",
        ),
        ("", 1, 1, "文件为空", "it is empty"),
        (
            "{\"a\": {\"b\": 1",
            1,
            13,
            "对象 { … } 中间意外结束",
            "inside an object",
        ),
        // Columns count characters, not bytes: 标题 is 6 bytes and 2 columns.
        ("{\"标题\" \"T\"}", 1, 7, "键后面应为冒号", "a colon"),
        (
            "{\n  \"名称\": 武陟}",
            2,
            9,
            "此处应为一个值",
            "a value is expected",
        ),
    ];
    let mut wrong = Vec::new();
    for &(input, line, column, zh_part, en_part) in cases {
        let e = v.validate_json(input.as_bytes()).unwrap_err();
        assert_eq!(e.code(), "json", "{input}");
        let Error::Json {
            line: l, column: c, ..
        } = &e
        else {
            panic!("{input}: {e:?}")
        };
        if (*l, *c) != (line, column) {
            wrong.push(format!("{input:?}: ({l}, {c}) {e}"));
            continue;
        }
        let (_, zh, en) = texts(&e);
        assert!(
            zh.starts_with(&format!("不是有效的 JSON（第 {line} 行第 {column} 列）：")),
            "{input}: {zh}"
        );
        assert!(zh.contains(zh_part), "{input}: {zh}");
        for word in SERDE_WORDS {
            assert!(!zh.contains(word), "{input}: English {word:?} in {zh}");
        }
        assert!(
            en.starts_with(&format!("not valid JSON (line {line}, column {column}): ")),
            "{input}: {en}"
        );
        assert!(en.contains(en_part), "{input}: {en}");
        assert!(
            !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{input}: {en}"
        );
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn json_data_errors_are_said_in_chinese() {
    // The typed model (strict about types): serde's data errors, wrong type or unknown code.
    for (doc, zh_part) in [
        (
            r#"{"schema_version": "1.0", "items": 5}"#,
            "值的类型不符：实际为整数 5，应为数组",
        ),
        (
            r#"{"schema_version": "1.0", "title": true}"#,
            "值的类型不符：实际为布尔值 true",
        ),
        (
            r#"{"schema_version": "1.0", "level": "planet"}"#,
            "无法识别的取值“planet”",
        ),
    ] {
        let e = gongkai::Catalogue::from_json(doc.as_bytes()).unwrap_err();
        let (code, zh, en) = texts(&e);
        assert_eq!(code, "json", "{zh}");
        for word in SERDE_WORDS {
            assert!(!zh.contains(word), "English {word:?} in {zh}");
        }
        assert!(zh.contains(zh_part), "{doc}: {zh}");
        assert!(en.starts_with("not valid JSON (line 1, column "), "{en}");
        assert!(en.contains("the data does not fit"), "{en}");
    }
}

#[test]
fn a_document_that_is_not_an_object() {
    let e = Validator::default().validate_json(b"[1, 2]").unwrap_err();
    assert_eq!(
        texts(&e),
        (
            "not_a_catalogue",
            "JSON 文档不是目录对象：顶层应为对象 {…}，实际为 数组 (array)".to_owned(),
            "JSON 文档不是目录对象：顶层应为对象 {…}，实际为 数组 (array)".to_owned()
        )
    );
}

#[test]
fn a_language_other_than_zh_or_en() {
    assert_eq!("zh".parse::<Lang>().unwrap(), Lang::Zh);
    assert_eq!("en".parse::<Lang>().unwrap(), Lang::En);
    let e = "fr".parse::<Lang>().unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
    assert_eq!(
        e.to_string(),
        "参数无效：语言应为 zh（中文）或 en（English），实际为“fr”"
    );
}

#[test]
fn unreadable_formats_say_what_to_save_instead() {
    let opts = |name: &str| ImportOptions::default().file_name(name);
    let e = load(b"%PDF-1.4 x", &opts("目录.pdf")).unwrap_err();
    assert_eq!(e.code(), "unsupported_format");
    assert_eq!(
        e.to_string(),
        "不支持的格式：PDF/OFD 版式文件中的表格无法可靠读取（表格线和合并单元格都已丢失）：请使用制作该文件的 Word（.docx）或 Excel（.xlsx）原件，或在 WPS/Word 中把它转换为 .docx 后核对再导入"
    );
    let e = load(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", &opts("目录.doc")).unwrap_err();
    assert_eq!(e.code(), "unsupported_format");
    assert_eq!(
        e.to_string(),
        "不支持的格式：这是旧版 Word 97-2003（.doc）、WPS 文字（.wps）或 RTF 文档，无法直接读取：请在 Word 或 WPS 中“另存为” .docx（目录在 Excel 中则另存为 .xlsx）后再导入"
    );
}

#[test]
fn holiday_file_errors_name_the_line_in_both_languages() {
    let cases = [
        (
            "date,kind\n2024-13-01,off\n",
            "节假日安排表第 2 行：日期“2024-13-01”无效，应为 YYYY-MM-DD，如 2027-02-05",
            "holiday file, line 2: the date “2024-13-01” is not valid; write YYYY-MM-DD, e.g. 2027-02-05",
        ),
        (
            "date,kind\n2024-10-01,off\n2024-10-02,holiday\n",
            "节假日安排表第 3 行：kind“holiday”无效，应为 off（放假）或 work（调休上班）",
            "holiday file, line 3: the kind “holiday” is not valid; write off (holiday) or work (adjusted working day)",
        ),
        (
            "date,kind\n",
            "节假日安排表：没有数据行；表头之后每行一个日期，如 2027-01-01,off,元旦",
            "holiday file: there are no data lines; after the header, one date per line, e.g. 2027-01-01,off,元旦",
        ),
    ];
    for (csv, zh, en) in cases {
        let e = Calendar::from_csv(csv).unwrap_err();
        assert_eq!(
            texts(&e),
            ("calendar", zh.to_owned(), en.to_owned()),
            "{csv}"
        );
    }
}
