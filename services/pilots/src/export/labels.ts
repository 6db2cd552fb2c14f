import { OutcomeForm, PilotField, PilotLevel, PilotStage } from '../vocabulary';

/** The Chinese words a ledger spreadsheet shows (the schema itself speaks English). */
export const LEVEL_LABEL: Record<PilotLevel, string> = {
  [PilotLevel.NATIONAL]: '国家级',
  [PilotLevel.PROVINCIAL]: '省级',
  [PilotLevel.MUNICIPAL]: '市级',
};

export const FIELD_LABEL: Record<PilotField, string> = {
  [PilotField.ECONOMY]: '经济体制',
  [PilotField.ECOLOGY]: '生态文明体制',
  [PilotField.RURAL]: '农村综合改革',
  [PilotField.SOCIAL]: '社会事业',
  [PilotField.DEMOCRACY_LAW]: '民主法制',
  [PilotField.CULTURE]: '文化体制',
  [PilotField.SOCIAL_GOVERNANCE]: '社会治理体制',
  [PilotField.PARTY_BUILDING]: '党的建设制度',
  [PilotField.DISCIPLINE]: '纪检监察体制',
};

export const STAGE_LABEL: Record<PilotStage, string> = {
  [PilotStage.PURSUING]: '争取中',
  [PilotStage.APPROVED]: '已获批',
  [PilotStage.IN_PROGRESS]: '实施中',
  [PilotStage.ACCEPTED]: '已验收',
  [PilotStage.PROMOTED]: '已推广',
  [PilotStage.CLOSED]: '已销号',
};

export const OUTCOME_LABEL: Record<OutcomeForm, string> = {
  [OutcomeForm.INSTITUTIONAL_DOCUMENT]: '制度文件',
  [OutcomeForm.REPLICABLE_PRACTICE]: '可复制推广经验',
  [OutcomeForm.STANDARD]: '标准规范',
  [OutcomeForm.LOCAL_REGULATION]: '地方性法规',
  [OutcomeForm.RESEARCH_REPORT]: '调研报告',
};
