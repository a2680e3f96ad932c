//! Keyword tables shared by the semantic rule families.
//!
//! Every keyword of every rule is indexed once (on first use) by its first character; scanning
//! a cell yields a bit set of [`flag`]s. [`Scanner::item`] scans an item's
//! cells once per validation, so the families test bits instead of searching strings: a
//! 10,000-item catalogue costs one pass over its text, whatever the number of rules.

use crate::model::Item;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The bits a scan can set. Which cell a bit was found in decides what it means to a rule.
pub(crate) mod flag {
    /// 城市道路 / 桥梁 (《城市道路管理条例》).
    pub const ROAD: u64 = 1 << 0;
    /// 燃气 (《城镇燃气管理条例》).
    pub const GAS: u64 = 1 << 1;
    /// 供水 / 停水 (《城市供水条例》).
    pub const WATER: u64 = 1 << 2;
    /// 排水 / 污水 (《城镇排水与污水处理条例》).
    pub const DRAIN: u64 = 1 << 3;
    /// 绿化 / 树木 / 园林 (《城市绿化条例》).
    pub const GREEN: u64 = 1 << 4;
    /// Every sector topic.
    pub const TOPICS: u64 = ROAD | GAS | WATER | DRAIN | GREEN;
    /// 行政许可: 许可, 审批, 核准, 核发.
    pub const PERMIT: u64 = 1 << 5;
    /// 行政处罚 / 行政强制.
    pub const PENALTY: u64 = 1 << 6;
    /// A decision or its result: 决定书, 办理结果, 处罚决定…
    pub const DECISION: u64 = 1 << 7;
    /// 年度报告.
    pub const ANNUAL: u64 = 1 << 8;
    /// 信息公开.
    pub const GOVINFO: u64 = 1 << 9;
    /// 停水 / 停止供水.
    pub const WATER_STOP: u64 = 1 << 10;
    /// 紧急 / 抢修 / 突发.
    pub const EMERGENCY: u64 = 1 << 11;
    /// Exempt-type material (条例第十四至十六条): 身份证号, 个人隐私, 商业秘密, 内部事务…
    pub const EXEMPT: u64 = 1 << 12;
    /// A negation that takes exempt material out: 不含, 隐去, 脱敏…
    pub const NEGATION: u64 = 1 << 13;
    /// A named group of persons: 申请人, 当事人, 相关住户…
    pub const GROUP: u64 = 1 << 14;
    /// A template description of an organ rather than its name: …部门, 负责审批的…
    pub const GENERIC_ORGAN: u64 = 1 << 15;
    /// A fill-in marker left from a template: XX, ××, 某某, （填写…）
    pub const FILL_IN: u64 = 1 << 16;
    /// An enterprise: 公司, 集团, 水厂.
    pub const COMPANY: u64 = 1 << 17;
    /// A township organ: 乡镇, 镇人民政府, 街道办事处…
    pub const TOWNSHIP: u64 = 1 << 18;
    /// A village organ: 村委会, 居委会, 社区…
    pub const VILLAGE: u64 = 1 << 19;
    /// The character 县.
    pub const COUNTY: u64 = 1 << 20;
    /// A known misspelling inside a citation title.
    pub const TYPO: u64 = 1 << 21;
    /// 书名号 《 》.
    pub const BRACKET: u64 = 1 << 22;
    /// White space (ASCII or the ideographic space U+3000).
    pub const SPACE: u64 = 1 << 23;
}

use flag::*;

