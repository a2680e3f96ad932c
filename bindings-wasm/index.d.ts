// The JavaScript API of gongkai-wasm (node.mjs and web.mjs export the same functions).
// The data model (Catalogue, Item, Report, Issue, …) is generated from the published JSON
// Schemas into types/ by scripts/gen-types.mjs; only the binding's own signatures are here.
import type { Catalogue, Item } from './types/catalogue';
import type { Report, Severity } from './types/report';

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
