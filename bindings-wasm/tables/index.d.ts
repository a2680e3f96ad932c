// The JavaScript API of gongkai-wasm/tables (tables/node.mjs and tables/web.mjs export the same
// functions): the build with table import (cargo feature `tables`). Everything of the default
// entry (../index.d.ts), plus importTable (validate(bytes, { fileName }) reads tables too), the
// timeliness audit (audit), the check against the upper-level standard (diff), the 监督评价
// (evaluate, evaluationHtml) and the changes between two versions (changes), which the default
// build leaves out for its size.
import type { AuditOptions, AuditReport, CalendarOptions, Catalogue, DiffOptions, DiffReport, Evaluation, Location, Report, Severity } from '../index';

export * from '../index';
export { default } from '../index';

/** Options of `importTable`. Unknown keys are an error. */
export interface ImportOptions {
  /** The file's name: its extension decides the format (else the content does). */
  fileName?: string;
  /** Read only this XLSX sheet (or `表2`, the second table of an HTML page). */
  sheet?: string;
  /** Language of the report's messages: `zh` (default) or `en`. */
  lang?: 'zh' | 'en';
  /** The least severity reported. */
  minSeverity?: Severity;
  /** Today's date (`YYYY-MM-DD`) for rules about dates. */
  today?: string;
  /** The catalogue title (目录名称), when the table has none. */
  title?: string;
  /** The 领域, a code (`municipal_services`) or its Chinese name, when the table has none. */
  domain?: string;
  /** The 编制单位, when the table has none. */
  publisher?: string;
  /** The 目录层级 (`county` or 县级 …), when the table has none. */
  level?: string;
  /** The 编制日期 (`YYYY-MM-DD`), when the table has none. */
  issued?: string;
  /**
   * Who supplies a catalogue field the table lacks, named by the `import.header_missing`
   * finding: `js` (default: the option, `{ domain }`) or `form` (the form's field, “领域”栏).
   */
  frontEnd?: 'js' | 'form';
}

/** What `importTable` returns. */
export interface ImportedTable {
  /** The catalogue in the canonical JSON (what `validate` takes). */
  catalogue: Catalogue;
  /** Its validation report, the importer's findings included; issues carry their cell (`location`). */
  report: Report;
  /**
   * Where each value came from: JSON Pointer → cell. A pointer without an entry lies in the
   * cell of its nearest ancestor (`/items/3/time_limit/days` → `/items/3/time_limit`).
   */
  sources: { [pointer: string]: Location };
  /** The text encoding of a CSV or HTML file (`UTF-8`, `GB18030` …); `null` for XLSX. */
  encoding: string | null;
}

/**
 * Reads a catalogue table (CSV, XLSX, HTML or DOCX: a file's bytes) into the canonical JSON and
 * validates it, so a form can be filled from a spreadsheet. Throws `import` or
 * `unsupported_format` (e.g. an `.xls` workbook) when the table cannot be read, and
 * `invalid_argument` for JSON input (use `validate`).
 */
export function importTable(input: Uint8Array | ArrayBuffer | string, options?: ImportOptions): ImportedTable;

/** One unit of `evaluate`: its catalogue, and optionally its records and parent. Unknown keys
 * are an error. */
export interface EvaluationUnit {
  /** The unit's name (二级机构, township, village committee …); duplicates are renamed, with an issue. */
  unit: string;
  /** The catalogue: an object, JSON text, or a file's bytes (with `fileName`: gongkai-wasm/tables
   * reads tables, `.csv`, `.xlsx`, `.html`, `.docx`). */
  catalogue: string | Catalogue | Record<string, unknown> | Uint8Array | ArrayBuffer;
  /** The catalogue's file name: its extension decides the format; shown in the report. */
  fileName?: string;
  /** Publication records: CSV text or bytes, or an array of record objects (as `audit` takes). */
  records?: string | Array<Record<string, unknown>> | { records: unknown[] } | Uint8Array | ArrayBuffer;
  /** The records' file name (`.csv`, `.json` …). */
  recordsFileName?: string;
  /** The unit whose catalogue this one must agree with (村 → 乡, 二级机构 → 局). */
  parent?: string;
}

