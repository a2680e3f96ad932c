// Generates the TypeScript declarations of the data model from JSON Schemas that are themselves
// generated from the Rust types, with json-schema-to-typescript:
// - schema/catalogue.schema.json, schema/report.schema.json (the published contract, written
//   by the core: core/tests/schema_files.rs);
// - bindings-wasm/schema/{deadline,audit-report,diff-report}.schema.json (what `deadline`,
//   `audit` and `diff` return, written from the core's types by tests/schema_files.rs).
// The outputs are committed under types/; the node tests fail when they drift from what this
// script generates.
//
//   node scripts/gen-types.mjs           # write types/*.d.ts
//   node scripts/gen-types.mjs --check   # exit 1 when types/ is out of date
//
// Before compiling, the schemas get a few mechanical edits that keep the generated names and
// types readable (types are named after the schema's $defs, not after the Chinese titles, which
// move into the doc comments); conditional requirements (if/then, "channels or other_channels")
// have no TypeScript form and are left to the validator. A type an earlier output already
// declares (Severity, Counts, Location, TimeLimitKind) is imported from it, not declared twice;
// the script fails if the two definitions disagree.
import { compile } from 'json-schema-to-typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export const OUTPUTS = [
  { schema: '../../schema/catalogue-1.1.schema.json', name: 'Catalogue', out: '../types/catalogue.d.ts' },
  // The report schema's root also accepts the CLI's error lines; `validate` returns the report.
  { schema: '../../schema/report.schema.json', name: 'Report', out: '../types/report.d.ts', root: 'Report' },
  { schema: '../schema/deadline.schema.json', name: 'Deadline', out: '../types/deadline.d.ts' },
  { schema: '../schema/audit-report.schema.json', name: 'AuditReport', out: '../types/audit.d.ts' },
  { schema: '../schema/diff-report.schema.json', name: 'DiffReport', out: '../types/diff.d.ts' },
  { schema: '../../schema/evaluation.schema.json', name: 'Evaluation', out: '../types/evaluation.d.ts' },
];

/** Outputs that describe input (a catalogue may carry keys the model does not know). */
const OPEN = new Set(['Catalogue']);

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Rustdoc links (`[`DEFS`]`, `[`crate::Issue`]`) read as plain code in a TypeScript comment. */
const unlink = (text) => (typeof text === 'string' ? text.replace(/\[`([^`\]]+)`\](\([^)]*\))?/g, '`$1`') : text);

function doc(title, description) {
  title = unlink(title);
  description = unlink(description);
  return title && description && title !== description ? `${title}：${description}` : title || description;
}

/** Is this `anyOf`/`allOf` a set of conditions (required keys) rather than a type union? */
function isCondition(list) {
  return list.every((s) => isObject(s) && !('$ref' in s) && !('type' in s) && !('const' in s) && !('oneOf' in s));
}

function prepare(node, { isProperty = false } = {}) {
  if (Array.isArray(node)) return node.map((n) => prepare(n));
  if (!isObject(node)) return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' && isObject(v)) {
      out.properties = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, prepare(s, { isProperty: true })]));
    } else if (k === '$defs' && isObject(v)) {
      out.$defs = Object.fromEntries(Object.entries(v).map(([d, s]) => [d, { ...prepare(s), title: d }]));
    } else {
      out[k] = prepare(v);
    }
  }
  // An optional code: `type: [string, null]` whose non-null values follow a code list (`if` not
  // null `then` the list) is the list or null.
  if (isObject(node.if) && JSON.stringify(node.if) === '{"not":{"type":"null"}}' && isObject(out.then) && '$ref' in out.then) {
    out.anyOf = [out.then, { type: 'null' }];
    delete out.type;
  }
  // Conditions have no TypeScript form.
  delete out.not;
  delete out.if;
  delete out.then;
  delete out.else;
  for (const k of ['anyOf', 'allOf']) {
    if (Array.isArray(out[k]) && isCondition(out[k])) delete out[k];
  }
  // A code list is a union of string literals; each code's Chinese name goes to its comment.
  if (Array.isArray(out.oneOf) && out.oneOf.every((s) => isObject(s) && 'const' in s)) {
    delete out.type;
    out.oneOf = out.oneOf.map(({ title, description, type, ...rest }) => ({ ...rest, description: doc(title, description) }));
  }
  // A titled property would become a named type of its own: keep the title as documentation.
  if (isProperty && 'title' in out) {
    out.description = doc(out.title, out.description);
    delete out.title;
  }
  // A reference with its own description would be copied into a new type: keep the reference.
  if ('$ref' in out) {
    delete out.description;
    delete out.title;
  }
  if (typeof out.description === 'string') out.description = unlink(out.description);
  return out;
}

/** What must agree for two definitions of one name to be the same type. */
function shape(def) {
  if (Array.isArray(def.oneOf) && def.oneOf.every((s) => isObject(s) && 'const' in s)) {
    return { consts: def.oneOf.map((s) => s.const).sort() };
  }
  if (Array.isArray(def.enum)) return { consts: [...def.enum].sort() };
  return {
    type: def.type,
    properties: Object.keys(def.properties ?? {}).sort(),
    required: [...(def.required ?? [])].sort(),
  };
}

/** Replaces `$ref: #/$defs/{name}` by the imported type's name. */
function useImported(node, names) {
  if (Array.isArray(node)) return node.map((n) => useImported(n, names));
  if (!isObject(node)) return node;
  const m = typeof node.$ref === 'string' ? /^#\/\$defs\/(.+)$/.exec(node.$ref) : null;
  if (m && names.has(m[1])) {
    const { $ref, ...rest } = node;
    return { ...rest, tsType: m[1] };
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, useImported(v, names)]));
}

