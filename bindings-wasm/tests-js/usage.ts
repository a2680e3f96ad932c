// Type-checked by types.test.mjs (tsc --strict): the published declarations describe the API
// as it is used. Imports the package by its own name, through the `exports` map.
import init, {
  rules,
  schema,
  validate,
  validateItem,
  version,
  type Catalogue,
  type Channel,
  type GongkaiError,
  type Issue,
  type Item,
  type Report,
  type RuleDef,
  type Severity,
  type TimeLimit,
} from 'gongkai-wasm';

const timeLimit: TimeLimit = { kind: 'working_days', days: 20, from: 'formed_or_changed' };
const channels: Channel[] = ['gov_website', 'service_center'];
const item: Item = {
  id: '1',
  category: '城镇燃气管理',
  name: '燃气经营许可证核发',
  content: ['申请条件'],
  basis: [{ title: '城镇燃气管理条例', kind: 'administrative_regulation' }],
  time_limit: timeLimit,
  subject: '武陟县城市管理局',
  channels,
  audience: ['public'],
  method: ['proactive'],
  levels: ['county'],
};
const catalogue: Catalogue = {
  schema_version: '1.0',
  title: '武陟县城市管理局市政服务领域基层政务公开标准目录',
  domain: 'municipal_services',
  publisher: '武陟县城市管理局',
  level: 'county',
  issued: '2024-03-01',
  items: [item],
};

export async function main(): Promise<string[]> {
  await init();
  const report: Report = validate(catalogue, { lang: 'en', minSeverity: 'warning', today: '2026-01-15' });
  const fromText: Report = validate(JSON.stringify(catalogue));
  const fromBytes: Report = validate(new TextEncoder().encode('{}'));
  const row: Report = validateItem(item, { index: 3, header: { ...catalogue, items: [] } });
  const first: Issue | undefined = report.issues[0];
  const severity: Severity | undefined = first?.severity;
  const line: number | undefined = first?.location?.row;
  const table: RuleDef[] = rules();
  const title = schema()['title'];
  try {
    validate('{');
  } catch (e) {
    const err = e as GongkaiError;
    if (err.code === 'json') return [String(err.line), String(err.column)];
  }
  return [version, String(fromText.valid), String(fromBytes.items), String(row.counts.error), String(severity), String(line), String(table.length), String(title)];
}

// @ts-expect-error: an unknown channel code is a type error
export const wrong: Channel = 'website';
// @ts-expect-error: options are checked
validate(catalogue, { minSeverity: 'fatal' });
