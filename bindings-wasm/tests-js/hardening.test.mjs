// Issue 17 through the JavaScript package: the report's issue limit (`maxIssues`), the one
// masking function (import findings masked as the demo now asks), and a workbook whose sheets
// all name one large part. Inputs are generated here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBuilds, loadTableBuilds } from './helpers.mjs';

const builds = { ...(await loadBuilds()), ...(await loadTableBuilds()) };

for (const [build, api] of Object.entries(builds)) {
  test(`${build}: many tiny problems give a bounded report with one report.truncated`, () => {
    const doc = `{"items":[${'1,'.repeat(19_999)}1]}`;
    const report = api.validate(doc, { maxIssues: 50 });
    assert.equal(report.valid, false);
    assert.equal(report.issues.length, 51);
    const summary = report.issues.filter((i) => i.code === 'report.truncated');
    assert.equal(summary.length, 1);
    assert.ok(Number(summary[0].params.more) >= 19_950, summary[0].params.more);
    assert.match(summary[0].params.codes_zh, /schema\.type/);
    assert.throws(() => api.validate(doc, { maxIssues: -1 }), (e) => e.code === 'invalid_argument');
    const all = api.validate('{"items":[1]}');
    assert.ok(all.issues.every((i) => i.code !== 'report.truncated'));
  });
}

for (const [build, api] of Object.entries(await loadTableBuilds())) {
  test(`${build}: importTable with mask masks the import findings' values`, () => {
    const csv = [
      '序号,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道,公开对象,公开方式,公开层级',
      '13800138000,燃气经营许可,申请条件,《城镇燃气管理条例》,联系人（科长）：张三 138-0013-8000,某县城市管理局,政府网站,全社会,主动,县级',
    ].join('\n');
    const bytes = new TextEncoder().encode(csv);
    const open = JSON.stringify(api.importTable(bytes, { fileName: 'a.csv' }).report);
    assert.ok(open.includes('13800138000') || open.includes('138-0013-8000'), open);
    const masked = JSON.stringify(api.importTable(bytes, { fileName: 'a.csv', mask: true }).report);
    for (const secret of ['13800138000', '138-0013-8000', '张三']) {
      assert.ok(!masked.includes(secret), `${secret} in ${masked}`);
    }
  });
}
