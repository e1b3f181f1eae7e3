import { appendAudit, type AuditContext } from '../audit/audit.ts';
import { inScope, scopeOf, type Actor, type Rank, type Role } from '../auth/actor.ts';
import { hashPassword } from '../auth/password.ts';
import type { AuthService } from '../auth/service.ts';
import type { Db, Executor } from '../db/index.ts';
import type { Person, Unit } from '../db/schema.ts';
import { TtlCache } from '../cache.ts';
import { badRequest, conflict, forbidden, notFound, PLATFORM_ERRORS } from '../errors.ts';
import { pathIds } from '../policy/service.ts';
import { placeUnit, searchesLogins, type Level, type UnitKind } from './rules.ts';
import { OrgStore } from './store.ts';

export interface UnitInput {
  parentId: number | null;
  code: string;
  name: string;
  kind: UnitKind;
  level?: Level | undefined;
  sortOrder?: number | undefined;
}

export interface PersonInput {
  unitId: number;
  name: string;
  login: string;
  title?: string | null | undefined;
  rank: Rank;
  /** 任职日期 (YYYY-MM-DD), optional. */
  rankSince?: string | null | undefined;
  roles: Role[];
  email?: string | null | undefined;
  phone?: string | null | undefined;
  password?: string | undefined;
}

export type PersonRow = Person & { unitPath: string; unitName: string };

