/**
 * The ledger's filters live in the URL, so a filtered view can be bookmarked, shared and
 * reached from the dashboard and the workbench. These turn search params into API queries.
 */
import type { QueryValue } from './api.ts';

export interface LedgerFilters {
  unitId?: number;
  light?: string;
  level?: string;
  source?: string;
  status?: string[];
  deadlineFrom?: string;
  deadlineTo?: string;
  overdue?: boolean;
  q?: string;
  todo?: string;
  /** Escalated on or after this day (the 驾驶舱's 本周升级督办). */
  escalatedFrom?: string;
}

const LIGHTS = ['green', 'yellow', 'red', 'done'];
const LEVELS = ['normal', 'key', 'major'];
const SOURCES = ['directive', 'meeting', 'instruction', 'research', 'citizen', 'document', 'other'];
const STATUSES = ['assigned', 'signed', 'in_progress', 'submitted', 'verified', 'closed', 'returned'];
const TODOS = ['sign', 'report', 'warn', 'verify', 'extension'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads filters from search params, dropping anything the API would refuse. */
export function parseFilters(p: URLSearchParams): LedgerFilters {
  const f: LedgerFilters = {};
  const unitId = Number(p.get('unitId'));
  if (Number.isInteger(unitId) && unitId > 0) f.unitId = unitId;
  const one = (k: 'light' | 'level' | 'source' | 'todo', allowed: string[]) => {
    const v = p.get(k);
    if (v && allowed.includes(v)) f[k] = v;
  };
  one('light', LIGHTS);
  one('level', LEVELS);
  one('source', SOURCES);
  one('todo', TODOS);
  const status = (p.get('status') ?? '').split(',').filter((s) => STATUSES.includes(s));
  if (status.length) f.status = status;
  for (const k of ['deadlineFrom', 'deadlineTo', 'escalatedFrom'] as const) {
    const v = p.get(k);
    if (v && DATE.test(v)) f[k] = v;
  }
  if (p.get('overdue') === 'true') f.overdue = true;
  const q = p.get('q')?.trim();
  if (q) f.q = q.slice(0, 100);
  return f;
}

/** Filters → search params (for the URL), in a stable order. */
export function filtersToParams(f: LedgerFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(toQuery(f))) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  return p;
}

/** Filters → the API's query string values. */
export function toQuery(f: LedgerFilters): Record<string, QueryValue> {
  return {
    unitId: f.unitId,
    light: f.light,
    level: f.level,
    source: f.source,
    status: f.status?.length ? f.status.join(',') : undefined,
    deadlineFrom: f.deadlineFrom,
    deadlineTo: f.deadlineTo,
    overdue: f.overdue ? 'true' : undefined,
    q: f.q,
    todo: f.todo,
    escalatedFrom: f.escalatedFrom,
  };
}
