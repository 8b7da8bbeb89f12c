// CSV cells for spreadsheet programs: RFC 4180 quoting, and no cell a spreadsheet runs as a formula.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditCsvHeader, csvCell, csvLine } from '../../bff/src/audit/audit-csv.js';

/** Reads one CSV line back (RFC 4180), as a spreadsheet program would. */
function parseLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else cell += line[i++];
      }
    } else while (i < line.length && line[i] !== ',' && line[i] !== '\r') cell += line[i++];
    cells.push(cell);
    if (line[i] === ',') i++;
    else return cells;
  }
}

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=cmd|\' /C calc\'!A0', "'=cmd|' /C calc'!A0"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['', ''],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes nothing for a missing value', () => {
    expect(csvLine([null, undefined, 'x'])).toBe(',,x\r\n');
  });

  it('reads back as the value (with its apostrophe when it looked like a formula), and never starts a cell with a formula character', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', ' ', 'é') }), { minLength: 1, maxLength: 5 }), (values) => {
        const cells = parseLine(csvLine(values));
        expect(cells).toEqual(values.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
        for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });

  it('starts the file with a byte order mark and a header row', () => {
    expect(auditCsvHeader().startsWith('\uFEFFtime,event,outcome,')).toBe(true);
    expect(auditCsvHeader().endsWith('\r\n')).toBe(true);
  });
});