/// Keyword → bits. A keyword may appear once only (checked by a test).
const TABLE: &[(&str, u64)] = &[
    // Sector topics.
    ("道路", ROAD),
    ("桥梁", ROAD),
    ("燃气", GAS),
    ("供水", WATER),
    ("自来水", WATER),
    ("停水", WATER | WATER_STOP),
    ("停止供水", WATER_STOP),
    ("暂停供水", WATER_STOP),
    ("排水", DRAIN),
    ("污水", DRAIN),
    ("绿化", GREEN),
    ("绿地", GREEN),
    ("树木", GREEN),
    ("古树", GREEN),
    ("园林", GREEN),
    // Administrative acts.
    ("许可", PERMIT),
    ("审批", PERMIT),
    ("核准", PERMIT),
    ("核发", PERMIT),
    ("处罚", PENALTY),
    ("行政强制", PENALTY),
    ("强制措施", PENALTY),
    ("强制执行", PENALTY),
    ("决定书", DECISION),
    ("办理结果", DECISION),
    ("处罚决定", PENALTY | DECISION),
    ("许可决定", PERMIT | DECISION),
    ("审批结果", PERMIT | DECISION),
    ("许可结果", PERMIT | DECISION),
    ("处罚结果", PENALTY | DECISION),
    ("核准结果", PERMIT | DECISION),
    ("执法决定", DECISION),
    ("年度报告", ANNUAL),
    ("信息公开", GOVINFO),
    ("紧急", EMERGENCY),
    ("抢修", EMERGENCY),
    ("突发", EMERGENCY),
    ("应急", EMERGENCY),
    // Exempt material and its negations.
    ("身份证号", EXEMPT),
    ("身份证件号", EXEMPT),
    ("个人隐私", EXEMPT),
    ("商业秘密", EXEMPT),
    ("国家秘密", EXEMPT),
    ("内部事务", EXEMPT),
    ("内部管理信息", EXEMPT),
    ("内部工作流程", EXEMPT),
    ("讨论记录", EXEMPT),
    ("过程稿", EXEMPT),
    ("请示报告", EXEMPT),
    ("执法案卷", EXEMPT),
    ("家庭住址", EXEMPT),
    ("手机号", EXEMPT),
    ("个人联系电话", EXEMPT),
    ("个人联系方式", EXEMPT),
    ("银行账号", EXEMPT),
    ("不含", NEGATION),
    ("不包括", NEGATION),
    ("隐去", NEGATION),
    ("隐藏", NEGATION),
    ("除外", NEGATION),
    ("脱敏", NEGATION),
    ("去除", NEGATION),
    ("屏蔽", NEGATION),
    ("遮盖", NEGATION),
    ("不予公开", NEGATION),
    // Named groups (公开对象 特定群体).
    ("申请人", GROUP),
    ("当事人", GROUP),
    ("利害关系人", GROUP),
    ("相对人", GROUP),
    ("住户", GROUP),
    ("用户", GROUP),
    ("业主", GROUP),
    ("居民", GROUP),
    ("村民", GROUP),
    ("经营者", GROUP),
    ("企业", GROUP),
    ("申请单位", GROUP),
    ("建设单位", GROUP),
    ("施工单位", GROUP),
    ("被处罚", GROUP),
    ("权利人", GROUP),
    // Organs.
    ("部门", GENERIC_ORGAN),
    ("负责审批的", GENERIC_ORGAN),
    ("县级以上", GENERIC_ORGAN),
    ("县级人民政府", GENERIC_ORGAN),
    ("区县人民政府", GENERIC_ORGAN),
    ("XX", FILL_IN),
    ("xx", FILL_IN),
    ("Xx", FILL_IN),
    ("xX", FILL_IN),
    ("ＸＸ", FILL_IN),
    ("ｘｘ", FILL_IN),
    ("××", FILL_IN),
    ("某某", FILL_IN),
    ("○○", FILL_IN),
    ("〇〇", FILL_IN),
    ("＊＊", FILL_IN),
    ("**", FILL_IN),
    ("__", FILL_IN),
    ("＿＿", FILL_IN),
    ("（填写", FILL_IN),
    ("(填写", FILL_IN),
    ("请填写", FILL_IN),
    ("单位名称", FILL_IN),
    ("公司", COMPANY),
    ("集团", COMPANY),
    ("水厂", COMPANY),
    ("乡镇", TOWNSHIP),
    ("乡人民政府", TOWNSHIP),
    ("镇人民政府", TOWNSHIP),
    ("乡政府", TOWNSHIP),
    ("镇政府", TOWNSHIP),
    ("街道", TOWNSHIP),
    ("村委", VILLAGE),
    ("村民委员会", VILLAGE),
    ("居委", VILLAGE),
    ("居民委员会", VILLAGE),
    ("社区", VILLAGE),
    ("县", COUNTY),
    // Citation titles.
    ("信息公开条件", TYPO),
    ("条列", TYPO),
    ("条理", TYPO),
    ("《", BRACKET),
    ("》", BRACKET),
    // White space inside CJK text (a wrapped table cell).
    (" ", SPACE),
    ("\u{3000}", SPACE),
    ("\t", SPACE),
    ("\n", SPACE),
];

/// The keywords indexed by their first character: a bit per Basic Multilingual Plane code point
/// telling whether some keyword starts with it (most characters of a text start none), then
/// the keywords sorted by first character.
struct Lexicon {
    starts: Vec<u64>,
    words: Vec<(char, &'static str, u64)>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut starts = vec![0u64; 1 << 10];
        let mut words = Vec::with_capacity(TABLE.len());
        for &(k, bits) in TABLE {
            if let Some(c) = k.chars().next() {
                let cp = c as usize;
                if let Some(w) = starts.get_mut(cp >> 6) {
                    *w |= 1 << (cp & 63);
                    words.push((c, k, bits));
                }
            }
        }
        words.sort_by_key(|w| w.0);
        Lexicon { starts, words }
    })
}

