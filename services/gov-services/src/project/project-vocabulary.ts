import { registerEnumType } from 'type-graphql';

export enum ProjectKind {
  INDUSTRIAL = 'INDUSTRIAL',
  REAL_ESTATE = 'REAL_ESTATE',
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  SERVICES = 'SERVICES',
  AGRICULTURAL = 'AGRICULTURAL',
}

/** Where a project stands: kept with each step written, so the statistics group by it in SQL. */
export enum ProjectStage {
  PRE_APPLICATION = 'PRE_APPLICATION',
  IN_APPROVAL = 'IN_APPROVAL',
  APPROVED = 'APPROVED',
}

/** The county's targets by kind, in working days from first submission to last approval ("2440": 40). */
export const DEFAULT_TARGET_DAYS: Partial<Record<ProjectKind, number>> = { [ProjectKind.INDUSTRIAL]: 40 };

registerEnumType(ProjectKind, {
  name: 'ProjectKind',
  description: '项目类型 — the kind of an investment project',
  valuesConfig: {
    INDUSTRIAL: { description: '工业项目' },
    REAL_ESTATE: { description: '房地产项目' },
    INFRASTRUCTURE: { description: '基础设施项目' },
    SERVICES: { description: '服务业项目' },
    AGRICULTURAL: { description: '农业项目' },
  },
});
registerEnumType(ProjectStage, {
  name: 'ProjectStage',
  description: '审批阶段 — where a project stands in its approvals',
  valuesConfig: {
    PRE_APPLICATION: { description: '申报前(提前介入、代办辅导)' },
    IN_APPROVAL: { description: '审批中' },
    APPROVED: { description: '审批完成' },
  },
});
