/**
 * The upload rules every module's attachments follow: what kinds a rule allows (judged by the
 * bytes, see sniff.ts), the one size limit, and what a file name may contain.
 */
import { createHash } from 'node:crypto';
import { AppError, badRequest, PLATFORM_ERRORS } from '../errors.ts';
import { FILE_KINDS, sniff, type FileKind, type Sniffed } from './sniff.ts';

/**
 * The most bytes one uploaded file may have: a route's `bodyLimit` and `acceptUpload`'s check both
 * read it (a route cannot vary its body limit per region, so this is a constant, not policy).
 */
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The longest file name kept, in UTF-8 bytes: 255 is what common file systems (ext4, NTFS in
 * practice, APFS) allow for one name, so a downloaded file can be saved under its name. About 85
 * Chinese characters.
 */
export const FILE_NAME_MAX_BYTES = 255;

export interface UploadRule {
  /** The kinds of file accepted, by content. */
  readonly kinds: readonly FileKind[];
  readonly maxBytes: number;
}

/** A module's attachments (evidence for progress reports, completion reports, findings…): every kind an office exchanges. */
export const ATTACHMENT_RULE: UploadRule = { kinds: FILE_KINDS, maxBytes: UPLOAD_MAX_BYTES };
/** A spreadsheet to import (台账, org lists). */
export const SPREADSHEET_RULE: UploadRule = { kinds: ['spreadsheet'], maxBytes: UPLOAD_MAX_BYTES };

const KIND_LABELS: Record<FileKind, string> = {
  pdf: 'PDF',
  image: '图片',
  word: 'Office/WPS 文档',
  spreadsheet: 'Office/WPS 表格',
  presentation: 'Office/WPS 演示文稿',
  ole: 'Office/WPS 旧格式文档',
  ofd: 'OFD 版式文件',
  zip: '压缩包',
  text: '纯文本',
};

/** A "name.ext" extension worth keeping when a long name is shortened. */
const EXTENSION = /\.[\p{L}\p{N}]{1,16}$/u;
/** Names Windows reserves for devices, with or without an extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i;

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8');

/** Cuts `s` to at most `max` UTF-8 bytes on a code point boundary (never half a character). */
function cutToBytes(s: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    const n = utf8Length(ch);
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/**
 * A file name safe to store, show and send back in Content-Disposition: no path (separators
 * become `_`), no control characters (`_`), no invisible format characters (dropped: bidi
 * overrides such as U+202E would show "photo\u202Egnp.exe" as "photoexe.png"), none of the
 * characters Windows refuses (`<>:"|?*` become `_`), no leading or trailing blanks, no trailing
 * dots, not a Windows device name, at most FILE_NAME_MAX_BYTES with the extension kept. Chinese
 * and every other script are kept as they are (NFC). An empty result becomes `fallback`.
 * Applying it twice changes nothing.
 */
export function sanitizeFileName(name: string, fallback = 'file'): string {
  let s = name
    // A lone surrogate is no character; it would break UTF-8 on the way out.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '_')
    .normalize('NFC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\p{Cc}/\\<>:"|?*]/gu, '_');
  // \s covers the ideographic space U+3000 too.
  const tidy = (t: string) => t.replace(/^\s+/, '').replace(/[\s.]+$/, '');
  s = tidy(s);
  if (WINDOWS_DEVICE.test(s)) s = `_${s}`;
  if (utf8Length(s) > FILE_NAME_MAX_BYTES) {
    const ext = EXTENSION.exec(s)?.[0] ?? '';
    s = tidy(cutToBytes(s.slice(0, s.length - ext.length), FILE_NAME_MAX_BYTES - utf8Length(ext))) + ext;
  }
  return s === '' ? fallback : s;
}

/** The extensions a name may carry for each detected type (keyed by the type's own extension). */
const NAME_EXTENSIONS: Record<string, readonly string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  gif: ['gif'],
  webp: ['webp'],
  docx: ['docx', 'docm', 'dotx', 'dotm', 'wps'],
  xlsx: ['xlsx', 'xlsm', 'xltx', 'xltm', 'et'],
  pptx: ['pptx', 'pptm', 'ppsx', 'dps'],
  ofd: ['ofd'],
  zip: ['zip'],
  // OLE2 holds the legacy Word, Excel, PowerPoint and WPS formats alike.
  doc: ['doc', 'dot', 'xls', 'xlt', 'ppt', 'pps', 'pot', 'wps', 'et', 'dps'],
  txt: ['txt', 'csv', 'tsv', 'md', 'log'],
};

/**
 * The stored name of a file whose type came from its bytes: the name's extension is kept when it
 * is one of that type's, else the type's own is appended (`会议通知.docx.bat`, which is text,
 * is kept as `会议通知.docx.bat.txt`), so that no download opens as something it is not.
 */
export function nameForType(fileName: string, type: Pick<Sniffed, 'extension'>): string {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext && (NAME_EXTENSIONS[type.extension] ?? [type.extension]).includes(ext)) return fileName;
  const suffix = `.${type.extension}`;
  const stem = utf8Length(fileName) + suffix.length > FILE_NAME_MAX_BYTES ? cutToBytes(fileName, FILE_NAME_MAX_BYTES - suffix.length) : fileName;
  return sanitizeFileName(stem + suffix);
}

/**
 * The file name an upload sent in a header (percent-encoded, as `encodeURIComponent` writes it),
 * decoded and sanitised. A malformed encoding is a 400.
 */
export function fileNameFromHeader(header: string, field = 'x-file-name'): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(header);
  } catch {
    throw badRequest(`${field} must be percent-encoded (encodeURIComponent).`, { field });
  }
  return sanitizeFileName(decoded);
}

export interface AcceptedUpload extends Sniffed {
  /** The sanitised name. */
  fileName: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

/**
 * Checks an upload against a rule: over the size limit is 413 PAYLOAD_TOO_LARGE; empty, of no
 * kind we recognise, or of a kind the rule does not allow is 415 UNSUPPORTED_MEDIA_TYPE. What the
 * file is comes from its bytes, never from its name or the client's Content-Type; the stored name
 * ends in an extension of that type (nameForType).
 */
export function acceptUpload(rule: UploadRule, fileName: string, bytes: Buffer): AcceptedUpload {
  if (bytes.length > rule.maxBytes) {
    throw new AppError(PLATFORM_ERRORS.PAYLOAD_TOO_LARGE, `文件过大：最多 ${Math.floor(rule.maxBytes / 1024 / 1024)} MB (file too large).`, { maxBytes: rule.maxBytes, size: bytes.length });
  }
  const kind = sniff(bytes);
  if (!kind || !rule.kinds.includes(kind.kind)) {
    const allowed = [...new Set(rule.kinds.map((k) => KIND_LABELS[k]))].join('、');
    throw new AppError(PLATFORM_ERRORS.UNSUPPORTED_MEDIA_TYPE, `不支持的文件类型：仅接受${allowed} (unsupported file type, judged by its content).`, { allowed: rule.kinds });
  }
  return { ...kind, fileName: nameForType(sanitizeFileName(fileName), kind), size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
