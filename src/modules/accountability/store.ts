import { sql, type Expression, type Insertable, type SqlBool } from 'kysely';
import type { Scope } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/index.ts';
import { likePrefix } from '../../platform/db/like.ts';
import type { RecordKind, RecordStatus } from './rules.ts';
import type { AccountabilityAttachmentTable, AccountabilityRecordUpdate, NewAccountabilityRecord } from './schema.ts';

/** Who is looking (policy.ts `canSee` as SQL). */
export interface Viewer {
  all: boolean;
  personId: number;
  /** A supervisor's scope: every record there, drafts included. */
  manage: Scope | null;
  /** A leader's or unit head's scope: issued records there. */
  read: Scope | null;
}

export interface RecordFilter {
  unitPath?: string | undefined;
  personId?: number | undefined;
  kind?: RecordKind | undefined;
  status?: RecordStatus | undefined;
  taskId?: number | undefined;
  q?: string | undefined;
}


const inScopeSql = (s: Scope): Expression<SqlBool>[] => [
  ...s.subtrees.map((p) => sql<SqlBool>`tu.path like ${likePrefix(p)}`),
  ...(s.units.length ? [sql<SqlBool>`tu.path = any(${s.units})`] : []),
];
const or = (xs: Expression<SqlBool>[]) => (xs.length ? sql<SqlBool>`(${sql.join(xs, sql` or `)})` : sql<SqlBool>`false`);

export type RecordRow = Awaited<ReturnType<AccountabilityStore['byId']>> & object;

/** Kysely queries of the accountability module. */
export class AccountabilityStore {
  /** The records the viewer may see (policy.ts `canSee`). */
  visible(v: Viewer): Expression<SqlBool> {
    if (v.all) return sql<SqlBool>`true`;
    const issued = sql<SqlBool>`(r.status <> 'draft' and ${or([sql<SqlBool>`r.target_person_id = ${v.personId}`, ...(v.read ? inScopeSql(v.read) : [])])})`;
    return or([...(v.manage ? inScopeSql(v.manage) : []), issued]);
  }

  private base(db: Executor) {
    return db
      .selectFrom('accountabilityRecord as r')
      .innerJoin('unit as tu', 'tu.id', 'r.targetUnitId')
      .leftJoin('person as tp', 'tp.id', 'r.targetPersonId')
      .leftJoin('person as cb', 'cb.id', 'r.createdBy')
      .leftJoin('person as ib', 'ib.id', 'r.issuedBy')
      .leftJoin('person as eb', 'eb.id', 'r.explainedBy')
      .leftJoin('person as xb', 'xb.id', 'r.closedBy')
      .selectAll('r')
      .select(['tu.path as targetPath', 'tu.name as targetUnitName', 'tp.name as targetPersonName', 'cb.name as createdByName', 'ib.name as issuedByName', 'eb.name as explainedByName', 'xb.name as closedByName']);
  }

  /** One record with its target's path and names; locked for the operation when asked. */
  addAttachment(db: Executor, a: Insertable<AccountabilityAttachmentTable>) {
    return db.insertInto('accountabilityAttachment').values(a).returning(['id', 'fileName', 'contentType', 'size', 'sha256', 'createdAt']).executeTakeFirstOrThrow();
  }

  /** A record's evidence files (without their bytes), oldest first. */
  attachments(db: Executor, recordId: number) {
    return db
      .selectFrom('accountabilityAttachment as a')
      .innerJoin('person as p', 'p.id', 'a.uploadedBy')
      .select(['a.id', 'a.fileName', 'a.contentType', 'a.size', 'a.sha256', 'a.createdAt', 'p.name as uploadedByName'])
      .where('a.recordId', '=', recordId)
      .orderBy('a.id')
      .execute();
  }

  attachment(db: Executor, recordId: number, id: number) {
    return db.selectFrom('accountabilityAttachment').selectAll().where('id', '=', id).where('recordId', '=', recordId).executeTakeFirst();
  }

  byId(db: Executor, id: number, opts: { lock?: boolean } = {}) {
    let q = this.base(db).where('r.id', '=', id);
    if (opts.lock) q = q.forUpdate('r');
    return q.executeTakeFirst();
  }

  /** A page of the records the viewer may see, newest first. */
  list(db: Executor, v: Viewer, f: RecordFilter, page: { limit: number; after?: readonly [string, number] | undefined }) {
    let q = this.base(db).where(this.visible(v));
    if (f.unitPath) q = q.where('tu.path', 'like', likePrefix(f.unitPath));
    if (f.personId) q = q.where('r.targetPersonId', '=', f.personId);
    if (f.kind) q = q.where('r.kind', '=', f.kind);
    if (f.status) q = q.where('r.status', '=', f.status);
    if (f.taskId) q = q.where('r.taskId', '=', f.taskId);
    if (f.q) q = q.where('r.title', 'ilike', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (page.after) {
      const [at, id] = page.after;
      q = q.where((eb) => eb.or([eb('r.createdAt', '<', new Date(at)), eb.and([eb('r.createdAt', '=', new Date(at)), eb('r.id', '<', id)])]));
    }
    return q.orderBy('r.createdAt', 'desc').orderBy('r.id', 'desc').limit(page.limit + 1).execute();
  }

  /** Inserts a record; a job's draft whose origin key exists already is skipped (undefined). */
  async insert(db: Executor, row: NewAccountabilityRecord) {
    return db
      .insertInto('accountabilityRecord')
      .values(row)
      .onConflict((oc) => oc.column('originKey').doNothing())
      .returning(['id'])
      .executeTakeFirst();
  }

  async update(db: Executor, id: number, version: number, patch: Omit<AccountabilityRecordUpdate, 'id' | 'version'>) {
    return db
      .updateTable('accountabilityRecord')
      .set({ ...patch, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning(['id', 'version'])
      .executeTakeFirst();
  }

  /** When the latest escalation rung already drafted fired (the job reads rungs from there on). */
  async lastRungAt(db: Executor): Promise<Date | null> {
    const r = await db.selectFrom('accountabilityRecord').select((eb) => eb.fn.max('originAt').as('at')).where('origin', '=', 'escalation').executeTakeFirst();
    return r?.at ? new Date(r.at) : null;
  }

  /** Counts by kind and status under a unit path in [from, to) (issued records; reports). */
  async counts(db: Executor, underPath: string, from: Date, to: Date) {
    return db
      .selectFrom('accountabilityRecord as r')
      .innerJoin('unit as tu', 'tu.id', 'r.targetUnitId')
      .select(['r.kind', sql<number>`count(*)::int`.as('n')])
      .where('tu.path', 'like', likePrefix(underPath))
      .where('r.status', '<>', 'draft')
      .where('r.issuedAt', '>=', from)
      .where('r.issuedAt', '<', to)
      .groupBy('r.kind')
      .execute();
  }
}