/** A phone number as the audit log keeps it: never in clear (138****5678). */
export function maskPhone(phone: string | null | undefined): string | null | undefined {
  if (!phone) return phone;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

const publicPerson = (p: Person) => {
  const { passwordHash: _h, ...rest } = p;
  return { ...rest, phone: maskPhone(rest.phone) ?? null };
};

/**
 * Unit ids by path condition (a scope's subtrees, a filter's unit), kept 5 s: every ledger page,
 * statistic and workbench turned its paths into ids with a query of its own first, and the tree
 * changes rarely. OrgService forgets them when a unit is added, moved or imported.
 */
export type UnitIdCache = TtlCache<string, number[]>;

export class OrgService {
  readonly store = new OrgStore();
  /** Scope paths → unit ids for the modules' queries; forgotten whenever a unit is added or moved. */
  readonly unitIds: UnitIdCache = new TtlCache(5_000, 5_000);

  constructor(
    private readonly db: Db,
    private readonly auth: AuthService,
  ) {}

  /** What of the org tree an actor may read: admins all; others their region and its ancestors. */
  private visibility(actor: Actor) {
    if (scopeOf(actor).all) return { subtree: null, ancestorIds: [] };
    return { subtree: actor.regionPath, ancestorIds: pathIds(actor.regionPath) };
  }

  private canRead(actor: Actor, unitPath: string): boolean {
    const vis = this.visibility(actor);
    return !vis.subtree || unitPath.startsWith(vis.subtree) || vis.ancestorIds.includes(pathIds(unitPath).at(-1) ?? -1);
  }

  /** Refuses a write on a unit outside the actor's scope. */
  private assertWritable(actor: Actor, unitPath: string): void {
    if (!inScope(scopeOf(actor), unitPath)) throw forbidden('该单位不在您的管辖范围内 (this unit is outside your scope).');
  }

  listUnits(actor: Actor, opts: { includeInactive: boolean; under?: Unit }) {
    return this.store.listUnits(this.db, this.visibility(actor), { includeInactive: opts.includeInactive, ...(opts.under ? { under: opts.under.path } : {}) });
  }

  /** A unit the actor may read; 404 when missing, 403 when outside what they may see. */
  async getUnit(actor: Actor, id: number, db: Executor = this.db): Promise<Unit> {
    const unit = await this.store.unitById(db, id);
    if (!unit) throw notFound(PLATFORM_ERRORS.UNIT_NOT_FOUND, id);
    if (!this.canRead(actor, unit.path)) throw forbidden('该单位不在您的可见范围内 (this unit is outside what you may see).');
    return unit;
  }

  /** Creates a unit (in the caller's transaction when given one: imports). */
  async createUnit(ctx: AuditContext, actor: Actor | null, input: UnitInput, trx?: Executor): Promise<Unit> {
    const run = async (tx: Executor) => {
      const parent = input.parentId === null ? null : await this.store.unitById(tx, input.parentId);
      if (input.parentId !== null && !parent) throw badRequest(`上级单位 ${input.parentId} 不存在 (parent unit does not exist).`, { field: 'parentId' });
      if (actor) this.assertWritable(actor, parent ? parent.path : '/');
      const placed = placeUnit(input.kind, input.level, parent ?? null);
      if ('error' in placed) throw badRequest(placed.error, { field: 'level' });
      if (await this.store.unitByCode(tx, input.code)) throw conflict(PLATFORM_ERRORS.UNIT_CODE_TAKEN, `单位代码 ${input.code} 已被使用 (unit code already in use).`, { code: input.code });
      const unit = await this.store.insertUnit(tx, {
        parentId: parent?.id ?? null,
        parentPath: parent?.path ?? '/',
        code: input.code,
        name: input.name,
        kind: input.kind,
        level: placed.level,
        sortOrder: input.sortOrder ?? 0,
        now: ctx.now,
      });
      await appendAudit(tx, ctx, { action: 'unit.create', objectType: 'unit', objectId: unit.id, after: unit });
      return unit;
    };
    const unit = trx ? await run(trx) : await this.db.transaction().execute(run);
    this.unitIds.clear(); // (an import clears again after its commit)
    return unit;
  }

  /** Renames, recodes, reorders or moves a unit; a move carries its whole subtree. */
  async updateUnit(ctx: AuditContext, actor: Actor, id: number, patch: Partial<Pick<UnitInput, 'name' | 'code' | 'sortOrder' | 'parentId'>>): Promise<Unit> {
    const updated = await this.db.transaction().execute(async (trx) => {
      const before = await this.store.unitById(trx, id);
      if (!before) throw notFound(PLATFORM_ERRORS.UNIT_NOT_FOUND, id);
      this.assertWritable(actor, before.path);
      if (patch.code && patch.code !== before.code && (await this.store.unitByCode(trx, patch.code))) {
        throw conflict(PLATFORM_ERRORS.UNIT_CODE_TAKEN, `单位代码 ${patch.code} 已被使用 (unit code already in use).`, { code: patch.code });
      }
      let path = before.path;
      if (patch.parentId !== undefined && patch.parentId !== before.parentId) {
        if (patch.parentId === null) throw badRequest('不能把单位移为顶级 (a unit cannot be moved to the root).');
        const parent = await this.store.unitById(trx, patch.parentId);
        if (!parent) throw badRequest(`上级单位 ${patch.parentId} 不存在 (parent unit does not exist).`, { field: 'parentId' });
        if (parent.path.startsWith(before.path)) throw conflict(PLATFORM_ERRORS.UNIT_CYCLE, '不能把单位移到它自己的下级之下 (a unit cannot move under itself).');
        this.assertWritable(actor, parent.path);
        const placed = placeUnit(before.kind, before.kind === 'region' ? before.level : undefined, parent);
        if ('error' in placed) throw badRequest(placed.error, { field: 'parentId' });
        if (before.kind === 'department' && placed.level !== before.level) {
          throw badRequest('部门只能在同一层级的区划内移动 (a department moves only within regions of its level).');
        }
        path = `${parent.path}${before.id}/`;
        await this.store.movePaths(trx, before.path, path);
      }
      const unit = await this.store.updateUnit(trx, id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.code !== undefined ? { code: patch.code } : {}),
        ...(patch.sortOrder !== undefined ? { sortOrder: patch.sortOrder } : {}),
        ...(patch.parentId !== undefined ? { parentId: patch.parentId } : {}),
        updatedAt: ctx.now,
      });
      await appendAudit(trx, ctx, { action: 'unit.update', objectType: 'unit', objectId: id, before, after: unit });
      return { unit, moved: path !== before.path };
    });
    // Everyone under a moved unit now has another unit path, and so another scope.
    if (updated.moved) {
      this.auth.forgetSessions();
      this.unitIds.clear();
    }
    return updated.unit;
  }

  /** 撤销: deactivates a unit that has no active sub-units and no active people. */
  async deactivateUnit(ctx: AuditContext, actor: Actor, id: number): Promise<Unit> {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.store.unitById(trx, id);
      if (!before) throw notFound(PLATFORM_ERRORS.UNIT_NOT_FOUND, id);
      this.assertWritable(actor, before.path);
      const children = (await this.store.countActiveChildren(trx, id)).n;
      const people = (await this.store.countActivePeople(trx, id)).n;
      if (Number(children) > 0 || Number(people) > 0) {
        throw conflict(PLATFORM_ERRORS.UNIT_NOT_EMPTY, `单位下还有 ${children} 个在用下级单位和 ${people} 名在职人员，请先调整 (move or deactivate them first).`, { children, people });
      }
      const unit = await this.store.updateUnit(trx, id, { active: false, updatedAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'unit.deactivate', objectType: 'unit', objectId: id, before, after: unit });
      return unit;
    });
  }

  listPeople(actor: Actor, opts: { unitId?: number; under?: Unit; role?: string; q?: string; includeInactive: boolean; afterId?: number; limit: number }) {
    const vis = this.visibility(actor);
    return this.store.listPeople(this.db, {
      subtree: vis.subtree,
      includeInactive: opts.includeInactive,
      limit: opts.limit,
      ...(opts.unitId ? { unitId: opts.unitId } : {}),
      ...(opts.under ? { under: opts.under.path } : {}),
      ...(opts.role ? { role: opts.role } : {}),
      ...(opts.q ? { q: opts.q, qLogins: searchesLogins(actor) } : {}),
      ...(opts.afterId ? { afterId: opts.afterId } : {}),
    });
  }

  async getPerson(actor: Actor, id: number): Promise<PersonRow> {
    const person = await this.store.personById(this.db, id);
    if (!person) throw notFound(PLATFORM_ERRORS.PERSON_NOT_FOUND, id);
    if (person.id !== actor.personId && !this.canRead(actor, person.unitPath)) throw forbidden('此人不在您的可见范围内 (this person is outside what you may see).');
    return person;
  }

  /** Adds a person. Without a password the account cannot log in until an admin sets one. */
  async createPerson(ctx: AuditContext, actor: Actor | null, input: PersonInput, trx?: Executor, passwordHash?: string): Promise<number> {
    const unit = await this.store.unitById(trx ?? this.db, input.unitId);
    if (!unit) throw badRequest(`单位 ${input.unitId} 不存在 (unit does not exist).`, { field: 'unitId' });
    if (actor) this.assertWritable(actor, unit.path);
    if (input.password) await this.auth.checkNewPassword(unit.path, input.password, input.login);
    const hash = passwordHash ?? (input.password ? await hashPassword(input.password) : null);
    const run = async (tx: Executor) => {
      if (await this.store.personByLogin(tx, input.login)) throw conflict(PLATFORM_ERRORS.LOGIN_TAKEN, `登录名 ${input.login} 已被使用 (login already in use).`, { login: input.login });
      const { id } = await this.store.insertPerson(tx, {
        unitId: input.unitId,
        name: input.name,
        login: input.login,
        title: input.title ?? null,
        rank: input.rank,
        rankSince: input.rankSince ?? null,
        roles: input.roles,
        email: input.email ?? null,
        phone: input.phone ?? null,
        passwordHash: hash,
        passwordChangedAt: hash ? ctx.now : null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      const { password: _p, ...logged } = input;
      await appendAudit(tx, ctx, { action: 'person.create', objectType: 'person', objectId: id, after: { ...logged, ...(logged.phone ? { phone: maskPhone(logged.phone) } : {}), hasPassword: hash !== null } });
      return id;
    };
    return trx ? run(trx) : this.db.transaction().execute(run);
  }

  /** Changes a person's unit, roles, rank or details; deactivation also ends their sessions. */
  async updatePerson(
    ctx: AuditContext,
    actor: Actor,
    id: number,
    patch: Partial<Omit<PersonInput, 'password' | 'login'>> & { active?: boolean | undefined },
  ): Promise<PersonRow> {
    await this.db.transaction().execute(async (trx) => {
      const before = await this.store.personById(trx, id);
      if (!before) throw notFound(PLATFORM_ERRORS.PERSON_NOT_FOUND, id);
      this.assertWritable(actor, before.unitPath);
      if (patch.unitId !== undefined && patch.unitId !== before.unitId) {
        const unit = await this.store.unitById(trx, patch.unitId);
        if (!unit) throw badRequest(`单位 ${patch.unitId} 不存在 (unit does not exist).`, { field: 'unitId' });
        this.assertWritable(actor, unit.path);
      }
      if (id === actor.personId && (patch.active === false || (patch.roles && !patch.roles.includes('admin') && before.roles.includes('admin')))) {
        throw conflict(PLATFORM_ERRORS.SELF_LOCKOUT, '不能停用自己或撤销自己的管理员角色 (you cannot deactivate yourself or drop your own admin role).');
      }
      const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      await this.store.updatePerson(trx, id, { ...set, updatedAt: ctx.now });
      if (patch.active === false) await this.auth.revokeCredentials(trx, id, ctx.now);
      await appendAudit(trx, ctx, { action: 'person.update', objectType: 'person', objectId: id, before: publicPerson(before), after: patch.phone ? { ...patch, phone: maskPhone(patch.phone) } : patch });
    });
    this.auth.forgetSessions(id);
    return this.getPerson(actor, id);
  }

  /** A person's own mobile (通知设置), in the caller's transaction; the audit entry keeps it masked. */
  async setOwnPhone(trx: Executor, ctx: AuditContext, personId: number, phone: string | null): Promise<void> {
    const before = await trx.selectFrom('person').select('phone').where('id', '=', personId).executeTakeFirst();
    if (!before) throw notFound(PLATFORM_ERRORS.PERSON_NOT_FOUND, personId);
    if (before.phone === phone) return;
    await trx.updateTable('person').set({ phone, updatedAt: ctx.now }).where('id', '=', personId).execute();
    await appendAudit(trx, ctx, { action: 'person.phone', objectType: 'person', objectId: personId, before: { phone: maskPhone(before.phone) ?? null }, after: { phone: maskPhone(phone) ?? null } });
  }

  /** An admin sets a new password (重置密码); every session, API token and feed link of that person ends. */
  async resetPassword(ctx: AuditContext, actor: Actor, id: number, password: string): Promise<void> {
    const person = await this.store.personById(this.db, id);
    if (!person) throw notFound(PLATFORM_ERRORS.PERSON_NOT_FOUND, id);
    this.assertWritable(actor, person.unitPath);
    await this.auth.checkNewPassword(person.unitPath, password, person.login);
    const hash = await hashPassword(password);
    await this.db.transaction().execute(async (trx) => {
      await this.store.updatePerson(trx, id, { passwordHash: hash, passwordChangedAt: ctx.now, updatedAt: ctx.now });
      await this.auth.revokeCredentials(trx, id, ctx.now);
      await this.auth.clearLoginFailures(trx, person.login);
      await appendAudit(trx, ctx, { action: 'person.password_reset', objectType: 'person', objectId: id });
    });
    this.auth.forgetSessions(id);
  }

  // Reads the modules need, each through the caller's executor when it holds a transaction.

  /** A unit with its active heads (负责人): who is told of work assigned to it. */
  unitWithHeads(unitId: number, db: Executor = this.db) {
    return this.store.unitWithHeads(db, unitId);
  }

  /** Units by id, with path, name and whether active (missing ids are left out). */
  unitsByIds(ids: number[], db: Executor = this.db) {
    return this.store.unitsByIds(db, [...new Set(ids)]);
  }

  /** People by id, with name, roles, unit and whether active (missing ids are left out). */
  peopleByIds(ids: number[], db: Executor = this.db) {
    return this.store.peopleByIds(db, [...new Set(ids)]);
  }

  /** People by id with what their scope needs: roles, unit path and nearest region's path (for `scopeOf`). */
  async peopleWithScope(ids: number[], db: Executor = this.db) {
    const rows = await this.store.peopleWithScope(db, [...new Set(ids)]);
    return rows.map((r) => ({ ...r, roles: r.roles as Role[], regionPath: r.regionPath ?? r.unitPath }));
  }

  /** Active people holding `role` in exactly this unit (its heads: 'unit_head'). */
  unitPeopleWithRole(unitId: number, role: Role, db: Executor = this.db) {
    return this.store.unitPeopleWithRole(db, unitId, role);
  }

  /** Active supervisors (督查室) whose region contains the unit at `unitPath`. */
  supervisorsOver(unitPath: string, db: Executor = this.db) {
    return this.store.supervisorsOver(db, unitPath);
  }

  /** The person (id, name) when active and working in the unit at `path` or below it; else undefined. */
  personInSubtree(personId: number, path: string, db: Executor = this.db) {
    return this.store.personInSubtree(db, personId, path);
  }

  /** Active people and units with these names, for imports that name them. */
  async namedForImport(personNames: string[], unitNames: string[], db: Executor = this.db) {
    return { people: await this.store.activePeopleNamed(db, personNames), units: await this.store.activeUnitsNamed(db, unitNames) };
  }
}
