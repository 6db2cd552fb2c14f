import { registerEnumType } from 'type-graphql';

/** 通报 names a unit either as an example (表扬) or as lagging (滞后). */
export enum BulletinVerdict {
  COMMENDED = 'COMMENDED',
  LAGGING = 'LAGGING',
}

registerEnumType(BulletinVerdict, {
  name: 'BulletinVerdict',
  description: '通报评价 — how a bulletin names a unit',
  valuesConfig: {
    COMMENDED: { description: '通报表扬 — named as doing well' },
    LAGGING: { description: '通报滞后 — named as lagging' },
  },
});
