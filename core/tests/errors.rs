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
        zh.ends_with("；文件不完整（被截断？），请检查结尾的括号和引号"),
        "{zh}"
    );
    // No English text of its own: the Chinese message in both languages.
    assert_eq!(en, zh);
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
