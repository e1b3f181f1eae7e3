import { createHash, randomBytes } from 'node:crypto';
import { appendAudit, type AuditContext } from '../audit/audit.ts';
import { TtlCache } from '../cache.ts';
import { shanghaiDate, type Clock } from '../clock.ts';
import type { Db, Executor } from '../db/index.ts';
import { AppError, badRequest, forbidden, locked, notFound, PLATFORM_ERRORS, unauthorized } from '../errors.ts';
import type { PolicyService } from '../policy/service.ts';
import { ROLES, type Actor, type Role } from './actor.ts';
import { dummyPasswordHash, hashPassword, passwordProblems, verifyPassword } from './password.ts';
import { AuthStore } from './store.ts';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newSecret = (prefix = '') => prefix + randomBytes(32).toString('base64url');
export const API_TOKEN_PREFIX = 'msk_';

/**
 * Sessions are touched at most this often, so reads do not turn into writes; with a short idle
 * timeout, at a tenth of it, so that the timeout is enforced within 10 % of what is configured.
 */
const TOUCH_EVERY_MS = 60_000;
const touchEveryMs = (idleTimeoutMs: number) => Math.min(TOUCH_EVERY_MS, idleTimeoutMs / 10);

/**
 * A session and its person are reused for this long (wall time) before being read again: a
 * browser sends its requests in bursts, and the read was one of two or three statements of every
 * page. Logout, password changes, deactivation and org changes made on this node forget at once;
 * made on another node, they are seen here within this time (SECURITY.md).
 */
export const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  actor: Actor;
}

export interface Authenticated {
  actor: Actor;
  /** For cookie sessions: the CSRF token writes must echo, and the session's key. */
  session?: { tokenHash: string; csrfToken: string };
}

const invalidCredentials = () => new AppError(PLATFORM_ERRORS.INVALID_CREDENTIALS, '登录名或密码错误 (wrong login or password).');

type ActorRow = { id: number; login: string; name: string; unitId: number; roles: string[]; active: boolean; unitPath: string; regionPath: string | null };
type SessionRow = ActorRow & { csrfToken: string; lastSeenAt: Date; expiresAt: Date };
type TokenRow = ActorRow & { tokenId: number; lastUsedAt: Date | null };

function toActor(row: ActorRow | undefined, via: Actor['via']): Actor | null {
  if (!row || !row.active) return null;
  return {
    personId: row.id,
    login: row.login,
    name: row.name,
    unitId: row.unitId,
    unitPath: row.unitPath,
    regionPath: row.regionPath ?? row.unitPath,
    roles: row.roles.filter((r): r is Role => (ROLES as string[]).includes(r)),
    via,
  };
}

