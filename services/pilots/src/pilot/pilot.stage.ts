import { CHINA_TODAY_SQL } from '@county/domain';
import { badInput } from '@county/kit';
import { PilotStage } from '../vocabulary';
import type { Pilot } from './pilot.entity';

const ORDER: readonly PilotStage[] = [
  PilotStage.PURSUING,
  PilotStage.APPROVED,
  PilotStage.IN_PROGRESS,
  PilotStage.ACCEPTED,
  PilotStage.PROMOTED,
  PilotStage.CLOSED,
];

/**
 * The stage a pilot must stand at before each move. Promotion follows acceptance; a pilot is closed
 * (销号) after acceptance, promoted or not.
 */
const FROM: Record<PilotStage, readonly PilotStage[]> = {
  [PilotStage.PURSUING]: [],
  [PilotStage.APPROVED]: [PilotStage.PURSUING],
  [PilotStage.IN_PROGRESS]: [PilotStage.APPROVED],
  [PilotStage.ACCEPTED]: [PilotStage.IN_PROGRESS],
  [PilotStage.PROMOTED]: [PilotStage.ACCEPTED],
  [PilotStage.CLOSED]: [PilotStage.ACCEPTED, PilotStage.PROMOTED],
};

/** Refuses a move backwards, a repeat, or a skip, naming the rule; the pilot is left as it was. */
export function requireMove(pilot: Pilot, to: PilotStage): void {
  if (FROM[to].includes(pilot.stage)) return;
  if (ORDER.indexOf(pilot.stage) >= ORDER.indexOf(to)) {
    throw badInput(
      'stage',
      'forward-only',
      `the pilot is already ${pilot.stage}: a stage never moves back or repeats (to ${to})`,
    );
  }
  throw badInput(
    'stage',
    'no-skipping',
    `the pilot is ${pilot.stage}: ${to} needs it to be ${FROM[to].join(' or ')} first`,
  );
}

/** A pilot that runs without its approval document must be put in order (清理规范). */
export const FLAGGED_FOR_CLEAN_UP_SQL = `(stage <> 'PURSUING' and approval_document_number is null)`;
/** Overdue: still to be accepted and past its deadline, on the China calendar. */
export const OVERDUE_SQL = `(stage in ('APPROVED', 'IN_PROGRESS') and deadline < ${CHINA_TODAY_SQL})`;
