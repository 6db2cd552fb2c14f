import { registerEnumType } from 'type-graphql';

/** 权力类别 — the kinds of administrative power a 权责清单 lists. */
export enum PowerCategory {
  LICENSING = 'LICENSING',
  PENALTY = 'PENALTY',
  COERCION = 'COERCION',
  INSPECTION = 'INSPECTION',
  LEVY = 'LEVY',
  PAYMENT = 'PAYMENT',
  CONFIRMATION = 'CONFIRMATION',
  REWARD = 'REWARD',
  RULING = 'RULING',
  OTHER = 'OTHER',
}

/** Who a power is delegated to: a township-level region, told apart by its statistical code. */
export enum PowerRecipientKind {
  TOWNSHIP = 'TOWNSHIP',
  DEVELOPMENT_ZONE = 'DEVELOPMENT_ZONE',
}

registerEnumType(PowerCategory, {
  name: 'PowerCategory',
  description: '权力类别 — the category of an administrative power (行政权力事项)',
  valuesConfig: {
    LICENSING: { description: '行政许可' },
    PENALTY: { description: '行政处罚' },
    COERCION: { description: '行政强制' },
    INSPECTION: { description: '行政检查' },
    LEVY: { description: '行政征收' },
    PAYMENT: { description: '行政给付' },
    CONFIRMATION: { description: '行政确认' },
    REWARD: { description: '行政奖励' },
    RULING: { description: '行政裁决' },
    OTHER: { description: '其他行政权力' },
  },
});
registerEnumType(PowerRecipientKind, {
  name: 'PowerRecipientKind',
  description: '承接主体 — a township (乡镇街道) or a development zone (开发区, 类似乡级单位)',
  valuesConfig: {
    TOWNSHIP: { description: '乡镇(街道): statistical codes …001–399' },
    DEVELOPMENT_ZONE: { description: '开发区/园区 (类似乡级单位): statistical codes …400–599' },
  },
});

/**
 * GB/T 2260's township-level part of a statistical code: 001–099 街道, 100–199 镇, 200–399 乡, 400–599 units
 * like a township (开发区, 农场 …). The delegation's recipient kind follows from it, never stored apart.
 */
export const recipientKindOf = (regionCode: string): PowerRecipientKind => {
  const part = Number(regionCode.slice(6, 9));
  return part >= 400 && part <= 599 ? PowerRecipientKind.DEVELOPMENT_ZONE : PowerRecipientKind.TOWNSHIP;
};
