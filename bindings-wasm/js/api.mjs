// The public API over a raw wasm-bindgen module, shared by the entry points: node.mjs and
// web.mjs (the default build, without table import) and tables/node.mjs and tables/web.mjs (the
// build with the cargo feature `tables`, which adds audit, diff, evaluate, evaluationHtml,
// changes and importTable).
//
// The raw module already takes and returns plain objects and throws `Error`s with a `code` for
// calls that cannot produce a report. This layer adds one thing: recovery from a trap. The
// module is built with `panic = "abort"`, so a panic (a bug: the core never panics on input)
// ends in a `WebAssembly.RuntimeError` and leaves the instance in an unknown state. The wrapper
// then throws an `Error` with code `internal_panic` (carrying the panic message) and swaps in a
// fresh instance, so the next call works.
//
// To expose another function of the raw module, add its name to FUNCTIONS (or TABLE_FUNCTIONS
// when it exists only in the tables build), to the entry points' exports, and its signature to
// index.d.ts (or tables/index.d.ts).

/** Functions of the raw module exposed unchanged (same arguments, same result): both builds. */
export const FUNCTIONS = Object.freeze([
  'validate',
  'validateItem',
  'schema',
  'reportSchema',
  'rules',
  'domains',
  'laws',
  'lookupLaw',
  'isWorkingDay',
  'calendarDay',
  'addWorkingDays',
  'workingDaysBetween',
  'deadline',
]);

/** The functions of the build with table import (gongkai-wasm/tables): the default build's, the
 * timeliness audit, the check against the upper-level standard, the 监督评价 and version changes
 * (kept out of the default build for its size), and importTable. */
export const TABLE_FUNCTIONS = Object.freeze([...FUNCTIONS, 'audit', 'diff', 'evaluate', 'evaluationHtml', 'changes', 'importTable']);

function codedError(code, message, cause) {
  const err = new Error(message, cause === undefined ? undefined : { cause });
  err.code = code;
  return err;
}

/**
 * @param {{ instantiate(): object }} platform  `instantiate()` returns a fresh, ready raw module
 *   (synchronously) or throws.
 * @param {readonly string[]} functions  the raw module's functions to expose.
 */
export function createApi(platform, functions = FUNCTIONS) {
  let raw = null;
  let lastPanic = null;
  let reloads = 0;

  function attach(module) {
    // An entry point paired with the wrong build (a stale pkg-*/ directory) is a packaging bug.
    const missing = functions.filter((name) => typeof module[name] !== 'function');
    if (missing.length > 0) {
      throw new Error(`gongkai-wasm 的 WebAssembly 模块缺少 ${missing.join('、')}：构建与入口不匹配（请运行 scripts/build-wasm.sh）`);
    }
    module.__setPanicSink((message) => {
      lastPanic = message;
    });
    raw = module;
  }

  function trapped(cause) {
    const what = lastPanic ?? (cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause));
    lastPanic = null;
    raw = null;
    let recovered = '模块已重新加载，可以继续调用';
    try {
      attach(platform.instantiate());
      reloads += 1;
    } catch (e) {
      recovered = `模块未能重新加载（${e instanceof Error ? e.message : String(e)}），请重新调用 init() 或刷新页面`;
    }
    return codedError(
      'internal_panic',
      `gongkai 内部错误：WebAssembly 模块崩溃（${what}）；${recovered}。这是 gongkai 的缺陷，请报告。`,
      cause,
    );
  }

  function call(name, args) {
    if (raw === null) {
      throw codedError('not_initialized', 'gongkai-wasm 尚未初始化：请先 await init()');
    }
    lastPanic = null;
    try {
      return raw[name](...args);
    } catch (e) {
      // The core's own errors (bad input, bad options) leave the instance intact.
      if (e instanceof Error && typeof e.code === 'string' && lastPanic === null) throw e;
      throw trapped(e);
    }
  }

  const api = {};
  for (const name of functions) {
    api[name] = (...args) => call(name, args);
  }
  return {
    api,
    attach,
    attached: () => raw !== null,
    /** The version of the core, once a module is attached. */
    version: () => (raw === null ? undefined : raw.version()),
    /** Internal, for the tests: panic inside the module; count the instances replaced. */
    testing: Object.freeze({
      panic: (message = 'requested by a test') => call('__testPanic', [String(message)]),
      reloads: () => reloads,
    }),
  };
}
