import { registerEnumType } from 'type-graphql';

/** 网格层级 — 一级 (a township), 二级 (a village or community), 三级 (a group of households in it). */
export enum GridLevel {
  FIRST = 'FIRST',
  SECOND = 'SECOND',
  THIRD = 'THIRD',
}

/** The level a mediation organisation works at, and the level a dispute was resolved at. */
export enum GovernanceLevel {
  VILLAGE = 'VILLAGE',
  TOWNSHIP = 'TOWNSHIP',
  COUNTY = 'COUNTY',
}

export enum MediationOrganizationKind {
  PEOPLES_MEDIATION = 'PEOPLES_MEDIATION',
  LABOUR = 'LABOUR',
  MEDICAL = 'MEDICAL',
  TRAFFIC = 'TRAFFIC',
  PROPERTY_MANAGEMENT = 'PROPERTY_MANAGEMENT',
  OTHER_PROFESSIONAL = 'OTHER_PROFESSIONAL',
  JOINT_HANDLING_CENTRE = 'JOINT_HANDLING_CENTRE',
}

export enum DisputeKind {
  MARRIAGE_FAMILY = 'MARRIAGE_FAMILY',
  NEIGHBOURS = 'NEIGHBOURS',
  HOMESTEAD_LAND = 'HOMESTEAD_LAND',
  CONTRACT = 'CONTRACT',
  DAMAGES = 'DAMAGES',
  PROPERTY_MANAGEMENT = 'PROPERTY_MANAGEMENT',
  LABOUR_WAGES = 'LABOUR_WAGES',
  MEDICAL = 'MEDICAL',
  LAND_ACQUISITION_DEMOLITION = 'LAND_ACQUISITION_DEMOLITION',
  OTHER = 'OTHER',
}

export enum DiscoveryChannel {
  GRID_PATROL = 'GRID_PATROL',
  WALK_IN = 'WALK_IN',
  HOTLINE = 'HOTLINE',
  REFERRAL = 'REFERRAL',
}

export enum RiskColour {
  RED = 'RED',
  ORANGE = 'ORANGE',
  YELLOW = 'YELLOW',
}

export enum DisputeStatus {
  REGISTERED = 'REGISTERED',
  MEDIATING = 'MEDIATING',
  RESOLVED = 'RESOLVED',
  FAILED = 'FAILED',
  REFERRED = 'REFERRED',
  CONVENED = 'CONVENED',
}

export enum AgreementForm {
  WRITTEN = 'WRITTEN',
  ORAL = 'ORAL',
}

export enum Referral {
  LITIGATION = 'LITIGATION',
  ARBITRATION = 'ARBITRATION',
  PETITION = 'PETITION',
  JOINT_HANDLING = 'JOINT_HANDLING',
}

/** What a step of a dispute's course did. */
export enum DisputeAction {
  REGISTER = 'REGISTER',
  START_MEDIATION = 'START_MEDIATION',
  RESOLVE = 'RESOLVE',
  FAIL = 'FAIL',
  REFER = 'REFER',
  CONVENE = 'CONVENE',
  REOPEN = 'REOPEN',
}

/** 会办结果 — how a joint handling ended. */
export enum JointHandlingOutcome {
  RESOLVED = 'RESOLVED',
  UNRESOLVED = 'UNRESOLVED',
}

export enum RiskLevel {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
  NONE = 'NONE',
}

registerEnumType(GridLevel, {
  name: 'GridLevel',
  description: '网格层级 — the level of a grid',
  valuesConfig: {
    FIRST: { description: '一级网格 — a township (street) grid' },
    SECOND: { description: '二级网格 — a village (community) grid' },
    THIRD: { description: '三级网格 — a grid of households inside a village or community' },
  },
});

registerEnumType(GovernanceLevel, {
  name: 'GovernanceLevel',
  description: '层级 — village, township or county: where an organisation works or a dispute was resolved',
  valuesConfig: {
    VILLAGE: { description: '村(社区)' },
    TOWNSHIP: { description: '镇(街道)' },
    COUNTY: { description: '县' },
  },
});

