import {
  addNamed,
  assertPerformAction,
  assertSignedIn,
  cellDate,
  cellRefused,
  cellText,
  defineLedger,
  type FileRoute,
  givenValues,
  type Identity,
  isUuid,
  labelledCell,
  type LedgerReadContext,
  ledgerRegion,
  ledgerRoutes,
  mayPerformAction,
  oneNamed,
} from '@county/kit';
import { chinaDay, OrganizationType } from '@county/domain';
import { z } from 'zod';
import { permissions } from '../permissions';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { CommunityWorker } from '../community-worker/community-worker.entity';
import { CommunityWorkerMutations } from '../community-worker/community-worker.mutations';
import type {
  CreateCommunityWorkerInput,
  UpdateCommunityWorkerInput,
} from '../community-worker/community-worker.args';
import { CommunityPostType, Education } from '../workforce/vocabulary';

const SHEET = '社区工作者名册';

const POST_LABEL: Record<CommunityPostType, string> = {
  HEAD: '正职',
  DEPUTY: '副职',
  OTHER: '其他社区工作者',
};
const EDUCATION_LABEL: Record<Education, string> = {
  HIGH_SCHOOL: '高中/中专',
  ASSOCIATE: '大专',
  BACHELOR: '本科',
  MASTER: '硕士研究生',
  DOCTORATE: '博士研究生',
};
const YES_NO = { true: '是', false: '否' } as const;

interface Params {
  region: string;
  identity: Identity;
}

interface Lookups {
  /** Education shown (export to a caller who may read personal data); on import an empty cell keeps it. */
  full: boolean;
  names: Map<string, string>;
  /** Community ids by name, within the region (import only). */
  community: Map<string, string[]>;
}

const mutations = new CommunityWorkerMutations();

const IN_REGION = `w.organization_id in (select id from organization where region_code like ?)`;

export const communityWorkerLedger = defineLedger<CommunityWorker, Params, Lookups>({
  sheet: () => SHEET,
  key: { header: '编号', width: 38, of: (w) => w.id, assigned: 'system' },
  version: { header: '版本', of: (w) => w.version },
  columns: [
    { header: '姓名', width: 10, format: (w, l) => l.names.get(w.personId) ?? '' },
    {
      header: '人员编号',
      width: 38,
      field: 'personId',
      updatable: false,
      value: (w) => w.personId,
      rule: z.string().uuid({ message: 'must be the 人员编号 of the person in the 人员名册' }),
    },
    {
      header: '所在社区',
      width: 28,
      field: 'organizationId',
      updatable: false,
      value: (w) => w.organizationId,
      format: (w, l) => l.names.get(w.organizationId) ?? w.organizationId,
      parse: (cell, l) => oneNamed(l.community, cellText(cell), 'community'),
    },
    {
      header: '岗位类别',
      width: 16,
      field: 'postType',
      value: (w) => w.postType,
      format: (w) => POST_LABEL[w.postType],
      parse: (cell) => labelledCell(POST_LABEL, cell),
    },
    {
      header: '等级',
      width: 8,
      field: 'level',
      value: (w) => w.level,
      parse: (cell) => {
        const text = cellText(cell);
        if (!/^\d{1,2}$/.test(text)) throw cellRefused('integer', `${text} is not a level (1–18)`);
        return Number(text);
      },
    },
    {
      header: '参加社区工作时间',
      width: 16,
      field: 'hiredOn',
      value: (w) => w.hiredOn,
      parse: (cell) => {
        const date = cellDate(cell);
        if (!date) throw cellRefused('date', `${cellText(cell)} is not a date (YYYY-MM-DD)`);
        return date;
      },
    },
    {
      header: '学历',
      width: 12,
      field: 'education',
      value: (w) => w.education,
      format: (w, l) => (l.full ? EDUCATION_LABEL[w.education] : ''),
      parse: (cell) => labelledCell(EDUCATION_LABEL, cell),
    },
    {
      header: '全科社工',
      width: 10,
      field: 'allRoundCertified',
      value: (w) => w.allRoundCertified,
      format: (w) => YES_NO[`${w.allRoundCertified}`],
      whenEmpty: () => false,
      parse: (cell) => labelledCell(YES_NO, cell) === 'true',
    },
  ],
  async lookups(purpose, records, { em, params }) {
    const people = records.map((w) => w.personId);
    const units = records.map((w) => w.organizationId);
    const [persons, organizations, communities] = await Promise.all([
      people.length ? em.find(Person, { id: people }, { fields: ['id', 'name'] }) : [],
      units.length ? em.find(Organization, { id: units }, { fields: ['id', 'name'] }) : [],
      purpose === 'import'
        ? em
            .createQueryBuilder(Organization, 'o')
            .select(['id', 'name'])
            .where({ type: OrganizationType.COMMUNITY_COMMITTEE })
            .andWhere('o.region_code like ?', [`${params.region}%`])
            .getResultList()
        : [],
    ]);
    const names = new Map([...persons, ...organizations].map((r) => [r.id, r.name]));
    const community = new Map<string, string[]>();
    for (const o of communities) [o.name, o.id].forEach((key) => addNamed(community, key, o.id));
    const full =
      purpose === 'export' &&
      mayPerformAction({ identity: params.identity }, permissions, 'personal-data.read');
    return { full, names, community };
  },
  records: ({ em, params }: LedgerReadContext<Params>) =>
    em
      .createQueryBuilder(CommunityWorker, 'w')
      .where(IN_REGION, [`${params.region}%`])
      .orderBy({ organizationId: 'asc', postType: 'asc', level: 'desc', id: 'asc' })
      .getResultList(),
  find: (ids, { em }) => em.find(CommunityWorker, { id: ids.filter(isUuid) }),
  async create(fields, write) {
    await mutations.createCommunityWorker(fields as unknown as CreateCommunityWorkerInput, write);
  },
  async update(worker, changes, version, write) {
    // a blank cell on a kept row keeps the stored value: a spreadsheet clears nothing
    const input = givenValues(changes) as UpdateCommunityWorkerInput;
    await mutations.updateCommunityWorker(worker.id, version ?? worker.version, input, write);
  },
});

/**
 * GET /files/community-workers.xlsx?region=<code>: community workers (社区工作者) of the communities in the
 * region with post type and level (三岗十八级); POST it back with the same `region` (role hr, as the GraphQL
 * writes): a changed post or level is checked against the province's level ranges; a row with an empty 编号
 * puts a person on a community's roll within its quota. Education is personal data: exported
 * empty to a caller who may not read it; an empty 学历 cell on a kept row keeps the stored value.
 */
export const communityWorkerLedgerRoutes: FileRoute[] = ledgerRoutes(communityWorkerLedger, {
  path: 'community-workers.xlsx',
  filename: ({ region }) => `${SHEET}-${region}-${chinaDay()}.xlsx`,
  exportParams({ identity, query }) {
    assertSignedIn({ identity });
    return { region: ledgerRegion(query), identity };
  },
  importParams({ identity, query }) {
    assertPerformAction({ identity }, permissions, 'workforce.write');
    return { region: ledgerRegion(query), identity };
  },
});
