// Node entry point: the `nodejs` build of wasm-bindgen (CommonJS, instantiated synchronously
// when required), wrapped by js/api.mjs. Ready on import; `init()` exists for code shared with
// the browser and resolves at once.
import { createRequire } from 'node:module';
import { createApi } from './js/api.mjs';

const require = createRequire(import.meta.url);
const gluePath = require.resolve('./pkg-node/gongkai_wasm.js');

/** A fresh instance: requiring the glue again reads, compiles and instantiates the module. */
function instantiate() {
  delete require.cache[gluePath];
  return require(gluePath);
}

const wrapper = createApi({ instantiate });
wrapper.attach(instantiate());

export const {
  validate,
  validateItem,
  schema,
  reportSchema,
  rules,
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  deadline,
  audit,
  diff,
  importTable,
} = wrapper.api;
export const version = wrapper.version();
/** Internal (not part of the API): lets the tests make the module panic. */
export const __testing = wrapper.testing;

/** Resolves at once: the Node build is ready on import. */
export default async function init() {}
