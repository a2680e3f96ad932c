// A form for one disclosure catalogue that validates as you type, with the same rules and codes
// as the CLI and the server: the gongkai core compiled to WebAssembly. Vanilla JS, no build step.
//
// - Labels and code lists come from the published JSON Schema at run time (`schema()`): every
//   property's Chinese `title`, and the code lists (`oneOf` of `{ const, title }`). 领域 is an
//   open list the schema leaves as text: its choice is the core's 26 known 领域 (`domains()`).
// - The catalogue lives in `state` (a plain object, exactly the JSON that is downloaded); each
//   input writes one JSON Pointer of it (`data-path`) and the whole catalogue is validated again.
// - Each issue is shown next to the field its `path` points to (or the nearest enclosing one).
// - User text only ever reaches the page through `textContent` and `value`, never as HTML.
// - A spreadsheet (CSV, XLSX, HTML) or a Word table (DOCX) is read by the core's importer (`importTable`): the form is
//   filled from it, and each issue also names the table cell its value came from.
// - The page starts with the default build (no table import, the smaller module) for
//   validate-as-you-type; the build with table import (gongkai-wasm/tables) is loaded only when
//   a spreadsheet is, and only for reading it.
import init, { domains, schema as loadSchema, validate, version } from '../web.mjs';

/**
 * Hooks for later features. `message(issue)` is what the page shows for an issue (e.g. mask the
 * values it quotes); `beforeDownload(catalogue)` returns what is saved (e.g. a masked copy).
 */
export const hooks = {
  message: (issue) => issue.message,
  beforeDownload: (catalogue) => catalogue,
};

// Personal data (phone numbers, names after 联系人：) is masked in the messages shown here.
const MASK = true;
const SEVERITY = { error: '错误', warning: '警告', info: '提示' };

// A small starting catalogue (valid), so that the page opens in the "no problems" state.
const EXAMPLE = {
  schema_version: '1.0',
  title: '武陟县城市管理局市政服务领域基层政务公开标准目录',
  domain: 'municipal_services',
  publisher: '武陟县城市管理局',
  level: 'county',
  region: { province: '河南省', city: '焦作市', county: '武陟县', code: '410823' },
  issued: '2024-03-01',
  based_on: { title: '市政服务领域基层政务公开标准指引', doc_no: '建办厅〔2019〕71号' },
  items: [
    {
      id: '1',
      category: '城镇燃气管理',
      name: '燃气经营许可证核发',
      content: ['申请条件', '申请材料', '申请流程', '办理时限', '法定依据'],
      basis: [{ title: '城镇燃气管理条例', doc_no: '国务院令第583号', articles: ['第十五条'], kind: 'administrative_regulation' }],
      time_limit: { kind: 'working_days', days: 20, from: 'formed_or_changed' },
      subject: '武陟县城市管理局',
      channels: ['gov_website', 'service_center'],
      audience: ['public'],
      method: ['proactive'],
      levels: ['county'],
    },
    {
      id: '2',
      category: '供水管理',
      name: '计划停水通知',
      content: ['停水原因', '停水时间', '停水范围'],
      basis: [{ title: '城市供水条例', doc_no: '国务院令第158号', kind: 'administrative_regulation' }],
      time_limit: { kind: 'hours_before', hours: 24, text: '提前24小时' },
      subject: '武陟县城市管理局',
      channels: ['gov_website', 'social_media', 'notice_board'],
      audience: ['public'],
      method: ['proactive'],
      levels: ['county', 'township'],
    },
  ],
};

// Which time-limit keys each kind uses (besides `kind` and `text`, which every kind may have).
const TIME_LIMIT_KEYS = {
  working_days: ['days', 'from', 'event'],
  calendar_days: ['days', 'from', 'event'],
  hours_before: ['hours'],
  annual_by: ['month', 'day'],
  unparsed: [],
};

let schema = null;
// The known 领域 as a code list: `[{ code, title }]`, the Chinese name as title (`domains()`).
let domainCodes = [];
let state = null;
// The table the catalogue was imported from: `{ name, sources }` (JSON Pointer → cell), until
// rows are added or removed (the cells no longer line up) or another file is loaded.
let origin = null;
const fields = new Map(); // JSON Pointer → the element that shows that pointer's issues
let shown = []; // issue lists currently filled

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'value' || (k in e && typeof v !== 'string')) e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