export async function generate() {
  const files = {};
  const declared = new Map(); // type name → { module, definition } of the output declaring it
  for (const { schema, name, out, root } of OUTPUTS) {
    const published = JSON.parse(readFileSync(here(schema), 'utf8'));
    // `root`: the type is this definition of the schema, not the schema's root.
    const source = root ? { ...published, ...published.$defs[root] } : published;
    if (root) {
      delete source.anyOf;
      source.$defs = Object.fromEntries(Object.entries(published.$defs).filter(([d]) => d !== root));
    }
    let s = prepare(source);
    s.title = name;
    s.description = doc(source.title, source.description);
    delete s.$id;
    const module = `./${out.split('/').pop().replace(/\.d\.ts$/, '')}`;
    const imports = new Map(); // module → names
    for (const [def, definition] of Object.entries(s.$defs ?? {})) {
      const earlier = declared.get(def);
      if (!earlier) continue;
      const [a, b] = [JSON.stringify(shape(definition)), JSON.stringify(shape(earlier.definition))];
      if (a !== b) throw new Error(`${schema}: $defs/${def} differs from the one in ${earlier.module}: ${a} vs ${b}`);
      delete s.$defs[def];
      imports.set(earlier.module, [...(imports.get(earlier.module) ?? []), def]);
    }
    s = useImported(s, new Set([...imports.values()].flat()));
    for (const def of Object.keys(s.$defs ?? {})) declared.set(def, { module, definition: s.$defs[def] });
    const from = schema.startsWith('../../') ? `schema/${schema.split('/').pop()}` : `bindings-wasm/schema/${schema.split('/').pop()}`;
    const importLines = [...imports]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([m, names]) => `\nimport type { ${names.sort().join(', ')} } from '${m}';`)
      .join('');
    const banner =
      `/* Generated by scripts/gen-types.mjs from ${from} (${source.$id}).\n` +
      ` * Do not edit: run \`node scripts/gen-types.mjs\`. */${importLines}`;
    files[out] = await compile(s, name, {
      bannerComment: banner,
      ignoreMinAndMaxItems: true,
      unreachableDefinitions: true,
      additionalProperties: OPEN.has(name),
      style: { singleQuote: true, printWidth: 100 },
    });
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [out, text] of Object.entries(await generate())) {
    const path = here(out);
    let old = null;
    try {
      old = readFileSync(path, 'utf8');
    } catch {}
    if (old === text) continue;
    if (check) {
      console.error(`${out} is out of date: run node scripts/gen-types.mjs`);
      stale += 1;
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${out}`);
    }
  }
  process.exit(stale ? 1 : 0);
}
