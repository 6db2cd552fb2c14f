import ExcelJS from 'exceljs';
import { readFirstSheet } from '../src/spreadsheet';

const limits = { maxUnpackedBytes: 64 * 1024 * 1024, maxRows: 10_000, maxColumns: 10 };

/** Enough Chinese text that the shared strings and the sheet span many 16 KB inflate chunks. */
async function chineseLedger(rows: number): Promise<{ file: Buffer; texts: string[] }> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('台账');
  sheet.addRow(['任务名称', '牵头单位']);
  const texts: string[] = [];
  for (let i = 0; i < rows; i++) {
    const text = `深化容错纠错机制建设第${i}项，形成可复制推广的经验做法`;
    texts.push(text);
    sheet.addRow([text, { richText: [{ text: `澄川县平山乡人民政府${i}` }] }]);
  }
  return { file: Buffer.from(await book.xlsx.writeBuffer()), texts };
}

describe('readFirstSheet', () => {
  it('reads every Chinese character whole, also where one straddles two chunks of the zip', async () => {
    const { file, texts } = await chineseLedger(3000);
    const sheet = await readFirstSheet(file, limits);
    const read = sheet.rows.map((row) => String(row.cell(1)));
    expect(read.filter((text) => text.includes('\ufffd'))).toEqual([]);
    expect(read).toEqual(texts);
    const units = sheet.rows.map((row) => JSON.stringify(row.cell(2)));
    expect(units.filter((text) => text.includes('\ufffd'))).toEqual([]);
  });
});
