// The JavaScript API of gongkai-wasm, default entry (node.mjs and web.mjs export the same
// functions): the build without table import. gongkai-wasm/tables adds importTable, audit, diff,
// evaluate, evaluationHtml and changes (tables/index.d.ts); the options and result types of
// audit and diff (AuditOptions, AuditReport, DiffOptions, DiffReport, …) are declared here.
// The data model (Catalogue, Item, Report, Issue, …) and the results of deadline, audit and
// diff (Deadline, AuditReport, DiffReport, …) are generated from JSON Schemas of the Rust types
// into types/ by scripts/gen-types.mjs; only the binding's own signatures and options are here.
import type { Catalogue, Item, TimeLimit } from './types/catalogue';
import type { Deadline } from './types/deadline';
import type { Issue, Report, Severity } from './types/report';

export type * from './types/audit';
export type * from './types/catalogue';
export type * from './types/deadline';
export type * from './types/diff';
export type * from './types/evaluation';
export type * from './types/report';

/** Options of `validate` (and of `validateItem`, through its context). Unknown keys are an error;
 * an error names the key, what it should be and what it is. */
export interface ValidateOptions {
  /** Language of the messages: `zh` (default) or `en`. */
  lang?: 'zh' | 'en';
  /** The least severity reported (default `info`: everything). `valid` ignores this filter. */
  minSeverity?: Severity;
  /** Today's date (`YYYY-MM-DD`) for rules about dates; the system clock is never read. */
  today?: string;
  /**
   * Mask personal data in the values messages quote (runs of 6+ digits such as phone numbers,
   * the names after 联系人：…); codes, paths and locations are kept. Default false; the demo
   * turns it on.
   */
  mask?: boolean;
  /**
   * The most issues a report lists (default 100,000); beyond it the issues are only counted,
   * in one `report.truncated` warning naming how many more there were and of which codes.
   */
  maxIssues?: number;
  /**
   * `validate` only: the input is a file of this name (its bytes, or its text). With
   * gongkai-wasm/tables, a table (`.csv`, `.xlsx`, `.html` …) is imported first and each issue
   * carries its cell (`location`); the format comes from the extension, else from the content.
   * The default entry has no table import: a table throws `unsupported_format`.
   */
  fileName?: string;
  /**
   * A registry file of instruments (依据库, the format of docs/laws.md) as JSON text or an
   * object, merged over the embedded registry: local 地方性法规, 规章 and 规范性文件 the `basis`
   * rules then know. A bad file throws `laws`, naming each entry and field.
   */
  laws?: string | LawsFile;
  /** A table (with `fileName`): read only this sheet (or `表N`, the Nth table of a page). */
  sheet?: string;
  /** A table: the catalogue title (目录名称), when the table has none. */
  title?: string;
  /** A table: the 领域, a code (`municipal_services`) or its Chinese name, when the table has none. */
  domain?: string;
  /** A table: the 编制单位, when the table has none. */
  publisher?: string;
  /** A table: the 目录层级 (`county` or 县级 …), when the table has none. */
  level?: string;
  /** A table: the 编制日期 (`YYYY-MM-DD`), when the table has none. */
  issued?: string;
  /**
   * Who supplies a catalogue field the table lacks, named by the `import.header_missing`
   * finding: `js` (default: the option, `{ domain }`) or `form` (the form's field, “领域”栏).
   */
  frontEnd?: 'js' | 'form';
}

/** Where the item of `validateItem` sits. */
export interface ItemContext extends Omit<ValidateOptions, 'fileName' | 'sheet' | 'title' | 'domain' | 'publisher' | 'level' | 'issued' | 'frontEnd'> {
  /** The item's index in `items`: issue paths are `/items/{index}/…` (default 0). */
  index?: number;
  /** The catalogue's header fields (its `items` are ignored), so that rules relating an item
   * to its catalogue can run; without it they are skipped. */
  header?: Partial<Catalogue> | string | null;
}

/** A diff or consistency finding: an `Issue` with both sides (`reference_path`, `local_path`, …). */
export type DiffFinding = Issue;
/** A problem of the audit's records: an `Issue` with the record's `row`, `line` and `column`. */
export type AuditIssue = Issue;

/** One code of `rules()`: the core's registry of every code any function can emit. */
export interface RuleDef {
  /** Stable code, `family.name`. */
  code: string;
  /** The family: `structure`, `catalogue`, `items`, `time`, `channels`, `basis`, `subject`,
   * `import`, `diff`, `records` or `deadline`. */
  family: string;
  severity: Severity;
  /** Whether the published JSON Schema alone decides it (ajv finds it too). */
  structural: boolean;
  /** The source file that declares it. */
  defined_in: string;
  /** Short Chinese title. */
  title: string;
  /** The legal or policy source. */
  source: string;
  /** Chinese message template (`{param}` placeholders). */
  message_zh: string;
  /** English message template. */
  message_en: string;
}

