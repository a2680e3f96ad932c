// Generates a realistic, schema-valid disclosure catalogue of N items (varied Chinese text, about
// 800 bytes of JSON per item, with the warnings real catalogues have: about one per two items),
// deterministic for a given seed.
//
//   node benches/gen_catalogue.mjs 10000 > cat-10000.json        (--clean: no issue at all)
//   import { generateCatalogue } from './gen_catalogue.mjs'
//
// `{ clean: true }` makes a catalogue with no issue under any rule; `{ broken: k }` breaks every
// k-th item in several ways (for a report with many errors).

const CATEGORIES = [
  ['城镇燃气管理', ['燃气经营许可证核发', '燃气设施改动审批', '燃气安全事故处置', '瓶装燃气供应站点设置']],
  ['供水管理', ['计划停水通知', '供水水质信息公布', '二次供水设施管理', '城市供水价格调整']],
  ['城市道路管理', ['占用挖掘城市道路审批', '城市道路维修养护计划', '依附城市道路建设管线审批']],
  ['市容环境卫生', ['城市建筑垃圾处置核准', '户外广告设置许可', '环境卫生设施拆除审批', '生活垃圾分类投放点位']],
  ['园林绿化', ['临时占用城市绿地审批', '砍伐城市树木审批', '古树名木保护名录', '公园开放时间调整']],
  ['城市照明', ['路灯设施报修处理', '景观照明开启时间']],
  ['排水与污水处理', ['城镇污水排入排水管网许可', '汛期排水防涝信息', '污水处理费征收标准']],
  ['行政执法', ['行政处罚结果公示', '执法人员名单及证件', '随机抽查事项清单', '行政执法流程']],
];
const CONTENT = ['申请条件', '申请材料', '办理流程', '办理时限', '收费标准', '办理结果', '办理地点及时间', '咨询电话', '监督投诉渠道', '法定依据', '实施主体', '结果公示'];
const LAWS = [
  ['城镇燃气管理条例', '国务院令第583号', 'administrative_regulation'],
  ['城市供水条例', '国务院令第158号', 'administrative_regulation'],
  ['城市道路管理条例', '国务院令第198号', 'administrative_regulation'],
  ['城市市容和环境卫生管理条例', '国务院令第101号', 'administrative_regulation'],
  ['城市绿化条例', '国务院令第100号', 'administrative_regulation'],
  ['城镇排水与污水处理条例', '国务院令第641号', 'administrative_regulation'],
  ['中华人民共和国政府信息公开条例', '国务院令第711号', 'administrative_regulation'],
  ['中华人民共和国行政许可法', '主席令第七号', 'law'],
  ['中华人民共和国行政处罚法', '主席令第七十号', 'law'],
  ['河南省城市市容和环境卫生管理条例', '河南省人民代表大会常务委员会公告第12号', 'local_regulation'],
];
const ARTICLES = ['第十条', '第十五条', '第二十条', '第二十四条', '第二十六条', '第三十三条', '第四十一条'];
const CHANNELS = ['gov_gazette', 'social_media', 'press_or_hearing', 'broadcast_tv', 'print_media', 'reading_point', 'service_center', 'service_station', 'door_to_door', 'notice_board', 'targeted_push'];
const OTHER = ['县城管局微信公众号', '社区网格员告知', '短信通知', '政务服务大厅电子屏'];
const NOTES = ['办理结果同时在县政务服务网公示', '涉及个人隐私的内容不予公开', '按季度汇总更新', '依申请公开事项按《政府信息公开条例》办理'];
const SUBJECTS = ['武陟县城市管理局', '武陟县城市管理局市政公用股', '武陟县城市管理综合执法大队', '武陟县园林绿化中心'];

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