/// The bits of every keyword found in `s`, overlapping ones included: exactly the union of the
/// bits of the keywords `s` contains. No allocation; one bit test per character, and a look
/// at the keywords that start with it where some do.
pub(crate) fn scan(s: &str) -> u64 {
    let lex = lexicon();
    let mut bits = 0;
    for (i, c) in s.char_indices() {
        let cp = c as usize;
        let starts = lex.starts.get(cp >> 6).copied().unwrap_or(0);
        if starts & (1 << (cp & 63)) == 0 {
            continue;
        }
        let rest = &s[i..];
        let from = lex.words.partition_point(|w| w.0 < c);
        for &(first, word, b) in &lex.words[from..] {
            if first != c {
                break;
            }
            if rest.starts_with(word) {
                bits |= b;
            }
        }
    }
    bits
}

/// What the scans found in one item's cells.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Facts {
    /// 二级事项 and 三级事项.
    pub name: u64,
    /// 一级事项.
    pub category: u64,
    /// 公开内容, every element.
    pub content: u64,
    /// 公开主体.
    pub subject: u64,
    /// Titles of 公开依据.
    pub basis: u64,
}

impl Facts {
    /// 一级, 二级 and 三级事项 together.
    pub fn head(&self) -> u64 {
        self.name | self.category
    }

    /// The sector topics of the item: from its name, or from its category when the name has none.
    pub fn topics(&self) -> u64 {
        let own = self.name & TOPICS;
        if own != 0 {
            own
        } else {
            self.category & TOPICS
        }
    }
}

/// A fast keyed hash for the rules' maps (seeded per process, so crafted keys cannot force
/// collisions).
pub(crate) type Hasher = foldhash::fast::RandomState;

/// Scans items in document order. Cells other than the item's name repeat across rows
/// (一级事项, 公开主体, 公开内容 elements, 公开依据 titles): each distinct text is scanned once.
pub(crate) struct Scanner<'a> {
    seen: HashMap<&'a str, u64, Hasher>,
    cache: bool,
}

impl Default for Scanner<'_> {
    fn default() -> Self {
        Scanner {
            seen: HashMap::with_capacity_and_hasher(256, Hasher::default()),
            cache: true,
        }
    }
}

impl Scanner<'_> {
    /// A scanner that remembers nothing (for one item read from a stream and then dropped):
    /// the same facts, every cell scanned.
    pub(crate) fn uncached() -> Self {
        Scanner {
            seen: HashMap::with_hasher(Hasher::default()),
            cache: false,
        }
    }
}

impl<'a> Scanner<'a> {
    /// The most distinct cells remembered (beyond, cells are scanned every time).
    const MAX: usize = 1 << 14;

    fn cell(&mut self, s: &'a str) -> u64 {
        if !self.cache {
            return scan(s);
        }
        if let Some(&bits) = self.seen.get(s) {
            return bits;
        }
        let bits = scan(s);
        if self.seen.len() < Self::MAX {
            self.seen.insert(s, bits);
        }
        bits
    }

    /// The facts of one item. No allocation (but for the cache's growth).
    pub(crate) fn item(&mut self, it: &'a Item<'_>) -> Facts {
        let mut f = Facts {
            name: scan(&it.name),
            category: self.cell(&it.category),
            subject: self.cell(&it.subject),
            ..Facts::default()
        };
        if let Some(s) = &it.subitem {
            f.name |= self.cell(s);
        }
        for c in &it.content {
            f.content |= self.cell(c);
        }
        for b in &it.basis {
            f.basis |= self.cell(&b.title);
        }
        f
    }
}

