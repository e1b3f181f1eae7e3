/**
 * What a file is, from its first bytes, never from its name or the client's Content-Type.
 * Only the kinds a government office exchanges are accepted; executables, HTML and SVG (which
 * a browser would run) are not.
 */
export const FILE_KINDS = ['pdf', 'image', 'word', 'spreadsheet', 'presentation', 'ofd', 'ole', 'zip', 'text'] as const;
/** A family of files an upload rule allows: `ole` is the legacy binary Office/WPS format (.doc, .xls, .wps, .et). */
export type FileKind = (typeof FILE_KINDS)[number];

export interface Sniffed {
  contentType: string;
  extension: string;
  kind: FileKind;
}

const startsWith = (buf: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b);

function zipKind(buf: Buffer): Sniffed {
  // OOXML and OFD are zip files; the names of their parts are stored uncompressed in the headers.
  const head = buf.subarray(0, Math.min(buf.length, 64 * 1024)).toString('latin1');
  if (head.includes('word/')) return { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', kind: 'word' };
  if (head.includes('xl/')) return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', kind: 'spreadsheet' };
  if (head.includes('ppt/')) return { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx', kind: 'presentation' };
  if (head.includes('OFD.xml')) return { contentType: 'application/ofd', extension: 'ofd', kind: 'ofd' };
  return { contentType: 'application/zip', extension: 'zip', kind: 'zip' };
}

export function sniff(buf: Buffer): Sniffed | null {
  if (buf.length === 0) return null;
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { contentType: 'application/pdf', extension: 'pdf', kind: 'pdf' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: 'image/png', extension: 'png', kind: 'image' };
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', extension: 'jpg', kind: 'image' };
  if (startsWith(buf, [0x47, 0x49, 0x46, 0x38])) return { contentType: 'image/gif', extension: 'gif', kind: 'image' };
  if (startsWith(buf, [0x52, 0x49, 0x46, 0x46]) && startsWith(buf, [0x57, 0x45, 0x42, 0x50], 8)) return { contentType: 'image/webp', extension: 'webp', kind: 'image' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return zipKind(buf);
  // OLE2: .doc, .xls, .wps (WPS Office), .et
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { contentType: 'application/x-ole-storage', extension: 'doc', kind: 'ole' };
  if (isPlainText(buf)) return { contentType: 'text/plain; charset=utf-8', extension: 'txt', kind: 'text' };
  return null;
}

function isPlainText(buf: Buffer): boolean {
  const sample = buf.subarray(0, Math.min(buf.length, 64 * 1024));
  if (sample.includes(0)) return false;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(sample);
  if (text.includes('\uFFFD') && sample.length === buf.length) return false;
  // Markup a browser would render or run is refused even as "text".
  return !/<\s*(html|script|svg|iframe|body|object|embed)\b/i.test(text);
}
