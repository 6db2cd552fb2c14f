import {
  assertSignedIn,
  badInput,
  cellRefused,
  cellText,
  defineLedger,
  type FileRoute,
  forbidden,
  isUuid,
  labelledCell,
  ledgerRegion,
  ledgerRoutes,
  type LedgerWriteContext,
  type Identity,
  mayPerformAction,
} from '@county/kit';
import { chinaDay } from '@county/domain';
import type { CellValue } from 'exceljs';
import { permissions } from '../permissions';
import { GovernanceLevel } from '../vocabulary';
import { MASKED } from '../dispute/dispute.resolver';
import { cellMoment, chinaMinute } from '../ledgers/cells';
import { GovernanceCentre } from '../centre/governance-centre.entity';
import { PetitionBureau } from './petition-bureau.entity';
import { Petition } from './petition.entity';
import { PetitionMutations } from './petition.mutations';
import type { RegisterPetitionInput } from './petition.args';
import {
  PetitionChannel,
  PetitionEscalation,
  PetitionResult,
  PetitionSatisfaction,
  PetitionStatus,
} from './petition-vocabulary';

const SHEET = '信访事项登记台账';

const CHANNEL: Record<PetitionChannel, string> = {
  LETTER: '来信',
  VISIT: '来访',
  ONLINE: '网上',
  PHONE: '电话',
};
const STATUS: Record<PetitionStatus, string> = {
  REGISTERED: '已登记',
  ACCEPTED: '已受理',
  NOT_ACCEPTED: '不予受理',
  REPLIED: '已办结',
  UNDER_REVIEW: '复查中',
  REVIEWED: '已复查',
};
const ESCALATION: Record<PetitionEscalation, string> = { CITY: '到市', PROVINCE: '到省', NATIONAL: '进京' };
const LEVEL: Record<GovernanceLevel, string> = { VILLAGE: '村级', TOWNSHIP: '乡镇级', COUNTY: '县级' };
const RESULT: Record<PetitionResult, string> = {
  SUPPORTED: '予以支持',
  EXPLAINED: '解释说明',
  NOT_SUPPORTED: '不予支持',
};
const SATISFACTION: Record<PetitionSatisfaction, string> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
};

interface Params {
  region: string;
  identity: Identity;
}

interface Lookups {
  /** Export: the regions whose petitioners the caller may read; on import nothing (a masked cell is kept). */
  sees: Set<string>;
}

const mutations = new PetitionMutations();

type Field = keyof Petition & string;
const label = <E extends string>(header: string, field: Field, labels: Record<E, string>, fixed = false) => ({
  header,
  width: 12,
  field,
  optional: true,
  ...(fixed ? { updatable: false } : {}),
  value: (p: Petition) => p[field] ?? null,
  format: (p: Petition) => (p[field] ? labels[p[field] as E] : ''),
  parse: (cell: CellValue) => labelledCell(labels, cell),
});
const moment = (header: string, field: 'receivedAt' | 'decidedAt' | 'repliedAt', fixed = false) => ({
  header,
  width: 18,
  field,
  optional: !fixed,
  ...(fixed ? { updatable: false } : {}),
  value: (p: Petition) => p[field],
  format: (p: Petition) => chinaMinute(p[field]),
  parse: cellMoment,
});
/** Personal data, as the answers show it: a masked cell is never read back as a value. */
const personal = (header: string, field: 'petitioners' | 'subject' | 'reply', fixed: boolean) => ({
  header,
  width: 30,
  field,
  optional: !fixed,
  ...(fixed ? { updatable: false } : {}),
  value: (p: Petition) => p[field],
  format: (p: Petition, l: Lookups) =>
    p[field] === null ? '' : l.sees.has(p.regionCode) ? p[field] : MASKED,
  parse: (cell: CellValue) => {
    const text = cellText(cell);
    if (text === MASKED)
      throw cellRefused('masked', `shows ${MASKED}, the mask of an export that hid it: write it out in full`);
    return text;
  },
});

/**
 * A kept row moves on by the steps its cells say, each through its mutation and its rules: a new 办理状态
 * (accepted, not accepted, replied — accepted then replied when both times are written), a new 办理单位 of
 * an accepted petition (交办), a rating (满意度).
 */
async function advance(
  petition: Petition,
  changes: Record<string, unknown>,
  sent: number | null,
  write: LedgerWriteContext<Params, Lookups>,
) {
  let version = sent ?? petition.version;
  const next = () => version++;
  const status = changes.status as PetitionStatus | undefined;
  const get = <T>(field: string) => ((changes[field] ?? petition[field as Field]) as T | null) ?? undefined;
  if (status && status !== PetitionStatus.REGISTERED && petition.status === PetitionStatus.REGISTERED) {
    if (status === PetitionStatus.NOT_ACCEPTED) {
      await mutations.declinePetition(
        petition.id,
        { at: get<Date>('decidedAt')!, reason: get<string>('notAcceptedReason')!, version: next() },
        write,
      );
    } else {
      await mutations.acceptPetition(
        petition.id,
        {
          at: get<Date>('decidedAt')!,
          handlingOrganizationId: get<string>('handlingOrganizationId')!,
          handlingLevel: get<GovernanceLevel>('handlingLevel')!,
          version: next(),
        },
        write,
      );
    }
  } else if (status && status !== PetitionStatus.REPLIED) {
    throw badInput(
      'status',
      'transition',
      `a petition ${STATUS[petition.status]} does not go to ${STATUS[status]}`,
    );
  } else if (changes.handlingOrganizationId || changes.handlingLevel) {
    await mutations.assignPetition(
      petition.id,
      {
        organizationId: get<string>('handlingOrganizationId')!,
        level: get<GovernanceLevel>('handlingLevel')!,
        version: next(),
      },
      write,
    );
  }
  if (status === PetitionStatus.REPLIED)
    await mutations.replyPetition(
      petition.id,
      {
        at: get<Date>('repliedAt')!,
        result: get<PetitionResult>('result')!,
        reply: get<string>('reply')!,
        version: next(),
      },
      write,
    );
  if (changes.satisfaction)
    await mutations.recordPetitionSatisfaction(
      petition.id,
      { satisfaction: changes.satisfaction as PetitionSatisfaction, version: next() },
      write,
    );
}

