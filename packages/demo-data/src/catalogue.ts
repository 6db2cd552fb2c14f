import { OrganizationType } from '@county/domain';

/*
 * What every demo county has: its Party working departments, government working departments and public
 * institutions. `key` is the stable short key in the organisation's natural key (`org:<county>:dept:<key>`,
 * `org:<county>:inst:<key>`); never rename one, other subgraphs' seeders compute ids from them.
 */

export interface DepartmentEntry {
  key: string;
  type: OrganizationType.PARTY_DEPARTMENT | OrganizationType.GOVERNMENT_DEPARTMENT;
  /** Name after `中共<county>委` (Party departments) or `<county>` (government departments). */
  suffix: string;
  leaderTitle: string;
  deputyTitle: string;
}

export interface InstitutionEntry {
  key: string;
  /** Name after `<county>`. */
  suffix: string;
  /** The department it belongs to. */
  departmentKey: string;
  leaderTitle: string;
}

function entries<T>(table: string, row: (cells: string[]) => T): T[] {
  return table
    .trim()
    .split('\n')
    .map((line) => row(line.trim().split(/\s+/)));
}

const party = (key: string, suffix: string, leaderTitle: string, deputyTitle: string): DepartmentEntry => ({
  key,
  type: OrganizationType.PARTY_DEPARTMENT,
  suffix,
  leaderTitle,
  deputyTitle,
});
const government = (
  key: string,
  suffix: string,
  leaderTitle: string,
  deputyTitle: string,
): DepartmentEntry => ({
  key,
  type: OrganizationType.GOVERNMENT_DEPARTMENT,
  suffix,
  leaderTitle,
  deputyTitle,
});

/** 12 Party working departments (县委工作部门), named 中共<county>委<suffix>. */
const PARTY_DEPARTMENTS = entries(
  `
  party-office        办公室                      主任        副主任
  organization        组织部                      常务副部长  副部长
  propaganda          宣传部                      常务副部长  副部长
  united-front        统战部                      常务副部长  副部长
  political-legal     政法委员会                  常务副书记  副书记
  staffing            机构编制委员会办公室        主任        副主任
  reform              全面深化改革委员会办公室    主任        副主任
  policy-research     政策研究室                  主任        副主任
  cyberspace          网络安全和信息化委员会办公室 主任       副主任
  social-work         社会工作部                  部长        副部长
  inspection          巡察工作领导小组办公室      主任        副主任
  veteran-cadres      老干部局                    局长        副局长
  `,
  ([key, suffix, leader, deputy]) => party(key, suffix, leader, deputy),
);

/** 30 government working departments (政府工作部门), named <county><suffix>. */
const GOVERNMENT_DEPARTMENTS = entries(
  `
  government-office        人民政府办公室          主任  副主任
  development-reform       发展和改革委员会        主任  副主任
  education                教育局                  局长  副局长
  science-technology       科学技术局              局长  副局长
  industry-it              工业和信息化局          局长  副局长
  public-security          公安局                  局长  副局长
  civil-affairs            民政局                  局长  副局长
  justice                  司法局                  局长  副局长
  finance                  财政局                  局长  副局长
  human-resources          人力资源和社会保障局    局长  副局长
  natural-resources        自然资源和规划局        局长  副局长
  housing                  住房和城乡建设局        局长  副局长
  transport                交通运输局              局长  副局长
  water                    水利局                  局长  副局长
  agriculture              农业农村局              局长  副局长
  commerce                 商务局                  局长  副局长
  culture-tourism          文化广电和旅游局        局长  副局长
  health                   卫生健康委员会          主任  副主任
  veterans                 退役军人事务局          局长  副局长
  emergency                应急管理局              局长  副局长
  audit                    审计局                  局长  副局长
  market-regulation        市场监督管理局          局长  副局长
  statistics               统计局                  局长  副局长
  medical-security         医疗保障局              局长  副局长
  administrative-approval  行政审批局              局长  副局长
  government-services      政务服务管理办公室      主任  副主任
  petitions                信访局                  局长  副局长
  urban-management         城市管理局              局长  副局长
  offices-administration   机关事务管理局          局长  副局长
  civil-air-defence        人民防空办公室          主任  副主任
  `,
  ([key, suffix, leader, deputy]) => government(key, suffix, leader, deputy),
);

export const COUNTY_DEPARTMENTS: readonly DepartmentEntry[] = [
  ...PARTY_DEPARTMENTS,
  ...GOVERNMENT_DEPARTMENTS,
];

/** 25 public institutions (事业单位), named <county><suffix>. */
export const COUNTY_INSTITUTIONS: readonly InstitutionEntry[] = entries(
  `
  people-hospital          人民医院                    health                   院长
  tcm-hospital             中医院                      health                   院长
  maternal-child-health    妇幼保健院                  health                   院长
  disease-control          疾病预防控制中心            health                   主任
  first-middle-school      第一中学                    education                校长
  second-middle-school     第二中学                    education                校长
  experimental-primary     实验小学                    education                校长
  vocational-education     职业教育中心                education                主任
  media-center             融媒体中心                  propaganda               主任
  archives                 档案馆                      party-office             馆长
  library                  图书馆                      culture-tourism          馆长
  cultural-center          文化馆                      culture-tourism          馆长
  real-estate-registration 不动产登记中心              natural-resources        主任
  public-resource-trading  公共资源交易中心            government-services      主任
  social-insurance         社会保险服务中心            human-resources          主任
  employment-service       就业服务中心                human-resources          主任
  agri-tech-extension      农业技术推广中心            agriculture              主任
  animal-husbandry         畜牧兽医站                  agriculture              站长
  water-works              水利工程管理中心            water                    主任
  big-data                 大数据中心                  government-services      主任
  inspection-testing       检验检测中心                market-regulation        主任
  veterans-service         退役军人服务中心            veterans                 主任
  hotline-12345            12345政务服务便民热线中心   government-services      主任
  urban-rural-construction 城乡建设服务中心            housing                  主任
  medical-security-service 医疗保障服务中心            medical-security         主任
  `,
  ([key, suffix, departmentKey, leaderTitle]) => ({ key, suffix, departmentKey, leaderTitle }),
);