/** The codes of a thrown `GongkaiError`. */
export type ErrorCode =
  | 'json'
  | 'not_a_catalogue'
  | 'too_large'
  | 'import'
  | 'unsupported_format'
  | 'io'
  | 'calendar'
  | 'invalid_argument'
  /** The module trapped (a bug); it has been reloaded, the next call works. */
  | 'internal_panic'
  /** A call before `init()` resolved (browser). */
  | 'not_initialized'
  /** `init()` could not load the module. */
  | 'init_failed';

/** What the API throws when a call cannot produce a report. Invalid data never throws. */
export interface GongkaiError extends Error {
  code: ErrorCode;
  /** 1-based line of a JSON syntax error. */
  line?: number;
  /** 1-based column (in bytes) of a JSON syntax error. */
  column?: number;
}

/** What `init` accepts: where to load the `.wasm` from, its bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Loads the module (browser; in Node it resolves at once). Call it once before anything else. */
export default function init(
  input?: InitInput | Promise<InitInput> | { module_or_path: InitInput | Promise<InitInput> },
): Promise<void>;

/**
 * Validates a catalogue: JSON text (a string), a file's bytes (UTF-8, BOM accepted) or an
 * object. Returns the report of data-model.md; throws a `GongkaiError` only when the input is
 * not a JSON document or not an object (`json`, `not_a_catalogue`) or an option is invalid.
 * With `options.fileName`, a table's bytes (CSV, XLSX, HTML, DOCX) are imported and validated
 * (gongkai-wasm/tables; the default entry throws `unsupported_format` for a table); an
 * unreadable table throws `import` or `unsupported_format`.
 */
export function validate(
  input: string | Catalogue | Record<string, unknown> | Uint8Array | ArrayBuffer,
  options?: ValidateOptions,
): Report;

/**
 * Validates one item (a form's row) as row `context.index` of a catalogue: issue paths are
 * relative to the catalogue (`/items/3/time_limit`), and only the item's own issues are
 * reported.
 */
export function validateItem(
  item: Item | Record<string, unknown> | string | Uint8Array,
  context?: ItemContext,
): Report;

/** The published catalogue JSON Schema (draft 2020-12; Chinese `title` on every property and code). */
export function schema(): Record<string, unknown>;

/** The JSON Schema of a validation report. */
export function reportSchema(): Record<string, unknown>;

/** Every rule: code, severity, title, legal source and message templates. */
export function rules(): RuleDef[];

/** One known 领域 of `domains()`: the code a catalogue's `domain` holds and its Chinese name. */
export interface DomainName {
  /** The code, e.g. `municipal_services`. */
  code: string;
  /** The Chinese name, e.g. 市政服务. */
  zh: string;
}

/**
 * The 26 known 领域 (the pilot fields of 国办发〔2019〕54号), in the core's order: for a choice of
 * 领域 in a form (Chinese names shown, codes as values). The list is open: another code in
 * `domain` is a warning (`catalogue.unknown_domain`), not an error.
 */
export function domains(): DomainName[];

/** One version of an instrument. */
export interface LawVersion {
  change?: 'original' | 'revision' | 'amendment';
  /** 令号 / 文号, e.g. 国务院令第711号. */
  doc_no?: string;
  /** Promulgated, adopted or issued (`YYYY-MM-DD`). */
  promulgated?: string;
  /** In force from (`YYYY-MM-DD`). */
  in_force?: string;
  /** The decision that made the change. */
  by?: string;
  note?: string;
  /** Where the facts were checked. */
  source?: string;
}

/** One instrument of the registry (依据库). */
export interface Law {
  title: string;
  short_names?: string[];
  kind:
    | 'law'
    | 'administrative_regulation'
    | 'local_regulation'
    | 'departmental_rule'
    | 'local_rule'
    | 'normative_document'
    | 'other';
  issuer?: string;
  /** Oldest first. */
  versions?: LawVersion[];
  status: 'in_force' | 'repealed';
  repealed_on?: string;
  /** The title of the entry that replaced it. */
  replaced_by?: string;
  repeal_source?: string;
  sources?: string[];
}

/** A registry file (docs/laws.md). */
export interface LawsFile {
  format: 'gongkai-laws';
  format_version: 1;
  description?: string;
  entries: Law[];
}

/** Options of `laws()`. */
export interface LawsOptions {
  /** A registry file merged over the embedded one. */
  laws?: string | LawsFile;
  /** Language of error messages. */
  lang?: 'zh' | 'en';
}

