//! Free-text cell parsers shared by the importers, the CLI and the diff: 公开时限, 公开依据,
//! 公开内容, cell normalisation and item-name normalisation.
//!
//! Every parser keeps the original wording where the model has a place for it (`text` of a time
//! limit or a citation) and never drops what it did not understand: a time limit it cannot read
//! is `unparsed` with its text, a citation it cannot split is one citation titled with the text.
//!
//! Normalisation, in order:
//! 1. full-width ASCII (`ＡＢＣ１２３，：（）`) folded to ASCII, the ideographic space and other
//!    Unicode spaces to a space, zero-width characters removed, CR/CRLF to LF (not NFKC: 《》、。
//!    and the checkbox glyphs stay as they are). Values kept for display ([`normalize_cell`])
//!    fold only full-width letters, digits and spaces, and keep Chinese punctuation （），：；
//!    as written; matching keys ([`normalize_name`], [`match_key`]) fold it all;
//! 2. pinyin glosses that mirror sites insert after characters (`鎮(zhèn)`) removed;
//! 3. white space (spaces, line breaks) removed wherever it touches a non-ASCII character
//!    (`燃气经营许 可证核发` → `燃气经营许可证核发`, `10 个 工作日` → `10个工作日`), and collapsed
//!    to one space between ASCII words.
//!
//! The parsers live in one file each: `number` (Chinese numerals), `time` (公开时限),
//! `lists` (公开内容) and `citations` (公开依据); this file holds the normalisation they share.

use super::hanzi;

mod citations;
mod lists;
mod number;
mod time;

pub use citations::{find_doc_no, parse_citations};
pub use lists::split_content;
pub use number::parse_cn_number;
pub use time::{TimeLimitNote, parse_time_limit, parse_time_limit_noted};

/// Folds full-width ASCII to ASCII, Unicode spaces to a space, removes zero-width characters
/// and turns CR/CRLF into LF. Nothing else changes (this is not NFKC).
pub fn fold_width(text: &str) -> String {
    fold(text, true)
}

/// Like [`fold_width`], but full-width punctuation (（）：，；！？ …, the correct Chinese
/// typography) is kept: only full-width letters, digits and spaces are folded.
pub fn fold_width_alnum(text: &str) -> String {
    fold(text, false)
}

fn fold(text: &str, punct: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                out.push(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c));
            }
            '\u{FF01}'..='\u{FF5E}' if punct => {
                out.push(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c));
            }
            '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => {
                out.push(' ')
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\t' | '\u{000B}' | '\u{000C}' => out.push(' '),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

fn is_tone_vowel(c: char) -> bool {
    matches!(
        c,
        'ā' | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
            | 'ü'
            | 'ń'
            | 'ň'
            | 'ǹ'
            | 'ḿ'
    )
}

/// Whether `c` is a CJK ideograph.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF | 0x3007)
}

const NEUTRAL_SYLLABLES: &[&str] = &["de", "le", "me", "ne", "zi", "men", "ma", "ba", "zhe"];

