import {
  addNamed,
  assertPerformAction,
  assertSignedIn,
  cellText,
  defineLedger,
  type FileRoute,
  givenValues,
  isUuid,
  labelledCell,
  type LedgerReadContext,
  ledgerRegion,
  ledgerRoutes,
  oneNamed,
} from '@county/kit';
import { chinaDay } from '@county/domain';
import { permissions } from '../permissions';
import { OrganizationType } from '../vocabulary';
import { Organization } from '../organization/organization.entity';
import { OrganizationMutations } from '../organization/organization.mutations';
import type { CreateOrganizationInput, UpdateOrganizationInput } from '../organization/organization.args';

const SHEET = '单位名册';

export const ORGANIZATION_TYPE_LABEL: Record<OrganizationType, string> = {
  PARTY_COMMITTEE: '党委',
  PEOPLES_CONGRESS: '人大',
  GOVERNMENT: '人民政府',
  GOVERNMENT_DEPARTMENT: '政府工作部门',
  PARTY_DEPARTMENT: '党委工作部门',
  TOWNSHIP_GOVERNMENT: '乡镇政府/街道办事处',
  VILLAGE_COMMITTEE: '村民委员会',
  COMMUNITY_COMMITTEE: '居民委员会',
  PUBLIC_INSTITUTION: '事业单位',
  MEDIATION_COMMITTEE: '人民调解委员会',
  SERVICE_CENTER: '政务服务中心',
};

interface Params {
  /** The county (or township) the roster lists, and whose units a parent's name is looked up among. */
  region: string;
}

interface Lookups {
  names: Map<string, string>;
  /** Unit ids by name and by credit code, within the region (import only). */
  unit: Map<string, string[]>;
}

const mutations = new OrganizationMutations();

const inRegion = ({ em, params }: LedgerReadContext<Params>) =>
  em
    .createQueryBuilder(Organization, 'o')
    .where('o.region_code like ?', [`${params.region}%`])
    .orderBy({ regionCode: 'asc', name: 'asc', id: 'asc' });

export const organizationLedger = defineLedger<Organization, Params, Lookups>({
  sheet: () => SHEET,
  key: { header: '单位编号', width: 38, of: (o) => o.id, assigned: 'system' },
  columns: [
    { header: '单位名称', width: 36, field: 'name', value: (o) => o.name },
    {
      header: '单位类型',
      width: 18,
      field: 'type',
      value: (o) => o.type,
      format: (o) => ORGANIZATION_TYPE_LABEL[o.type],
      parse: (cell) => labelledCell(ORGANIZATION_TYPE_LABEL, cell),
    },
    { header: '所在区划代码', width: 14, field: 'regionCode', value: (o) => o.regionCode },
    {
      header: '上级单位',
      width: 30,
      field: 'parentId',
      optional: true,
      value: (o) => o.parentId,
      format: (o, l) => (o.parentId ? (l.names.get(o.parentId) ?? o.parentId) : ''),
      parse: (cell, l) => oneNamed(l.unit, cellText(cell), 'unit'),
    },
    {
      header: '统一社会信用代码',
      width: 22,
      field: 'creditCode',
      optional: true,
      value: (o) => o.creditCode,
    },
  ],
  async lookups(purpose, records, context) {
    const parents = records.flatMap((o) => (o.parentId ? [o.parentId] : []));
    const named = purpose === 'import' ? await inRegion(context).getResultList() : [];
    const names = new Map(
      (parents.length ? await context.em.find(Organization, { id: parents }) : []).map((o) => [o.id, o.name]),
    );
    const unit = new Map<string, string[]>();
    for (const o of named) [o.name, o.creditCode, o.id].forEach((key) => addNamed(unit, key, o.id));
    return { names, unit };
  },
  records: (context) => inRegion(context).getResultList(),
  find: (ids, { em }) => em.find(Organization, { id: ids.filter(isUuid) }),
  async create(fields, write) {
    await mutations.createOrganization(fields as unknown as CreateOrganizationInput, write);
  },
  async update(organization, changes, _version, write) {
    // a blank cell on a kept row keeps the stored value (a spreadsheet clears nothing),
    // so a row whose only differences are blanks changes nothing
    const input = givenValues(changes) as UpdateOrganizationInput;
    if (!Object.keys(input).length) return;
    await mutations.updateOrganization(organization.id, input, write);
  },
});

/**
 * GET /files/organizations.xlsx?region=<code>: the units (单位名册) located in the region; POST it back with
 * the same `region` (roles as createOrganization: hr, or the township covering the region): changed rows
 * update their unit, a row with an empty 单位编号 adds one, nothing is deleted; all rows or none.
 */
export const organizationLedgerRoutes: FileRoute[] = ledgerRoutes(organizationLedger, {
  path: 'organizations.xlsx',
  filename: ({ region }) => `${SHEET}-${region}-${chinaDay()}.xlsx`,
  exportParams({ identity, query }) {
    assertSignedIn({ identity });
    return { region: ledgerRegion(query) };
  },
  importParams({ identity, query }) {
    const region = ledgerRegion(query);
    assertPerformAction({ identity }, permissions, 'organization.create', { regionCode: region });
    return { region };
  },
});
