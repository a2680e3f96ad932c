// Browser entry point of the build with table import (`gongkai-wasm/tables/web`): everything
// the default entry has, plus importTable and validate(bytes, { fileName }) of CSV, XLSX and
// HTML, audit, diff, evaluate, evaluationHtml and changes. The `web` build of wasm-bindgen in
// pkg-tables-web/ (cargo feature `tables`), about half as large again as the default one: load
// it when a table is actually read.
//
//   const { default: init, importTable } = await import('gongkai-wasm/tables/web');
//   await init();                  // fetches and compiles pkg-tables-web/gongkai_wasm_bg.wasm
import { TABLE_FUNCTIONS } from '../js/api.mjs';
import { webEntry } from '../js/web.mjs';

const entry = webEntry(
  new URL('../pkg-tables-web/gongkai_wasm.js', import.meta.url),
  new URL('../pkg-tables-web/gongkai_wasm_bg.wasm', import.meta.url),
  TABLE_FUNCTIONS,
);

export const {
  validate,
  validateItem,
  schema,
  reportSchema,
  rules,
  domains,
  laws,
  lookupLaw,
  isWorkingDay,
  calendarDay,
  addWorkingDays,
  workingDaysBetween,
  deadline,
  audit,
  diff,
  evaluate,
  evaluationHtml,
  changes,
  importTable,
} = entry.api;
/** The core's version; `undefined` until `init()` has resolved. */
export let version;
/** Internal (not part of the API): lets the tests make the module panic. */
export const __testing = entry.testing;

/** Loads the module (once; later calls return the same promise). */
export default function init(input) {
  return entry.init(input).then(() => {
    version = entry.version();
  });
}
