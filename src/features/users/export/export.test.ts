import { describe, expect, it, vi } from 'vitest';
import type { AppUser } from '@/aws/user-types';
import { attributeColumn, BASE_COLUMNS } from '../model/column-model';
import { toUserRow } from '../model/user-row';
import { csvField, csvRecord, neutraliseFormula } from '@/lib/csv';
import { allFields, buildExport, exportChunks, exportFileName, fieldsFromColumns } from './export-file';

function user(username: string, attributes: Record<string, string> = {}): AppUser {
  return {
    username,
    sub: `sub-${username}`,
    status: 'CONFIRMED',
    enabled: true,
    createdAt: new Date('2024-05-01T10:00:00Z'),
    modifiedAt: new Date('2024-05-02T10:00:00Z'),
    attributes: { sub: `sub-${username}`, ...attributes },
  };
}

/** A strict RFC 4180 reader, to prove what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      if (c === '\n' || c === '\r' || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
      field += c;
      i += 1;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('last record not terminated by CRLF');
  return records;
}

describe('CSV fields', () => {
  it('neutralises cells that a spreadsheet would run as formulas', () => {
    for (const dangerous of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil","click")']) {
      expect(neutraliseFormula(dangerous)).toBe(`'${dangerous}`);
    }
    for (const harmless of ['', 'alice', ' =1', "'quoted", '1-2', 'a=b']) expect(neutraliseFormula(harmless)).toBe(harmless);
  });

  it('quotes per RFC 4180 only when needed, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    // neutralised and quoted: the apostrophe goes inside the quotes
    expect(csvField('=cmd|"/c calc"!A0')).toBe('"\'=cmd|""/c calc""!A0"');
    expect(csvField('\rstart')).toBe('"\'\rstart"');
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });
});

describe('exports', () => {
  const rows = [
    toUserRow(user('alice', { email: 'alice@example.com', email_verified: 'true', 'custom:note': 'Hello, "world"\nsecond line' }), ['admins', 'support']),
    toUserRow(user('mallory', { email: '=HYPERLINK("http://evil")', 'custom:note': '<img src=x onerror=alert(1)>', phone_number: '+15550100' }), undefined),
    toUserRow(user('ünïcødé ✓', { email: 'u@例え.jp' }), []),
  ];
  const columns = [...BASE_COLUMNS.filter((c) => ['username', 'email', 'email_verified', 'status', 'groups', 'created'].includes(c.id)), attributeColumn('custom:note')];

  it('writes UTF-8 with a BOM, CRLF records and the chosen columns, readable back exactly', async () => {
    const blob = await buildExport(rows, fieldsFromColumns(columns), 'csv');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const records = parseCsv(text.slice(1));
    expect(records[0]).toEqual(['username', 'email', 'email_verified', 'status', 'created', 'groups', 'custom:note']);
    expect(records[1]).toEqual(['alice', 'alice@example.com', 'true', 'CONFIRMED', '2024-05-01T10:00:00.000Z', 'admins; support', 'Hello, "world"\nsecond line']);
    expect(records[2]).toEqual(['mallory', '\'=HYPERLINK("http://evil")', '', 'CONFIRMED', '2024-05-01T10:00:00.000Z', '', '<img src=x onerror=alert(1)>']);
    expect(records[3]![0]).toBe('ünïcødé ✓');
    expect(records[3]![1]).toBe('u@例え.jp');
    expect(records).toHaveLength(4);
  });

  it('writes every attribute when asked, neutralising a leading + in a phone number', async () => {
    const fields = allFields(rows);
    expect(fields.map((f) => f.key)).toEqual(['username', 'sub', 'status', 'enabled', 'created', 'modified', 'groups', 'custom:note', 'email', 'email_verified', 'phone_number']);
    const text = await (await buildExport(rows, fields, 'csv')).text();
    const records = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(records[2]![10]).toBe("'+15550100");
  });

  it('writes JSON with typed values that parses back', async () => {
    const blob = await buildExport(rows, fieldsFromColumns(columns), 'json', { chunkRows: 1 });
    expect(blob.type).toBe('application/json;charset=utf-8');
    const parsed = JSON.parse(await blob.text()) as Record<string, unknown>[];
    expect(parsed).toHaveLength(3);
    expect(parsed[0]).toEqual({
      username: 'alice',
      email: 'alice@example.com',
      email_verified: true,
      status: 'CONFIRMED',
      groups: ['admins', 'support'],
      created: '2024-05-01T10:00:00.000Z',
      'custom:note': 'Hello, "world"\nsecond line',
    });
    // JSON is data, not a spreadsheet: no apostrophes added
    expect(parsed[1]!.email).toBe('=HYPERLINK("http://evil")');
    expect(parsed[1]!.groups).toBeNull();
    expect(JSON.parse(await (await buildExport([], fieldsFromColumns(columns), 'json')).text())).toEqual([]);
  });

  it('yields to the event loop between chunks and reports progress', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => toUserRow(user(`u${i}`), undefined));
    const yieldControl = vi.fn(() => Promise.resolve());
    const progress: number[] = [];
    const chunks: string[] = [];
    for await (const chunk of exportChunks(many, fieldsFromColumns(columns), 'csv', { chunkRows: 1000, yieldControl, onProgress: (done) => progress.push(done) })) {
      chunks.push(chunk);
    }
    expect(yieldControl).toHaveBeenCalledTimes(10);
    expect(progress).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000]);
    expect(chunks).toHaveLength(11);
    expect(chunks.join('').split('\r\n')).toHaveLength(10_002);
  });

  it('stops when cancelled', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => toUserRow(user(`u${i}`), undefined));
    const controller = new AbortController();
    const result = buildExport(many, fieldsFromColumns(columns), 'csv', {
      chunkRows: 1000,
      signal: controller.signal,
      onProgress: (done) => done >= 2000 && controller.abort(),
    });
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('names files after the pool and time', () => {
    expect(exportFileName('us-east-1_DemoPool1', 'csv', new Date('2024-05-01T10:20:30Z'))).toBe('users-us-east-1_DemoPool1-2024-05-01-10-20.csv');
  });
});