export const petitionRegister = defineLedger<Petition, Params, Lookups>({
  sheet: () => SHEET,
  key: { header: '信访件编号', width: 38, of: (p) => p.id, assigned: 'system' },
  version: { header: '版本', of: (p) => p.version },
  columns: [
    moment('登记时间', 'receivedAt', true),
    { header: '属地区划代码', width: 14, field: 'regionCode', updatable: false, value: (p) => p.regionCode },
    { ...label('信访形式', 'channel', CHANNEL, true), optional: false },
    personal('信访人', 'petitioners', true),
    {
      header: '信访人数',
      width: 8,
      field: 'petitionerCount',
      updatable: false,
      value: (p) => p.petitionerCount,
      parse: (cell) => {
        const text = cellText(cell);
        if (!/^\d{1,5}$/.test(text)) throw cellRefused('integer', `${text} is not a number of people`);
        return Number(text);
      },
    },
    personal('信访事项', 'subject', true),
    label('越级', 'escalatedTo', ESCALATION, true),
    { header: '受理期限', width: 12, format: (p) => p.acceptBy },
    { ...label('办理状态', 'status', STATUS), optional: false, whenEmpty: () => PetitionStatus.REGISTERED },
    moment('受理决定时间', 'decidedAt'),
    {
      header: '办理单位编号',
      width: 38,
      field: 'handlingOrganizationId',
      optional: true,
      value: (p) => p.handlingOrganizationId,
    },
    label('办理层级', 'handlingLevel', LEVEL),
    {
      header: '不予受理理由',
      width: 24,
      field: 'notAcceptedReason',
      optional: true,
      value: (p) => p.notAcceptedReason,
    },
    { header: '办理期限', width: 12, format: (p) => p.replyBy ?? '' },
    moment('办结时间', 'repliedAt'),
    label('处理意见', 'result', RESULT),
    personal('答复意见', 'reply', false),
    label('满意度', 'satisfaction', SATISFACTION),
  ],
  async lookups(purpose, records, { em, params }) {
    if (purpose === 'import') return { sees: new Set() };
    const { identity } = params;
    const departments = identity.departments;
    const [bureaus, centres] = departments.length
      ? await Promise.all([
          em.find(PetitionBureau, { organizationId: departments }),
          em.find(GovernanceCentre, { organizationId: departments }),
        ])
      : [[], []];
    const scope = (regionCode: string) => ({
      regionCode,
      bureauRegions: bureaus.map((b) => b.regionCode),
      centreRegions: centres.map((c) => c.regionCode),
    });
    const regions = new Set(records.map((p) => p.regionCode));
    return {
      sees: new Set(
        [...regions].filter((region) =>
          mayPerformAction({ identity }, permissions, 'petition.read-petitioners', scope(region)),
        ),
      ),
    };
  },
  records: ({ em, params }) =>
    em
      .createQueryBuilder(Petition, 'p')
      .where('p.region_code like ?', [`${params.region}%`])
      .orderBy({ receivedAt: 'asc', id: 'asc' })
      .getResultList(),
  find: (ids, { em }) => em.find(Petition, { id: ids.filter(isUuid) }),
  async create(fields, write) {
    const {
      status,
      decidedAt,
      handlingOrganizationId,
      handlingLevel,
      notAcceptedReason,
      repliedAt,
      result,
      reply,
      satisfaction,
      ...registration
    } = fields;
    const petition = await mutations.registerPetition(
      registration as unknown as RegisterPetitionInput,
      write,
    );
    // a row entered after the fact may already carry its handling
    const changes = {
      status,
      decidedAt,
      handlingOrganizationId,
      handlingLevel,
      notAcceptedReason,
      repliedAt,
      result,
      reply,
      satisfaction,
    };
    if (status !== PetitionStatus.REGISTERED || satisfaction)
      await advance(petition, changes, petition.version, write);
  },
  update: (petition, changes, version, write) => advance(petition, changes, version, write),
});

/**
 * GET /files/governance/petitions.xlsx?region=<code>: the petitions register (信访事项登记台账) of the region,
 * petitioners, subject and reply masked (***) for a caller who may not read them; POST it back with `region`
 * (the county's petitions bureau): a row with an empty 信访件编号 registers a petition, a changed 办理状态,
 * 办理单位 or 满意度 records the step through the same mutations; registration particulars are fixed.
 */
export const petitionRegisterRoutes: FileRoute[] = ledgerRoutes(petitionRegister, {
  path: 'petitions.xlsx',
  filename: ({ region }) => `${SHEET}-${region}-${chinaDay()}.xlsx`,
  exportParams({ identity, query }) {
    assertSignedIn({ identity });
    return { region: ledgerRegion(query), identity };
  },
  importParams({ identity, query }) {
    const region = ledgerRegion(query);
    // each row's write checks the bureau's right over its region
    if (!identity.departments.length)
      throw forbidden('only the county’s petitions bureau keeps the petitions register', [
        ...permissions['petition.write'].roles,
      ]);
    return { region, identity };
  },
});