// ---------------------------------------------------------------- schema: titles and code lists

function deref(s) {
  while (s && s.$ref) s = schema.$defs[s.$ref.split('/').pop()];
  return s;
}

/** The schema of a property of an object schema (following $ref and nullable anyOf). */
function prop(objectSchema, key) {
  return deref(objectSchema).properties?.[key] ?? {};
}

/** The Chinese title of a property. */
function title(objectSchema, key) {
  return prop(objectSchema, key).title ?? key;
}

/** The codes of a property whose values are a code list: `[{ code, title }]`. */
function codes(p) {
  let s = p.items ?? p;
  // An optional code (起算点, 类别): `type: [string, null]`, its list in `then` (applied when
  // the value is not null).
  if (s.then?.$ref) s = s.then;
  s = deref(s);
  return (s.oneOf ?? []).filter((o) => 'const' in o).map((o) => ({ code: o.const, title: o.title ?? o.const }));
}

const defs = () => schema.$defs;

// ---------------------------------------------------------------- JSON Pointers on the state

const esc = (k) => String(k).replaceAll('~', '~0').replaceAll('/', '~1');
const unesc = (k) => k.replaceAll('~1', '/').replaceAll('~0', '~');
const ptr = (...keys) => keys.map((k) => `/${esc(k)}`).join('');

function getAt(pointer) {
  let v = state;
  for (const k of pointer.split('/').slice(1).map(unesc)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[k];
  }
  return v;
}

/** Sets (or, with `undefined`, deletes) the value at a pointer, creating objects on the way;
 *  an optional object left empty (region, based_on) is removed. */
