// Node entry point of the default build (no table import, audit, diff, evaluate or changes: see
// tables/node.mjs): the `nodejs`
// build of wasm-bindgen in pkg-node/, wrapped by js/api.mjs. Ready on import; `init()` exists
// for code shared with the browser and resolves at once.
import { FUNCTIONS } from './js/api.mjs';
import { nodeEntry } from './js/node.mjs';

const wrapper = nodeEntry(new URL('./pkg-node/gongkai_wasm.js', import.meta.url), FUNCTIONS);

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
} = wrapper.api;
export const version = wrapper.version();
/** Internal (not part of the API): lets the tests make the module panic. */
export const __testing = wrapper.testing;

/** Resolves at once: the Node build is ready on import. */
export default async function init() {}
