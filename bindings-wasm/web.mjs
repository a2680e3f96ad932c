// Browser entry point: the `web` build of wasm-bindgen, wrapped by js/api.mjs.
//
//   import init, { validate } from 'gongkai-wasm';
//   await init();                  // fetches and compiles pkg-web/gongkai_wasm_bg.wasm
//
// `init(input?)` accepts what wasm-bindgen's own init accepts (a URL or string, a Request or
// Response, the bytes, a WebAssembly.Module, or `{ module_or_path }`). The compiled module is
// kept, and a second copy of the glue is imported in advance, so that a trap can be recovered
// from synchronously: the spare is instantiated from the compiled module at once.
import { createApi } from './js/api.mjs';

const glueUrl = new URL('./pkg-web/gongkai_wasm.js', import.meta.url).href;
const wasmUrl = new URL('./pkg-web/gongkai_wasm_bg.wasm', import.meta.url);

let compiled = null; // WebAssembly.Module
let spare = null; // a fresh copy of the glue module, not yet instantiated
let copies = 0;
let initPromise = null;
let settled = false;

function importGlue() {
  copies += 1;
  // Each URL is a separate module instance with its own `wasm` binding.
  return import(/* @vite-ignore */ /* webpackIgnore: true */ `${glueUrl}?instance=${copies}`);
}

function prepareSpare() {
  importGlue().then(
    (glue) => {
      spare = glue;
    },
    () => {
      spare = null;
    },
  );
}

const wrapper = createApi({
  instantiate() {
    if (spare === null || compiled === null) throw new Error('没有备用实例');
    const glue = spare;
    spare = null;
    glue.initSync({ module: compiled });
    prepareSpare();
    return glue;
  },
});

async function compile(input) {
  if (input !== null && typeof input === 'object' && Object.getPrototypeOf(input) === Object.prototype) {
    input = input.module_or_path;
  }
  input = await (input ?? wasmUrl);
  if (input instanceof WebAssembly.Module) return input;
  if (typeof input === 'string' || input instanceof URL || (typeof Request === 'function' && input instanceof Request)) {
    input = await fetch(input);
  }
  if (typeof Response === 'function' && input instanceof Response) {
    if (!input.ok) throw new Error(`无法获取 ${input.url}：HTTP ${input.status}`);
    if (typeof WebAssembly.compileStreaming === 'function' && input.headers.get('Content-Type') === 'application/wasm') {
      return WebAssembly.compileStreaming(input);
    }
    return WebAssembly.compile(await input.arrayBuffer());
  }
  return WebAssembly.compile(input);
}

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
/** The core's version; `undefined` until `init()` has resolved. */
export let version;
/** Internal (not part of the API): lets the tests make the module panic. */
export const __testing = wrapper.testing;

/** Loads the module (once; later calls return the same promise). */
export default function init(input) {
  // Load when never loaded, or again after a trap the wrapper could not recover from.
  if (initPromise === null || (settled && !wrapper.attached())) {
    settled = false;
    initPromise = (async () => {
      compiled ??= await compile(input);
      const glue = await importGlue();
      await glue.default({ module_or_path: compiled });
      wrapper.attach(glue);
      version = wrapper.version();
      prepareSpare();
    })();
    initPromise.then(
      () => {
        settled = true;
      },
      () => {
        initPromise = null;
      },
    );
  }
  return initPromise.then(
    () => undefined,
    (e) => {
      const err = new Error(`gongkai-wasm 初始化失败：${e instanceof Error ? e.message : String(e)}`, { cause: e });
      err.code = 'init_failed';
      throw err;
    },
  );
}
