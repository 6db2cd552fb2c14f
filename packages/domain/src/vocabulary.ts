/**
 * The directory's vocabulary: levels of the administrative hierarchy, kinds of organisation, the roles
 * people play, and gender. These are real string enums because type-graphql's `registerEnumType` needs an
 * enum object; the values equal the names so they are stable in GraphQL, JSON and the database alike.
 */

/** A level of the administrative hierarchy covered by the platform. */
export enum RegionLevel {
  /** 省 / 自治区 / 直辖市 (province level) */
  PROVINCE = 'PROVINCE',
  /** 地级市 (prefecture-level city) */
  CITY = 'CITY',
  /** 县 / 县级市 / 市辖区 (county level) */
  COUNTY = 'COUNTY',
  /** 乡 / 镇 / 街道 (township level) */
  TOWNSHIP = 'TOWNSHIP',
  /** 村 / 社区 (village level; also covers urban residents' communities) */
  VILLAGE = 'VILLAGE',
}

/** The kind of a public organisation. */
export enum OrganizationType {
  /** 党委 (Party committee) */
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  /** 人大 (people's congress and its standing committee) */
  PEOPLES_CONGRESS = 'PEOPLES_CONGRESS',
  /** 人民政府 (people's government) */
  GOVERNMENT = 'GOVERNMENT',
  /** 政府工作部门 (government working department) */
  GOVERNMENT_DEPARTMENT = 'GOVERNMENT_DEPARTMENT',
  /** 党委工作部门 (Party committee working department) */
  PARTY_DEPARTMENT = 'PARTY_DEPARTMENT',
  /** 乡镇政府 / 街道办事处 (township government or subdistrict office) */
  TOWNSHIP_GOVERNMENT = 'TOWNSHIP_GOVERNMENT',
  /** 村民委员会 (villagers' committee) */
  VILLAGE_COMMITTEE = 'VILLAGE_COMMITTEE',
  /** 居民委员会 (residents' committee of an urban community) */
  COMMUNITY_COMMITTEE = 'COMMUNITY_COMMITTEE',
  /** 事业单位 (public institution) */
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  /** 人民调解委员会 (people's mediation committee) */
  MEDIATION_COMMITTEE = 'MEDIATION_COMMITTEE',
  /** 政务服务中心 (government service centre) */
  SERVICE_CENTER = 'SERVICE_CENTER',
}

/** A role a person plays in the directory; a person may hold several. */
export enum PersonRole {
  /** 干部 (cadre, public official) */
  CADRE = 'CADRE',
  /** 县领导 (county leader) */
  COUNTY_LEADER = 'COUNTY_LEADER',
  /** 社区工作者 (community worker) */
  COMMUNITY_WORKER = 'COMMUNITY_WORKER',
  /** 网格员 (grid worker) */
  GRID_WORKER = 'GRID_WORKER',
  /** 调解员 (people's mediator) */
  MEDIATOR = 'MEDIATOR',
  /** 代办员 (proxy agent who handles service applications on residents' behalf) */
  PROXY_AGENT = 'PROXY_AGENT',
  /** 村干部 (village or community cadre) */
  VILLAGE_CADRE = 'VILLAGE_CADRE',
}

/** Gender as recorded in the citizen ID number. */
export enum Gender {
  /** 男 */
  MALE = 'MALE',
  /** 女 */
  FEMALE = 'FEMALE',
}

/**
 * Which regions a statistic for a past period is counted in, after regions merged (撤乡并镇、撤并建制村):
 * today's (a merged region counts what its predecessors had), or the regions as they were recorded.
 */
export enum RegionMapping {
  /** 按现行区划: a region and every region merged into it (splits excepted: they cannot be divided) */
  TODAY = 'TODAY',
  /** 按当时区划: the region's own records only, as they were recorded */
  AS_RECORDED = 'AS_RECORDED',
}
