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
