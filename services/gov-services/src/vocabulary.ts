import { registerEnumType } from 'type-graphql';

export enum ItemKind {
  ADMINISTRATIVE_PERMIT = 'ADMINISTRATIVE_PERMIT',
  ADMINISTRATIVE_CONFIRMATION = 'ADMINISTRATIVE_CONFIRMATION',
  ADMINISTRATIVE_PAYMENT = 'ADMINISTRATIVE_PAYMENT',
  ADMINISTRATIVE_RULING = 'ADMINISTRATIVE_RULING',
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
  OTHER_POWER = 'OTHER_POWER',
}

/** The level of government a service is handled at, and the level of a service centre. */
export enum ServiceLevel {
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}

export enum ProcessingKind {
  ON_THE_SPOT = 'ON_THE_SPOT',
  PROMISED = 'PROMISED',
}

export enum VisitRequirement {
  FULLY_ONLINE = 'FULLY_ONLINE',
  NO_VISIT = 'NO_VISIT',
  ONE_VISIT = 'ONE_VISIT',
}

export enum CaseChannel {
  ONLINE = 'ONLINE',
  WINDOW = 'WINDOW',
  PROXY = 'PROXY',
}

export enum ApplicantKind {
  PERSON = 'PERSON',
  ENTERPRISE = 'ENTERPRISE',
}

export enum CaseStatus {
  RECEIVED = 'RECEIVED',
  CORRECTION_REQUESTED = 'CORRECTION_REQUESTED',
  ACCEPTED = 'ACCEPTED',
  SUSPENDED = 'SUSPENDED',
  COMPLETED = 'COMPLETED',
}

export enum CaseResult {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum CaseEventKind {
  RECEIVED = 'RECEIVED',
  CORRECTION_REQUESTED = 'CORRECTION_REQUESTED',
  ACCEPTED = 'ACCEPTED',
  SUSPENDED = 'SUSPENDED',
  RESUMED = 'RESUMED',
  EXTENDED = 'EXTENDED',
  COMPLETED = 'COMPLETED',
  RATED = 'RATED',
  RETURN_VISITED = 'RETURN_VISITED',
  RECTIFIED = 'RECTIFIED',
}

export enum SuspensionReason {
  HEARING = 'HEARING',
  EXPERT_REVIEW = 'EXPERT_REVIEW',
  INSPECTION = 'INSPECTION',
  TESTING = 'TESTING',
  OTHER = 'OTHER',
}

registerEnumType(ItemKind, {
  name: 'ServiceItemKind',
  description: '事项类型 — the kind of a service item',
  valuesConfig: {
    ADMINISTRATIVE_PERMIT: { description: '行政许可' },
    ADMINISTRATIVE_CONFIRMATION: { description: '行政确认' },
    ADMINISTRATIVE_PAYMENT: { description: '行政给付' },
    ADMINISTRATIVE_RULING: { description: '行政裁决' },
    PUBLIC_SERVICE: { description: '公共服务' },
    OTHER_POWER: { description: '其他行政权力' },
  },
});
registerEnumType(ServiceLevel, {
  name: 'ServiceLevel',
  description: '办理层级 — where a service is handled: county centre, township centre, village room',
  valuesConfig: {
    COUNTY: { description: '县级政务服务中心' },
    TOWNSHIP: { description: '乡镇(街道)便民服务中心' },
    VILLAGE: { description: '村(社区)便民服务室' },
  },
});
registerEnumType(ProcessingKind, {
  name: 'ProcessingKind',
  description: '办件类型 — on the spot or promised within a limit',
  valuesConfig: { ON_THE_SPOT: { description: '即办件' }, PROMISED: { description: '承诺件' } },
});
registerEnumType(VisitRequirement, {
  name: 'VisitRequirement',
  description: '跑动次数 — how often an applicant must come in person',
  valuesConfig: {
    FULLY_ONLINE: { description: '全程网办' },
    NO_VISIT: { description: '不见面审批' },
    ONE_VISIT: { description: '见一次面' },
  },
});
registerEnumType(CaseChannel, {
  name: 'CaseChannel',
  description: '受理渠道 — how a case came in',
  valuesConfig: {
    ONLINE: { description: '网上办' },
    WINDOW: { description: '窗口办' },
    PROXY: { description: '帮办代办' },
  },
});
registerEnumType(ApplicantKind, {
  name: 'ApplicantKind',
  description: '申请人类型',
  valuesConfig: { PERSON: { description: '自然人' }, ENTERPRISE: { description: '法人/企业' } },
});
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: '办件状态',
  valuesConfig: {
    RECEIVED: { description: '已收件' },
    CORRECTION_REQUESTED: { description: '补正中' },
    ACCEPTED: { description: '已受理' },
    SUSPENDED: { description: '特别程序中(中止计时)' },
    COMPLETED: { description: '已办结' },
  },
});
registerEnumType(CaseResult, {
  name: 'CaseResult',
  description: '办理结果',
  valuesConfig: {
    APPROVED: { description: '准予' },
    REJECTED: { description: '不予' },
    WITHDRAWN: { description: '撤回' },
  },
});
registerEnumType(CaseEventKind, {
  name: 'CaseEventKind',
  description: '办件环节 — an event in a case, appended and never changed',
  valuesConfig: {
    RECEIVED: { description: '收件' },
    CORRECTION_REQUESTED: { description: '补正告知' },
    ACCEPTED: { description: '受理(材料齐全，开始计时)' },
    SUSPENDED: { description: '特别程序开始(中止计时)' },
    RESUMED: { description: '特别程序结束(恢复计时)' },
    EXTENDED: { description: '批准延期' },
    COMPLETED: { description: '办结' },
    RATED: { description: '好差评' },
    RETURN_VISITED: { description: '差评回访' },
    RECTIFIED: { description: '差评整改完成' },
  },
});
registerEnumType(SuspensionReason, {
  name: 'SuspensionReason',
  description: '特别程序 — why the clock stops',
  valuesConfig: {
    HEARING: { description: '听证' },
    EXPERT_REVIEW: { description: '专家评审' },
    INSPECTION: { description: '现场勘验' },
    TESTING: { description: '检验检测' },
    OTHER: { description: '其他' },
  },
});
