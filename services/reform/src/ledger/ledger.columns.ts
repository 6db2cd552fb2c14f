/**
 * The reform office's ledger (台账) sheet: one row per task. Import needs the `required` columns (found by
 * their header, in any order); export writes all of them, plus progress and lagging.
 */
export const LEDGER_COLUMNS = {
  code: { header: '任务编号', required: true, width: 14 },
  workPointNumber: { header: '工作要点序号', required: false, width: 8 },
  workPoint: { header: '工作要点', required: false, width: 30 },
  parentCode: { header: '所属方案编号', required: false, width: 12 },
  title: { header: '任务名称', required: true, width: 36 },
  specialGroup: { header: '专项小组', required: true, width: 28 },
  source: { header: '任务来源', required: true, width: 10 },
  goal: { header: '改革目标', required: true, width: 40 },
  leadOrganization: { header: '牵头单位', required: true, width: 26 },
  cooperatingOrganizations: { header: '配合单位', required: false, width: 40 },
  regionCode: { header: '区划代码', required: false, width: 12 },
  leader: { header: '挂钩县领导', required: false, width: 10 },
  keyTask: { header: '重点任务', required: false, width: 8 },
  plannedStart: { header: '计划开始', required: true, width: 12 },
  plannedEnd: { header: '计划完成', required: true, width: 12 },
} as const;

export const PROGRESS_COLUMNS = {
  status: { header: '状态', width: 10 },
  expected: { header: '序时进度(%)', width: 10 },
  actual: { header: '实际进度(%)', width: 10 },
  lagging: { header: '是否滞后', width: 8 },
  version: { header: '版本', width: 6 },
} as const;

export type LedgerColumn = keyof typeof LEDGER_COLUMNS;

export const SOURCE_LABELS = { ASSIGNED: '上级部署', OWN_INITIATIVE: '自主创新' } as const;
export const STATUS_LABELS = {
  NOT_STARTED: '未启动',
  IN_PROGRESS: '推进中',
  COMPLETED: '已完成',
  CLOSED: '已销号',
} as const;
export const YES = '是';
export const NO = '否';

/** Units in one cell are separated by 、 , ， ; ； or new lines. */
export const splitUnits = (text: string): string[] =>
  text
    .split(/[、,，;；\n]/)
    .map((unit) => unit.trim())
    .filter(Boolean);
