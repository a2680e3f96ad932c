// The published catalogue schema in react-jsonschema-form (RJSF), with gongkai's legal rules.
//
// - The form is generated from schema/catalogue.schema.json as published (bundled at build
//   time): Chinese labels are the schema's `title`s, fields come in the standard table's order,
//   code lists are selects and checkboxes with their Chinese names.
// - Structure is checked by Ajv in its draft 2020-12 flavour (`Ajv2020`; RJSF's default Ajv is
//   draft-07 and cannot load the schema), with ajv-formats (so `format: date` refuses
//   2024-02-30) and Chinese messages (ajv-i18n).
// - The legal rules (公开时限 within 20 working days for 主动公开, 政府网站 for 主动公开, …) come
//   from gongkai's `validateItem` (the WebAssembly web build), run on each item with the
//   catalogue's header: each error goes to the field its `path` names, each warning to the list
//   under the form.
//
// Build: node scripts/build-examples.mjs (esbuild) → examples/form/dist/form.js; serve
// bindings-wasm/ and open /examples/form/.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2020 from 'ajv/dist/2020.js';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import schema from '../../../schema/catalogue.schema.json';
import example from '../../../examples/wuzhi-municipal.json';

// Draft 2020-12: RJSF's validator with Ajv2020 instead of its default (draft-07) Ajv.
// ajv-formats is added by customizeValidator itself; `localizeZh` turns Ajv's messages Chinese.
const validator = customizeValidator({ AjvClass: Ajv2020 }, localizeZh);

// Form choices, not schema: code lists as checkboxes, dates as text (a date picker cannot even
// hold 2024-02-30, but pasted or loaded data can, and Ajv's format check refuses it).
const checkboxes = { 'ui:widget': 'checkboxes', 'ui:options': { inline: true } };
const date = { 'ui:placeholder': 'YYYY-MM-DD', 'ui:widget': 'text' };
const uiSchema = {
  schema_version: { 'ui:widget': 'hidden' },
  issued: date,
  updated: date,
  items: {
    items: { channels: checkboxes, audience: checkboxes, method: checkboxes, levels: checkboxes },
  },
};

// Defaults: RJSF would otherwise pick the first code of every code list (`oneOf` of `const`) as
// the value of an empty select (目录层级 = 市级, 时限类型 = 工作日) without the user choosing it.
const defaultsBehaviour = { constAsDefaults: 'skipOneOf', emptyObjectFields: 'populateRequiredDefaults' };

/** Two items of the bundled example (政府信息公开指南和目录, 燃气经营者改动市政燃气设施审批): a
 * valid catalogue to start from. */
const START = { ...example, items: [example.items[19], example.items[1]] };

/** gongkai's module once loaded (the page works, without the legal rules, until then). */
let gongkai = null;

/** gongkai's issues of every item (validateItem with the header), rule codes only: the
 * structural ones (`schema.*`) are what Ajv already says. */
function ruleIssues(formData) {
  if (!gongkai || !formData || typeof formData !== 'object') return [];
  const { items, ...header } = formData;
  const out = [];
  (Array.isArray(items) ? items : []).forEach((item, index) => {
    if (!item || typeof item !== 'object') return;
    let report;
    try {
      report = gongkai.validateItem(item, { index, header });
    } catch {
      return; // not JSON-able: Ajv reports it
    }
    for (const issue of report.issues) {
      if (!issue.code.startsWith('schema.') && !issue.code.startsWith('json.')) out.push(issue);
    }
  });
  return out;
}

/** The error node of a JSON Pointer (the deepest one the form has). */
function errorsAt(errors, path) {
  let node = errors;
  for (const seg of path.split('/').slice(1)) {
    const next = node?.[seg.replaceAll('~1', '/').replaceAll('~0', '~')];
    if (!next || typeof next.addError !== 'function') break;
    node = next;
  }
  return node;
}

function customValidate(formData, errors) {
  for (const issue of ruleIssues(formData)) {
    if (issue.severity === 'error') errorsAt(errors, issue.path).addError(`${issue.message}（${issue.code}）`);
  }
  return errors;
}

const SEVERITY = { warning: '警告', info: '提示' };

function App() {
  const [formData, setFormData] = useState(START);
  const [saved, setSaved] = useState(null);
  const notes = ruleIssues(formData).filter((i) => i.severity !== 'error');
  return h(
    'div',
    null,
    h(Form, {
      schema,
      uiSchema,
      validator,
      formData,
      onChange: (e) => setFormData(e.formData),
      onSubmit: (e) => setSaved(JSON.stringify(e.formData, null, 2)),
      customValidate,
      liveValidate: 'onChange',
      showErrorList: false,
      noHtml5Validate: true,
      experimental_defaultFormStateBehavior: defaultsBehaviour,
    }),
    h(
      'ul',
      { id: 'notes', 'aria-label': '警告和提示' },
      notes.map((i, k) => h('li', { key: k, 'data-path': i.path }, `${SEVERITY[i.severity]} ${i.path}：${i.message}（${i.code}）`)),
    ),
    saved && h('pre', { id: 'saved' }, saved),
  );
}

const status = document.getElementById('status');
const root = createRoot(document.getElementById('app'));
root.render(h(App));
// The page's own directory is examples/form/; the module is bindings-wasm/web.mjs.
import(new URL('../../web.mjs', document.baseURI).href)
  .then(async (m) => {
    await m.default();
    gongkai = m;
    status.textContent = `gongkai ${m.version} 已加载：法定规则随填随查`;
    status.dataset.ready = 'true';
    root.render(h(App, { key: 'ready' }));
  })
  .catch((e) => {
    status.textContent = `无法加载 gongkai：${e.message}`;
  });
