// Type-checked by types.test.mjs (tsc --strict): the published declarations describe the API
// as it is used. Imports the package by its own name, through the `exports` map.
import init, {
  addWorkingDays,
  deadline,
  domains,
  isWorkingDay,
  laws,
  lookupLaw,
  rules,
  schema,
  validate,
  validateItem,
  version,
  workingDaysBetween,
  type AuditReport,
  type AuditRow,
  type Law,
  type LawMatch,
  type LawsFile,
  type Catalogue,
  type Coverage,
  type Deadline,
  type DiffFinding,
  type DiffReport,
  type DomainName,
  type Location,
  type MatchMethod,
  type Reason,
  type Status,
  type Tally,
  type Channel,
  type GongkaiError,
  type Issue,
  type Item,
  type Report,
  type RuleDef,
  type Severity,
  type TimeLimit,
} from 'gongkai-wasm';
// Table import is the other build's: gongkai-wasm/tables (gongkai-wasm/tables/web in a browser).
// So are the timeliness audit and the check against the upper-level standard.
import initTables, { audit, changes, diff, evaluate, evaluationHtml, importTable, validate as validateTables, type ChangesReport, type Evaluation, type ImportedTable, type ImportOptions } from 'gongkai-wasm/tables';
import { importTable as inBrowser } from 'gongkai-wasm/tables/web';
// @ts-expect-error: the default entry has no table import
import { importTable as notInTheDefaultEntry } from 'gongkai-wasm';
// @ts-expect-error: nor has its browser path
import { importTable as notInTheDefaultWebEntry } from 'gongkai-wasm/web';
// @ts-expect-error: the 监督评价 is in the tables build too (the default one leaves it out for its size)
import { evaluate as noEvaluateInTheDefaultEntry } from 'gongkai-wasm';
// @ts-expect-error: and so are the changes between versions
import { changes as noChangesInTheDefaultWebEntry } from 'gongkai-wasm/web';
// @ts-expect-error: the audit too
import { audit as noAuditInTheDefaultEntry } from 'gongkai-wasm';
// @ts-expect-error: and the diff
import { diff as noDiffInTheDefaultWebEntry } from 'gongkai-wasm/web';

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
  const fields: DomainName[] = domains();
  const title = schema()['title'];
  try {
    validate('{');
  } catch (e) {
    const err = e as GongkaiError;
    if (err.code === 'json') return [String(err.line), String(err.column)];
  }
  return [version, String(fromText.valid), String(fromBytes.items), String(row.counts.error), String(severity), String(line), String(table.length), String(fields[0]?.zh), String(title)];
}

// @ts-expect-error: an unknown channel code is a type error
export const wrong: Channel = 'website';
// @ts-expect-error: options are checked
validate(catalogue, { minSeverity: 'fatal' });

// Calendar, deadlines, audit, diff and tables: the result types are generated from the Rust
// types (types/deadline.d.ts, audit.d.ts, diff.d.ts), the signatures are index.d.ts (audit and
// diff: tables/index.d.ts).
export function timeliness(csv: string, table: Uint8Array): string[] {
  const working: boolean = isWorkingDay('2024-02-04');
  const end: string = addWorkingDays('2024-09-25', 20);
  const count: number = workingDaysBetween('2024-09-25', end);
  const d: Deadline = deadline(timeLimit, '2024-09-25', { extension: 20 });
  const due: string | null = d.date;
  const why: Reason | null = deadline('常态化公开', '2024-09-25').reason;
  const notice: string | null = deadline({ kind: 'hours_before', hours: 24 }, '2024-03-10T08:30').datetime;
  const report: AuditReport = audit(catalogue, csv, { today: '2024-12-31', lang: 'zh' });
  const fromObjects: AuditReport = audit(JSON.stringify(catalogue), [{ item_id: '1', formed_on: '2024-09-25', published_on: null }]);
  const row: AuditRow | undefined = report.rows[0];
  const status: Status | undefined = row?.status;
  const overall: Tally = report.summary.overall;
  const rate: number | null = overall.on_time_rate;
  const byCategory: string[] = report.summary.by_category.map((c) => `${c.category} ${c.on_time_rate ?? '—'}`);
  const issueRows: (number | null | undefined)[] = fromObjects.issues.map((i) => i.row);
  const checked: DiffReport = diff('municipal_services', catalogue, { minSeverity: 'warning', threshold: 0.7 });
  const linked: DiffReport = diff(catalogue, catalogue, { consistency: true });
  const coverage: Coverage = checked.coverage;
  const finding: DiffFinding | undefined = checked.findings[0];
  const where: string | null | undefined = finding?.local_path;
  const method: MatchMethod | undefined = linked.matches[0]?.method;
  const options: ImportOptions = { fileName: '目录.xlsx', sheet: '市政服务', frontEnd: 'form' };
  const imported: ImportedTable = importTable(table, options);
  const cell: Location | null | undefined = imported.report.issues[0]?.location;
  const again: Report = validateTables(table, { fileName: '目录.csv' });
  const same: typeof importTable = inBrowser;
  const firstItem: Item | undefined = imported.catalogue.items[0];
  const evaluation: Evaluation = evaluate([{ unit: '局', catalogue }], { today: '2026-04-10' });
  const page: string = evaluationHtml(evaluation);
  const changed: ChangesReport = changes(catalogue, catalogue);
  const notes: string = changes(catalogue, catalogue, { format: 'md' });
  void [initTables(), same, notInTheDefaultEntry, notInTheDefaultWebEntry, noEvaluateInTheDefaultEntry, noChangesInTheDefaultWebEntry, noAuditInTheDefaultEntry, noDiffInTheDefaultWebEntry, page, notes, changed.weakened, evaluation.units.length];
  return [String(working), end, String(count), String(due), String(why?.code), String(notice), String(status), String(rate), ...byCategory, String(issueRows), String(coverage.present_share), String(where), String(method), String(cell?.sheet), String(again.valid), String(firstItem?.name)];
}

// @ts-expect-error: a status the audit never gives
export const notAStatus: Status = 'delayed';
// @ts-expect-error: deadline options are checked (the key is `extension`)
deadline(timeLimit, '2024-09-25', { extended: true });
// @ts-expect-error: the audit has no minSeverity (every record is reported)
audit(catalogue, '', { minSeverity: 'error' });
// @ts-expect-error: the diff report has no `missing` list (missing items are findings)
export const missing = diff('municipal_services', catalogue).missing;
// @ts-expect-error: the deadline's date is nullable
export const alwaysDue: string = deadline(timeLimit, '2024-09-25').date;

// The registry of instruments (依据库): laws(), lookupLaw() and the `laws` option.
export function registry(local: LawsFile): string[] {
  const all: Law[] = laws({ laws: local });
  const found: LawMatch | null = lookupLaw('条例', { docNo: '国务院令第492号' });
  const report: Report = validate(catalogue, { laws: JSON.stringify(local) });
  const row: Report = validateItem(item, { laws: local });
  return [all[0]?.title ?? '', found?.version?.doc_no ?? '', String(report.valid), String(row.valid)];
}