/** Options of `lookupLaw()`. */
export interface LookupLawOptions extends LawsOptions {
  /** The citation's document number: picks the version (or finds the instrument alone). */
  docNo?: string;
}

/** What `lookupLaw` finds. */
export interface LawMatch {
  law: Law;
  /** The version `docNo` names, or null. */
  version: LawVersion | null;
}

/** Every instrument of the registry: the embedded one, or `options.laws` merged over it. */
export function laws(options?: LawsOptions): Law[];

/** The instrument a citation's title (and document number) names, or null. */
export function lookupLaw(title: string, options?: LookupLawOptions): LawMatch | null;

/** The version of the gongkai core (in the browser: once `init()` has resolved). */
export const version: string;

/** Calendar options (of `deadline`, `audit`, `calendarDay` and the working-day functions).
 * Unknown keys are an error. */
export interface CalendarOptions {
  /** A newer holiday notice: CSV text `date,kind,name` (the format of `data/cn-holidays.csv`),
   * adding or replacing the years it contains on top of the embedded schedule. */
  calendar?: string;
  /** Refuse years whose notice is not loaded (throw `calendar`) instead of counting them
   * provisionally with the statutory holidays. */
  strictCalendar?: boolean;
  /** `isWorkingDay`, `addWorkingDays`, `workingDaysBetween` only: count a year without a notice
   * provisionally. A bare value cannot say it is provisional, so these functions throw
   * `calendar` for such a year unless this is `true`; `calendarDay`, `deadline` and `audit`
   * count it and mark the result `provisional: true`. */
  provisional?: boolean;
  /** Language of error messages: `zh` (default) or `en`. */
  lang?: 'zh' | 'en';
}

/** What the calendar says about one day. */
export interface CalendarDay {
  date: string;
  working: boolean;
  /** `off` (holiday) or `work` (adjusted working day) when listed, else null. */
  kind: 'off' | 'work' | null;
  /** The festival, when listed (or, in a provisional year, the statutory holiday). */
  name: string | null;
  /** The day's year has no notice loaded: counted with the statutory holidays only. */
  provisional: boolean;
}

/** Whether a day (`YYYY-MM-DD`) is a working day (工作日) under the embedded holiday schedule.
 * Throws `invalid_argument` for a bad date, `calendar` for a year the schedule does not cover
 * (a year without a notice too, unless `options.provisional`). */
export function isWorkingDay(date: string, options?: CalendarOptions): boolean;

/** What the calendar says about a day, with `provisional` for a year without a notice. */
export function calendarDay(date: string, options?: CalendarOptions): CalendarDay;

/** The `n`th working day after `date` (the start day is not counted), as `YYYY-MM-DD`. */
export function addWorkingDays(date: string, n: number, options?: CalendarOptions): string;

/** The working days in `(a, b]` (negative when `b` is before `a`). */
export function workingDaysBetween(a: string, b: string, options?: CalendarOptions): number;

/** Options of `deadline`. Unknown keys are an error. */
export interface DeadlineOptions extends Omit<CalendarOptions, 'provisional'> {
  /** Extension granted under 条例 第三十三条, in working days (0–20; `working_days` limits only). */
  extension?: number;
}

/**
 * The deadline of a 公开时限 (an object, or the text of a table cell) counted from `start`:
 * `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS]` (the start of the event of an `hours_before` limit).
 * No deadline is a `reason`, not an error. A date counted through a year whose notice is not
 * loaded is `provisional: true` with a `calendar.provisional` warning; throws `calendar` (naming
 * the year) for a year that cannot be counted (or, with `strictCalendar`, has no notice),
 * `invalid_argument` for a bad date or option.
 */
export function deadline(timeLimit: TimeLimit | string, start: string, options?: DeadlineOptions): Deadline;

/** Options of `audit`. Unknown keys are an error. */
export interface AuditOptions extends Omit<CalendarOptions, 'provisional'> {
  /** Today (`YYYY-MM-DD`), to tell overdue from pending; without it unpublished records are `unpublished`. */
  today?: string;
  /** Language of the messages: `zh` (default) or `en`. */
  lang?: 'zh' | 'en';
}

/** Options of `diff`. Unknown keys are an error. */
export interface DiffOptions {
  /** Compare two linked catalogues (consistency check) instead of local against standard. */
  consistency?: boolean;
  lang?: 'zh' | 'en';
  /** The least severity reported; `valid` and `coverage` do not depend on it. */
  minSeverity?: Severity;
  /** The least name similarity (0.05–1) for two items to match (default 0.6). */
  threshold?: number;
  /** Two candidates closer than this in score (0–0.5) are ambiguous (default 0.05). */
  margin?: number;
}
