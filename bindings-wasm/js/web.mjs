// What a browser entry point does (web.mjs, tables/web.mjs): the `web` build of wasm-bindgen,
// wrapped by api.mjs.
//
// `init(input?)` accepts what wasm-bindgen's own init accepts (a URL or string, a Request or
// Response, the bytes, a WebAssembly.Module, or `{ module_or_path }`). The compiled module is
// kept, and a second copy of the glue is imported in advance, so that a trap can be recovered
// from synchronously: the spare is instantiated from the compiled module at once.
import { createApi } from './api.mjs';

async function compile(input, wasmUrl) {
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

/**
 * @param {URL} glue  the build's wasm-bindgen glue (`pkg-web/gongkai_wasm.js` …)
 * @param {URL} wasm  its module (`pkg-web/gongkai_wasm_bg.wasm` …), fetched when `init()` gets
 *   no input
 * @param {readonly string[]} functions  the functions the build exports
 * @returns `{ api, testing, version(), init(input?) }`; `init` loads once (later calls return
 *   the same promise) and again after a trap the wrapper could not recover from
 */
export function webEntry(glue, wasm, functions) {
  const glueUrl = glue.href;
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
      (g) => {
        spare = g;
      },
      () => {
        spare = null;
      },
    );
  }

  const wrapper = createApi(
    {
      instantiate() {
        if (spare === null || compiled === null) throw new Error('没有备用实例');
        const g = spare;
        spare = null;
        g.initSync({ module: compiled });
        prepareSpare();
        return g;
      },
    },
    functions,
  );

  function init(input) {
    // Load when never loaded, or again after a trap the wrapper could not recover from.
    if (initPromise === null || (settled && !wrapper.attached())) {
      settled = false;
      initPromise = (async () => {
        compiled ??= await compile(input, wasm);
        const g = await importGlue();
        await g.default({ module_or_path: compiled });
        wrapper.attach(g);
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

  return { api: wrapper.api, testing: wrapper.testing, version: wrapper.version, init };
}
