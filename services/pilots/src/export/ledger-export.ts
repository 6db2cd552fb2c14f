import ExcelJS from 'exceljs';
import {
  assertPerformAction,
  parseInput,
  XLSX_CONTENT_TYPE,
  type FileRequest,
  type FileRoute,
  type Directory,
} from '@county/kit';
import { z } from 'zod';
import { chinaDay, regionCodeRule } from '@county/domain';
import { regionLike } from '../field-rules';
import { Pilot } from '../pilot/pilot.entity';
import { IN_REGION_SQL } from '../pilot/pilot.query';
import { PilotStage } from '../vocabulary';
import { permissions } from '../permissions';
import { FIELD_LABEL, LEVEL_LABEL, OUTCOME_LABEL, STAGE_LABEL } from './labels';

/** The two ledgers of the source (淄博): one for pilots being pursued, one for pilots under way. */
interface LedgerKind {
  sheet: string;
  filename: string;
  stages: PilotStage[];
}

const PURSUIT: LedgerKind = {
  sheet: '改革试点争取台账',
  filename: 'pursuit-ledger',
  stages: [PilotStage.PURSUING],
};
const WORK: LedgerKind = {
  sheet: '改革试点工作台账',
  filename: 'work-ledger',
  stages: [PilotStage.APPROVED, PilotStage.IN_PROGRESS, PilotStage.ACCEPTED, PilotStage.PROMOTED],
};

/** Columns as the source names them: lead dept, participating depts, deadline, target, outcome form, stage. */
const COLUMNS: Partial<ExcelJS.Column>[] = [
  { header: '序号', key: 'index', width: 6 },
  { header: '试点名称', key: 'name', width: 40 },
  { header: '层级', key: 'level', width: 8 },
  { header: '领域', key: 'field', width: 14 },
  { header: '批复单位', key: 'approvingBody', width: 20 },
  { header: '批复文号', key: 'approvalDocumentNumber', width: 20 },
  { header: '牵头单位', key: 'leadOrganization', width: 30 },
  { header: '参与单位', key: 'participatingOrganizations', width: 50 },
  { header: '责任领导', key: 'leader', width: 10 },
  { header: '完成时限', key: 'deadline', width: 12 },
  { header: '任务目标', key: 'target', width: 50 },
  { header: '成果形式', key: 'outcomeForm', width: 16 },
  { header: '阶段', key: 'stage', width: 10 },
];

const exportArgsRule = z.object({ regionCode: regionCodeRule.optional() });

/** Names of the organisations and people the rows refer to, asked of the directory in one request. */
async function directoryNames(directory: Directory, pilots: Pilot[]): Promise<Map<string, string>> {
  return directory.names({
    organizations: pilots.flatMap((p) => [p.leadOrganizationId, ...p.participatingOrganizationIds]),
    people: pilots.map((p) => p.leaderId),
  });
}

async function ledgerWorkbook(kind: LedgerKind, request: FileRequest): Promise<Buffer> {
  const { regionCode } = parseInput(exportArgsRule, Object.fromEntries(request.query), '');
  const qb = request.em.createQueryBuilder(Pilot, 'p').where({ stage: { $in: kind.stages } });
  if (regionCode) qb.andWhere(IN_REGION_SQL, [regionLike(regionCode)]);
  const pilots: Pilot[] = await qb.orderBy({ level: 'asc', name: 'asc', id: 'asc' }).execute('all', true);
  const names = await directoryNames(request.directory, pilots);
  const name = (id: string) => names.get(id) ?? id;

  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(kind.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  pilots.forEach((pilot, i) =>
    sheet.addRow({
      index: i + 1,
      name: pilot.name,
      level: LEVEL_LABEL[pilot.level],
      field: FIELD_LABEL[pilot.field],
      approvingBody: pilot.approvingBody ?? '',
      approvalDocumentNumber: pilot.approvalDocumentNumber ?? '',
      leadOrganization: name(pilot.leadOrganizationId),
      participatingOrganizations: pilot.participatingOrganizationIds.map(name).join('、'),
      leader: name(pilot.leaderId),
      deadline: pilot.deadline,
      target: pilot.target,
      outcomeForm: OUTCOME_LABEL[pilot.outcomeForm],
      stage: STAGE_LABEL[pilot.stage],
    }),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function ledgerRoute(kind: LedgerKind): FileRoute {
  return {
    method: 'GET',
    path: `${kind.filename}.xlsx`,
    async handle(request) {
      assertPerformAction(request, permissions, 'ledger.export');
      const file = await ledgerWorkbook(kind, request);
      const region = request.query.get('regionCode');
      return {
        file,
        filename: `${kind.sheet}${region ? `-${region}` : ''}-${chinaDay()}.xlsx`,
        contentType: XLSX_CONTENT_TYPE,
      };
    },
  };
}

/** GET /files/pursuit-ledger.xlsx and /files/work-ledger.xlsx, optionally `?regionCode=`. */
export const ledgerExports: FileRoute[] = [ledgerRoute(PURSUIT), ledgerRoute(WORK)];
