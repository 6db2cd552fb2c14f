import {
  addNamed,
  assertSignedIn,
  cellDate,
  cellRefused,
  cellText,
  defineLedger,
  type FileRoute,
  forbidden,
  givenValues,
  type Identity,
  isUuid,
  labelledCell,
  type LedgerReadContext,
  ledgerRegion,
  ledgerRoutes,
  mayPerformAction,
  oneNamed,
  parseInput,
} from '@county/kit';
import { chinaDay, Gender, maskIdNumber, maskPhone, PersonRole, uuidRule } from '@county/domain';
import type { CellValue } from 'exceljs';
import { permissions } from '../permissions';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { PersonMutations } from '../person/person.mutations';
import type { CreatePersonInput, UpdatePersonInput } from '../person/person.args';

const SHEET = '人员名册';

const GENDER_LABEL: Record<Gender, string> = { MALE: '男', FEMALE: '女' };
const ROLE_LABEL: Record<PersonRole, string> = {
  CADRE: '干部',
  COUNTY_LEADER: '县领导',
  COMMUNITY_WORKER: '社区工作者',
  GRID_WORKER: '网格员',
  MEDIATOR: '调解员',
  PROXY_AGENT: '代办员',
  VILLAGE_CADRE: '村干部',
};

interface Params {
  region: string;
  /** Export only: the people of this organisation. */
  organizationId?: string;
  identity: Identity;
}

interface Lookups {
  /** Birth date, phone and ID number in full (export to a caller who may read them), or masked. */
  full: boolean;
  names: Map<string, string>;
  /** Unit ids by name, credit code and id, within the region (import only). */
  unit: Map<string, string[]>;
}

const mutations = new PersonMutations();

/**
 * Personal data: shown in full or masked as the GraphQL fields are. On import the mask stands for "as
 * stored", whoever exported the file: a masked cell left as it was never overwrites the real value.
 */
function personal(
  header: string,
  field: 'birthDate' | 'phone' | 'idNumber',
  mask: (value: string) => string,
  parse?: (cell: CellValue) => unknown,
) {
  return {
    header,
    width: field === 'idNumber' ? 22 : 14,
    field,
    value: (p: Person) => p[field],
    format: (p: Person, l: Lookups) => (l.full ? p[field] : mask(p[field])),
    parse,
  };
}

const splitList = (text: string) =>
  text
    .split(/[、,，;；\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

export const personLedger = defineLedger<Person, Params, Lookups>({
  sheet: () => SHEET,
  key: { header: '人员编号', width: 38, of: (p) => p.id, assigned: 'system' },
  columns: [
    { header: '姓名', width: 10, field: 'name', value: (p) => p.name },
    {
      header: '性别',
      width: 6,
      field: 'gender',
      value: (p) => p.gender,
      format: (p) => GENDER_LABEL[p.gender],
      parse: (cell) => labelledCell(GENDER_LABEL, cell),
    },
    personal(
      '出生日期',
      'birthDate',
      () => '',
      (cell) => {
        const date = cellDate(cell);
        if (!date) throw cellRefused('date', `${cellText(cell)} is not a date (YYYY-MM-DD)`);
        return date;
      },
    ),
    personal('身份证号', 'idNumber', maskIdNumber),
    personal('手机号码', 'phone', maskPhone),
    {
      header: '角色',
      width: 16,
      field: 'roles',
      value: (p) => p.roles,
      format: (p) => p.roles.map((role) => ROLE_LABEL[role]).join('、'),
      parse: (cell) => splitList(cellText(cell)).map((label) => labelledCell(ROLE_LABEL, label)),
    },
    {
      header: '所在单位',
      width: 30,
      field: 'organizationId',
      value: (p) => p.organizationId,
      format: (p, l) => l.names.get(p.organizationId) ?? p.organizationId,
      parse: (cell, l) => oneNamed(l.unit, cellText(cell), 'unit'),
    },
    { header: '职务', width: 16, field: 'position', value: (p) => p.position },
  ],
  async lookups(purpose, records, { em, params }: LedgerReadContext<Params>) {
    const ids = [...new Set(records.map((p) => p.organizationId))];
    const [named, inRegion] = await Promise.all([
      ids.length ? em.find(Organization, { id: ids }, { fields: ['id', 'name'] }) : [],
      purpose === 'import'
        ? em
            .createQueryBuilder(Organization, 'o')
            .select(['id', 'name', 'creditCode'])
            .where('o.region_code like ?', [`${params.region}%`])
            .getResultList()
        : [],
    ]);
    const unit = new Map<string, string[]>();
    for (const o of inRegion) [o.name, o.creditCode, o.id].forEach((key) => addNamed(unit, key, o.id));
    const full =
      purpose === 'export' &&
      mayPerformAction({ identity: params.identity }, permissions, 'personal-data.read');
    return { full, names: new Map(named.map((o) => [o.id, o.name])), unit };
  },
  records({ em, params }) {
    const qb = em
      .createQueryBuilder(Person, 'p')
      .where('p.organization_id in (select id from organization where region_code like ?)', [
        `${params.region}%`,
      ]);
    if (params.organizationId) qb.andWhere({ organizationId: params.organizationId });
    return qb.orderBy({ organizationId: 'asc', name: 'asc', id: 'asc' }).getResultList();
  },
  find: (ids, { em }) => em.find(Person, { id: ids.filter(isUuid) }),
  async create(fields, write) {
    await mutations.createPerson(fields as unknown as CreatePersonInput, write);
  },
  async update(person, changes, _version, write) {
    // a blank cell on a kept row keeps the stored value: a spreadsheet clears nothing
    await mutations.updatePerson(person.id, givenValues(changes) as UpdatePersonInput, write);
  },
});

/**
 * GET /files/people.xlsx?region=<code>[&organizationId=<id>]: the people (人员名册) of the units in the region;
 * birth dates, ID numbers and phones are masked as in GraphQL for a caller who may not read them. POST it back
 * with `region` (role hr only: the sheet carries ID numbers): changed rows update their person, a row with an
 * empty 人员编号 adds one, a masked cell left as it was keeps the stored value; all rows or none.
 */
export const personLedgerRoutes: FileRoute[] = ledgerRoutes(personLedger, {
  path: 'people.xlsx',
  filename: ({ region }) => `${SHEET}-${region}-${chinaDay()}.xlsx`,
  exportParams({ identity, query }) {
    assertSignedIn({ identity });
    const organizationId = query.get('organizationId') ?? undefined;
    if (organizationId) parseInput(uuidRule, organizationId, 'organizationId');
    return { region: ledgerRegion(query), organizationId, identity };
  },
  importParams({ identity, query }) {
    if (!identity.has('hr'))
      throw forbidden('only the organisation department (hr) imports the 人员名册: it carries ID numbers', [
        'hr',
      ]);
    return { region: ledgerRegion(query), identity };
  },
});
