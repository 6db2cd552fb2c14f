import { registerEnumType } from 'type-graphql';

/** 调度轮次状态 — a round is open while results come in; closed with its summary, it no longer changes. */
export enum DispatchRoundStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

registerEnumType(DispatchRoundStatus, {
  name: 'DispatchRoundStatus',
  description: '调度轮次状态 — open while results come in, closed (已汇总) with its summary',
  valuesConfig: {
    OPEN: { description: '调度中 — open: results are still recorded' },
    CLOSED: { description: '已汇总 — closed with its summary; read-only' },
  },
});
