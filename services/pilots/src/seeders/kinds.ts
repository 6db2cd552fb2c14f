import { OutcomeForm, PilotField } from '../vocabulary';

/** A kind of pilot the source reports name, with who approves it and which county department leads it. */
export interface PilotKind {
  name: string;
  field: PilotField;
  nationalBody: string;
  provincialBody: string;
  outcome: OutcomeForm;
  /** Short keys of the demo county departments (`dept:<key>`): the lead first, then participants. */
  departments: string[];
}

const kind = (
  name: string,
  field: PilotField,
  nationalBody: string,
  provincialBody: string,
  outcome: OutcomeForm,
  departments: string,
): PilotKind => ({ name, field, nationalBody, provincialBody, outcome, departments: departments.split(' ') });

const {
  ECONOMY,
  ECOLOGY,
  RURAL,
  SOCIAL,
  DEMOCRACY_LAW,
  CULTURE,
  SOCIAL_GOVERNANCE,
  PARTY_BUILDING,
  DISCIPLINE,
} = PilotField;
const { INSTITUTIONAL_DOCUMENT, REPLICABLE_PRACTICE, STANDARD, LOCAL_REGULATION, RESEARCH_REPORT } =
  OutcomeForm;

/** Donghai's five (seed 000) first, then the kinds Zibo reports (seed 003). */
export const PILOT_KINDS: readonly PilotKind[] = [
  kind(
    '农村承包土地经营权抵押贷款试点',
    RURAL,
    '中国人民银行',
    '省农业农村厅',
    REPLICABLE_PRACTICE,
    'agriculture finance natural-resources',
  ),
  kind(
    '扶持村级集体经济发展试点',
    RURAL,
    '财政部',
    '省财政厅',
    REPLICABLE_PRACTICE,
    'finance agriculture organization',
  ),
  kind(
    '外派劳务公共服务标准化试点',
    ECONOMY,
    '国家标准化管理委员会',
    '省市场监督管理局',
    STANDARD,
    'commerce human-resources market-regulation',
  ),
  kind(
    '智慧城市试点',
    ECONOMY,
    '住房和城乡建设部',
    '省住房和城乡建设厅',
    INSTITUTIONAL_DOCUMENT,
    'housing industry-it development-reform',
  ),
  kind(
    '社会治理创新综合试点',
    SOCIAL_GOVERNANCE,
    '中央政法委',
    '省委政法委',
    REPLICABLE_PRACTICE,
    'political-legal civil-affairs public-security justice',
  ),
  kind(
    '老工业城市产业转型升级示范区',
    ECONOMY,
    '国家发展改革委',
    '省发展改革委',
    INSTITUTIONAL_DOCUMENT,
    'development-reform industry-it finance',
  ),
  kind(
    '科技服务业区域试点',
    ECONOMY,
    '科学技术部',
    '省科学技术厅',
    REPLICABLE_PRACTICE,
    'science-technology development-reform',
  ),
  kind('物流标准化试点', ECONOMY, '商务部', '省商务厅', STANDARD, 'commerce transport market-regulation'),
  kind(
    '“多规合一”试点',
    ECONOMY,
    '国家发展改革委',
    '省自然资源厅',
    INSTITUTIONAL_DOCUMENT,
    'natural-resources development-reform housing',
  ),
  kind(
    '农村集体产权制度改革试点',
    RURAL,
    '农业农村部',
    '省农业农村厅',
    INSTITUTIONAL_DOCUMENT,
    'agriculture finance',
  ),
  kind(
    '资产收益扶贫试点',
    RURAL,
    '国务院扶贫办',
    '省扶贫办',
    REPLICABLE_PRACTICE,
    'agriculture finance civil-affairs',
  ),
  kind(
    '生态文明先行示范区',
    ECOLOGY,
    '国家发展改革委',
    '省发展改革委',
    INSTITUTIONAL_DOCUMENT,
    'development-reform natural-resources water',
  ),
  kind(
    '重点生态功能区建设试点',
    ECOLOGY,
    '生态环境部',
    '省生态环境厅',
    RESEARCH_REPORT,
    'natural-resources water agriculture',
  ),
  kind('河长制试点', ECOLOGY, '水利部', '省水利厅', INSTITUTIONAL_DOCUMENT, 'water natural-resources'),
  kind(
    '“刑责治污”机制创新试点',
    ECOLOGY,
    '最高人民检察院',
    '省生态环境厅',
    LOCAL_REGULATION,
    'public-security justice natural-resources',
  ),
  kind(
    '国家文化消费试点',
    CULTURE,
    '文化和旅游部',
    '省文化和旅游厅',
    REPLICABLE_PRACTICE,
    'culture-tourism commerce finance',
  ),
  kind(
    '移风易俗红白理事会全覆盖试点',
    CULTURE,
    '中央宣传部',
    '省委宣传部',
    REPLICABLE_PRACTICE,
    'propaganda civil-affairs',
  ),
  kind('教育信息化试点', SOCIAL, '教育部', '省教育厅', STANDARD, 'education industry-it'),
  kind(
    '全国青少年校园足球试点',
    SOCIAL,
    '教育部',
    '省教育厅',
    REPLICABLE_PRACTICE,
    'education culture-tourism',
  ),
  kind(
    '基层劳动就业和社会保障公共服务示范',
    SOCIAL,
    '人力资源社会保障部',
    '省人力资源社会保障厅',
    STANDARD,
    'human-resources finance',
  ),
  kind(
    '支持农民工等人员返乡创业试点',
    SOCIAL,
    '国家发展改革委',
    '省人力资源社会保障厅',
    REPLICABLE_PRACTICE,
    'human-resources agriculture finance',
  ),
  kind(
    '“救急难”综合试点',
    SOCIAL,
    '民政部',
    '省民政厅',
    INSTITUTIONAL_DOCUMENT,
    'civil-affairs health medical-security',
  ),
  kind(
    '医疗联合体建设试点',
    SOCIAL,
    '国家卫生健康委',
    '省卫生健康委',
    REPLICABLE_PRACTICE,
    'health medical-security',
  ),
  kind(
    '社会保障卡综合应用试点',
    SOCIAL,
    '人力资源社会保障部',
    '省人力资源社会保障厅',
    STANDARD,
    'human-resources medical-security',
  ),
  kind(
    '司法体制改革试点',
    DEMOCRACY_LAW,
    '中央政法委',
    '省委政法委',
    INSTITUTIONAL_DOCUMENT,
    'political-legal justice',
  ),
  kind(
    '行政审批制度改革试点',
    DEMOCRACY_LAW,
    '国务院审改办',
    '省委编办',
    INSTITUTIONAL_DOCUMENT,
    'administrative-approval staffing government-services',
  ),
  kind(
    '市县党代会代表任期制试点',
    PARTY_BUILDING,
    '中央组织部',
    '省委组织部',
    INSTITUTIONAL_DOCUMENT,
    'organization party-office',
  ),
  kind(
    '党性教育体检试点',
    PARTY_BUILDING,
    '中央组织部',
    '省委组织部',
    REPLICABLE_PRACTICE,
    'organization propaganda',
  ),
  kind('审计机关直审村官试点', DISCIPLINE, '审计署', '省审计厅', REPLICABLE_PRACTICE, 'audit organization'),
  kind(
    '查办腐败案件“一为主两报告”试点',
    DISCIPLINE,
    '中央纪委',
    '省纪委',
    INSTITUTIONAL_DOCUMENT,
    'inspection audit',
  ),
];
