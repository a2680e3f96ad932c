//! The importer's findings: what it noticed while reading a table (text it kept but could not parse, ambiguous glyphs, missing marks, 同上 resolved, rows skipped, defaults taken).

use crate::codes::Severity::{Error, Info, Warning};

const SRC: &str = "gongkai 表格导入";
const TL: &str = "《政府信息公开条例》第二十六条；gongkai 表格导入";

define_codes! {
    family: Import;
    ENCODING = "import.encoding" {
        severity: Info,
        title: "文件编码",
        source: SRC,
        message_zh: "文件编码为 {encoding}，已自动转换；如需避免转换，请另存为“CSV UTF-8”",
        message_en: "The file is encoded in {encoding} and was converted; save it as “CSV UTF-8” to avoid conversion",
    }

    TRUNCATED = "import.truncated" {
        severity: Warning,
        title: "行数超过上限，未全部读取",
        source: SRC,
        message_zh: "表格超过 {limit} 行的上限，从第 {row} 行起未读取；请拆分文件，或在导入选项中调高 max_rows",
        message_en: "The table exceeds the limit of {limit} rows; rows from {row} on were not read. Split the file or raise max_rows",
    }

    CELL_TRUNCATED = "import.cell_truncated" {
        severity: Warning,
        title: "单元格过长，已截断",
        source: SRC,
        message_zh: "单元格 {cell} 超过 {limit} 字节，超出部分未读取；请检查该单元格，或调高 max_cell_bytes",
        message_en: "Cell {cell} exceeds {limit} bytes and was cut; check the cell or raise max_cell_bytes",
    }

    COLUMNS_TRUNCATED = "import.columns_truncated" {
        severity: Warning,
        title: "列数超过上限",
        source: SRC,
        message_zh: "表格超过 {limit} 列，多出的列未读取；请删除多余的列，或调高 max_columns",
        message_en: "The table has more than {limit} columns; the rest were not read. Remove them or raise max_columns",
    }

    SHEET_HIDDEN = "import.sheet_hidden" {
        severity: Info,
        title: "隐藏的工作表未读取",
        source: SRC,
        message_zh: "工作表“{sheet}”是隐藏的，未读取；如需导入，请取消隐藏或在选项中指定该工作表",
        message_en: "Sheet “{sheet}” is hidden and was not read; unhide it or name it in the options",
    }

    FINDINGS_TRUNCATED = "import.findings_truncated" {
        severity: Warning,
        title: "导入发现过多，只列出一部分",
        source: SRC,
        message_zh: "导入时只记录前 {limit} 条发现，另有 {more} 条未记录（{codes_zh}）；请先处理已列出的问题，或在导入选项中调高 max_findings",
        message_en: "The import records the first {limit} findings; {more} more are not recorded ({codes_en}). Deal with the listed ones first, or raise max_findings",
    }

    TABLE_SKIPPED = "import.table_skipped" {
        severity: Info,
        title: "非目录表格未读取",
        source: SRC,
        message_zh: "“{table}”中没有目录表头（序号、公开事项、公开内容……），未作为目录读取",
        message_en: "“{table}” has no catalogue header (序号, 公开事项, 公开内容 …) and was not read as a catalogue",
    }

    TABLE_CONTINUED = "import.table_continued" {
        severity: Info,
        title: "无表头的续表",
        source: SRC,
        message_zh: "“{table}”没有表头，列数与“{previous}”相同，已作为其续表读取；如不正确，请为该表格加上表头",
        message_en: "“{table}” has no header and as many columns as “{previous}”; it was read as its continuation. Give it a header if that is wrong",
    }

    HEADER_REPEATED = "import.header_repeated" {
        severity: Info,
        title: "重复的表头",
        source: SRC,
        message_zh: "第 {row} 行重复了表头（分页造成），已跳过",
        message_en: "Row {row} repeats the header (a page break) and was skipped",
    }

    ROW_SKIPPED = "import.row_skipped" {
        severity: Info,
        title: "非事项行未读取",
        source: SRC,
        message_zh: "第 {row} 行（“{text}”）{reason}，不是公开事项，已跳过；如果它是事项，请补全“二级事项”等内容",
        message_en: "Row {row} (“{text}”) is not a disclosure item and was skipped; if it is one, fill in 二级事项 and the other columns",
    }

    SECTION_ROW = "import.section_row" {
        severity: Info,
        title: "分组标题行",
        source: SRC,
        message_zh: "第 {row} 行“{text}”是分组标题，已作为其下各行的“一级事项”",
        message_en: "Row {row} “{text}” is a section title; it was used as 一级事项 (category) of the rows below",
    }

    CONTINUATION_ROW = "import.continuation_row" {
        severity: Info,
        title: "续行已并入上一事项",
        source: SRC,
        message_zh: "第 {row} 行没有序号和事项名称，其内容已并入第 {item_row} 行的事项；如果它是单独的事项，请填写“二级事项”",
        message_en: "Row {row} has no 序号 and no item name; its cells were added to the item of row {item_row}. If it is an item of its own, fill in 二级事项",
    }

    CARRIED_DOWN = "import.carried_down" {
        severity: Info,
        title: "空单元格沿用上一行",
        source: SRC,
        message_zh: "“{field}”为空，已沿用第 {from_row} 行的“{value}”（合并单元格）；如不正确，请填写该单元格",
        message_en: "“{field}” is empty and takes “{value}” from row {from_row} (a merged cell); fill the cell if that is wrong",
    }

    SPLIT_CELL_JOINED = "import.split_cell_joined" {
        severity: Info,
        title: "被拆开的一级事项已合并",
        source: SRC,
        message_zh: "第 {rows} 行的一级事项“{first}”“{second}”像是同一个合并单元格被拆开，已合并为“{joined}”；如不正确，请分别填写",
        message_en: "The categories “{first}” and “{second}” (rows {rows}) look like one merged cell split in two and were joined as “{joined}”",
    }

    SAME_AS_ABOVE = "import.same_as_above" {
        severity: Info,
        title: "“同上”已按上一行填写",
        source: SRC,
        message_zh: "“{field}”写作“同上”，已按第 {from_row} 行的内容“{value}”读取；建议直接填写完整内容",
        message_en: "“{field}” says “同上” (same as above) and was read as row {from_row}: “{value}”; write the value out",
    }

    SAME_AS_ABOVE_UNRESOLVED = "import.same_as_above_unresolved" {
        severity: Warning,
        title: "“同上”无可参照的行",
        source: SRC,
        message_zh: "“{field}”写作“同上”，但上面没有可参照的事项；请填写完整内容",
        message_en: "“{field}” says “同上” (same as above) but there is no item above; write the value out",
    }

    ID_GENERATED = "import.id_generated" {
        severity: Info,
        title: "序号为空，已自动编号",
        source: SRC,
        message_zh: "第 {row} 行没有序号（可能是合并单元格），已编为“{id}”；如需固定序号，请填写",
        message_en: "Row {row} has no 序号 (perhaps a merged cell) and was numbered “{id}”",
    }

    ID_RENAMED = "import.id_renamed" {
        severity: Info,
        title: "重复序号已加表号",
        source: SRC,
        message_zh: "“{table}”的序号“{id}”与前面的表格重复，已改为“{new_id}”",
        message_en: "序号 “{id}” of “{table}” repeats an earlier table's and was renamed “{new_id}”",
    }

    HEADER_INFERRED = "import.header_inferred" {
        severity: Info,
        title: "表头缺失，按位置推断",
        source: SRC,
        message_zh: "{column} 列的表头缺失或不完整，已按位置推断为“{field}”；请补全表头",
        message_en: "The header of column {column} is missing or incomplete; it was taken to be “{field}” from its position",
    }

    AUDIENCE_BY_VALUES = "import.audience_by_values" {
        severity: Info,
        title: "按单元格内容识别的公开对象列",
        source: SRC,
        message_zh: "{column} 列“{header}”的内容都是公开对象（全社会、特定群体……），已作为“公开对象”读取；如不正确，请修改该列表头",
        message_en: "The cells of column {column} “{header}” are all audiences (全社会, 特定群体 …); the column was read as 公开对象 (audience). Rename its header if that is wrong",
    }

    EXTRA_COLUMN = "import.extra_column" {
        severity: Info,
        title: "标准目录之外的列",
        source: SRC,
        message_zh: "{column} 列“{header}”不是标准目录的列，其内容已原样保留在各事项的“{header}”字段中",
        message_en: "Column {column} “{header}” is not part of the standard layout; its cells are kept in each item under “{header}”",
    }

    HEADER_MISSING_COLUMN = "import.header_missing_column" {
        severity: Warning,
        title: "缺少目录列",
        source: "国办发〔2019〕54号（目录应包括公开事项名称、内容、依据、时限、主体、方式、渠道、对象等要素）",
        message_zh: "表格中没有“{field}”列，各事项的“{field}”将为空；请在表格中增加该列",
        message_en: "The table has no “{field}” column, so every item lacks it; add the column",
    }

    TIME_LIMIT_UNPARSED = "import.time_limit_unparsed" {
        severity: Warning,
        title: "公开时限未能识别",
        source: TL,
        message_zh: "公开时限“{text}”未能识别，原文已保留；请写成如“自信息形成或者变更之日起20个工作日内”",
        message_en: "The time limit “{text}” was not understood and is kept as written; write it like “within 20 working days of the information being formed or changed”",
    }

    TIME_LIMIT_COMPOUND = "import.time_limit_compound" {
        severity: Warning,
        title: "一个单元格中有多个公开时限",
        source: TL,
        message_zh: "公开时限“{text}”包含多个不同的时限，原文已保留；请拆成多个事项，或统一为一个时限",
        message_en: "The time limit “{text}” states several different limits and is kept as written; split the item or state one limit",
    }

    TIME_LIMIT_DURATION = "import.time_limit_duration" {
        severity: Warning,
        title: "公开时限写的是公示期",
        source: TL,
        message_zh: "公开时限“{text}”写的是公示期的长短，不是应在何时公开；原文已保留，请写明公开期限，如“自信息形成之日起20个工作日内”",
        message_en: "“{text}” states how long a notice stays up, not when it must be published; it is kept as written. State the deadline",
    }

    CHANNEL_AMBIGUOUS = "import.channel_ambiguous" {
        severity: Warning,
        title: "公开渠道的勾选不明确",
        source: SRC,
        message_zh: "公开渠道“{text}”的勾选不明确（{reason}），已读作选中：{chosen}；请用■标明选中、□标明未选中",
        message_en: "The channel cell “{text}” is ambiguous ({reason_en}); read as chosen: {chosen}. Mark chosen channels ■ and others □",
    }

    CHANNEL_OTHER = "import.channel_other" {
        severity: Info,
        title: "标准渠道之外的渠道",
        source: "国办发〔2019〕54号（标准目录列出12个公开渠道和“其他”）",
        message_zh: "公开渠道“{name}”不是12个标准渠道之一，已作为“其他渠道”保留；如它就是某个标准渠道，请改用标准名称",
        message_en: "The channel “{name}” is not one of the 12 standard channels and was kept as an other channel; use the standard name if it is one",
    }

    MARK_MISSING = "import.mark_missing" {
        severity: Warning,
        title: "勾选标记缺失",
        source: SRC,
        message_zh: "“{field}”各列都没有勾选标记（√），无法判断，未当作“否”；请勾选",
        message_en: "None of the “{field}” columns is ticked (√); the value is unknown (not read as no). Tick it",
    }

    MARKS_MISSING_COLUMN = "import.marks_missing_column" {
        severity: Warning,
        title: "整列没有勾选标记",
        source: SRC,
        message_zh: "“{field}”（{column} 列起）在全部 {count} 个事项中都没有勾选标记，可能在转换中丢失；各事项的“{field}”未知，请补勾",
        message_en: "“{field}” (from column {column}) has no tick in any of the {count} items, perhaps lost in conversion; the values are unknown. Tick them",
    }

    MARK_UNCLEAR = "import.mark_unclear" {
        severity: Warning,
        title: "勾选内容无法识别",
        source: SRC,
        message_zh: "“{header}”列的内容“{value}”不是勾选标记，未能判断，原文已保留在备注中；请改为√或留空",
        message_en: "“{value}” in column “{header}” is not a tick mark and was not read; it is kept in the notes. Use √ or leave it blank",
    }

    MARK_SPANS_GROUP = "import.mark_spans_group" {
        severity: Warning,
        title: "勾选标记跨越多列",
        source: SRC,
        message_zh: "“{field}”的标记“{value}”是跨越多列的合并单元格，无法判断勾选的是哪一项；请拆分单元格分别勾选",
        message_en: "The “{field}” mark “{value}” is a cell merged across several columns, so it does not say which is ticked; unmerge and tick each",
    }

    GLOSS_REMOVED = "import.gloss_removed" {
        severity: Info,
        title: "已去除拼音注音",
        source: SRC,
        message_zh: "表格中有网页插入的拼音注音（如“鎮(zhèn)”），已去除；繁体字按原文保留",
        message_en: "Pinyin glosses inserted by a web page (e.g. “鎮(zhèn)”) were removed; traditional characters are kept as written",
    }

    HEADER_DEFAULT = "import.header_default" {
        severity: Info,
        title: "目录信息取自表格之外",
        source: SRC,
        message_zh: "目录的“{field}”不在表格中，已取“{value}”（来自{source}）；如不正确，请{how}",
        message_en: "The catalogue's “{field}” is not in the table; “{value}” was taken from {source_en}. If that is wrong, {how_en}",
    }

    METADATA_UNRECOGNISED = "import.metadata_unrecognised" {
        severity: Warning,
        title: "目录信息无法识别",
        source: SRC,
        message_zh: "目录信息中“{label}”的值“{value}”无法识别（应为{expected}），已原样保留为扩展字段；请更正后重新导入",
        message_en: "The value “{value}” of “{label}” in the catalogue information is not understood (expected {expected}); it is kept as an extra key. Correct it and import again",
    }

    HEADER_MISSING = "import.header_missing" {
        severity: Error,
        title: "目录信息缺失",
        source: SRC,
        message_zh: "目录的“{field}”不在表格中，也无法从标题或文件名推断；请{how}",
        message_en: "The catalogue's “{field}” is not in the table and could not be inferred from its caption or file name; {how_en}",
    }

    REVISIONS = "import.revisions" {
        severity: Info,
        title: "文档中有未接受的修订",
        source: SRC,
        message_zh: "文档中有未接受的修订（插入或删除的文字），已按接受全部修订后的内容读取；如不正确，请在 Word 或 WPS 中处理修订后重新导入",
        message_en: "The document has tracked changes; it was read as if all were accepted (insertions kept, deletions left out). Resolve them in Word or WPS if that is wrong",
    }

    SYMBOL_UNKNOWN = "import.symbol_unknown" {
        severity: Warning,
        title: "无法识别的符号字体字符",
        source: SRC,
        message_zh: "{cell} 中有 {font} 字体的符号（代码 {code}），不是可识别的勾选符号，已略去；如它表示勾选，请改用 ■、□ 或 √",
        message_en: "{cell} holds a {font} symbol (code {code}) that is not a known tick mark; it was left out. Use ■, □ or √ if it marks a choice",
    }
}
