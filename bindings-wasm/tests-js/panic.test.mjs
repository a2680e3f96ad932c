// A panic (a bug: never expected on any input) must not leave a dead instance: the wrapper
// throws an Error with code `internal_panic` that carries the panic message, replaces the
// instance, and the next call works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBuilds, loadTableBuilds } from './helpers.mjs';

const builds = { ...(await loadBuilds()), ...(await loadTableBuilds()) };
const doc = { schema_version: '1.0', title: '', items: [] };
const tick = () => new Promise((r) => setTimeout(r, 100));

for (const [build, api] of Object.entries(builds)) {
  test(`${build}: a panic is reported as internal_panic and the instance is replaced`, async () => {
    const before = api.validate(doc);
    for (let round = 1; round <= 3; round++) {
      const reloads = api.__testing.reloads();
      assert.throws(
        () => api.__testing.panic(`round ${round}`),
        (e) =>
          e instanceof Error &&
          e.code === 'internal_panic' &&
          e.message.includes(`test panic: round ${round}`) &&
          e.cause instanceof WebAssembly.RuntimeError,
      );
      assert.equal(api.__testing.reloads(), reloads + 1, 'a fresh instance replaced the dead one');
      assert.deepEqual(api.validate(doc), before, 'the next call works and gives the same report');
      await tick(); // the browser build prepares its next spare instance asynchronously
    }
  });

  test(`${build}: the core's own errors do not replace the instance`, () => {
    const reloads = api.__testing.reloads();
    assert.throws(() => api.validate('{'), (e) => e.code === 'json');
    assert.throws(() => api.validate(doc, { lang: 'fr' }), (e) => e.code === 'invalid_argument');
    assert.equal(api.__testing.reloads(), reloads);
  });
}

test('web: two panics before a spare is ready; init() brings the module back', async () => {
  const api = builds.web;
  await tick();
  assert.throws(() => api.__testing.panic('first'), (e) => e.code === 'internal_panic');
  // No spare yet: the instance cannot be replaced synchronously, and the error says so.
  assert.throws(
    () => api.__testing.panic('second'),
    (e) => e.code === 'internal_panic' && e.message.includes('init()'),
  );
  assert.throws(() => api.validate(doc), (e) => e.code === 'not_initialized');
  await api.default();
  assert.equal(api.validate(doc).valid, false);
});
