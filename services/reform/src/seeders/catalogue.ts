/*
 * The reform committee of the demo county, after the Donghai report (000): its ten special groups, the
 * departments (short keys of @county/demo-data's catalogue) that lead and join their tasks, and the kind of
 * tasks each carries (named after the reforms the source reports describe).
 */

export interface GroupEntry {
  key: string;
  name: string;
  /** Departments that lead its tasks; the first is the group's office. */
  departments: string[];
  tasks: string[];
}

export const SPECIAL_GROUPS: readonly GroupEntry[] = [
  {
    key: 'economy-ecology',
    name: '经济体制和生态文明体制改革专项小组',
    departments: [
      'development-reform',
      'finance',
      'natural-resources',
      'commerce',
      'market-regulation',
      'statistics',
    ],
    tasks: [
      '政府性债务化解和风险防控机制改革',
      '优化营商环境“3550”改革',
      '质量强县建设体制机制创新',
      '生态环境损害赔偿制度改革',
      '国有企业混合所有制改革',
      '投资项目审批制度改革',
    ],
  },
  {
    key: 'rural',
    name: '农村综合改革专项小组',
    departments: ['agriculture', 'water', 'natural-resources', 'finance', 'civil-affairs'],
    tasks: [
      '农村承包土地经营权抵押贷款试点',
      '扶持村级集体经济发展试点',
      '农村集体产权制度改革',
      '农村电商服务体系建设',
      '农村人居环境整治长效管护机制',
      '小型水利工程管理体制改革',
    ],
  },
  {
    key: 'urban',
    name: '城市建设管理体制改革专项小组',
    departments: ['housing', 'urban-management', 'transport', 'natural-resources'],
    tasks: [
      '国家智慧城市试点建设',
      '城市管理综合执法体制改革',
      '不动产登记“四个一”工作法',
      '工程建设项目审批制度改革',
      '城镇老旧小区改造机制创新',
    ],
  },
  {
    key: 'science',
    name: '科技创新领域改革专项小组',
    departments: ['science-technology', 'industry-it', 'education', 'human-resources'],
    tasks: [
      '科技成果转化激励机制改革',
      '高新技术企业培育机制创新',
      '人才引进“一站式”服务改革',
      '产学研协同创新平台建设',
      '数字经济发展体制机制创新',
    ],
  },
  {
    key: 'democracy-law',
    name: '民主法制领域改革专项小组',
    departments: ['justice', 'public-security', 'petitions', 'government-office'],
    tasks: [
      '矛盾纠纷多元化解机制改革',
      '公共法律服务体系建设',
      '行政执法“三项制度”改革',
      '信访工作制度改革',
      '法治政府建设考评机制改革',
    ],
  },
  {
    key: 'culture',
    name: '文化体制改革专项小组',
    departments: ['propaganda', 'culture-tourism'],
    tasks: [
      '县级融媒体中心建设',
      '新时代文明实践中心试点',
      '公共文化服务体系示范区建设',
      '文旅融合发展体制机制创新',
    ],
  },
  {
    key: 'social-services',
    name: '社会事业体制改革专项小组',
    departments: ['health', 'education', 'human-resources', 'medical-security', 'civil-affairs'],
    tasks: [
      '医疗卫生体制改革（县域医共体建设）',
      '外派劳务标准化试点',
      '义务教育优质均衡发展改革',
      '医疗保障支付方式改革',
      '养老服务体系改革',
      '社会救助综合改革',
    ],
  },
  {
    key: 'social-governance',
    name: '社会治理体制改革专项小组',
    departments: [
      'political-legal',
      'administrative-approval',
      'government-services',
      'public-security',
      'justice',
    ],
    tasks: [
      '“不见面审批”改革',
      '帮办代办服务体系建设',
      '网格化社会治理机制创新',
      '社会治理创新综合试点',
      '政务服务“一窗受理”改革',
      '相对集中行政许可权改革',
    ],
  },
  {
    key: 'party-building',
    name: '党的建设制度改革专项小组',
    departments: ['organization', 'party-office', 'staffing', 'united-front'],
    tasks: [
      '优秀年轻干部一线挂职机制',
      '社区工作者“三岗十八级”薪酬体系',
      '村级组织运转经费保障机制',
      '机构编制管理制度改革',
      '基层党建“整乡推进”机制',
    ],
  },
  {
    key: 'discipline',
    name: '纪检监察体制改革专项小组',
    departments: ['inspection', 'audit', 'party-office'],
    tasks: ['巡察工作制度改革', '审计全覆盖机制改革', '基层监督“嵌入式”机制创新', '容错纠错机制建设'],
  },
];

/** Work points a year, 2017–2020: 200 in all, as the Donghai report counts. */
export const WORK_POINTS_PER_YEAR: Record<number, number> = { 2017: 48, 2018: 50, 2019: 52, 2020: 50 };

/** Share of a year's tasks still unfinished (and so lagging) today: older years are mostly closed. */
export const UNFINISHED_SHARE: Record<number, number> = { 2017: 0.03, 2018: 0.05, 2019: 0.09, 2020: 0.2 };

/** Problem lists of the "1+29" county (001): 99 on the leaders' account, 56 departments', 106 townships'. */
export const PROBLEM_COUNTS = { LEADER: 99, DEPARTMENT: 56, TOWNSHIP: 106 } as const;

export const PROBLEM_TEMPLATES = [
  '撤并村（社区）集体资产清理处置进度慢',
  '乡镇便民服务中心窗口人员不足，B岗缺位',
  '合村后村级活动场所布局不合理',
  '村干部职数调整后一人一策安置未落实',
  '跨村道路、水利设施管护责任不清',
  '新村班子融合不够，议事决策效率低',
  '便民服务事项下放后乡镇承接能力不足',
  '撤并乡镇驻地公共服务弱化',
  '村级债务底数不清、化解路径不明',
  '网格员队伍流动性大、培训不足',
  '基层执法力量分散、职责交叉',
  '群众办事“多头跑”问题仍然存在',
];

/** Indicators of the reform assessment (考核) and their weights, percent. */
export const ASSESSMENT_INDICATORS = [
  { indicator: '改革任务完成情况', weight: 40 },
  { indicator: '改革创新成效', weight: 25 },
  { indicator: '改革信息报送', weight: 15 },
  { indicator: '督察整改落实', weight: 20 },
] as const;