registerEnumType(MediationOrganizationKind, {
  name: 'MediationOrganizationKind',
  description: '调解组织类别 — the kind of a mediation organisation',
  valuesConfig: {
    PEOPLES_MEDIATION: { description: '人民调解委员会 — a village or township people’s mediation committee' },
    LABOUR: { description: '劳动争议调解委员会 — professional: labour' },
    MEDICAL: { description: '医疗纠纷调解委员会 — professional: medical' },
    TRAFFIC: { description: '交通事故调解委员会 — professional: traffic accidents' },
    PROPERTY_MANAGEMENT: { description: '物业纠纷调解委员会 — professional: property management' },
    OTHER_PROFESSIONAL: { description: '其他行业性专业性调解组织 — another professional committee' },
    JOINT_HANDLING_CENTRE: { description: '联合调处中心 — the county’s joint-handling centre' },
  },
});

registerEnumType(DisputeKind, {
  name: 'DisputeKind',
  description: '纠纷类型 — the kind of a dispute',
  valuesConfig: {
    MARRIAGE_FAMILY: { description: '婚姻家庭' },
    NEIGHBOURS: { description: '邻里' },
    HOMESTEAD_LAND: { description: '宅基地和土地' },
    CONTRACT: { description: '合同' },
    DAMAGES: { description: '损害赔偿' },
    PROPERTY_MANAGEMENT: { description: '物业' },
    LABOUR_WAGES: { description: '劳动争议和欠薪' },
    MEDICAL: { description: '医疗' },
    LAND_ACQUISITION_DEMOLITION: { description: '征地拆迁' },
    OTHER: { description: '其他' },
  },
});

registerEnumType(DiscoveryChannel, {
  name: 'DiscoveryChannel',
  description: '发现渠道 — how a dispute came to notice',
  valuesConfig: {
    GRID_PATROL: { description: '网格排查' },
    WALK_IN: { description: '来访' },
    HOTLINE: { description: '热线' },
    REFERRAL: { description: '转交' },
  },
});

registerEnumType(RiskColour, {
  name: 'RiskColour',
  description: '风险等级 — how urgent a dispute is',
  valuesConfig: {
    RED: { description: '红色 — report at once' },
    ORANGE: { description: '橙色 — report the same day' },
    YELLOW: { description: '黄色 — handle on the spot' },
  },
});

registerEnumType(DisputeStatus, {
  name: 'DisputeStatus',
  description: '办理状态 — where a dispute stands',
  valuesConfig: {
    REGISTERED: { description: '登记' },
    MEDIATING: { description: '调解中' },
    RESOLVED: { description: '调解成功' },
    FAILED: { description: '调解不成' },
    REFERRED: {
      description:
        '转办 — referred on (litigation, arbitration, petition, joint handling); a referral to joint handling stays open until the meeting’s outcome',
    },
    CONVENED: { description: '联席会办中 — the joint meeting has been convened; open until its outcome' },
  },
});

registerEnumType(AgreementForm, {
  name: 'AgreementForm',
  description: '协议形式 — how the agreement was made',
  valuesConfig: { WRITTEN: { description: '书面协议' }, ORAL: { description: '口头协议' } },
});

registerEnumType(Referral, {
  name: 'Referral',
  description: '转办去向 — where a dispute was referred',
  valuesConfig: {
    LITIGATION: { description: '诉讼' },
    ARBITRATION: { description: '仲裁' },
    PETITION: { description: '信访' },
    JOINT_HANDLING: { description: '联席会办' },
  },
});

registerEnumType(DisputeAction, {
  name: 'DisputeAction',
  description: '办理环节 — what a step of a dispute’s course did',
  valuesConfig: {
    REGISTER: { description: '登记' },
    START_MEDIATION: { description: '受理调解' },
    RESOLVE: { description: '调解成功' },
    FAIL: { description: '调解不成' },
    REFER: { description: '转办' },
    CONVENE: {
      description: '召开联席会议 — the county centre convenes the departments on a referred dispute',
    },
    REOPEN: { description: '反复重办 — a return visit found it flaring up again: open again' },
  },
});

registerEnumType(JointHandlingOutcome, {
  name: 'JointHandlingOutcome',
  description: '会办结果 — how a joint handling (联席会办) ended',
  valuesConfig: { RESOLVED: { description: '化解' }, UNRESOLVED: { description: '未化解' } },
});

registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description: '风险等级 — the yearly risk judgement of a village (研判)',
  valuesConfig: {
    HIGH: { description: '高风险' },
    MEDIUM: { description: '中风险' },
    LOW: { description: '低风险' },
    NONE: { description: '无风险' },
  },
});
