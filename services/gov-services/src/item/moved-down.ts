import { registerEnumType } from 'type-graphql';
import { z } from 'zod';
import { ruleIssue } from '@county/kit';
import { dateScalarRule, textRule } from '@county/domain';
import { ItemKind, ServiceLevel } from '../vocabulary';

/** 下沉方式 — how an item came to be handled in the townships (report 001: 36 进驻, 80 下放, 128 in all). */
export enum MovedDown {
  STATIONED = 'STATIONED',
  DELEGATED = 'DELEGATED',
  OTHER = 'OTHER',
}

registerEnumType(MovedDown, {
  name: 'MovedDown',
  description: '下沉方式 — how a service item came to be handled in the township and village centres',
  valuesConfig: {
    STATIONED: {
      description: '进驻 — an administrative approval (常办高频) stationed in the township centres',
    },
    DELEGATED: {
      description: '下放 — an item (a public service above all) moved down for the townships to handle',
    },
    OTHER: { description: '其他 — handled there by other means (e.g. with a power delegated to townships)' },
  },
});

/** What the rules below look at: the item as it would stand after the write. */
export interface MovedDownFacts {
  kind: ItemKind;
  levels: ServiceLevel[];
  movedDown?: MovedDown | null;
  movedDownDocument?: string | null;
  movedDownOn?: string | null;
}

export const movedDownFields = {
  movedDown: z.enum(MovedDown).nullish(),
  movedDownDocument: textRule(200).nullish(),
  movedDownOn: dateScalarRule.nullish(),
};

/**
 * The first rule the item breaks, as [field, rule, message], or null. A way down needs the document and the
 * day it was decided; a stationed approval is an administrative power; either needs the item to be handled
 * at a township or village. Frequency may change later: a stationed item stays stationed.
 */
export function movedDownIssue(item: MovedDownFacts): [string, string, string] | null {
  const { movedDown, movedDownDocument, movedDownOn } = item;
  if (!movedDown) {
    if (movedDownDocument || movedDownOn)
      return [
        movedDownDocument ? 'movedDownDocument' : 'movedDownOn',
        'moved-down',
        'give it only with movedDown (下沉方式)',
      ];
    return null;
  }
  if (!movedDownDocument)
    return ['movedDownDocument', 'required', 'the document (文号) moving the item down'];
  if (!movedDownOn) return ['movedDownOn', 'required', 'the day the item was moved down'];
  if (!item.levels.includes(ServiceLevel.TOWNSHIP) && !item.levels.includes(ServiceLevel.VILLAGE))
    return ['levels', 'moved-down', 'an item moved down (下沉) is handled at TOWNSHIP or VILLAGE level'];
  if (movedDown === MovedDown.STATIONED && item.kind === ItemKind.PUBLIC_SERVICE)
    return [
      'kind',
      'stationed',
      'a stationed approval (进驻) is an administrative power, not a public service',
    ];
  return null;
}

/** For a zod object holding the item's fields: the issue on its field. */
export function checkMovedDown(item: MovedDownFacts, ctx: z.RefinementCtx): void {
  const issue = movedDownIssue(item);
  if (issue) ctx.addIssue({ ...ruleIssue(issue[1], issue[2]), path: [issue[0]] });
}
