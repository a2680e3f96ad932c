// What a Node entry point does (node.mjs, tables/node.mjs): the `nodejs` build of wasm-bindgen
// (CommonJS, instantiated synchronously when required), wrapped by api.mjs.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createApi } from './api.mjs';

const require = createRequire(import.meta.url);

/**
 * @param {URL} glue  the build's wasm-bindgen glue (`pkg-node/gongkai_wasm.js` …)
 * @param {readonly string[]} functions  the functions the build exports
 * @returns the wrapper of api.mjs, attached to a first instance (ready)
 */
export function nodeEntry(glue, functions) {
  const gluePath = require.resolve(fileURLToPath(glue));
  /** A fresh instance: requiring the glue again reads, compiles and instantiates the module. */
  function instantiate() {
    delete require.cache[gluePath];
    return require(gluePath);
  }
  const wrapper = createApi({ instantiate }, functions);
  wrapper.attach(instantiate());
  return wrapper;
}
