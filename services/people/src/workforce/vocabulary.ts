import { registerEnumType } from 'type-graphql';

/** 职级 — a cadre's rank, from the county level down. */
export enum CadreRank {
  COUNTY_PRINCIPAL = 'COUNTY_PRINCIPAL',
  COUNTY_DEPUTY = 'COUNTY_DEPUTY',
  SECTION_PRINCIPAL = 'SECTION_PRINCIPAL',
  SECTION_DEPUTY = 'SECTION_DEPUTY',
  STAFF = 'STAFF',
}

/** 三岗 — the three post types of community workers. */
export enum CommunityPostType {
  HEAD = 'HEAD',
  DEPUTY = 'DEPUTY',
  OTHER = 'OTHER',
}

/** 学历 — highest education completed. */
export enum Education {
  HIGH_SCHOOL = 'HIGH_SCHOOL',
  ASSOCIATE = 'ASSOCIATE',
  BACHELOR = 'BACHELOR',
  MASTER = 'MASTER',
  DOCTORATE = 'DOCTORATE',
}

/** 考核等次 — the grade of a yearly assessment. */
export enum AssessmentGrade {
  EXCELLENT = 'EXCELLENT',
  COMPETENT = 'COMPETENT',
  BASICALLY_COMPETENT = 'BASICALLY_COMPETENT',
  INCOMPETENT = 'INCOMPETENT',
}

/** 挂职岗位 — the kind of frontline unit a young cadre is seconded to. */
export enum SecondmentFront {
  MAJOR_PROJECT = 'MAJOR_PROJECT',
  KEY_WORK = 'KEY_WORK',
  TOWNSHIP = 'TOWNSHIP',
}

/** 双向推荐 — who put a cadre forward for a secondment. */
export enum Recommender {
  SENDING_UNIT = 'SENDING_UNIT',
  RECEIVING_UNIT = 'RECEIVING_UNIT',
  ORGANIZATION_DEPARTMENT = 'ORGANIZATION_DEPARTMENT',
}

/** 一人一策 — how a departing village cadre is placed. */
export enum Placement {
  PUBLIC_WELFARE_POST = 'PUBLIC_WELFARE_POST',
  COLLECTIVE_ECONOMY = 'COLLECTIVE_ECONOMY',
  BUSINESS_SUPPORT = 'BUSINESS_SUPPORT',
  RESERVE_TALENT = 'RESERVE_TALENT',
  RETIREMENT_ALLOWANCE = 'RETIREMENT_ALLOWANCE',
}

/** 培训对象 — whom a training course is for. */
export enum TrainingAudience {
  VILLAGE_SECRETARIES = 'VILLAGE_SECRETARIES',
  NEW_VILLAGE_CADRES = 'NEW_VILLAGE_CADRES',
  COMMUNITY_WORKERS = 'COMMUNITY_WORKERS',
  YOUNG_CADRES = 'YOUNG_CADRES',
}

registerEnumType(CadreRank, {
  name: 'CadreRank',
  description: '职级 — rank of a cadre',
  valuesConfig: {
    COUNTY_PRINCIPAL: { description: '正处级 (county leader, principal)' },
    COUNTY_DEPUTY: { description: '副处级 (county leader, deputy)' },
    SECTION_PRINCIPAL: { description: '正科级' },
    SECTION_DEPUTY: { description: '副科级' },
    STAFF: { description: '科员及以下' },
  },
});
registerEnumType(CommunityPostType, {
  name: 'CommunityPostType',
  description: '岗位类别 — the three post types of 三岗十八级',
  valuesConfig: {
    HEAD: { description: '正职 (levels 7–18)' },
    DEPUTY: { description: '副职 (levels 4–15)' },
    OTHER: { description: '其他社区工作者 (levels 1–12)' },
  },
});
registerEnumType(Education, {
  name: 'Education',
  description: '学历 — highest education completed',
  valuesConfig: {
    HIGH_SCHOOL: { description: '高中/中专' },
    ASSOCIATE: { description: '大专' },
    BACHELOR: { description: '本科' },
    MASTER: { description: '硕士研究生' },
    DOCTORATE: { description: '博士研究生' },
  },
});
registerEnumType(AssessmentGrade, {
  name: 'AssessmentGrade',
  description: '考核等次 — grade of a yearly assessment',
  valuesConfig: {
    EXCELLENT: { description: '优秀' },
    COMPETENT: { description: '称职' },
    BASICALLY_COMPETENT: { description: '基本称职' },
    INCOMPETENT: { description: '不称职' },
  },
});
registerEnumType(SecondmentFront, {
  name: 'SecondmentFront',
  description: '挂职一线 — the kind of frontline posting',
  valuesConfig: {
    MAJOR_PROJECT: { description: '重大项目' },
    KEY_WORK: { description: '重点工作' },
    TOWNSHIP: { description: '乡镇（街道）' },
  },
});
registerEnumType(Recommender, {
  name: 'Recommender',
  description: '推荐方 — who recommended the cadre (双向推荐)',
  valuesConfig: {
    SENDING_UNIT: { description: '派出单位推荐' },
    RECEIVING_UNIT: { description: '接收单位提出需求' },
    ORGANIZATION_DEPARTMENT: { description: '组织部门统筹' },
  },
});
registerEnumType(Placement, {
  name: 'Placement',
  description: '安置方式 — how a departing village cadre is placed (一人一策)',
  valuesConfig: {
    PUBLIC_WELFARE_POST: { description: '公益性岗位' },
    COLLECTIVE_ECONOMY: { description: '村集体经济组织任职' },
    BUSINESS_SUPPORT: { description: '创业扶持' },
    RESERVE_TALENT: { description: '纳入后备力量' },
    RETIREMENT_ALLOWANCE: { description: '离任补贴、养老保障' },
  },
});
registerEnumType(TrainingAudience, {
  name: 'TrainingAudience',
  description: '培训对象 — whom a course is for',
  valuesConfig: {
    VILLAGE_SECRETARIES: { description: '村（社区）党组织书记' },
    NEW_VILLAGE_CADRES: { description: '新任村干部' },
    COMMUNITY_WORKERS: { description: '社区工作者（全科/双全）' },
    YOUNG_CADRES: { description: '年轻干部' },
  },
});
