import { givenValues, labelledCell } from '@county/kit';
import { RestructuredFacility } from './facility.entity';
import { MergeLedgerMutations } from './merge-ledger.mutation';
import type { RecordFacilityInput, UpdateFacilityInput } from './merge-ledger.args';
import { dateCell, mergeLedger, mergeLedgerSheetRoutes } from './merge-ledger-sheet';
import { FacilityKind, FacilityOutcome } from './vocabulary';

export const FACILITY_KIND_LABEL: Record<FacilityKind, string> = {
  SCHOOL: '学校',
  CLINIC: '卫生院',
  ELDERLY_CARE: '养老机构',
};

export const FACILITY_OUTCOME_LABEL: Record<FacilityOutcome, string> = {
  KEPT: '保留',
  MERGED: '撤并',
  CONVERTED: '转型',
};

const mutations = new MergeLedgerMutations();

export const facilityLedger = mergeLedger<RestructuredFacility>({
  sheet: '设施调整台账',
  entity: RestructuredFacility,
  key: '设施编号',
  columns: [
    {
      header: '设施类别',
      width: 10,
      field: 'kind',
      value: (f) => f.kind,
      format: (f) => FACILITY_KIND_LABEL[f.kind],
      parse: (cell) => labelledCell(FACILITY_KIND_LABEL, cell),
    },
    { header: '设施名称', width: 30, field: 'name', value: (f) => f.name },
    {
      header: '调整结果',
      width: 10,
      field: 'outcome',
      value: (f) => f.outcome,
      format: (f) => FACILITY_OUTCOME_LABEL[f.outcome],
      parse: (cell) => labelledCell(FACILITY_OUTCOME_LABEL, cell),
    },
    { header: '并入/转为', width: 30, field: 'became', optional: true, value: (f) => f.became },
    {
      header: '调整日期',
      width: 12,
      field: 'restructuredOn',
      value: (f) => f.restructuredOn,
      parse: dateCell,
    },
  ],
  async create(fields, write) {
    await mutations.recordRestructuredFacility(fields as unknown as RecordFacilityInput, write);
  },
  async update(facility, changes, version, write) {
    // a blank cell on a kept row keeps the stored value (a spreadsheet clears nothing),
    // so a row whose only differences are blanks changes nothing
    const input = givenValues(changes) as UpdateFacilityInput;
    if (!Object.keys(input).length) return;
    await mutations.updateRestructuredFacility(facility.id, version ?? facility.version, input, write);
  },
});

/**
 * GET /files/people/restructured-facilities.xlsx?region=<code>: the schools, health centres and care homes
 * (设施调整台账) merges restructured in the region; POST it back with the same `region` (hr, or the township
 * covering it): a changed row goes through updateRestructuredFacility, a row with an empty 设施编号 through
 * recordRestructuredFacility. No column holds personal data: nothing is masked.
 */
export const facilityLedgerRoutes = mergeLedgerSheetRoutes(facilityLedger, 'restructured-facilities.xlsx');