function setAt(pointer, value) {
  const keys = pointer.split('/').slice(1).map(unesc);
  const parents = [];
  let v = state;
  for (const k of keys.slice(0, -1)) {
    if (v[k] === null || typeof v[k] !== 'object') v[k] = {};
    parents.push([v, k]);
    v = v[k];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete v[last];
  else v[last] = value;
  if (keys.length === 2 && (keys[0] === 'region' || keys[0] === 'based_on') && Object.keys(v).length === 0) {
    delete state[keys[0]];
  }
}

// ---------------------------------------------------------------- reading inputs

const splitList = (s) => s.split(/[、，,；;\n]/).map((x) => x.trim()).filter(Boolean);

/** The JSON value an input stands for (see `data-as`). */
function readInput(input) {
  const as = input.dataset.as;
  const raw = input.value;
  switch (as) {
    case 'text': // a required string: kept even when empty, so that the validator says so
      return raw;
    case 'optional': // an optional string: no key when empty
      return raw === '' ? undefined : raw;
    case 'lines':
      return raw.split('\n').map((x) => x.trim()).filter(Boolean);
    case 'list':
      return splitList(raw).length ? splitList(raw) : undefined;
    case 'int': {
      const t = raw.trim();
      if (t === '') return undefined;
      return /^[0-9]{1,9}$/.test(t) ? Number(t) : t; // not a number: kept, the validator explains
    }
    case 'checks': {
      const group = input.closest('[data-path]');
      return [...group.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value);
    }
    default:
      return raw;
  }
}

// ---------------------------------------------------------------- building the form

/** A labelled field: the control, and the list where its issues go. */
function field(path, label, control, { wide = false, hint } = {}) {
  const issues = el('ul', { class: 'issues' });
  const wrap = el(
    'div',
    { class: `field${wide ? ' wide' : ''}`, 'data-field': path },
    el('label', { class: 'label', text: label }),
    control,
    hint ? el('small', { class: 'hint', text: hint }) : null,
    issues,
  );
  if (control.tagName !== 'DIV') control.setAttribute('aria-label', label);
  fields.set(path, issues);
  return wrap;
}

function textInput(path, as, { placeholder, inputmode } = {}) {
  const v = getAt(path);
  let value = v === undefined || v === null ? '' : Array.isArray(v) ? v.join('、') : String(v);
  return el('input', { type: 'text', 'data-path': path, 'data-as': as, value, placeholder, inputmode });
}

function linesInput(path) {
  const v = getAt(path);
  return el('textarea', {
    'data-path': path,
    'data-as': 'lines',
    rows: 3,
    value: Array.isArray(v) ? v.join('\n') : v === undefined ? '' : String(v),
    placeholder: '每行一项',
  });
}

function select(path, options, { optional = false } = {}) {
  const v = getAt(path);
  const s = el('select', { 'data-path': path, 'data-as': optional ? 'optional' : 'text' });
  if (optional || !options.some((o) => o.code === v)) s.append(el('option', { value: '', text: optional ? '（未填写）' : '请选择' }));
  for (const o of options) s.append(el('option', { value: o.code, text: o.title }));
  s.value = v === undefined || v === null ? '' : String(v);
  return s;
}

/** The choice of 领域: the known ones by their Chinese names, the code as the value. A code the
 *  list lacks (the list is open: the validator warns) stays chosen, shown as it is. */
function domainSelect(path) {
  const v = getAt(path);
  const options = [...domainCodes];
  if (typeof v === 'string' && v !== '' && !options.some((o) => o.code === v)) {
    options.push({ code: v, title: `${v}（不在已知领域中）` });
  }
  return select(path, options);
}

function checks(path, options) {
  const v = getAt(path);
  const chosen = new Set(Array.isArray(v) ? v : []);
  const box = el('div', { class: 'checks', 'data-path': path, role: 'group' });
  for (const o of options) {
    box.append(
      el(
        'label',
        { class: 'check' },
        el('input', { type: 'checkbox', value: o.code, checked: chosen.has(o.code), 'data-as': 'checks' }),
        document.createTextNode(o.title),
      ),
    );
  }
  return box;
}

function buildHeader() {
  const d = defs();
  const C = schema; // the catalogue schema is the root
  const grid = $('header-fields');
  grid.replaceChildren(
    field('/title', title(C, 'title'), textInput('/title', 'text'), { wide: true }),
    field('/publisher', title(C, 'publisher'), textInput('/publisher', 'text')),
    field('/domain', title(C, 'domain'), domainSelect('/domain'), { hint: '国办发〔2019〕54号 的 26 个试点领域' }),
    field('/level', title(C, 'level'), select('/level', codes(prop(C, 'level')))),
    field('/issued', title(C, 'issued'), textInput('/issued', 'text', { placeholder: 'YYYY-MM-DD' })),
    field('/updated', title(C, 'updated'), textInput('/updated', 'optional', { placeholder: 'YYYY-MM-DD' })),
    // Optional objects: a field left empty has no key, and no field at all means no object.
    ...['province', 'city', 'county', 'township', 'code'].map((k) =>
      field(ptr('region', k), `${title(C, 'region')}·${title(d.Region, k)}`, textInput(ptr('region', k), 'optional')),
    ),
    ...['title', 'doc_no', 'issuer'].map((k) =>
      field(ptr('based_on', k), `${title(C, 'based_on')}·${title(d.BasedOn, k)}`, textInput(ptr('based_on', k), 'optional')),
    ),
  );
  // Issues about the region or based_on object as a whole, and about the whole document.
  fields.set('/region', grid.querySelector('[data-field="/region/province"] .issues'));
  fields.set('/based_on', grid.querySelector('[data-field="/based_on/title"] .issues'));
}

function citationBox(i, j) {
  const d = defs();
  const base = ptr('items', i, 'basis', j);
  const issues = el('ul', { class: 'issues' });
  fields.set(base, issues);
  return el(
    'div',
    { class: 'citation', 'data-field': base },
    el(
      'div',
      { class: 'grid' },
      field(`${base}/title`, title(d.Citation, 'title'), textInput(`${base}/title`, 'text', { placeholder: '不含书名号《》' })),
      field(`${base}/doc_no`, title(d.Citation, 'doc_no'), textInput(`${base}/doc_no`, 'optional')),
      field(`${base}/articles`, title(d.Citation, 'articles'), textInput(`${base}/articles`, 'list', { placeholder: '第十五条、第二十条' })),
      field(`${base}/kind`, title(d.Citation, 'kind'), select(`${base}/kind`, codes(prop(d.Citation, 'kind')), { optional: true })),
    ),
    issues,
    el('button', { type: 'button', class: 'small', 'data-action': 'remove-citation', 'data-item': i, 'data-citation': j, text: '删除此依据' }),
  );
}

function timeLimitBox(i) {
  const d = defs();
  const T = d.TimeLimit;
  const base = ptr('items', i, 'time_limit');
  const tl = getAt(base);
  const kind = tl && typeof tl === 'object' ? tl.kind : undefined;
  const uses = new Set(TIME_LIMIT_KEYS[kind] ?? []);
  const show = (k) => uses.has(k) && (k !== 'event' || tl?.from === 'event');
  const f = (k, control) => {
    const w = field(`${base}/${k}`, title(T, k), control);
    if (!show(k) && k !== 'kind' && k !== 'text') w.hidden = true;
    return w;
  };
  return el(
    'div',
    { class: 'grid time-limit' },
    f('kind', select(`${base}/kind`, codes(prop(T, 'kind')))),
    f('days', textInput(`${base}/days`, 'int', { inputmode: 'numeric', placeholder: '20' })),
    f('from', select(`${base}/from`, codes(prop(T, 'from')), { optional: true })),
    f('event', textInput(`${base}/event`, 'optional', { placeholder: '如 分配结果确定' })),
    f('hours', textInput(`${base}/hours`, 'int', { inputmode: 'numeric', placeholder: '24' })),
    f('month', textInput(`${base}/month`, 'int', { inputmode: 'numeric' })),
    f('day', textInput(`${base}/day`, 'int', { inputmode: 'numeric' })),
    f('text', textInput(`${base}/text`, 'optional', { placeholder: '时限的原始写法' })),
  );
}

function itemRow(i) {
  const d = defs();
  const I = d.Item;
  const base = ptr('items', i);
  const item = getAt(base);
  const rowIssues = el('ul', { class: 'issues row-issues' });
  fields.set(base, rowIssues);
  const remove = el('button', { type: 'button', class: 'small danger', 'data-action': 'remove-item', 'data-item': i, text: '删除此事项' });
  const legend = el('legend', {}, document.createTextNode(`${title(schema, 'items')} ${i + 1}`), remove);
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return el('fieldset', { class: 'item', 'data-item': i, 'data-field': base }, legend, rowIssues);
  }
  const f = (k, control, opts) => field(`${base}/${k}`, title(I, k), control, opts);
  const basis = Array.isArray(item.basis) ? item.basis : [];
  const basisBox = el('div', { class: 'basis' }, ...basis.map((_, j) => citationBox(i, j)));
  basisBox.append(el('button', { type: 'button', class: 'small', 'data-action': 'add-citation', 'data-item': i, text: '添加依据' }));
  return el(
    'fieldset',
    { class: 'item', 'data-item': i, 'data-field': base },
    legend,
    rowIssues,
    el(
      'div',
      { class: 'grid' },
      f('id', textInput(`${base}/id`, 'text')),
      f('category', textInput(`${base}/category`, 'text')),
      f('name', textInput(`${base}/name`, 'text')),
      f('subitem', textInput(`${base}/subitem`, 'optional')),
      f('content', linesInput(`${base}/content`), { wide: true }),
    ),
    field(`${base}/basis`, title(I, 'basis'), basisBox, { wide: true }),
    field(`${base}/time_limit`, title(I, 'time_limit'), timeLimitBox(i), { wide: true }),
    el(
      'div',
      { class: 'grid' },
      f('subject', textInput(`${base}/subject`, 'text'), { wide: true }),
      f('channels', checks(`${base}/channels`, codes(prop(I, 'channels'))), { wide: true }),
      f('other_channels', textInput(`${base}/other_channels`, 'list', { placeholder: '其他渠道，多个用顿号分隔' }), { wide: true }),
      f('audience', checks(`${base}/audience`, codes(prop(I, 'audience')))),
      f('audience_note', textInput(`${base}/audience_note`, 'optional')),
      f('method', checks(`${base}/method`, codes(prop(I, 'method')))),
      f('levels', checks(`${base}/levels`, codes(prop(I, 'levels')))),
      f('notes', textInput(`${base}/notes`, 'optional'), { wide: true }),
    ),
  );
}

