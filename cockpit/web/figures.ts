import type { DomainKey } from '../src/domains';
import { count, share } from './format';

/** A region below the one shown, with the figures each domain's fragment adds to it (null: not there). */
export interface ChildFigures {
  code: string;
  name: string;
  reformStats?: { lagging: number; completionRate: number } | null;
  serviceStats?: { onTimeRate: number | null } | null;
  disputeStats?: { openRed: number; openOrange: number } | null;
  riskSummary?: { high: number; atRisk: number } | null;
}

/** The region shown: its own figures, as the graph gives them for it (and everything below). */
export type OwnFigures = Omit<ChildFigures, 'code' | 'name'> & {
  disputeStats?: { openRed: number; openOrange: number } | null;
};

/**
 * A figure the map is coloured by and the ranking sorts on: a field of the graph's answer, read as it is
 * (never recomputed here). `worse` says which end is bad, so that red always means "look here".
 */
export interface MapFigure {
  key: string;
  label: string;
  domain: DomainKey;
  worse: 'high' | 'low';
  read(region: OwnFigures): number | null | undefined;
  format(value: number | null | undefined): string;
}

export const MAP_FIGURES: readonly MapFigure[] = [
  {
    key: 'lagging',
    label: '滞后任务',
    domain: 'reform',
    worse: 'high',
    read: (r) => r.reformStats?.lagging,
    format: count,
  },
  {
    key: 'openRed',
    label: '红色在办纠纷',
    domain: 'governance',
    worse: 'high',
    read: (r) => r.disputeStats?.openRed,
    format: count,
  },
  {
    key: 'openOrange',
    label: '橙色在办纠纷',
    domain: 'governance',
    worse: 'high',
    read: (r) => r.disputeStats?.openOrange,
    format: count,
  },
  {
    key: 'onTimeRate',
    label: '按时办结率',
    domain: 'services',
    worse: 'low',
    read: (r) => r.serviceStats?.onTimeRate,
    format: share,
  },
  {
    key: 'highRisk',
    label: '高风险村',
    domain: 'governance',
    worse: 'high',
    read: (r) => r.riskSummary?.high,
    format: count,
  },
];

export function mapFigure(
  key: string | null | undefined,
  available: readonly DomainKey[],
): MapFigure | undefined {
  const usable = MAP_FIGURES.filter((figure) => available.includes(figure.domain));
  return usable.find((figure) => figure.key === key) ?? usable[0];
}
