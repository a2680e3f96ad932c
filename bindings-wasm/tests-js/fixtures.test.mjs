// The shared fixture suite (tests/cases, format in tests/README.md) against both builds: the
// same codes, paths and validity as the Rust core. Objects go through the object path, and
// their JSON text through the string path; raw text fixtures through the string path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiOptions, loadBuilds, loadFixtures, pairs } from './helpers.mjs';

const builds = await loadBuilds();
const fixtures = loadFixtures();

test('the fixture suite is not empty', () => {
  assert.ok(fixtures.length > 0, 'no fixture under tests/cases');
});

function inputs(fixture) {
  if (typeof fixture.catalogue_text === 'string') return [['text', fixture.catalogue_text]];
  assert.ok('catalogue' in fixture, 'a fixture has catalogue or catalogue_text');
  return [
    ['object', fixture.catalogue],
    ['text', JSON.stringify(fixture.catalogue)],
  ];
}

for (const [build, api] of Object.entries(builds)) {
  for (const { name, fixture } of fixtures) {
    test(`${build}: ${name}`, () => {
      const { expected } = fixture;
      const options = apiOptions(fixture.options);
      for (const [how, input] of inputs(fixture)) {
        const where = `${name} (${how})`;
        if (expected.error) {
          assert.throws(
            () => api.validate(input, options),
            (e) => e instanceof Error && e.code === expected.error,
            `${where}: expected an error with code ${expected.error}`,
          );
          continue;
        }
        const report = api.validate(input, options);
        assert.deepEqual(pairs(report.issues), pairs(expected.issues), `${where}: (code, path) pairs`);
        // A near miss: codes the case comes close to but must not give.
        const fired = report.issues.filter((i) => (fixture.near_miss ?? []).includes(i.code));
        assert.deepEqual(fired, [], `${where}: near misses that fire`);
        assert.equal(report.valid, expected.valid, `${where}: valid`);
        assert.equal(report.valid, report.counts.error === 0, `${where}: valid ⇔ no error`);
      }
    });
  }
}
