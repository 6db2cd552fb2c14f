import { registerEnumType } from 'type-graphql';

/** 任务状态 — not started → in progress → completed → closed (销号, after verification). */
export enum TaskStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CLOSED = 'CLOSED',
}

/** Statuses in which a task can still lag behind its schedule. */
export const ACTIVE_STATUSES = [TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS];

export enum TaskSource {
  ASSIGNED = 'ASSIGNED',
  OWN_INITIATIVE = 'OWN_INITIATIVE',
}

export enum ReportPeriodKind {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
}

export enum SupervisionStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
  RECTIFIED = 'RECTIFIED',
}

export enum ProblemAccount {
  LEADER = 'LEADER',
  DEPARTMENT = 'DEPARTMENT',
  TOWNSHIP = 'TOWNSHIP',
}

export enum ProblemStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
}

registerEnumType(TaskStatus, {
  name: 'ReformTaskStatus',
  description: '改革任务状态 — the status of a reform task; lagging (滞后) is derived, see `lagging`',
  valuesConfig: {
    NOT_STARTED: { description: '未启动 — not started' },
    IN_PROGRESS: { description: '推进中 — in progress' },
    COMPLETED: { description: '已完成 — completed, awaiting verification' },
    CLOSED: { description: '已销号 — closed after verification' },
  },
});

registerEnumType(TaskSource, {
  name: 'ReformTaskSource',
  description: '任务来源 — where a reform task comes from',
  valuesConfig: {
    ASSIGNED: { description: '上级部署 — assigned from above' },
    OWN_INITIATIVE: { description: '自主创新 — the county’s own initiative' },
  },
});

registerEnumType(ReportPeriodKind, {
  name: 'ReportPeriodKind',
  description: '报送周期 — monthly (月报) or quarterly (季报), the "1+2" reporting system',
});

registerEnumType(SupervisionStatus, {
  name: 'SupervisionStatus',
  description: '督办状态 — open → answered → rectified; overdue is derived from the deadline',
  valuesConfig: {
    OPEN: { description: '已下发 — issued, awaiting the lead organisation’s answer' },
    ANSWERED: { description: '已反馈 — cause analysis and measures given' },
    RECTIFIED: { description: '已整改 — rectified and accepted' },
  },
});

registerEnumType(ProblemAccount, {
  name: 'ProblemAccount',
  description: '问题清单账目 — which of the three accounts a problem is on',
  valuesConfig: {
    LEADER: { description: '领导账 — found by county leaders' },
    DEPARTMENT: { description: '部门账 — found by departments' },
    TOWNSHIP: { description: '乡镇账 — found by townships' },
  },
});

registerEnumType(ProblemStatus, {
  name: 'ProblemStatus',
  description: '问题状态 — the status of a problem on the problem list',
  valuesConfig: {
    OPEN: { description: '未解决 — open' },
    IN_PROGRESS: { description: '整改中 — being addressed' },
    RESOLVED: { description: '已解决 — resolved' },
  },
});
