import { describe, expect, it } from 'vitest';
import { FILE_KINDS, sniff } from './sniff.ts';

const zip = (part: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`....${part}`)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

describe('sniff', () => {
  it.each<[string, Buffer, string, string, string]>([
    ['PDF', Buffer.from('%PDF-1.7\n1 0 obj\n'), 'application/pdf', 'pdf', 'pdf'],
    ['PNG', PNG, 'image/png', 'png', 'image'],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'image/jpeg', 'jpg', 'image'],
    ['GIF', Buffer.from('GIF89a....'), 'image/gif', 'gif', 'image'],
    ['WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), 'image/webp', 'webp', 'image'],
    ['DOCX', zip('word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', 'word'],
    ['XLSX', zip('xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', 'spreadsheet'],
    ['PPTX', zip('ppt/presentation.xml'), 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx', 'presentation'],
    ['OFD', zip('OFD.xml'), 'application/ofd', 'ofd', 'ofd'],
    ['ZIP', zip('readme.txt'), 'application/zip', 'zip', 'zip'],
    ['OLE2 (.doc/.xls/.wps)', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'application/x-ole-storage', 'doc', 'ole'],
    ['Chinese text', Buffer.from('关于做好防汛工作的通知\n各乡镇：'), 'text/plain; charset=utf-8', 'txt', 'text'],
    ['ASCII text', Buffer.from('plain words, <b>bold</b> is fine'), 'text/plain; charset=utf-8', 'txt', 'text'],
  ])('%s', (_, buf, contentType, extension, kind) => {
    expect(sniff(buf)).toEqual({ contentType, extension, kind });
  });

  it.each<[string, Buffer]>([
    ['empty', Buffer.alloc(0)],
    ['ELF executable', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1])],
    ['Windows executable', Buffer.from('MZ\x90\x00\x03\x00\x00\x00')],
    ['SVG', Buffer.from('<svg onload=alert(1)>')],
    ['HTML', Buffer.from('<html><script>alert(1)</script></html>')],
    ['HTML with spaces in the tag', Buffer.from('hello < script >x')],
    ['an iframe', Buffer.from('<IFRAME src=x>')],
    ['bytes with NUL', Buffer.from([0x41, 0x00, 0x42])],
    ['invalid UTF-8 throughout', Buffer.from([0xc3, 0x28, 0xa0, 0xa1])],
  ])('refuses %s', (_, buf) => {
    expect(sniff(buf)).toBeNull();
  });

  it('gives every result a kind from the list', () => {
    expect(new Set(FILE_KINDS).size).toBe(FILE_KINDS.length);
  });
});