// The clean mode (`{ clean: true }`): coherent rows (each item cites the instruments its matter
// rests on, within the statutory time limit, on the government website), so that the catalogue
// has no issue under any rule, as core/benches/support/gen.rs makes them for the Rust benches.
const CLEAN_ENTRIES = [
  ['城镇燃气管理', '燃气经营许可证核发', [0, 6]],
  ['城镇燃气管理', '燃气经营者改动市政燃气设施审批', [0]],
  ['市政设施建设类审批', '占用、挖掘城市道路审批', [1]],
  ['市政设施建设类审批', '依附于城市道路建设各种管线、杆线等设施审批', [1]],
  ['市政设施建设类审批', '特殊车辆在城市道路上行驶审批', [1]],
  ['城市园林绿化管理', '城市园林绿化行政审批', [4]],
  ['城市园林绿化管理', '临时占用城市绿化用地审批', [4]],
  ['城市供水、城镇排水与污水处理', '城镇污水排入排水管网许可证核发', [3, 6]],
  ['城市供水、城镇排水与污水处理', '停止供水或改装、拆除公共供水设施审批', [2]],
  ['城市市容和环境卫生管理', '城市建筑垃圾处置核准', [7]],
  ['城市市容和环境卫生管理', '从事城市生活垃圾经营性清扫、收集、运输、处理服务审批', [7]],
];
const CLEAN_CONTENT = ['申请条件', '申请材料', '申请流程', '法定依据', '受理机构', '办理时限', '收费标准及依据', '办理结果', '咨询电话及监督投诉方式', '办事指南及表格下载'];
const CLEAN_BASES = [
  ['城镇燃气管理条例', '国务院令第583号', 'administrative_regulation'],
  ['城市道路管理条例', '国务院令第198号', 'administrative_regulation'],
  ['城市供水条例', '国务院令第158号', 'administrative_regulation'],
  ['城镇排水与污水处理条例', '国务院令第641号', 'administrative_regulation'],
  ['城市绿化条例', '国务院令第100号', 'administrative_regulation'],
  ['中华人民共和国政府信息公开条例', '国务院令第711号', 'administrative_regulation'],
  ['中华人民共和国行政许可法', '主席令第7号', 'law'],
  ['河南省城市市容和环境卫生管理条例', '', 'local_regulation'],
];
const CLEAN_SUBJECTS = ['武陟县城市管理局', '武陟县城市管理局、武陟县住房和城乡建设局', '武陟县城市管理局市政工程管理所'];
const CLEAN_OTHER = ['12345政务服务热线', '电话咨询'];

function cleanItem(i, r) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  const int = (k) => Math.floor(r() * k);
  const [category, name, bases] = pick(CLEAN_ENTRIES);
  const start = int(CLEAN_CONTENT.length);
  const content = Array.from({ length: 3 + int(5) }, (_, k) => CLEAN_CONTENT[(start + k) % CLEAN_CONTENT.length]);
  const cited = int(2) === 0 ? [...bases, 5] : [...bases];
  const basis = cited.map((b) => {
    const [title, doc_no, kind] = CLEAN_BASES[b];
    const c = { title, kind, articles: [`第${1 + int(60)}条`] };
    if (doc_no) c.doc_no = doc_no;
    c.text = `《${title}》${doc_no}`;
    return c;
  });
  const days = 5 + int(3);
  const channels = ['gov_website', ...['gov_gazette', 'social_media', 'service_center', 'notice_board', 'targeted_push'].filter(() => int(3) === 0)];
  const item = {
    id: String(i + 1),
    category,
    name: `${name}（第${i + 1}项）`,
    content,
    basis,
    time_limit: { kind: 'working_days', days, from: 'formed_or_changed', text: `自信息形成或者变更之日起${days}个工作日内` },
    subject: pick(CLEAN_SUBJECTS),
    channels,
    audience: ['public'],
    method: ['proactive'],
    levels: ['county'],
  };
  if (int(3) === 0) item.notes = '本事项信息在武陟县人民政府门户网站政府信息公开专栏集中发布。';
  if (int(4) === 0) item.other_channels = [pick(CLEAN_OTHER)];
  return item;
}

