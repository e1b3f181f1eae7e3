import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { acceptUpload, ATTACHMENT_RULE, FILE_NAME_MAX_BYTES, fileNameFromHeader, nameForType, sanitizeFileName, SPREADSHEET_RULE, UPLOAD_MAX_BYTES } from './upload.ts';

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');
const XLSX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....xl/workbook.xml')]);
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('sanitizeFileName', () => {
  it.each<[string, string, string]>([
    ['keeps a Chinese name', '关于做好2026年防汛工作的通知.pdf', '关于做好2026年防汛工作的通知.pdf'],
    ['keeps other scripts and spaces inside', 'Отчёт 2026 — résumé.docx', 'Отчёт 2026 — résumé.docx'],
    ['joins decomposed accents (NFC)', 'e\u0301.txt', 'é.txt'],
    ['replaces forward slashes', '../../etc/passwd', '.._.._etc_passwd'],
    ['replaces backslashes', '..\\..\\windows\\system32\\a.dll', '.._.._windows_system32_a.dll'],
    ['replaces control characters', 'a\u0000b\nc\td\u001fe\u007ff\u0085g.txt', 'a_b_c_d_e_f_g.txt'],
    ['drops a right-to-left override', '照片\u202Egnp.exe', '照片gnp.exe'],
    ['drops zero-width characters and a BOM', '\uFEFF报\u200B告\u200D.pdf', '报告.pdf'],
    ['replaces characters Windows refuses', 'a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
    ['trims blanks, ideographic spaces included', ' \u3000 通知.pdf \u3000', '通知.pdf'],
    ['drops trailing dots', 'report.pdf...', 'report.pdf'],
    ['prefixes a Windows device name', 'CON', '_CON'],
    ['prefixes a Windows device name with an extension', 'nul.txt', '_nul.txt'],
    ['leaves a name that only starts like a device', 'console.log', 'console.log'],
    ['replaces a lone surrogate', 'a\uD800b.txt', 'a_b.txt'],
    ['keeps an emoji (a surrogate pair)', '😀.png', '😀.png'],
    ['falls back for an empty name', '', 'file'],
    ['falls back for only blanks', '   ', 'file'],
    ['falls back for a dot', '.', 'file'],
    ['falls back for two dots', '..', 'file'],
    ['falls back for invisible characters only', '\u202E\u200B', 'file'],
  ])('%s', (_, input, output) => {
    expect(sanitizeFileName(input)).toBe(output);
  });

  it('takes the fallback it is given', () => {
    expect(sanitizeFileName('', '附件')).toBe('附件');
  });

  it('shortens a long name to the byte limit, on a character boundary, keeping the extension', () => {
    const long = `${'很'.repeat(200)}.pdf`;
    const s = sanitizeFileName(long);
    expect(bytes(s)).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES);
    expect(s).toBe(`${'很'.repeat(83)}.pdf`);
    const ascii = sanitizeFileName(`${'a'.repeat(300)}.docx`);
    expect(ascii).toBe(`${'a'.repeat(250)}.docx`);
    // No extension worth keeping: cut as it is.
    expect(sanitizeFileName('x'.repeat(400))).toBe('x'.repeat(255));
    // Never half an emoji.
    expect(sanitizeFileName('😀'.repeat(100))).toBe('😀'.repeat(63));
  });

  it('always gives a bounded, separator-free, control-free name, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const s = sanitizeFileName(raw);
        expect(s.length).toBeGreaterThan(0);
        expect(bytes(s)).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES);
        expect(s).not.toMatch(/[/\\<>:"|?*\p{Cc}\p{Cf}]/u);
        expect(s).not.toMatch(/^\s|[\s.]$/);
        expect(sanitizeFileName(s)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fileNameFromHeader', () => {
  it('decodes percent-encoding and sanitises', () => {
    expect(fileNameFromHeader(encodeURIComponent('现场照片.pdf'))).toBe('现场照片.pdf');
    expect(fileNameFromHeader(encodeURIComponent('../a/b.txt'))).toBe('.._a_b.txt');
    expect(fileNameFromHeader('%00evil.txt')).toBe('_evil.txt');
    expect(fileNameFromHeader('plain.txt')).toBe('plain.txt');
  });

  it('refuses a malformed encoding with 400 VALIDATION', () => {
    expect(() => fileNameFromHeader('%E4%B8')).toThrow(AppError);
    try {
      fileNameFromHeader('%zz');
    } catch (e) {
      expect(e).toMatchObject({ status: 400, code: 'VALIDATION', details: { field: 'x-file-name' } });
    }
  });
});

describe('acceptUpload', () => {
  it('accepts what the rule allows, by content, with the sanitised name, size and digest', () => {
    const a = acceptUpload(ATTACHMENT_RULE, '验收单/终稿.pdf', PDF);
    expect(a).toMatchObject({ fileName: '验收单_终稿.pdf', contentType: 'application/pdf', extension: 'pdf', kind: 'pdf', size: PDF.length });
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(acceptUpload(SPREADSHEET_RULE, '台账.xlsx', XLSX).kind).toBe('spreadsheet');
  });

  it('refuses a kind outside the rule, an unknown kind and an empty file with 415', () => {
    for (const [rule, buf] of [[SPREADSHEET_RULE, PDF], [ATTACHMENT_RULE, Buffer.from('MZ\x90\x00')], [ATTACHMENT_RULE, Buffer.alloc(0)]] as const) {
      expect(() => acceptUpload(rule, 'x', buf)).toThrow(expect.objectContaining({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }));
    }
    expect(() => acceptUpload(SPREADSHEET_RULE, 'x.xlsx', PDF)).toThrow(/仅接受Office\/WPS 表格/);
  });

  it('stores a name whose extension is the detected type’s: a lying one gets the true one appended', () => {
    const text = Buffer.from('@echo off\r\nformat c:\r\n');
    expect(acceptUpload(ATTACHMENT_RULE, '会议通知.docx.bat', text).fileName).toBe('会议通知.docx.bat.txt');
    expect(acceptUpload(ATTACHMENT_RULE, 'report.pdf.vbs', text).fileName).toBe('report.pdf.vbs.txt');
    expect(acceptUpload(ATTACHMENT_RULE, 'invoice\u202Egpj.exe', text).fileName).toBe('invoicegpj.exe.txt');
    expect(acceptUpload(ATTACHMENT_RULE, '验收单.PDF', PDF).fileName).toBe('验收单.PDF');
    expect(acceptUpload(ATTACHMENT_RULE, '验收单', PDF).fileName).toBe('验收单.pdf');
    expect(acceptUpload(ATTACHMENT_RULE, '台账.pdf', XLSX).fileName).toBe('台账.pdf.xlsx');
    expect(acceptUpload(ATTACHMENT_RULE, '数据.csv', Buffer.from('a,b\n1,2\n')).fileName).toBe('数据.csv');
    expect(nameForType('老文档.wps', { extension: 'doc' })).toBe('老文档.wps');
    // A name at the byte limit still ends in the true extension, within the limit.
    const long = nameForType('长'.repeat(85), { extension: 'pdf' });
    expect(long.endsWith('.pdf')).toBe(true);
    expect(bytes(long)).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES);
  });

  it('takes the limit and refuses one byte more with 413', () => {
    const rule = { ...ATTACHMENT_RULE, maxBytes: 32 };
    expect(acceptUpload(rule, 'a.txt', Buffer.alloc(32, 0x61)).size).toBe(32);
    expect(() => acceptUpload(rule, 'a.txt', Buffer.alloc(33, 0x61))).toThrow(expect.objectContaining({ status: 413, code: 'PAYLOAD_TOO_LARGE' }));
    expect(ATTACHMENT_RULE.maxBytes).toBe(UPLOAD_MAX_BYTES);
  });
});
