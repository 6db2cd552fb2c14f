import ExcelJS, { type CellValue } from 'exceljs';
import type { Ledger, LedgerReadContext } from './ledger';

/**
 * The ledger's workbook: its key column first, then every column, one row per record. What it writes is
 * what the import reads back, so the file can be edited in Excel or WPS and uploaded again.
 */
export async function writeLedger<R, P, L>(
  ledger: Ledger<R, P, L>,
  records: R[],
  context: LedgerReadContext<P>,
): Promise<Buffer> {
  const lookups = await ledger.lookups('export', records, context);
  const columns = ledger.columns.map((column) => ({
    header: column.header,
    width: column.width,
    cell: (record: R): CellValue => (column.format ?? column.value)?.(record, lookups) as CellValue,
  }));
  const all = [
    { header: ledger.key.header, width: ledger.key.width, cell: (r: R): CellValue => ledger.key.of(r) },
    ...columns,
    ...(ledger.version
      ? [{ header: ledger.version.header, width: 6, cell: (r: R): CellValue => ledger.version!.of(r) }]
      : []),
  ];
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(ledger.sheet(context.params), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = all.map((c, i) => ({ key: String(i), header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  const alarms = ledger.columns.flatMap((c, i) => (c.alarm ? [{ at: i + 2, alarm: c.alarm }] : []));
  for (const record of records) {
    const row = sheet.addRow(all.map((c) => c.cell(record) ?? ''));
    for (const { at, alarm } of alarms)
      if (alarm(record, lookups)) row.getCell(at).font = { color: { argb: 'FFC00000' }, bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
