import { findUnsafeText, ONE_LINE_MAX, textRule } from '@county/domain';

const ruleOf = (result: ReturnType<ReturnType<typeof textRule>['safeParse']>) =>
  result.success ? null : (result.error.issues[0] as { params?: { rule?: string } }).params?.rule;

/* Issue 16: control characters and bidirectional overrides were accepted in every text field. */
describe('textRule', () => {
  it.each([
    ['U+202E (right-to-left override)', '报告\u202Etxt.exe'],
    ['U+2066 (left-to-right isolate)', '报告\u2066'],
    ['a bell', '报告\u0007'],
    ['an escape', '\u001b[2J报告'],
    ['DEL', '报告\u007f'],
    ['a C1 control', '报告\u009b'],
  ])('refuses %s in any text', (_, text) => {
    expect(ruleOf(textRule(100).safeParse(text))).toBe('no-control-characters');
    expect(ruleOf(textRule(2000).safeParse(text))).toBe('no-control-characters');
  });

  it(`keeps names, titles and other texts up to ${ONE_LINE_MAX} characters to one line`, () => {
    expect(ruleOf(textRule(200).safeParse('县政府\n办公室'))).toBe('one-line');
    expect(ruleOf(textRule(200).safeParse('县政府\t办公室'))).toBe('one-line');
    expect(textRule(200).safeParse('县政府办公室（含 English）').success).toBe(true);
  });

  it('lets paragraphs (summaries, goals, measures) keep line breaks and tabs', () => {
    expect(textRule(2000).safeParse('一、排查\r\n二、\t化解').success).toBe(true);
    expect(textRule(100, 'many').safeParse('一\n二').success).toBe(true);
    expect(ruleOf(textRule(2000, 'one').safeParse('一\n二'))).toBe('one-line');
  });
});

describe('findUnsafeText', () => {
  it('names the path of the first unsafe text in any input, and lets line breaks pass', () => {
    expect(findUnsafeText({ name: 'ok', changes: { parties: ['甲', '乙\u202E'] } })).toMatchObject({
      path: ['changes', 'parties', '1'],
      rule: 'no-control-characters',
    });
    expect(findUnsafeText({ note: '一\n二\t三', at: new Date(), count: 3 })).toBeNull();
  });
});
