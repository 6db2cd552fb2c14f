import { ConnectionType } from '@county/kit';
import { RiskJudgement } from './risk-judgement.entity';

export const RiskJudgementConnection = ConnectionType(
  RiskJudgement,
  '风险村列表 — a page of village judgements',
);