function buildItems() {
  const items = Array.isArray(state.items) ? state.items : [];
  const box = $('items');
  const listIssues = el('ul', { class: 'issues' });
  fields.set('/items', listIssues);
  box.replaceChildren(listIssues, ...items.map((_, i) => itemRow(i)));
}

function buildForm() {
  fields.clear();
  shown = [];
  buildHeader();
  buildItems();
  $('catalogue').hidden = false;
  check();
}

/** Rebuilds one item row in place (after a structural change inside it), keeping focus. */
function rebuildItem(i, focusPath) {
  for (const k of [...fields.keys()]) if (k === `/items/${i}` || k.startsWith(`/items/${i}/`)) fields.delete(k);
  const old = document.querySelector(`fieldset.item[data-item="${i}"]`);
  old.replaceWith(itemRow(i));
  if (focusPath) document.querySelector(`[data-path="${focusPath}"]`)?.focus();
}

// ---------------------------------------------------------------- validation and issues

function targetFor(path) {
  let p = path;
  for (;;) {
    const t = fields.get(p);
    if (t) return t;
    if (p === '') return null;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

function issueItem(issue, withPlace) {
  const li = el('li', { class: `sev-${issue.severity}`, title: issue.code, 'data-code': issue.code, 'data-issue-path': issue.path });
  li.append(el('span', { class: 'sev', text: SEVERITY[issue.severity] ?? issue.severity }));
  li.append(document.createTextNode(hooks.message(issue)));
  if (withPlace) {
    const where = [issue.path && place(issue.path), cellText(issue.location ?? cellOf(issue.path))].filter(Boolean).join(' · ');
    if (where) li.append(el('span', { class: 'where', text: where }));
  }
  return li;
}

/** The cell a pointer's value came from (its own or its nearest ancestor's), when imported. */
function cellOf(path) {
  if (!origin || typeof path !== 'string') return null;
  for (let p = path; ; p = p.slice(0, p.lastIndexOf('/'))) {
    if (Object.hasOwn(origin.sources, p)) return origin.sources[p];
    if (p === '') return null;
  }
}

/** A cell in words: 市政服务 第 4 行 F 列（公开时限）. */
function cellText(loc) {
  if (!loc) return '';
  const col = loc.column ? ` ${loc.column} 列` : '';
  return `${loc.sheet ? `${loc.sheet} ` : ''}第 ${loc.row} 行${col}${loc.header ? `（${loc.header}）` : ''}`;
}

/** Where a pointer is, in words: 第 2 项 · 公开时限. */
function place(path) {
  const m = /^\/items\/(\d+)(?:\/([^/]+))?/.exec(path);
  if (m) {
    const t = m[2] ? title(defs().Item, unesc(m[2])) : '';
    return `第 ${Number(m[1]) + 1} 项${t ? ` · ${t}` : ''}`;
  }
  const k = unesc(path.split('/')[1] ?? '');
  return k ? title(schema, k) : '';
}

let lastReport = null;

/** Validates the catalogue as it stands and shows every issue. */
function check() {
  let report;
  try {
    report = validate(state, { mask: MASK }); // personal data masked in messages by default
  } catch (e) {
    showStatus('error', `无法校验：${e.message}`);
    return;
  }
  lastReport = report;
  for (const ul of shown) {
    ul.replaceChildren();
    ul.closest('.field, .item, .citation')?.classList.remove('has-error', 'has-warning');
  }
  shown = [];
  const list = $('issue-list');
  list.replaceChildren();
  for (const issue of report.issues) {
    const target = targetFor(issue.path);
    if (target) {
      target.append(issueItem(issue, false));
      shown.push(target);
      const box = target.closest('.field, .item, .citation');
      box?.classList.add(issue.severity === 'error' ? 'has-error' : 'has-warning');
    }
    const li = issueItem(issue, true);
    li.tabIndex = 0;
    list.append(li);
  }
  const { error, warning, info } = report.counts;
  if (report.issues.length === 0) {
    showStatus('ok', `✓ 没有发现问题（共 ${report.items} 个事项）`);
  } else {
    const parts = [error && `${error} 个错误`, warning && `${warning} 个警告`, info && `${info} 个提示`].filter(Boolean);
    showStatus(report.valid ? 'warn' : 'error', `发现 ${report.issues.length} 个问题：${parts.join('，')}${report.valid ? '（没有错误）' : ''}`);
  }
  window.__demo = { ready: true, report, origin };
}

function showStatus(kind, text) {
  const s = $('status');
  s.className = `status ${kind}`;
  s.textContent = text;
}

function showNotice(text) {
  const n = $('notice');
  n.hidden = !text;
  n.textContent = text ?? '';
}

// ---------------------------------------------------------------- events

function onInput(e) {
  const input = e.target;
  const holder = input.dataset.as === 'checks' ? input.closest('[data-path]') : input;
  const path = holder?.dataset.path;
  if (!path) return;
  setAt(path, readInput(input));
  // A new kind of time limit keeps only the keys it uses; the row shows the matching fields.
  const kindMatch = /^\/items\/(\d+)\/time_limit\/(kind|from)$/.exec(path);
  if (kindMatch && input.tagName === 'SELECT') {
    const tl = getAt(`/items/${kindMatch[1]}/time_limit`);
    const keep = new Set(['kind', 'text', ...(TIME_LIMIT_KEYS[tl.kind] ?? [])]);
    if (tl.from !== 'event') keep.delete('event');
    for (const k of Object.keys(tl)) if (!keep.has(k) && ['days', 'from', 'event', 'hours', 'month', 'day'].includes(k)) delete tl[k];
    rebuildItem(Number(kindMatch[1]), path);
  }
  check();
}

function newItem() {
  const items = Array.isArray(state.items) ? state.items : (state.items = []);
  const ids = items.map((it) => Number(it?.id)).filter(Number.isFinite);
  return {
    id: String(ids.length ? Math.max(...ids) + 1 : items.length + 1),
    category: '',
    name: '',
    content: [],
    basis: [{ title: '' }],
    time_limit: { kind: 'working_days', days: 20, from: 'formed_or_changed' },
    subject: state.publisher ?? '',
    channels: ['gov_website'],
    audience: ['public'],
    method: ['proactive'],
    levels: [typeof state.level === 'string' ? state.level : 'county'],
  };
}

function addItem() {
  origin = null; // the rows no longer line up with the table's
  const item = newItem();
  state.items.push(item);
  buildItems();
  check();
  const i = state.items.length - 1;
  document.querySelector(`[data-path="/items/${i}/category"]`)?.focus();
}

function onClick(e) {
  const b = e.target.closest('button[data-action]');
  if (!b) return;
  const i = Number(b.dataset.item);
  switch (b.dataset.action) {
    case 'remove-item':
      origin = null;
      state.items.splice(i, 1);
      buildItems();
      break;
    case 'add-citation': {
      const item = state.items[i];
      if (!Array.isArray(item.basis)) item.basis = [];
      item.basis.push({ title: '' });
      rebuildItem(i, `/items/${i}/basis/${item.basis.length - 1}/title`);
      break;
    }
    case 'remove-citation':
      state.items[i].basis.splice(Number(b.dataset.citation), 1);
      rebuildItem(i);
      break;
    default:
      return;
  }
  check();
}

/** The issue list in the summary: a click (or Enter) goes to the field. */
function onIssueClick(e) {
  if (e.type === 'keydown' && e.key !== 'Enter') return;
  const li = e.target.closest('li[data-issue-path]');
  if (!li) return;
  let p = li.dataset.issuePath;
  for (;;) {
    const control = document.querySelector(`[data-path="${CSS.escape(p)}"]`);
    const holder = control ?? document.querySelector(`[data-field="${CSS.escape(p)}"]`);
    if (holder) {
      holder.scrollIntoView({ block: 'center' });
      (control?.matches('div') ? control.querySelector('input') : control)?.focus();
      return;
    }
    if (p === '') return;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

const TABLE_FILE = /\.(csv|tsv|txt|xlsx|xlsm|html?|shtml|xls|et|docx|doc|wps|pdf)$/i;

// The build with table import, loaded on the first spreadsheet (a promise of its module).
let tablesModule = null;

function loadTablesModule() {
  if (tablesModule === null) {
    tablesModule = import('../tables/web.mjs').then(async (m) => {
      await m.default();
      return m;
    });
    // A failure is not kept: the next spreadsheet tries again.
    tablesModule.catch(() => {
      tablesModule = null;
    });
  }
  return tablesModule;
}

// Each file loaded gets a number: a file whose reading finishes after a later one began is dropped.
let loads = 0;

async function loadFile(file) {
  const load = ++loads;
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (load !== loads) return;
  if (TABLE_FILE.test(file.name)) {
    await loadTable(file.name, bytes, load);
    return;
  }
  let report;
  try {
    report = validate(bytes, { mask: MASK }); // the core reads the file (BOM, encoding, duplicate keys)
  } catch (e) {
    showNotice(`无法打开 ${file.name}：${e.message}`);
    return;
  }
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  document.activeElement?.blur?.();
  state = JSON.parse(text);
  origin = null;
  showImportFindings([]);
  const dups = report.issues.filter((i) => i.code === 'json.duplicate_key').length;
  showNotice(dups ? `${file.name} 中有 ${dups} 个重复的键：表单中保留的是每个键最后一次出现的值。` : `已加载 ${file.name}`);
  buildForm();
  showSummary();
}

/** Brings the summary into view (below the sticky bar: `scroll-padding-top` in demo.css). */
function showSummary() {
  $('summary').scrollIntoView({ block: 'start' });
}

/** A spreadsheet: the core imports it; the form shows the catalogue, issues name their cells. */
async function loadTable(name, bytes, load) {
  let tables;
  try {
    if (tablesModule === null) showNotice(`正在加载表格导入模块，以读取 ${name}…`);
    tables = await loadTablesModule();
  } catch (e) {
    if (load === loads) showNotice(`无法加载表格导入模块：${e.message}`);
    return;
  }
  if (load !== loads) return;
  let imported;
  try {
    // Import findings masked as the reports are; a catalogue field the table lacks is to be
    // filled in this form's field (“领域”栏), and the finding says so (frontEnd: 'form').
    imported = tables.importTable(bytes, { fileName: name, mask: MASK, frontEnd: 'form' });
  } catch (e) {
    showNotice(`无法导入 ${name}：${e.message}`);
    return;
  }
  document.activeElement?.blur?.();
  state = imported.catalogue;
  origin = { name, sources: imported.sources };
  // What only the importer can tell (unparsed cells, ambiguous ticks, 同上 resolved…): the
  // form's own validation does not repeat it, so it stays listed until another file is loaded.
  const findings = imported.report.issues.filter((i) => i.code.startsWith('import.'));
  showImportFindings(findings);
  const encoding = imported.encoding ? `，编码 ${imported.encoding}` : '';
  showNotice(`已从表格 ${name} 导入 ${state.items.length} 个事项${encoding}；问题后标注了表格中的位置，改正后可下载 JSON。` + (findings.length ? `导入时的提示 ${findings.length} 条：` : ''));
  buildForm();
  showSummary();
}

function showImportFindings(findings) {
  const list = $('import-list');
  list.replaceChildren(
    ...findings.map((f) => {
      const li = issueItem(f, true);
      li.tabIndex = 0;
      return li;
    }),
  );
}

function download() {
  const data = hooks.beforeDownload(state);
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const a = el('a', { href: URL.createObjectURL(blob), download: `${(typeof state.title === 'string' && state.title) || 'catalogue'}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

async function main() {
  try {
    await init();
  } catch (e) {
    showStatus('error', `校验模块加载失败：${e.message}`);
    return;
  }
  schema = loadSchema();
  domainCodes = domains().map((d) => ({ code: d.code, title: d.zh }));
  state = structuredClone(EXAMPLE);
  followBarHeight();
  $('version').textContent = `gongkai ${version}`;
  const form = $('catalogue');
  // `input` only: it fires for text, selects and checkboxes alike, as the value changes (a
  // `change` can arrive late, on blur, after the form was rebuilt for another catalogue).
  form.addEventListener('input', onInput);
  form.addEventListener('click', onClick);
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const id of ['issue-list', 'import-list']) {
    $(id).addEventListener('click', onIssueClick);
    $(id).addEventListener('keydown', onIssueClick);
  }
  $('add-item').addEventListener('click', addItem);
  $('add-item-bottom').addEventListener('click', addItem);
  $('download').addEventListener('click', download);
  $('load-file').addEventListener('change', (e) => {
    const f = e.target.files?.[0];
    if (f) loadFile(f);
    e.target.value = '';
  });
  buildForm();
}

/** Keeps `--bar-height` (demo.css) the sticky bar's height, which grows when its buttons wrap:
 *  what scrolls into view (the summary, a field with a problem) stops below the bar. */
function followBarHeight() {
  const bar = document.querySelector('.bar');
  const set = () => document.documentElement.style.setProperty('--bar-height', `${bar.getBoundingClientRect().height}px`);
  set();
  new ResizeObserver(set).observe(bar);
}

// For tests and the console: the current catalogue and report.
window.gongkaiDemo = { hooks, get catalogue() { return state; }, get report() { return lastReport; } };

main();
