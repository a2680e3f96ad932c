// Node entry point of the build with table import (`gongkai-wasm/tables`): everything the
// default entry has, plus importTable and validate(bytes, { fileName }) of CSV, XLSX and HTML,
// the timeliness audit (audit), the check against the upper-level standard (diff), the 监督评价
// (evaluate, evaluationHtml) and version changes (changes).
// The `nodejs` build of wasm-bindgen in pkg-tables-node/ (cargo feature `tables`).
import { TABLE_FUNCTIONS } from '../js/api.mjs';
import { nodeEntry } from '../js/node.mjs';

const wrapper = nodeEntry(new URL('../pkg-tables-node/gongkai_wasm.js', import.meta.url), TABLE_FUNCTIONS);

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
} = wrapper.api;
export const version = wrapper.version();
/** Internal (not part of the API): lets the tests make the module panic. */
export const __testing = wrapper.testing;

/** Resolves at once: the Node build is ready on import. */
export default async function init() {}
