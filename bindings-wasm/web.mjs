// Browser entry point of the default build (no table import, audit, diff, evaluate or changes: see
// tables/web.mjs): the `web`
// build of wasm-bindgen in pkg-web/, wrapped by js/api.mjs (see js/web.mjs).
//
//   import init, { validate } from 'gongkai-wasm';
//   await init();                  // fetches and compiles pkg-web/gongkai_wasm_bg.wasm
import { FUNCTIONS } from './js/api.mjs';
import { webEntry } from './js/web.mjs';

const entry = webEntry(
  new URL('./pkg-web/gongkai_wasm.js', import.meta.url),
  new URL('./pkg-web/gongkai_wasm_bg.wasm', import.meta.url),
  FUNCTIONS,
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
