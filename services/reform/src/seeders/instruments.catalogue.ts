/*
 * The demo county's reform instruments in one year, shaped after the source reports: the figures a
 * leader's screen shows and the tests check (seed file in brackets).
 */

/** The year the instruments are recorded for (the demo ledger's latest year). */
export const INSTRUMENT_YEAR = 2020;

export const INSTRUMENT_FIGURES = {
  /** 省重点督导的30项改革任务，一月一调度、一月一汇总 [002] */
  keyTasks: 30,
  dispatchRounds: 12,
  /** 专项督查9次，督导通报9期 [003]; each bulletin names one good and one lagging unit: 9 + 9 */
  inspections: 9,
  bulletins: 9,
  commended: 9,
  lagging: 9,
  /** 8项“出圈”标准 [002] */
  criteria: 8,
  /** 14个改革文件、方案 [002] */
  reformDocuments: 14,
  /** 改革试点工作意见、实施方案、配套办法321件 [003] */
  implementingDocuments: 321,
  /** 改革专报8期 [002] */
  briefings: 8,
  /** 宣传稿件540余篇 [003] */
  articles: 543,
  /** 微信公众平台推送210余篇 [003] */
  wechatPosts: 212,
  /** 推广推介会36次 [003] */
  meetings: 36,
  /** “1+4”模式在全省49个经济发达镇复制 [004] */
  replicatedTowns: 49,
  /** “福村宝”在全国7个省1380个村复制推广 [004] */
  replicatedVillages: 1380,
  /** 8个经验正在全市推广 [004] */
  cityAdoptions: 8,
} as const;

export const OUTCOME_CRITERIA: readonly [string, string][] = [
  ['first-of-its-kind', '首创性：在全国、全省率先探索'],
  ['systemic', '系统集成：多项改革协同联动'],
  ['institutional', '制度成果：形成可固化的制度机制'],
  ['results', '实际成效：有可量化的改革成效'],
  ['public-benefit', '群众获得感：群众和企业满意度高'],
  ['replicable', '可复制推广：经验可在更大范围推广'],
  ['recognised', '上级认可：获上级肯定或批示'],
  ['publicised', '媒体推介：获主流媒体宣传推介'],
];

export interface OutcomeEntry {
  title: string;
  department: string;
  showcase: boolean;
  /** How many of the criteria (the first n) it meets; 5 or more selects it. */
  criteriaMet: number;
  adoptions: ['CITY' | 'PROVINCE' | 'STATE', string][];
  replication?: [string, number, number];
}

export const OUTCOMES: readonly OutcomeEntry[] = [
  {
    title: '城市精细化管理',
    department: 'urban-management',
    showcase: true,
    criteriaMet: 7,
    adoptions: [['CITY', '市委改革办']],
  },
  {
    title: '“职工查隐患、老板发红包”安全生产机制',
    department: 'emergency',
    showcase: true,
    criteriaMet: 6,
    adoptions: [['CITY', '市应急管理局']],
  },
  {
    title: '“点菜单式”优化营商环境改革',
    department: 'development-reform',
    showcase: true,
    criteriaMet: 6,
    adoptions: [['CITY', '市政府办公室']],
  },
  {
    title: '“身后事”一链办场景服务',
    department: 'civil-affairs',
    showcase: true,
    criteriaMet: 5,
    adoptions: [['CITY', '市民政局']],
  },
  {
    title: '“新风公益基金”',
    department: 'civil-affairs',
    showcase: true,
    criteriaMet: 5,
    adoptions: [['CITY', '市委宣传部']],
  },
  {
    title: '“四依三查”全链条综合执法机制',
    department: 'justice',
    showcase: false,
    criteriaMet: 6,
    adoptions: [['CITY', '市司法局']],
  },
  {
    title: '网格化社会治理机制',
    department: 'political-legal',
    showcase: false,
    criteriaMet: 6,
    adoptions: [['CITY', '市委政法委']],
  },
  {
    title: '综合行政执法“五个一”制度体系',
    department: 'justice',
    showcase: false,
    criteriaMet: 5,
    adoptions: [['CITY', '市委编办']],
  },
  {
    title: '红白理事会全覆盖推进移风易俗',
    department: 'propaganda',
    showcase: true,
    criteriaMet: 8,
    adoptions: [['STATE', '中宣部']],
  },
  {
    title: '审计机关直审村官',
    department: 'audit',
    showcase: false,
    criteriaMet: 8,
    adoptions: [['STATE', '国家审计署']],
  },
  {
    title: '“刑责治污”模式',
    department: 'public-security',
    showcase: false,
    criteriaMet: 7,
    adoptions: [['STATE', '全国人大、最高法院、最高检察院']],
  },
  {
    title: '党性教育体检',
    department: 'organization',
    showcase: false,
    criteriaMet: 7,
    adoptions: [['STATE', '中央办公厅']],
  },
  {
    title: '党建引领“1+4”基层治理模式',
    department: 'political-legal',
    showcase: true,
    criteriaMet: 7,
    adoptions: [['PROVINCE', '省委改革办']],
    replication: ['全省经济发达镇', 49, 0],
  },
  {
    title: '村级医疗互助“福村宝”模式',
    department: 'medical-security',
    showcase: true,
    criteriaMet: 6,
    adoptions: [['PROVINCE', '省医疗保障局']],
    replication: ['全国7个省', 0, 1380],
  },
  {
    title: '农家书屋管理模式改革',
    department: 'culture-tourism',
    showcase: false,
    criteriaMet: 3,
    adoptions: [],
  },
  {
    title: '社区工作者职业体系“三岗十八级”',
    department: 'civil-affairs',
    showcase: false,
    criteriaMet: 4,
    adoptions: [],
  },
];

/** Pilots won in the year (1 national, 6 provincial) [002], with the department that won each. */
export const LEADS_WON: readonly ['STATE' | 'PROVINCE', string, string][] = [
  ['STATE', 'staffing', '机构编制执行情况和使用效益评估试点'],
  ['PROVINCE', 'agriculture', '衔接乡村振兴集中推进区'],
  ['PROVINCE', 'political-legal', '全省检察人员考核试点'],
  ['PROVINCE', 'civil-affairs', '省级乡村地名管理试点县'],
  ['PROVINCE', 'staffing', '全省机构编制人员经费共用信息管理平台试点'],
  ['PROVINCE', 'urban-management', '规范城市户外广告和招牌设施管理试点'],
  ['PROVINCE', 'justice', '全省司法改革试点'],
];

/** The year's bonus rules; the years before have none (the board says so). */
export const SCORING_RULES: readonly [
  'LEAD_WON' | 'OUTCOME_ADOPTED',
  'CITY' | 'PROVINCE' | 'STATE',
  number,
][] = [
  ['LEAD_WON', 'STATE', 3],
  ['LEAD_WON', 'PROVINCE', 1],
  ['OUTCOME_ADOPTED', 'STATE', 5],
  ['OUTCOME_ADOPTED', 'PROVINCE', 3],
  ['OUTCOME_ADOPTED', 'CITY', 1],
];

export const REFORM_DOCUMENT_TITLES = [
  '开展扩大农村劳动力就业集成改革试点实施方案',
  '关于加强系统集成进一步推动改革落实落地的实施方案',
];
