// The JavaScript API of gongkai-wasm/tables (tables/node.mjs and tables/web.mjs export the same
// functions): the build with table import (cargo feature `tables`). Everything of the default
// entry (../index.d.ts), plus importTable; validate(bytes, { fileName }) reads tables too.
import type { Catalogue, Location, Report, Severity } from '../index';

export * from '../index';
export { default } from '../index';

/** Options of `importTable`. Unknown keys are an error. */
export interface ImportOptions {
  /** The file's name: its extension decides the format (else the content does). */
  fileName?: string;
  /** Read only this XLSX sheet (or `表2`, the second table of an HTML page). */
  sheet?: string;
  /**
   * `'form'` when the table is imported in a web form: a catalogue field the table lacks
   * (`import.header_missing`) is then to be filled in the form's field of that Chinese label
   * (“领域”栏), and the message says so.
   */
  frontEnd?: 'form';
  /** Language of the report's messages: `zh` (default) or `en`. */
  lang?: 'zh' | 'en';
  /** The least severity reported. */
  minSeverity?: Severity;
  /** Today's date (`YYYY-MM-DD`) for rules about dates. */
  today?: string;
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