export function generateCatalogue(n, { seed = 42, broken = 0, clean = false } = {}) {
  const r = rng(seed);
  if (clean) {
    return {
      schema_version: '1.0',
      title: '武陟县城市管理局市政服务领域基层政务公开标准目录（基准测试）',
      domain: 'municipal_services',
      publisher: '武陟县城市管理局',
      level: 'county',
      region: { province: '河南省', city: '焦作市', county: '武陟县', code: '410823' },
      issued: '2024-03-01',
      updated: '2025-06-30',
      based_on: { title: '市政服务领域基层政务公开标准目录', doc_no: '建办厅〔2019〕71号', issuer: '住房和城乡建设部办公厅' },
      items: Array.from({ length: n }, (_, i) => cleanItem(i, r)),
    };
  }
  const pick = (a) => a[Math.floor(r() * a.length)];
  const some = (a, lo, hi) => {
    const k = lo + Math.floor(r() * (hi - lo + 1));
    const copy = [...a];
    const out = [];
    while (out.length < k && copy.length) out.push(copy.splice(Math.floor(r() * copy.length), 1)[0]);
    return out;
  };
  const items = [];
  for (let i = 0; i < n; i++) {
    const [category, names] = pick(CATEGORIES);
    const proactive = r() < 0.8;
    const method = proactive ? (r() < 0.2 ? ['proactive', 'on_request'] : ['proactive']) : ['on_request'];
    const channels = proactive ? ['gov_website', ...some(CHANNELS, 1, 3)] : some(CHANNELS, 1, 2);
    const basis = some(LAWS, 1, 2).map(([title, doc_no, kind]) => ({
      title,
      doc_no,
      articles: some(ARTICLES, 1, 2),
      kind,
    }));
    const tl = r();
    const time_limit =
      tl < 0.6
        ? { kind: 'working_days', days: 20, from: 'formed_or_changed', text: '自信息形成或者变更之日起20个工作日内' }
        : tl < 0.75
          ? { kind: 'calendar_days', days: 7, from: 'decided', text: '作出决定之日起7日内' }
          : tl < 0.85
            ? { kind: 'hours_before', hours: 24, text: '提前24小时' }
            : tl < 0.92
              ? { kind: 'annual_by', month: 1, day: 31, text: '每年1月31日前' }
              : { kind: 'realtime', text: '实时公开' };
    const item = {
      id: String(i + 1),
      category,
      name: `${pick(names)}（第${i + 1}项）`,
      content: some(CONTENT, 3, 6),
      basis,
      time_limit,
      subject: pick(SUBJECTS),
      channels,
      audience: r() < 0.85 ? ['public'] : ['specific_groups'],
      method,
      levels: r() < 0.7 ? ['county'] : ['county', 'township'],
    };
    if (item.audience[0] === 'specific_groups') item.audience_note = '申请人及利害关系人';
    if (r() < 0.3) item.other_channels = [pick(OTHER)];
    if (r() < 0.4) item.notes = pick(NOTES);
    if (broken && i % broken === 0) {
      item.name = '';
      item.channels = ['service_center'];
      item.method = ['proactive'];
      item.time_limit = { kind: 'working_days', days: 400 };
      item.chanels = ['notice_board'];
    }
    items.push(item);
  }
  return {
    schema_version: '1.0',
    title: '武陟县城市管理局市政服务领域基层政务公开标准目录',
    domain: 'municipal_services',
    publisher: '武陟县城市管理局',
    level: 'county',
    region: { province: '河南省', city: '焦作市', county: '武陟县', code: '410823' },
    issued: '2024-03-01',
    based_on: { title: '市政服务领域基层政务公开标准指引', doc_no: '建办厅〔2019〕71号', issuer: '住房和城乡建设部办公厅' },
    items,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1000);
  process.stdout.write(JSON.stringify(generateCatalogue(n, { clean: process.argv.includes('--clean') }), null, 1));
}
