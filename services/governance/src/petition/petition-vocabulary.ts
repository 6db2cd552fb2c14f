import { registerEnumType } from 'type-graphql';

/** 信访形式 — how a petition came in. */
export enum PetitionChannel {
  LETTER = 'LETTER',
  VISIT = 'VISIT',
  ONLINE = 'ONLINE',
  PHONE = 'PHONE',
}

/** Where a petition stands: registered, then accepted or not; an accepted one is replied to (办结). */
export enum PetitionStatus {
  REGISTERED = 'REGISTERED',
  ACCEPTED = 'ACCEPTED',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  REPLIED = 'REPLIED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  REVIEWED = 'REVIEWED',
}

/** 复查意见 — what the review made of the handling opinion. */
export enum PetitionReviewOutcome {
  UPHELD = 'UPHELD',
  REVISED = 'REVISED',
}

/** 处理意见 — the three outcomes the regulation gives a handled petition. */
export enum PetitionResult {
  SUPPORTED = 'SUPPORTED',
  EXPLAINED = 'EXPLAINED',
  NOT_SUPPORTED = 'NOT_SUPPORTED',
}

/** 满意度评价 — the petitioner's rating of the reply. */
export enum PetitionSatisfaction {
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  DISSATISFIED = 'DISSATISFIED',
}

/** The level above the county a petition was lodged with, skipping the one that should handle it (越级). */
export enum PetitionEscalation {
  CITY = 'CITY',
  PROVINCE = 'PROVINCE',
  NATIONAL = 'NATIONAL',
}

/** How a time limit counts its days. */
export enum DeadlineUnit {
  WORKING_DAYS = 'WORKING_DAYS',
  CALENDAR_DAYS = 'CALENDAR_DAYS',
}

registerEnumType(PetitionChannel, {
  name: 'PetitionChannel',
  description: '信访形式 — how a petition came in',
  valuesConfig: {
    LETTER: { description: '来信' },
    VISIT: { description: '来访' },
    ONLINE: { description: '网上信访' },
    PHONE: { description: '电话' },
  },
});

registerEnumType(PetitionStatus, {
  name: 'PetitionStatus',
  description: '办理状态 — where a petition stands',
  valuesConfig: {
    REGISTERED: { description: '登记 — awaiting the decision to accept' },
    ACCEPTED: { description: '受理 — being handled' },
    NOT_ACCEPTED: { description: '不予受理 — declined, with the reason told to the petitioner' },
    REPLIED: { description: '办结 — replied to with the handling opinion' },
    UNDER_REVIEW: { description: '复查中 — the petitioner asked for a review of the reply' },
    REVIEWED: { description: '已复查 — the review’s opinion was given' },
  },
});

registerEnumType(PetitionReviewOutcome, {
  name: 'PetitionReviewOutcome',
  description: '复查意见 — what the review made of the handling opinion',
  valuesConfig: {
    UPHELD: { description: '维持 — upheld' },
    REVISED: { description: '变更或撤销 — changed or set aside' },
  },
});

registerEnumType(PetitionResult, {
  name: 'PetitionResult',
  description: '处理意见 — how a petition was answered',
  valuesConfig: {
    SUPPORTED: { description: '予以支持' },
    EXPLAINED: { description: '解释说明 — reasonable but without a basis: explained' },
    NOT_SUPPORTED: { description: '不予支持' },
  },
});

registerEnumType(PetitionSatisfaction, {
  name: 'PetitionSatisfaction',
  description: '满意度评价 — the petitioner’s rating of the reply',
  valuesConfig: {
    SATISFIED: { description: '满意' },
    BASICALLY_SATISFIED: { description: '基本满意' },
    DISSATISFIED: { description: '不满意' },
  },
});

registerEnumType(PetitionEscalation, {
  name: 'PetitionEscalation',
  description: '越级 — the higher level a petition was lodged with',
  valuesConfig: {
    CITY: { description: '市' },
    PROVINCE: { description: '省' },
    NATIONAL: { description: '国家信访局 (进京)' },
  },
});

registerEnumType(DeadlineUnit, {
  name: 'DeadlineUnit',
  description: '期限计算方式 — how a time limit counts its days',
  valuesConfig: {
    WORKING_DAYS: { description: '工作日 — on the official working-day calendar' },
    CALENDAR_DAYS: {
      description: '自然日 — a deadline that falls on a day off moves to the next working day',
    },
  },
});