/** Options of `evaluate`. Unknown keys are an error. */
export interface EvaluateOptions extends Omit<CalendarOptions, 'provisional'> {
  /** The evaluation day (`YYYY-MM-DD`): records past their deadline and unpublished are overdue.
   * The system clock is never read; without it nothing is overdue. */
  today?: string;
  /** The upper-level standard: an embedded name (`"municipal_services"`) or a catalogue;
   * default: the embedded standard of each unit's 领域. */
  reference?: 'municipal_services' | string | Catalogue | Record<string, unknown>;
  /** Overrides of the deduction table (the JSON of `gongkai evaluate --scoring`); validated:
   * unknown classes or negative points throw `invalid_argument`. */
  scoring?: string | Record<string, unknown>;
  /** The 通报's title (default 政务公开监督评价通报). */
  title?: string;
}

/**
 * The 监督评价 across units (what `gongkai evaluate` does): per unit its items, completeness of
 * the nine elements, problems, coverage of the standard, agreement with its parent, with records
 * the 按时公开率, 公开覆盖率, overdue records and 解读同步率, and a score 0–100 with its
 * deductions; units ranked (1 = best). A unit that cannot be read is listed with its `error`;
 * throws `invalid_argument` for a bad unit object or option.
 */
export function evaluate(units: EvaluationUnit[], options?: EvaluateOptions): Evaluation;

/** The 通报 of an `evaluate` result: one self-contained HTML page (inline SVG charts, A4). */
export function evaluationHtml(report: Evaluation | string): string;
/** Options of `changes`. Unknown keys are an error. */
export interface ChangesOptions {
  lang?: 'zh' | 'en';
  /** The least name similarity (0–1) for two items to be the same (renamed) item (default 0.6). */
  threshold?: number;
  /** `json` (the report, default), or the 修订说明 as `md`, `html` or `text`. */
  format?: 'json' | 'md' | 'html' | 'text';
}

/** One change of one item: an issue (code, message, `reference_path` = old, `local_path` = new). */
export interface Change extends Record<string, unknown> {
  class: 'strengthened' | 'weakened' | 'neutral';
  field: string;
  code: string;
  severity: Severity;
  path: string;
  message: string;
}

/** What changed between two versions (`gongkai changes --format json`). */
export interface ChangesReport {
  old: Record<string, unknown>;
  new: Record<string, unknown>;
  /** Whether any change weakens disclosure (a reviewer must approve it). */
  weakened: boolean;
  counts: {
    added: number; removed: number; changed: number; unchanged: number;
    strengthened: number; weakened: number; neutral: number;
  };
  items: Array<{
    status: 'added' | 'removed' | 'changed';
    class: 'strengthened' | 'weakened' | 'neutral';
    category: string;
    name: string;
    old_name?: string;
    old_id: string | null;
    new_id: string | null;
    old_path: string | null;
    new_path: string | null;
    matched_by?: string;
    changes: Change[];
  }>;
  issues: Array<Record<string, unknown>>;
}

/**
 * Compares two versions of a catalogue (JSON text or objects): items added, removed and
 * changed, each change strengthened / weakened / neutral. With `format` `md`, `html` or `text`,
 * returns the 修订说明 as a string. Throws `json` / `not_a_catalogue` for a version that cannot
 * be read, `invalid_argument` for a bad option.
 */
export function changes(
  old: string | Catalogue | Record<string, unknown> | Uint8Array,
  new_: string | Catalogue | Record<string, unknown> | Uint8Array,
  options?: ChangesOptions & { format?: 'json' },
): ChangesReport;
export function changes(
  old: string | Catalogue | Record<string, unknown> | Uint8Array,
  new_: string | Catalogue | Record<string, unknown> | Uint8Array,
  options: ChangesOptions & { format: 'md' | 'html' | 'text' },
): string;

/**
 * The timeliness audit (按时公开审计) of publication records against a catalogue. Records are
 * CSV text, JSON text, bytes, an array of objects or `{ records: [...] }`; bad records are
 * issues in the report, never exceptions.
 */
export function audit(
  catalogue: string | Catalogue | Record<string, unknown> | Uint8Array,
  records: string | Array<Record<string, unknown>> | { records: unknown[] } | Uint8Array,
  options?: AuditOptions,
): AuditReport;

/**
 * Checks a local catalogue against the upper-level standard: an embedded reference name
 * (`"municipal_services"`, or its Chinese name `"市政服务"`) or a catalogue (JSON text or object). Findings are the report, never
 * exceptions; throws `invalid_argument` for an unknown reference name or a bad option, `json`
 * / `not_a_catalogue` for a catalogue that cannot be read.
 */
export function diff(
  reference: 'municipal_services' | string | Catalogue | Record<string, unknown> | Uint8Array,
  local: string | Catalogue | Record<string, unknown> | Uint8Array,
  options?: DiffOptions,
): DiffReport;