export class AuthService {
  private readonly store = new AuthStore();
  /** Session rows by token hash (see SESSION_CACHE_MS). */
  private readonly sessions: TtlCache<string, SessionRow | undefined>;
  /** Live API tokens and their person by token hash, kept and forgotten exactly as sessions are. */
  private readonly tokens: TtlCache<string, TokenRow | undefined>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: PolicyService,
    sessionCacheMs = SESSION_CACHE_MS,
  ) {
    this.sessions = new TtlCache(sessionCacheMs, SESSION_CACHE_MAX);
    this.tokens = new TtlCache(sessionCacheMs, SESSION_CACHE_MAX);
  }

  /** What modules revoke with a person's credentials (the tasks module's ICS feed link). */
  private readonly credentialRevokers: Array<(trx: Executor, personId: number) => Promise<unknown>> = [];

  /**
   * Registers what else ends when a person's credentials do (a secret feed link): it runs inside
   * the password change's, reset's or deactivation's transaction.
   */
  onCredentialsRevoked(revoke: (trx: Executor, personId: number) => Promise<unknown>): void {
    this.credentialRevokers.push(revoke);
  }

  /**
   * Ends everything that lets a person in without their password: their sessions (but the one
   * that made the change), their API tokens and what modules registered (feed links). Runs in
   * the caller's transaction; call `forgetSessions` after it commits.
   */
  async revokeCredentials(trx: Executor, personId: number, now: Date, keepSessionHash?: string): Promise<void> {
    await this.store.deleteSessionsOf(trx, personId, keepSessionHash);
    await this.store.revokeApiTokensOf(trx, personId, now);
    for (const revoke of this.credentialRevokers) await revoke(trx, personId);
  }

  /** Loads the actor a person acts as; null if the person is gone or inactive. */
  async actorFor(personId: number, via: Actor['via']): Promise<Actor | null> {
    return toActor(await this.store.actorRow(this.db, personId), via);
  }
  /** The server's date in Asia/Shanghai: what "today" means for every deadline. */
  today(): string {
    return shanghaiDate(this.clock.now());
  }


  /**
   * 登录. Wrong passwords count towards a lock per login and client address (policy: 5 failures
   * lock 15 minutes): an outsider who locks a login locks it only from their own address, and an
   * unknown login is counted and answered exactly like a known one, so the answers do not tell
   * which logins exist. The count and the audit entry are written even though the request fails.
   */
  async login(login: string, password: string, clientIp: string | null): Promise<LoginResult> {
    const now = this.clock.now();
    const person = await this.store.personByLogin(this.db, login);
    const ctx: AuditContext = { actorId: person?.id ?? null, actorLogin: login, clientIp, now };
    const key = login.trim().toLowerCase();
    const address = clientIp ?? '';
    const unitPath = person ? ((await this.store.actorRow(this.db, person.id))?.unitPath ?? '/') : '/';
    const rules = (await this.policy.forUnitPath(unitPath)).auth;
    const throttle = await this.store.throttleOf(this.db, key, address);
    if (throttle?.lockedUntil && throttle.lockedUntil > now) {
      await this.db.transaction().execute((trx) => appendAudit(trx, ctx, { action: 'auth.login_failed', objectType: 'person', objectId: person?.id ?? null, after: { login, reason: 'locked' } }));
      throw lockedError(throttle.lockedUntil, now);
    }
    const usable = person?.active && person.passwordHash ? person.passwordHash : null;
    // An unknown login costs the same hashing time as a known one.
    const ok = await verifyPassword(password, usable ?? (await dummyPasswordHash()));
    if (!person || !usable || !ok) {
      const reason = !person ? 'unknown_login' : !person.active ? 'inactive' : !person.passwordHash ? 'no_password' : 'wrong_password';
      let lockedUntil: Date | null = null;
      await this.db.transaction().execute(async (trx) => {
        const { failures } = await this.store.recordLoginFailure(trx, key, address, now);
        if (failures >= rules.maxFailedLogins) {
          lockedUntil = new Date(now.getTime() + rules.lockoutMinutes * 60_000);
          await this.store.lockLogin(trx, key, address, lockedUntil);
        }
        await appendAudit(trx, ctx, { action: 'auth.login_failed', objectType: 'person', objectId: person?.id ?? null, after: { login, reason, failedLogins: failures, lockedUntil } });
      });
      if (lockedUntil) throw lockedError(lockedUntil, now);
      throw invalidCredentials();
    }
    const sessionToken = newSecret();
    const csrfToken = newSecret();
    await this.db.transaction().execute(async (trx) => {
      await this.store.clearLoginFailures(trx, key, address);
      await this.store.insertSession(trx, {
        tokenHash: sha256(sessionToken),
        personId: person.id,
        csrfToken,
        clientIp,
        now,
        expiresAt: new Date(now.getTime() + rules.sessionMaxHours * 3600_000),
      });
      await appendAudit(trx, ctx, { action: 'auth.login', objectType: 'person', objectId: person.id });
    });
    const actor = await this.actorFor(person.id, 'session');
    if (!actor) throw invalidCredentials();
    return { sessionToken, csrfToken, actor };
  }

  /** Resolves a session cookie; an idle or expired session is removed and refused. */
  async fromSession(sessionToken: string): Promise<Authenticated> {
    const now = this.clock.now();
    const tokenHash = sha256(sessionToken);
    const session = await this.sessions.get(tokenHash, () => this.store.sessionWithActor(this.db, tokenHash));
    if (!session) throw unauthorized('会话已失效，请重新登录 (session ended; log in again).');
    const actor = toActor(session, 'session');
    if (!actor) {
      await this.endSession(tokenHash);
      throw unauthorized('账号已停用 (account disabled).');
    }
    const rules = (await this.policy.forUnitPath(actor.unitPath)).auth;
    const idleSince = now.getTime() - session.lastSeenAt.getTime();
    const idleTimeoutMs = rules.idleTimeoutMinutes * 60_000;
    if (session.expiresAt <= now || idleSince > idleTimeoutMs) {
      await this.endSession(tokenHash);
      throw new AppError(PLATFORM_ERRORS.SESSION_EXPIRED, `会话超时，请重新登录 (session timed out after ${rules.idleTimeoutMinutes} idle minutes).`);
    }
    if (idleSince > touchEveryMs(idleTimeoutMs)) {
      await this.store.touchSession(this.db, tokenHash, now);
      session.lastSeenAt = now;
    }
    return { actor, session: { tokenHash, csrfToken: session.csrfToken } };
  }

  private async endSession(tokenHash: string) {
    this.sessions.delete(tokenHash);
    await this.store.deleteSession(this.db, tokenHash);
  }

  /**
   * Forgets cached sessions and API tokens: one person's (after their account, roles, unit or
   * password changed; but `keepTokenHash`, the session that changed the password) or everyone's
   * (after units moved). Called after the change commits.
   */
  forgetSessions(personId?: number, keepTokenHash?: string) {
    if (personId === undefined) {
      this.sessions.clear();
      this.tokens.clear();
      return;
    }
    this.sessions.deleteWhere((row, key) => row?.id === personId && key !== keepTokenHash);
    this.tokens.deleteWhere((row) => row?.id === personId);
  }

  /**
   * Resolves an `Authorization: Bearer msk_…` API token: one statement for the token and its
   * person, reused for SESSION_CACHE_MS as a session is (integrations are not second-class).
   */
  async fromApiToken(token: string): Promise<Authenticated> {
    const tokenHash = sha256(token);
    const row = await this.tokens.get(tokenHash, () => this.store.apiTokenWithActor(this.db, tokenHash));
    if (!row) throw new AppError(PLATFORM_ERRORS.INVALID_TOKEN, 'API 令牌无效或已吊销 (API token invalid or revoked).');
    const actor = toActor(row, 'token');
    if (!actor) throw new AppError(PLATFORM_ERRORS.INVALID_TOKEN, '令牌所属账号已停用 (the token owner is disabled).');
    const now = this.clock.now();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await this.store.touchApiToken(this.db, row.tokenId, now);
      row.lastUsedAt = now;
    }
    return { actor };
  }

  /** 退出登录. */
  async logout(ctx: AuditContext, tokenHash: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.store.deleteSession(trx, tokenHash);
      await appendAudit(trx, ctx, { action: 'auth.logout', objectType: 'person', objectId: ctx.actorId });
    });
    this.sessions.delete(tokenHash);
  }

  /** 修改密码: ends every other session of the person, revokes their API tokens and feed link. */
  async changePassword(ctx: AuditContext, actor: Actor, current: string, next: string, keepTokenHash?: string): Promise<void> {
    const person = await this.store.personByLogin(this.db, actor.login);
    if (!person) throw notFound(PLATFORM_ERRORS.PERSON_NOT_FOUND, actor.personId);
    if (!(await verifyPassword(current, person.passwordHash))) throw forbidden('当前密码不正确 (current password is wrong).');
    await this.checkNewPassword(actor.unitPath, next, actor.login);
    if (current === next) throw badRequest('新密码不能与当前密码相同 (the new password must differ from the current one).');
    const hash = await hashPassword(next);
    await this.db.transaction().execute(async (trx) => {
      await this.store.setPassword(trx, person.id, hash, ctx.now);
      await this.revokeCredentials(trx, person.id, ctx.now, keepTokenHash);
      await appendAudit(trx, ctx, { action: 'auth.password_change', objectType: 'person', objectId: person.id });
    });
    this.forgetSessions(person.id, keepTokenHash);
  }

  /** Refuses a password that breaks the policy, listing every rule it breaks. */
  async checkNewPassword(unitPath: string, password: string, login: string): Promise<void> {
    const rules = (await this.policy.forUnitPath(unitPath)).auth;
    const problems = passwordProblems(password, rules, login);
    if (problems.length) throw badRequest(`密码不符合要求 (password too weak): ${problems.join(' ')}`, { problems });
  }

  /** Issues an API token for integrations; the secret is shown once. */
  async createApiToken(ctx: AuditContext, personId: number, name: string) {
    const token = newSecret(API_TOKEN_PREFIX);
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await this.store.insertApiToken(trx, { personId, name, tokenHash: sha256(token), now: ctx.now });
      await appendAudit(trx, ctx, { action: 'auth.token_create', objectType: 'api_token', objectId: created.id, after: { personId, name } });
      return created;
    });
    return { ...row, token };
  }

  /** Any person's tokens (for an admin); 404 when there is no such person. */
  async apiTokensOfPerson(personId: number) {
    if (!(await this.store.actorRow(this.db, personId))) throw notFound(PLATFORM_ERRORS.PERSON_NOT_FOUND, personId);
    return this.store.apiTokensOf(this.db, personId);
  }

  listApiTokens(personId: number) {
    return this.store.apiTokensOf(this.db, personId);
  }

  async revokeApiToken(ctx: AuditContext, personId: number, id: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const done = await this.store.revokeApiToken(trx, id, personId, ctx.now);
      if (!done) throw notFound(PLATFORM_ERRORS.TOKEN_NOT_FOUND, id);
      await appendAudit(trx, ctx, { action: 'auth.token_revoke', objectType: 'api_token', objectId: id });
    });
    this.tokens.deleteWhere((row) => row?.tokenId === id);
  }

  /** Removes sessions past their absolute expiry and login failures older than a day (a scheduled chore). */
  async purgeExpiredSessions() {
    const now = this.clock.now();
    await this.store.deleteStaleThrottles(this.db, new Date(now.getTime() - 24 * 3600_000));
    return this.store.deleteExpiredSessions(this.db, now);
  }

  /** An admin's password reset also lifts every lock on the login. */
  clearLoginFailures(trx: Executor, login: string) {
    return this.store.clearLoginFailures(trx, login.trim().toLowerCase());
  }
}

function lockedError(until: Date, now: Date) {
  const minutes = Math.ceil((until.getTime() - now.getTime()) / 60_000);
  return locked(`登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试 (too many failed logins; locked for ${minutes} more minutes).`, {
    lockedUntil: until.toISOString(),
    retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000),
  });
}
