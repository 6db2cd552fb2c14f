import {
  assertSignedIn,
  badInput,
  cellRefused,
  cellText,
  defineLedger,
  type FileRoute,
  forbidden,
  type Identity,
  isUuid,
  labelledCell,
  type LedgerReadContext,
  ledgerRegion,
  ledgerRoutes,
  type LedgerWriteContext,
  mayPerformAction,
  oneNamed,
} from '@county/kit';
import { chinaDay } from '@county/domain';
import type { CellValue } from 'exceljs';
import { permissions } from '../permissions';
import {
  AgreementForm,
  DiscoveryChannel,
  DisputeAction,
  DisputeKind,
  DisputeStatus,
  GovernanceLevel,
  Referral,
  RiskColour,
} from '../vocabulary';
import { GovernanceCentre } from '../centre/governance-centre.entity';
import { Grid } from '../grid/grid.entity';
import { MediationOrganization } from '../mediation/mediation-organization.entity';
import { Dispute } from '../dispute/dispute.entity';
import { DisputeMutations } from '../dispute/dispute.mutations';
import type { DisputeStepInput, RegisterDisputeInput } from '../dispute/dispute.args';
import { MASKED } from '../dispute/dispute.resolver';
import { byNameAndId, cellMoment, chinaMinute } from './cells';

const SHEET = '矛盾纠纷登记台账';

const KIND_LABEL: Record<DisputeKind, string> = {
  MARRIAGE_FAMILY: '婚姻家庭',
  NEIGHBOURS: '邻里纠纷',
  HOMESTEAD_LAND: '宅基地和土地',
  CONTRACT: '合同纠纷',
  DAMAGES: '损害赔偿',
  PROPERTY_MANAGEMENT: '物业纠纷',
  LABOUR_WAGES: '劳动争议和欠薪',
  MEDICAL: '医疗纠纷',
  LAND_ACQUISITION_DEMOLITION: '征地拆迁',
  OTHER: '其他',
};
const CHANNEL_LABEL: Record<DiscoveryChannel, string> = {
  GRID_PATROL: '网格巡查',
  WALK_IN: '来访',
  HOTLINE: '热线',
  REFERRAL: '转办',
};
const RISK_LABEL: Record<RiskColour, string> = { RED: '红色', ORANGE: '橙色', YELLOW: '黄色' };
const STATUS_LABEL: Record<DisputeStatus, string> = {
  REGISTERED: '已登记',
  MEDIATING: '调解中',
  RESOLVED: '已化解',
  FAILED: '调解不成',
  REFERRED: '已移交',
  CONVENED: '联席会办中',
};
const LEVEL_LABEL: Record<GovernanceLevel, string> = { VILLAGE: '村级', TOWNSHIP: '乡镇级', COUNTY: '县级' };
const AGREEMENT_LABEL: Record<AgreementForm, string> = { WRITTEN: '书面协议', ORAL: '口头协议' };
const REFERRAL_LABEL: Record<Referral, string> = {
  LITIGATION: '诉讼',
  ARBITRATION: '仲裁',
  PETITION: '信访',
  JOINT_HANDLING: '联席会办',
};
/** The step that leads to the status a clerk writes in 办理状态. */
const STEP_TO: Partial<Record<DisputeStatus, DisputeStepInput['action']>> = {
  MEDIATING: DisputeAction.START_MEDIATION,
  RESOLVED: DisputeAction.RESOLVE,
  FAILED: DisputeAction.FAIL,
  REFERRED: DisputeAction.REFER,
  CONVENED: DisputeAction.CONVENE,
};

interface Params {
  region: string;
  /** The caller, whose right to read the parties decides what the sheet shows of them. */
  identity: Identity;
}

interface Lookups {
  /** Export: whether the caller may read this dispute's parties and summary (else the sheet shows ***). */
  sees(dispute: Dispute): boolean;
  names: Map<string, string>;
  lastStepAt: Map<string, Date>;
  /** Mediation organisations working in or above the region, by name and id (import only). */
  mediation: Map<string, string[]>;
}

const mutations = new DisputeMutations();

/**
 * Mediation organisations by id: those the disputes name, and on import those working in or above the region
 * (the ones a new row may name).
 */
async function mediationNamed(em: LedgerReadContext<Params>['em'], region: string | null, ids: string[]) {
  const named = () => em.find(MediationOrganization, { id: ids }, { fields: ['id', 'name'] });
  const inRegion = () =>
    em
      .createQueryBuilder(MediationOrganization, 'm')
      .select(['id', 'name'])
      .where(`m.region_code like ? or ? like m.region_code || '%'`, [`${region}%`, region])
      .getResultList();
  const [some, all] = await Promise.all([ids.length ? named() : [], region ? inRegion() : []]);
  return [...new Map([...some, ...all].map((m) => [m.id, m])).values()];
}