/// Removes pinyin glosses inserted after Chinese characters (`鄉(xiāng)鎮(zhèn)` → `鄉鎮`).
/// Returns the text and whether anything was removed. A parenthesis counts as a gloss only
/// when it follows a Chinese character (white space between them aside, as after a removed
/// gloss) and holds one pinyin syllable (with a tone mark, or a neutral-tone syllable such as
/// `de`; white space inside is ignored). Ignoring white space makes [`normalize_cell`]
/// idempotent: squeezing spaces can never reveal a gloss that was not removed.
pub fn strip_glosses(text: &str) -> (String, bool) {
    if !text.contains('(') {
        return (text.to_owned(), false);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut removed = false;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let after_han = || {
            out.chars()
                .rev()
                .find(|p| !p.is_whitespace())
                .is_some_and(is_han)
        };
        if c == '(' && after_han() {
            let mut j = i + 1;
            let mut syllable = String::new();
            let mut toned = false;
            while let Some(&d) = chars.get(j) {
                // Only the letters are bounded: a bound on the width would let a long run of
                // white space hide a gloss that squeezing the spaces then reveals. The scan
                // stays linear overall, since no '(' lies inside the run it passes over.
                if syllable.len() > 16 {
                    break;
                }
                if d.is_ascii_lowercase() {
                    syllable.push(d);
                } else if is_tone_vowel(d) {
                    toned = true;
                    syllable.push(d);
                } else if !d.is_whitespace() {
                    break;
                }
                j += 1;
            }
            let letters = syllable.chars().count();
            if chars.get(j) == Some(&')')
                && (1..=8).contains(&letters)
                && (toned || NEUTRAL_SYLLABLES.contains(&syllable.as_str()))
            {
                removed = true;
                i = j + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    (out, removed)
}

/// Removes white space touching a non-ASCII character and collapses the rest to one space;
/// trims. Line breaks count as white space.
pub fn squeeze_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.is_empty() {
                pending_space = true;
            }
            continue;
        }
        if pending_space {
            let prev_ascii = out.chars().next_back().is_some_and(|p| p.is_ascii());
            if prev_ascii && c.is_ascii() {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Normalises a cell for display and comparison: full-width letters, digits and spaces folded
/// (Chinese punctuation such as （）：， is kept as written), pinyin glosses removed, white space
/// inside Chinese text removed, runs of spaces collapsed, trimmed.
///
/// ```
/// use gongkai::import::text::normalize_cell;
/// assert_eq!(normalize_cell("燃气经营许 可证核发"), "燃气经营许可证核发");
/// assert_eq!(normalize_cell("城镇燃\n气管理"), "城镇燃气管理");
/// assert_eq!(normalize_cell("（２０２４）"), "（2024）");
/// assert_eq!(normalize_cell("联系人：张三，ＡＢ"), "联系人：张三，AB");
/// assert_eq!(normalize_cell("鎮(zhèn)人民政府"), "鎮人民政府");
/// ```
pub fn normalize_cell(text: &str) -> String {
    if is_plain(text) {
        return text.to_owned();
    }
    let folded = fold_width_alnum(text);
    let (plain, _) = strip_glosses(&folded);
    squeeze_spaces(&plain)
}

/// A key for matching item names across catalogues: white space and punctuation removed,
/// widths folded, pinyin glosses removed, traditional characters mapped to simplified where
/// known.
///
/// ```
/// use gongkai::import::text::normalize_name;
/// assert_eq!(normalize_name("鄉(xiāng)鎮(zhèn)簡介"), "乡镇简介");
/// assert_eq!(normalize_name("燃气经营许 可证核发。"), "燃气经营许可证核发");
/// ```
pub fn normalize_name(text: &str) -> String {
    let folded = fold_width(text);
    let (plain, _) = strip_glosses(&folded);
    plain
        .chars()
        .filter(|c| !c.is_whitespace() && !is_punct(*c))
        .map(hanzi::simplify_char)
        .collect()
}

/// A key for recognising vocabulary (headers, channel names, levels, marks): normalised like
/// [`normalize_cell`], every white space removed, traditional characters simplified.
pub fn match_key(text: &str) -> String {
    if is_plain(text) && text.chars().all(|c| hanzi::simplify_char(c) == c) {
        return text.to_owned();
    }
    let folded = fold_width(text);
    let (plain, _) = strip_glosses(&folded);
    plain
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(hanzi::simplify_char)
        .collect()
}

/// Whether normalisation would leave the text unchanged: no white space, no full-width ASCII,
/// no control or zero-width character, no parenthesis (a possible gloss).
fn is_plain(text: &str) -> bool {
    text.chars().all(|c| {
        !(c.is_whitespace()
            || c.is_control()
            || c == '('
            || ('\u{FF01}'..='\u{FF5E}').contains(&c)
            || ('\u{200B}'..='\u{200D}').contains(&c)
            || matches!(c, '\u{2060}' | '\u{FEFF}' | '\u{00AD}'))
    })
}

/// Whether `c` is punctuation (ASCII or CJK).
pub fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '、' | '，'
                | '。'
                | '；'
                | '：'
                | '？'
                | '！'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '（'
                | '）'
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '【'
                | '】'
                | '〔'
                | '〕'
                | '［'
                | '］'
                | '…'
                | '—'
                | '–'
                | '·'
                | '・'
                | '「'
                | '」'
                | '『'
                | '』'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glosses() {
        assert_eq!(strip_glosses("鎮(zhèn)級").0, "鎮級");
        assert_eq!(strip_glosses("公開內(nèi)容").0, "公開內容");
        assert_eq!(strip_glosses("條件(a)").0, "條件(a)");
        assert_eq!(strip_glosses("(2019)").0, "(2019)");
    }
}
