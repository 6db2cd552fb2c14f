import { registerEnumType } from 'type-graphql';

/** 试点层级 — the level of government that set the pilot up. */
export enum PilotLevel {
  NATIONAL = 'NATIONAL',
  PROVINCIAL = 'PROVINCIAL',
  MUNICIPAL = 'MUNICIPAL',
}

/** 改革领域 — the field of reform, after the special groups (专项小组) of a reform committee. */
export enum PilotField {
  ECONOMY = 'ECONOMY',
  ECOLOGY = 'ECOLOGY',
  RURAL = 'RURAL',
  SOCIAL = 'SOCIAL',
  DEMOCRACY_LAW = 'DEMOCRACY_LAW',
  CULTURE = 'CULTURE',
  SOCIAL_GOVERNANCE = 'SOCIAL_GOVERNANCE',
  PARTY_BUILDING = 'PARTY_BUILDING',
  DISCIPLINE = 'DISCIPLINE',
}

/** 试点阶段 — where a pilot stands; it only moves forward, one stage at a time. */
export enum PilotStage {
  PURSUING = 'PURSUING',
  APPROVED = 'APPROVED',
  IN_PROGRESS = 'IN_PROGRESS',
  ACCEPTED = 'ACCEPTED',
  PROMOTED = 'PROMOTED',
  CLOSED = 'CLOSED',
}

/** 成果形式 — what a pilot is to produce. */
export enum OutcomeForm {
  INSTITUTIONAL_DOCUMENT = 'INSTITUTIONAL_DOCUMENT',
  REPLICABLE_PRACTICE = 'REPLICABLE_PRACTICE',
  STANDARD = 'STANDARD',
  LOCAL_REGULATION = 'LOCAL_REGULATION',
  RESEARCH_REPORT = 'RESEARCH_REPORT',
}

/** 线索状态 — how the pursuit of a pilot lead went. */
export enum LeadStatus {
  ASSIGNED = 'ASSIGNED',
  PURSUING = 'PURSUING',
  WON = 'WON',
  NOT_WON = 'NOT_WON',
}

/** 推广方式 — how a pilot's practice spread. */
export enum PromotionKind {
  MEDIA_COVERAGE = 'MEDIA_COVERAGE',
  ON_SITE_MEETING = 'ON_SITE_MEETING',
  PROMOTION_MEETING = 'PROMOTION_MEETING',
  ADOPTED_BY_HIGHER_LEVEL = 'ADOPTED_BY_HIGHER_LEVEL',
}

registerEnumType(PilotLevel, {
  name: 'PilotLevel',
  description: '试点层级 — the level that set the pilot up',
  valuesConfig: {
    NATIONAL: { description: '国家级' },
    PROVINCIAL: { description: '省级' },
    MUNICIPAL: { description: '市级' },
  },
});

registerEnumType(PilotField, {
  name: 'PilotField',
  description: '改革领域 — the field of reform',
  valuesConfig: {
    ECONOMY: { description: '经济体制' },
    ECOLOGY: { description: '生态文明体制' },
    RURAL: { description: '农村综合改革' },
    SOCIAL: { description: '社会事业/民生' },
    DEMOCRACY_LAW: { description: '民主法制' },
    CULTURE: { description: '文化体制' },
    SOCIAL_GOVERNANCE: { description: '社会治理体制' },
    PARTY_BUILDING: { description: '党的建设制度' },
    DISCIPLINE: { description: '纪检监察体制' },
  },
});

registerEnumType(PilotStage, {
  name: 'PilotStage',
  description: '试点阶段 — pursuing → approved → in progress → accepted → (promoted) → closed',
  valuesConfig: {
    PURSUING: { description: '争取中 (争取台账)' },
    APPROVED: { description: '已获批' },
    IN_PROGRESS: { description: '实施中 (工作台账)' },
    ACCEPTED: { description: '已验收' },
    PROMOTED: { description: '已推广' },
    CLOSED: { description: '已销号' },
  },
});

registerEnumType(OutcomeForm, {
  name: 'OutcomeForm',
  description: '成果形式 — what a pilot is to produce',
  valuesConfig: {
    INSTITUTIONAL_DOCUMENT: { description: '制度文件' },
    REPLICABLE_PRACTICE: { description: '可复制推广的经验做法' },
    STANDARD: { description: '标准规范' },
    LOCAL_REGULATION: { description: '地方性法规' },
    RESEARCH_REPORT: { description: '调研报告' },
  },
});

registerEnumType(LeadStatus, {
  name: 'LeadStatus',
  description: '线索状态 — assigned → pursuing → won or not won',
  valuesConfig: {
    ASSIGNED: { description: '已交办' },
    PURSUING: { description: '争取中' },
    WON: { description: '已争取到' },
    NOT_WON: { description: '未争取到' },
  },
});

registerEnumType(PromotionKind, {
  name: 'PromotionKind',
  description: '推广方式 — how a practice spread',
  valuesConfig: {
    MEDIA_COVERAGE: { description: '媒体报道' },
    ON_SITE_MEETING: { description: '上级现场会' },
    PROMOTION_MEETING: { description: '推广推介会' },
    ADOPTED_BY_HIGHER_LEVEL: { description: '被上级采纳 (写入制度)' },
  },
});
