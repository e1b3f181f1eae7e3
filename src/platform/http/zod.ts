import { z } from 'zod';
import { isValidDate } from '../calendar/calendar.ts';

/** Shared zod pieces for params, queries and bodies. */

/** PostgreSQL's `integer`: ids beyond it make the database, not the caller, fail. */
export const MAX_INT = 2_147_483_647;
/** Control characters PostgreSQL refuses (NUL) or nobody types; tab and line breaks stay allowed. */
// eslint-disable-next-line no-control-regex -- finding control characters is this check's job
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/**
 * Text-direction overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069): one turns
 * the rest of a line around wherever the text is shown (a ledger row, an export, a notice).
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const noControl = (s: string) => !CONTROL_CHARS.test(s) && !BIDI_CONTROLS.test(s);
/**
 * Nothing a reader would see: whitespace, format characters (zero-width spaces and joiners, the
 * BOM …) and the blank letters (braille blank, the Hangul fillers).
 */
const INVISIBLE = /^[\s\p{Cf}\u2800\u115f\u1160\u3164\uffa0]*$/u;
const visible = (s: string) => !INVISIBLE.test(s);

export const Id = z.number().int().positive().max(MAX_INT);
/** An id from a query string or a path: a whole number 1 … 2³¹−1 (`1.5`, `-1`, `99999999999` are refused). */
export const QueryId = z.coerce.number().int().positive().max(MAX_INT);
export const IdParam = z.object({ id: QueryId });
/** A whole number from a query string, within [min, max]. */
export const QueryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * A calendar date YYYY-MM-DD that exists (no 2026-02-30), in 1900 … 2999: PostgreSQL has no year
 * 0000, and a date centuries away would only make working-day arithmetic walk that far.
 */
export const DateString = z
  .string()
  .regex(/^(19|2\d)\d{2}-\d{2}-\d{2}$/, '须为 1900 至 2999 年间的日期 YYYY-MM-DD (expected a date YYYY-MM-DD between 1900 and 2999)')
  .refine(isValidDate, '日历上没有这一天 (not a calendar date)');
/** A query flag: ?includeInactive=true|false|1|0. */
export const QueryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
export const Limit = QueryInt(1, 500).default(100);
/** Trimmed, non-empty, bounded text with something visible in it; control characters and direction overrides are refused. */
export const Text = (max: number) =>
  z.string().trim().min(1).max(max).refine(noControl, '含有控制字符 (contains control characters)').refine(visible, '没有可见的文字 (has no visible characters)');
/**
 * An optional free text that may be left empty (a description, a note, evidence: an empty one
 * clears it): trimmed and bounded, control characters and direction overrides refused as in Text.
 */
export const OptionalText = (max: number) => z.string().trim().max(max).refine(noControl, '含有控制字符 (contains control characters)');
/**
 * A one-line text (a title): as Text, with any line break (CR LF, a bare CR or LF, U+2028/2029)
 * turned into a space, so that it cannot break a line in a feed, a header or an export.
 */
export const Line = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ').trim())
    .pipe(z.string().min(1).max(max).refine(noControl, '含有控制字符 (contains control characters)').refine(visible, '没有可见的文字 (has no visible characters)'));
/**
 * Free text from a query string (a search, a filter value): bounded, control characters refused
 * (PostgreSQL refuses a NUL byte with an error, which would otherwise surface as a 500).
 */
export const QueryText = (max: number) => z.string().max(max).refine(noControl, '含有控制字符 (contains control characters)').transform((s) => s.trim());