async function lookups(
  purpose: 'export' | 'import',
  records: Dispute[],
  { em, params }: LedgerReadContext<Params>,
): Promise<Lookups> {
  const { identity, region } = params;
  const ids = records.map((d) => d.id);
  const grids = records.flatMap((d) => (d.gridId ? [d.gridId] : []));
  const organizations = records.flatMap((d) => (d.organizationId ? [d.organizationId] : []));
  const [centres, steps, gridRows, mediationRows] = await Promise.all([
    identity.departments.length ? em.find(GovernanceCentre, { organizationId: identity.departments }) : [],
    ids.length
      ? em.getConnection().execute<{ dispute_id: string; at: Date }[]>(
          // one array parameter, however many disputes the region holds
          'select dispute_id, max("at") as "at" from dispute_step where dispute_id = any(?::uuid[]) group by dispute_id',
          [`{${ids.join(',')}}`],
        )
      : [],
    grids.length ? em.find(Grid, { id: grids }, { fields: ['id', 'name'] }) : [],
    mediationNamed(em, purpose === 'import' ? region : null, organizations),
  ]);
  const centreRegions = centres.map((c) => c.regionCode);
  const seen = new Map<string, boolean>();
  const sees = (d: Dispute) => {
    if (!seen.has(d.regionCode)) {
      const scope = { regionCode: d.regionCode, centreRegions };
      seen.set(d.regionCode, mayPerformAction({ identity }, permissions, 'dispute.read-parties', scope));
    }
    return seen.get(d.regionCode)!;
  };
  return {
    // on import *** stands for "as stored", whoever exported the file: a masked cell is never read back
    sees: purpose === 'export' ? sees : () => false,
    names: new Map([...gridRows, ...mediationRows].map((r) => [r.id, r.name])),
    lastStepAt: new Map(steps.map((s) => [s.dispute_id, new Date(s.at)])),
    mediation: purpose === 'import' ? byNameAndId(mediationRows) : new Map(),
  };
}

/** Personal data: shown to a caller who may read it; a masked cell is never read back as the parties. */
function personal(header: string, field: 'parties' | 'summary', width: number) {
  return {
    header,
    width,
    field,
    updatable: false,
    value: (d: Dispute) => d[field],
    format: (d: Dispute, l: Lookups) => (l.sees(d) ? d[field] : MASKED),
    parse: (cell: CellValue) => {
      const text = cellText(cell);
      if (text === MASKED)
        throw cellRefused(
          'masked',
          `shows ${MASKED}, the mask of an export that hid it: write it out in full`,
        );
      return text;
    },
  };
}

const optionalLabel = <E extends string>(
  header: string,
  field: string,
  labels: Record<E, string>,
  of: (d: Dispute) => E | null,
) => ({
  header,
  width: 12,
  field,
  optional: true,
  value: of,
  format: (d: Dispute) => (of(d) ? labels[of(d)!] : ''),
  parse: (cell: CellValue) => labelledCell(labels, cell),
});

const fixedLabel = <E extends string>(
  header: string,
  field: string,
  labels: Record<E, string>,
  of: (d: Dispute) => E,
) => ({
  header,
  width: 14,
  field,
  updatable: false,
  value: of,
  format: (d: Dispute) => labels[of(d)],
  parse: (cell: CellValue) => labelledCell(labels, cell),
});

/** A dispute moves on by its next step only: the status written in 办理状态 names the step to record. */
async function recordStep(
  dispute: Dispute,
  changes: Record<string, unknown>,
  write: LedgerWriteContext<Params, Lookups>,
) {
  const status = changes.status as DisputeStatus | undefined;
  if (!status)
    throw badInput(
      'status',
      'next-step',
      'a registered dispute changes by its next step: write the status it reaches in 办理状态',
    );
  const action = STEP_TO[status];
  if (!action)
    throw badInput('status', 'transition', `a dispute does not go back to ${STATUS_LABEL[status]}`);
  const input = {
    action,
    at: (changes.at as Date | null) ?? new Date(),
    organizationId: (changes.organizationId as string | null) ?? undefined,
    resolutionLevel: (changes.resolutionLevel as GovernanceLevel | null) ?? undefined,
    agreementForm: (changes.agreementForm as AgreementForm | null) ?? undefined,
    referral: (changes.referral as Referral | null) ?? undefined,
    note: (changes.note as string | null) ?? undefined,
  };
  await mutations.recordDisputeStep(dispute.id, input as DisputeStepInput, write);
}

