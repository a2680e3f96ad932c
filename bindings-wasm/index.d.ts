// The JavaScript API of gongkai-wasm (node.mjs and web.mjs export the same functions).
// The data model (Catalogue, Item, Report, Issue, …) is generated from the published JSON
// Schemas into types/ by scripts/gen-types.mjs; only the binding's own signatures are here.
import type { Catalogue, Item, TimeLimit } from './types/catalogue';
import type { Counts, Report, Severity } from './types/report';

export type * from './types/catalogue';
export type * from './types/report';

/** Options of `validate` (and of `validateItem`, through its context). Unknown keys are an error. */
export interface ValidateOptions {
  /** Language of the messages: `zh` (default) or `en`. */
  lang?: 'zh' | 'en';
  /** The least severity reported (default `info`: everything). `valid` ignores this filter. */
  minSeverity?: Severity;
  /** Today's date (`YYYY-MM-DD`) for rules about dates; the system clock is never read. */
  today?: string;
}

/** Where the item of `validateItem` sits. */
export interface ItemContext extends ValidateOptions {
  /** The item's index in `items`: issue paths are `/items/{index}/…` (default 0). */
  index?: number;
  /** The catalogue's header fields (its `items` are ignored), so that rules relating an item
   * to its catalogue can run; without it they are skipped. */
  header?: Partial<Catalogue> | string | null;
}

/** One rule of `rules()`: the core's rule table. */
export interface RuleDef {
  /** Stable code, `family.name`. */
  code: string;
  severity: Severity;
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

/** The version of the gongkai core (in the browser: once `init()` has resolved). */
export const version: string;

/** Whether a day (`YYYY-MM-DD`) is a working day (工作日) under the embedded holiday schedule.
 * Throws `invalid_argument` for a bad date, `calendar` for a year the schedule does not cover. */
export function isWorkingDay(date: string): boolean;

/** The `n`th working day after `date` (the start day is not counted), as `YYYY-MM-DD`. */
export function addWorkingDays(date: string, n: number): string;

/** The working days in `(a, b]` (negative when `b` is before `a`). */
export function workingDaysBetween(a: string, b: string): number;

/** Options of `deadline`. Unknown keys are an error. */
export interface DeadlineOptions {
  /** Extension granted under 条例 第三十三条, in working days (0–20; `working_days` limits only). */
  extension?: number;
}

/** Why a time limit has no computable deadline. */
export interface DeadlineReason {
  /** `no_deadline.promptly`, `no_deadline.continuous`, `no_deadline.unparsed`, … */
  code: string;
  message_zh: string;
  message_en: string;
}

/** The deadline of one time limit from one start (dates are `YYYY-MM-DD`). */
export interface Deadline {
  kind: TimeLimit['kind'];
  start: string;
  /** The last day to publish (inclusive); `null` when there is none (see `reason`). */
  date: string | null;
  /** `hours_before`: the latest moment (`YYYY-MM-DDTHH:MM:SS`). */
  datetime: string | null;
  /** `calendar_days`: start + days, when the deadline was moved off a holiday. */
  nominal_date: string | null;
  /** `working_days`: the working days counted (days + extension). */
  working_days: number | null;
  extension_days: number;
  reason: DeadlineReason | null;
}

/**
 * The deadline of a 公开时限 (an object, or the text of a table cell) counted from `start`
 * (`YYYY-MM-DD`). No deadline is a `reason`, not an error; throws `calendar` for a year the
 * holiday schedule does not cover.
 */
export function deadline(timeLimit: TimeLimit | string, start: string, options?: DeadlineOptions): Deadline;

/** Options of `audit`. Unknown keys are an error. */
export interface AuditOptions {
  /** Today (`YYYY-MM-DD`), to tell overdue from pending; without it unpublished records are `unpublished`. */
  today?: string;
  lang?: 'zh' | 'en';
}

/** Counts per status and 按时公开率 (`on_time_rate`, `null` when nothing was assessed). */
export interface AuditTally {
  records: number;
  on_time: number;
  late: number;
  overdue: number;
  pending: number;
  unpublished: number;
  not_applicable: number;
  invalid: number;
  assessed: number;
  on_time_rate: number | null;
}

/** The report of `audit` (keys as in the core's AuditReport). */
export interface AuditReport {
  today: string | null;
  /** One row per record: `status` is `on_time`, `late`, `overdue`, `pending`, `unpublished`,
   * `not_applicable` or `invalid`, with `deadline`, `late_by_days`, `reason`, … */
  rows: Array<{ row: number; item_id: string; status: string; deadline: string | null; [key: string]: unknown }>;
  summary: {
    overall: AuditTally;
    by_item: Array<Record<string, unknown>>;
    by_category: Array<Record<string, unknown>>;
    [key: string]: unknown;
  };
  /** Bad file and bad records. */
  issues: Array<{ code: string; severity: Severity; row: number | null; column: string | null; message: string; [key: string]: unknown }>;
}

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

/** Options of `diff`. Unknown keys are an error. */
export interface DiffOptions {
  /** Compare two linked catalogues (consistency check) instead of local against standard. */
  consistency?: boolean;
  lang?: 'zh' | 'en';
  /** The least severity reported; `valid` and `coverage` do not depend on it. */
  minSeverity?: Severity;
}

/** The report of `diff` (keys as in the core's DiffReport; its JSON Schema is the reference). */
export interface DiffReport {
  mode: 'diff' | 'consistency';
  valid: boolean;
  reference: { title: string; publisher: string; items: number };
  local: { title: string; publisher: string; items: number };
  coverage: {
    reference_items: number;
    local_items: number;
    matched: number;
    fully_kept: number;
    missing: number;
    local_additions: number;
    present_share: number;
    fully_kept_share: number;
    [key: string]: number;
  };
  counts: Counts;
  matches: Array<{ reference_path: string; local_path: string; method: string; score: number; [key: string]: unknown }>;
  findings: Array<{
    code: string;
    severity: Severity;
    reference_path: string | null;
    local_path: string | null;
    message: string;
    [key: string]: unknown;
  }>;
}

/**
 * Checks a local catalogue against the upper-level standard: an embedded reference name
 * (`"municipal_services"`) or a catalogue (JSON text or object).
 */
export function diff(
  reference: 'municipal_services' | string | Catalogue | Record<string, unknown> | Uint8Array,
  local: string | Catalogue | Record<string, unknown> | Uint8Array,
  options?: DiffOptions,
): DiffReport;
