import { registerEnumType } from 'type-graphql';

export enum OutcomeKind {
  OUTCOME = 'OUTCOME',
  SHOWCASE = 'SHOWCASE',
}

/** The level that took a practice up (or, for a lead won, the level of the pilot). */
export enum AdoptionLevel {
  CITY = 'CITY',
  PROVINCE = 'PROVINCE',
  STATE = 'STATE',
}

export enum DocumentKind {
  REFORM_DOCUMENT = 'REFORM_DOCUMENT',
  IMPLEMENTING_DOCUMENT = 'IMPLEMENTING_DOCUMENT',
}

export enum PromotionKind {
  BRIEFING = 'BRIEFING',
  ARTICLE = 'ARTICLE',
  WECHAT_POST = 'WECHAT_POST',
  MEETING = 'MEETING',
}

export enum ScoringBasis {
  LEAD_WON = 'LEAD_WON',
  OUTCOME_ADOPTED = 'OUTCOME_ADOPTED',
}

registerEnumType(OutcomeKind, {
  name: 'ReformOutcomeKind',
  description: '成果类型 — a reform outcome or a showcase case',
  valuesConfig: {
    OUTCOME: { description: '改革成果 — a reform outcome (a rule, a mechanism)' },
    SHOWCASE: { description: '典型案例 — a showcase case (改革亮点)' },
  },
});

registerEnumType(AdoptionLevel, {
  name: 'AdoptionLevel',
  description: '采纳层级 — the higher level that took a practice up (or a pilot’s level)',
  valuesConfig: {
    CITY: { description: '市级 — the city' },
    PROVINCE: { description: '省级 — the province' },
    STATE: { description: '国家级 — the state (central ministries, national)' },
  },
});

registerEnumType(DocumentKind, {
  name: 'ReformDocumentKind',
  description: '文件类型 — a reform document or an implementing document',
  valuesConfig: {
    REFORM_DOCUMENT: { description: '改革文件 — a reform document or plan of the reform committee' },
    IMPLEMENTING_DOCUMENT: { description: '配套文件 — an implementing opinion, plan or measure' },
  },
});

registerEnumType(PromotionKind, {
  name: 'ReformPromotionKind',
  description: '宣传推介 — how a practice was promoted',
  valuesConfig: {
    BRIEFING: { description: '改革专报 — an issue of the reform briefing' },
    ARTICLE: { description: '宣传稿件 — an article in the media' },
    WECHAT_POST: { description: '公众号推送 — a WeChat post' },
    MEETING: { description: '推介会 — a promotion meeting' },
  },
});

registerEnumType(ScoringBasis, {
  name: 'ScoringBasis',
  description: '加分依据 — what earns bonus points on the results board (问效榜)',
  valuesConfig: {
    LEAD_WON: { description: '争取试点 — a pilot lead won at a level' },
    OUTCOME_ADOPTED: { description: '成果采纳 — an outcome adopted by a higher level' },
  },
});