export const disputeRegister = defineLedger<Dispute, Params, Lookups>({
  sheet: () => SHEET,
  key: { header: '纠纷编号', width: 38, of: (d) => d.id, assigned: 'system' },
  columns: [
    {
      header: '登记时间',
      width: 18,
      field: 'reportedAt',
      updatable: false,
      value: (d) => d.reportedAt,
      format: (d) => chinaMinute(d.reportedAt),
      parse: cellMoment,
    },
    { header: '所在区划代码', width: 14, field: 'regionCode', updatable: false, value: (d) => d.regionCode },
    { header: '网格', width: 20, format: (d, l) => (d.gridId ? (l.names.get(d.gridId) ?? '') : '') },
    fixedLabel('纠纷类型', 'kind', KIND_LABEL, (d) => d.kind),
    fixedLabel('发现渠道', 'channel', CHANNEL_LABEL, (d) => d.channel),
    personal('当事人', 'parties', 24),
    {
      header: '当事人数',
      width: 8,
      field: 'partyCount',
      updatable: false,
      value: (d) => d.partyCount,
      parse: (cell) => {
        const text = cellText(cell);
        if (!/^\d{1,5}$/.test(text)) throw cellRefused('integer', `${text} is not a number of parties`);
        return Number(text);
      },
    },
    {
      header: '争议金额（元）',
      width: 12,
      field: 'amount',
      optional: true,
      updatable: false,
      value: (d) => (d.amount === null ? null : Number(d.amount)),
      parse: (cell) => {
        const amount = Number(cellText(cell).replace(/,/g, ''));
        if (!Number.isFinite(amount))
          throw cellRefused('number', `${cellText(cell)} is not an amount in yuan`);
        return amount;
      },
    },
    personal('纠纷简况', 'summary', 40),
    fixedLabel('风险等级', 'riskColour', RISK_LABEL, (d) => d.riskColour),
    {
      ...fixedLabel('办理状态', 'status', STATUS_LABEL, (d) => d.status),
      updatable: true,
      inputs: ['status', 'action'],
      whenEmpty: () => DisputeStatus.REGISTERED,
    },
    {
      header: '调解组织',
      width: 28,
      field: 'organizationId',
      optional: true,
      value: (d) => d.organizationId,
      format: (d, l) => (d.organizationId ? (l.names.get(d.organizationId) ?? d.organizationId) : ''),
      parse: (cell, l) => oneNamed(l.mediation, cellText(cell), 'mediation organisation'),
    },
    optionalLabel('化解层级', 'resolutionLevel', LEVEL_LABEL, (d) => d.resolutionLevel),
    optionalLabel('协议形式', 'agreementForm', AGREEMENT_LABEL, (d) => d.agreementForm),
    optionalLabel('移交去向', 'referral', REFERRAL_LABEL, (d) => d.referral),
    {
      header: '办理时间',
      width: 18,
      field: 'at',
      optional: true,
      value: (d, l) => l.lastStepAt.get(d.id) ?? null,
      format: (d, l) => chinaMinute(l.lastStepAt.get(d.id) ?? null),
      parse: cellMoment,
    },
    // a note goes with the step this upload records: the sheet shows none, a written one is sent
    { header: '办理说明', width: 30, field: 'note', optional: true, value: () => null, format: () => '' },
  ],
  lookups,
  records: ({ em, params }) =>
    em
      .createQueryBuilder(Dispute, 'd')
      .where('d.region_code like ?', [`${params.region}%`])
      .orderBy({ reportedAt: 'asc', id: 'asc' })
      .getResultList(),
  find: (ids, { em }) => em.find(Dispute, { id: ids.filter(isUuid) }),
  async create(fields, write) {
    const { status, at, organizationId, resolutionLevel, agreementForm, referral, note, ...registration } =
      fields;
    const dispute = await mutations.registerDispute(
      { ...registration, note } as unknown as RegisterDisputeInput,
      write,
    );
    // a row entered after the fact may already carry its next step
    if (status !== DisputeStatus.REGISTERED)
      await recordStep(
        dispute,
        { status, at, organizationId, resolutionLevel, agreementForm, referral },
        write,
      );
  },
  update: (dispute, changes, _version, write) => recordStep(dispute, changes, write),
});

/**
 * GET /files/disputes.xlsx?region=<code>: the dispute register (矛盾纠纷登记台账) of the region, parties and
 * summary masked (***) for a caller who may not read them; POST it back with `region` (roles as
 * registerDispute / recordDisputeStep: the dispute's township or the county's governance centre): a row with
 * an empty 纠纷编号 registers a dispute, a changed 办理状态 records the step that leads there (with the
 * organisation, level, agreement, referral, time and note of the row); registration particulars are fixed.
 */
export const disputeRegisterRoutes: FileRoute[] = ledgerRoutes(disputeRegister, {
  path: 'disputes.xlsx',
  filename: ({ region }) => `${SHEET}-${region}-${chinaDay()}.xlsx`,
  exportParams({ identity, query }) {
    assertSignedIn({ identity });
    return { region: ledgerRegion(query), identity };
  },
  importParams({ identity, query }) {
    const region = ledgerRegion(query);
    // each row's write checks its own region; a caller who acts for no township or centre has none to write
    if (!identity.townships.length && !identity.departments.length)
      throw forbidden('only a township or the county’s governance centre keeps the dispute register', [
        ...permissions['dispute.write'].roles,
      ]);
    return { region, identity };
  },
});