/// Whether white space sits between two CJK characters (a table cell wrapped mid-word, as in
/// "燃气经营许 可证核发").
pub(crate) fn space_inside_words(s: &str) -> bool {
    let mut prev_cjk = false;
    let mut gap = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if prev_cjk {
                gap = true;
            }
            continue;
        }
        let cjk = is_cjk(c);
        if gap && cjk {
            return true;
        }
        gap = false;
        prev_cjk = cjk;
    }
    false
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Splits a 公开主体 cell into the organs it names (`、`, `，`, `,`, `；`, `;`, `/`).
pub(crate) fn organs(s: &str) -> impl Iterator<Item = &str> {
    s.split(['、', '，', ',', '；', ';', '/', '／'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// Whether the text certainly starts and ends with a CJK ideograph or an ASCII letter or
/// digit, so that trimming white space or punctuation cannot change it (the common case, tested
/// on bytes before any character is decoded).
fn plain_ends(s: &str) -> bool {
    let b = s.as_bytes();
    let ideograph_lead = |x: u8| (0xE4..=0xE9).contains(&x); // U+4000..U+9FFF
    let head = match b.first() {
        Some(&x) => x.is_ascii_alphanumeric() || ideograph_lead(x),
        None => return false,
    };
    let tail = match b.last() {
        Some(&x) if x.is_ascii_alphanumeric() => true,
        _ => b.len() >= 3 && b.get(b.len() - 3).is_some_and(|&x| ideograph_lead(x)),
    };
    head && tail
}

/// `str::trim`, with a fast path for text without white space at either end.
pub(crate) fn trim(s: &str) -> &str {
    if plain_ends(s) { s } else { s.trim() }
}

/// Whether the text is empty or white space only (including U+3000).
pub(crate) fn is_blank(s: &str) -> bool {
    trim(s).is_empty()
}

/// Trims white space, 书名号 and trailing punctuation from a cell (no allocation).
pub(crate) fn core_text(s: &str) -> &str {
    if plain_ends(s) {
        return s;
    }
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '《' | '》' | '。' | '.' | '；' | ';' | '，' | ',')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_builds_and_keywords_are_unique() {
        assert_eq!(lexicon().words.len(), TABLE.len());
        let mut seen = std::collections::BTreeSet::new();
        for (k, _) in TABLE {
            assert!(seen.insert(*k), "keyword twice: {k}");
        }
    }

    #[test]
    fn scan_finds_overlapping_keywords() {
        let f = scan("由于工程施工等原因确需停止供水的审批");
        assert_ne!(f & WATER, 0);
        assert_ne!(f & WATER_STOP, 0);
        assert_ne!(f & PERMIT, 0);
        assert_eq!(scan("武陟县城市管理局") & (GENERIC_ORGAN | FILL_IN), 0);
        assert_ne!(scan("负责审批的燃气管理部门") & GENERIC_ORGAN, 0);
        assert_eq!(scan(""), 0);
    }

    /// The scan is exactly the union of the bits of the keywords a text contains.
    #[test]
    fn scan_is_the_union_of_contained_keywords() {
        let mut texts: Vec<String> = TABLE.iter().map(|(k, _)| (*k).to_owned()).collect();
        texts.extend(
            TABLE
                .windows(3)
                .map(|w| format!("{}{}x{}", w[0].0, w[1].0, w[2].0)),
        );
        texts.extend(
            [
                "县级人民政府负责审批的燃气管理部门",
                "停止供水停水",
                "处罚决定书",
                "XXx＊＊__ 某某",
                "𠀀县𠀀",
                "武陟县城市管理局",
            ]
            .map(str::to_owned),
        );
        for dir in ["../tests/cases", "../examples"] {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            for e in entries.flatten() {
                if let Ok(text) = std::fs::read_to_string(e.path()) {
                    texts.extend(text.split(['"', ',', '\n']).map(str::to_owned));
                }
            }
        }
        assert!(texts.len() > 500, "{} texts", texts.len());
        for t in &texts {
            let want = TABLE
                .iter()
                .filter(|(k, _)| t.contains(k))
                .fold(0, |b, (_, bits)| b | bits);
            assert_eq!(scan(t), want, "{t:?}");
        }
    }

    #[test]
    fn spaces_inside_words() {
        assert!(space_inside_words("燃气经营许 可证核发"));
        assert!(space_inside_words("城镇燃\u{3000}气管理"));
        assert!(!space_inside_words("燃气经营许可证核发"));
        assert!(!space_inside_words("GB 2260 标准"));
        assert!(!space_inside_words(" 前后空格 "));
    }

    #[test]
    fn fast_trims_agree_with_std() {
        for s in [
            "",
            " ",
            "\u{3000}",
            "城镇燃气管理条例",
            " 城镇燃气管理条例",
            "城镇燃气管理条例\u{3000}",
            "《城镇燃气管理条例》",
            "GB 2260",
            "a",
            "é ",
            "条例。",
            "城市供水条例；",
            "\u{2003}武陟县",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            assert_eq!(is_blank(s), s.trim().is_empty(), "{s:?}");
        }
        assert_eq!(core_text("《城镇燃气管理条例》；"), "城镇燃气管理条例");
        assert_eq!(core_text(" 条例 "), "条例");
    }

    #[test]
    fn organs_split() {
        let v: Vec<&str> = organs("武陟县城市管理局、 各乡镇人民政府；").collect();
        assert_eq!(v, ["武陟县城市管理局", "各乡镇人民政府"]);
    }
}
