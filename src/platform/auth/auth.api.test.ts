import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../../test/helpers/context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const login = (login: string, password: string) => ctx.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });

describe('login', () => {
  it('sets an httpOnly SameSite=Lax session cookie and returns the user and a CSRF token', async () => {
    const p = await ctx.newPerson({ roles: ['staff'] });
    const res = await login(p.login, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'mashang_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json()).toMatchObject({ user: { id: p.id, login: p.login, roles: ['staff'] }, csrfToken: expect.any(String) });
    const me = await ctx.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `mashang_sid=${cookie!.value}` } });
    expect(me.json().user.login).toBe(p.login);
  });

  it('refuses a wrong password and an unknown login alike with 401', async () => {
    const p = await ctx.newPerson();
    const wrong = await login(p.login, 'nope-nope-1A');
    const unknown = await login('nobody-here', 'nope-nope-1A');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error).toEqual(wrong.json().error);
  });

  it('locks the account after 5 failures for 15 minutes, even for the right password, then lets it in', async () => {
    const p = await ctx.newPerson();
    for (let i = 1; i <= 4; i++) expect((await login(p.login, `wrong-Pass-${i}`)).statusCode).toBe(401);
    const fifth = await login(p.login, 'wrong-Pass-5');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.json().error.details.retryAfterSeconds).toBe(900);
    const right = await login(p.login, TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    ctx.clock.advance(14 * 60_000);
    expect((await login(p.login, TEST_PASSWORD)).statusCode).toBe(429);
    ctx.clock.advance(61_000);
    expect((await login(p.login, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers an unknown login exactly like a known one, locking included', async () => {
    const p = await ctx.newPerson();
    const known: Array<[number, unknown]> = [];
    const unknown: Array<[number, unknown]> = [];
    for (let i = 1; i <= 6; i++) {
      const a = await login(p.login, `wrong-Pass-${i}`);
      const b = await login(`nobody-${p.login}`, `wrong-Pass-${i}`);
      known.push([a.statusCode, a.json().error.code]);
      unknown.push([b.statusCode, b.json().error.code]);
    }
    expect(unknown).toEqual(known);
    expect(known.map(([s]) => s)).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('a lock from one address does not lock the person out from another', async () => {
    const p = await ctx.newPerson();
    const from = (remoteAddress: string, password: string) => ctx.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { login: p.login, password } });
    for (let i = 1; i <= 5; i++) await from('10.66.0.1', `wrong-Pass-${i}`);
    expect((await from('10.66.0.1', TEST_PASSWORD)).statusCode).toBe(429);
    expect((await from('10.66.0.2', TEST_PASSWORD)).statusCode).toBe(200);
    // The case of the login does not open a new count.
    expect((await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.66.0.1', payload: { login: p.login.toUpperCase(), password: TEST_PASSWORD } })).statusCode).toBe(429);
  });

  it('an admin reset lifts the lock', async () => {
    const p = await ctx.newPerson();
    for (let i = 1; i <= 5; i++) await login(p.login, `wrong-Pass-${i}`);
    expect((await login(p.login, TEST_PASSWORD)).statusCode).toBe(429);
    const admin = await ctx.as(['admin']);
    expect((await admin.put(`/api/v1/people/${p.id}/password`, { password: 'Reset-Passw0rd!' })).statusCode).toBe(204);
    expect((await login(p.login, 'Reset-Passw0rd!')).statusCode).toBe(200);
  });

  it('resets the failure count after a successful login', async () => {
    const p = await ctx.newPerson();
    for (let i = 0; i < 4; i++) await login(p.login, 'wrong-Pass-1');
    expect((await login(p.login, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(p.login, 'wrong-Pass-1')).statusCode).toBe(401);
  });

  it('audits every success and failure with the client address', async () => {
    const p = await ctx.newPerson();
    await login(p.login, 'wrong-Pass-1');
    await login(p.login, TEST_PASSWORD);
    const rows = await ctx.handle.db.selectFrom('auditLog').selectAll().where('objectType', '=', 'person').where('objectId', '=', String(p.id)).orderBy('seq').execute();
    expect(rows.map((r) => r.action)).toEqual(['person.create', 'auth.login_failed', 'auth.login']);
    expect(rows[1]!.clientIp).toBe('127.0.0.1');
    expect(rows[1]!.after).toMatchObject({ reason: 'wrong_password', failedLogins: 1 });
  });

  it('refuses an inactive person', async () => {
    const p = await ctx.newPerson();
    await ctx.handle.db.updateTable('person').set({ active: false }).where('id', '=', p.id).execute();
    expect((await login(p.login, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('validates the body with 400 and field paths', async () => {
    const res = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.login', 'body.password']));
  });
});

describe('sessions and CSRF', () => {
  it('needs a login for API routes (401)', async () => {
    const res = await ctx.inject({ method: 'GET', url: '/api/v1/units' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a cookie write without the x-csrf-token header, and with a wrong one', async () => {
    const client = await ctx.as(['staff']);
    const noHeader = await ctx.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: { cookie: client.cookie } });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('CSRF_REJECTED');
    const wrong = await ctx.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: { cookie: client.cookie, 'x-csrf-token': 'x' } });
    expect(wrong.statusCode).toBe(403);
    expect((await client.post('/api/v1/notifications/read-all')).statusCode).toBe(200);
  });

  it('allows reads without the CSRF header', async () => {
    const client = await ctx.as(['staff']);
    expect((await ctx.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: client.cookie } })).statusCode).toBe(200);
  });

  it('ends a session after the idle timeout (30 minutes)', async () => {
    const client = await ctx.as(['staff']);
    ctx.clock.advance(29 * 60_000);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    ctx.clock.advance(29 * 60_000); // active 29 minutes ago: still alive
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    ctx.clock.advance(31 * 60_000);
    const res = await client.get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('holds a short idle timeout to within a tenth of it: active every 40 s stays in, 61 s idle ends it', async () => {
    const county = await ctx.newUnit({ kind: 'region', level: 'county' });
    const admin = await ctx.as(['admin']);
    expect((await admin.put(`/api/v1/policy/overrides/${county.id}`, { auth: { idleTimeoutMinutes: 1 } })).statusCode).toBe(200);
    const client = await ctx.login(await ctx.newPerson({ unit: county }));
    for (let i = 0; i < 3; i++) {
      ctx.clock.advance(40_000);
      expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    }
    ctx.clock.advance(61_000);
    expect((await client.get('/api/v1/auth/me')).json().error.code).toBe('SESSION_EXPIRED');
  });

  it('sends no-store on API answers, the CSRF-carrying /auth/me among them', async () => {
    const client = await ctx.as(['staff']);
    expect((await client.get('/api/v1/auth/me')).headers['cache-control']).toBe('no-store');
    expect((await client.get('/api/v1/units')).headers['cache-control']).toBe('no-store');
    expect((await client.get('/api/v1/nothing-here')).headers['cache-control']).toBe('no-store');
  });

  it('logout ends the session', async () => {
    const client = await ctx.as(['staff']);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('stale credentials (cookie or token) do not block logging in again', async () => {
    const p = await ctx.newPerson();
    const res = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { cookie: 'mashang_sid=stale' }, payload: { login: p.login, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const bearer = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { authorization: 'Bearer msk_revoked' }, payload: { login: p.login, password: TEST_PASSWORD } });
    expect(bearer.statusCode).toBe(200);
  });
});

/** Date.now() (the caches' wall clock) held still from now on, moved only by `advance`. */
function frozenWallClock() {
  let now = Date.now();
  vi.spyOn(Date, 'now').mockImplementation(() => now);
  return { advance: (ms: number) => void (now += ms) };
}

describe('session cache', () => {
  it('reuses a session read briefly: a session ended on another node is refused once that time passes', async () => {
    const short = await createTestContext({ sessionCacheMs: 300 });
    try {
      const client = await short.as(['staff']);
      // The cache's wall clock stands still until the test moves it: a slow machine cannot age the entry early.
      const wall = frozenWallClock();
      expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
      // Another node (or an operator) ends the session: this node does not hear of it.
      await short.handle.db.deleteFrom('session').where('personId', '=', client.person.id).execute();
      expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
      wall.advance(350);
      expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    } finally {
      vi.restoreAllMocks();
      await short.close();
    }
  });

  it('reuses an API token read briefly too: one revoked on another node is refused once that time passes', async () => {
    const short = await createTestContext({ sessionCacheMs: 300 });
    try {
      const client = await short.as(['staff']);
      const { token } = (await client.post('/api/v1/auth/tokens', { name: '对接' })).json();
      const me = () => short.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
      const wall = frozenWallClock();
      expect((await me()).statusCode).toBe(200);
      await short.handle.db.updateTable('apiToken').set({ revokedAt: new Date() }).where('personId', '=', client.person.id).execute();
      expect((await me()).statusCode).toBe(200);
      wall.advance(350);
      expect((await me()).statusCode).toBe(401);
    } finally {
      vi.restoreAllMocks();
      await short.close();
    }
  });

  it('moves a unit: a cached token acts with the unit path it has now', async () => {
    const admin = await ctx.as(['admin']);
    const from = await ctx.newUnit({ name: '原单位' });
    const to = await ctx.newUnit({ name: '新单位' });
    const person = await ctx.newPerson({ unit: from });
    const client = await ctx.login(person);
    const { token } = (await client.post('/api/v1/auth/tokens', { name: '对接' })).json();
    const me = async () => (await ctx.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } })).json().user;
    expect((await me()).unitId).toBe(from.id);
    expect((await admin.patch(`/api/v1/people/${person.id}`, { unitId: to.id })).statusCode).toBe(200);
    expect((await me()).unitId).toBe(to.id);
  });

  it('still ends an idle session from the cache by the clock', async () => {
    const client = await ctx.as(['staff']);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    ctx.clock.advance(31 * 60_000);
    expect((await client.get('/api/v1/auth/me')).json().error.code).toBe('SESSION_EXPIRED');
  });
});

describe('password change', () => {
  it('checks the current password and the policy, and ends the other sessions', async () => {
    const p = await ctx.newPerson();
    const a = await ctx.login(p);
    const b = await ctx.login(p);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(200); // cached, and must still end
    expect((await a.post('/api/v1/auth/password', { currentPassword: 'wrong-Pass-1', newPassword: 'New-Passw0rd!' })).statusCode).toBe(403);
    const weak = await a.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.problems.length).toBeGreaterThan(0);
    expect((await a.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'New-Passw0rd!' })).statusCode).toBe(204);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login(p.login, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(p.login, 'New-Passw0rd!')).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('authenticate with Bearer, need no CSRF, and stop working when revoked', async () => {
    const client = await ctx.as(['staff']);
    const created = await client.post('/api/v1/auth/tokens', { name: '12345 热线对接' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^msk_/);
    const headers = { authorization: `Bearer ${token}` };
    expect((await ctx.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).json().user.login).toBe(client.person.login);
    expect((await ctx.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers })).statusCode).toBe(200);
    const list = await client.get('/api/v1/auth/tokens');
    expect(list.json().items).toHaveLength(1);
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect((await client.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(204);
    const after = await ctx.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('INVALID_TOKEN');
  });

  it('refuses to issue a token to a request made with a token (403), so revoking a leaked one cuts it off', async () => {
    const client = await ctx.as(['staff']);
    const { token } = (await client.post('/api/v1/auth/tokens', { name: '对接' })).json();
    const minted = await ctx.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' }, payload: { name: '再签一个' } });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('不能用 API 令牌签发') });
    expect((await client.get('/api/v1/auth/tokens')).json().items.map((t: { name: string }) => t.name)).toEqual(['对接']);
  });

  it('refuses a malformed Authorization header and an unknown token with 401', async () => {
    expect((await ctx.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
    expect((await ctx.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer msk_unknown' } })).statusCode).toBe(401);
  });

  it('end with a password change, an admin reset and a deactivation, and take the ICS feed link with them', async () => {
    const admin = await ctx.as(['admin']);
    const p = await ctx.newPerson();
    const client = await ctx.login(p);
    const bearer = async () => {
      const { token } = (await client.post('/api/v1/auth/tokens', { name: '对接' })).json();
      return { authorization: `Bearer ${token}` };
    };
    const me = (headers: Record<string, string>) => ctx.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    const feed = async () => (await client.post('/api/v1/tasks/feed-token')).json().url as string;
    const feedStatus = async (url: string) => (await ctx.inject({ method: 'GET', url })).statusCode;

    // Changing the password through the token itself ends that token too.
    let token = await bearer();
    let url = await feed();
    expect(await feedStatus(url)).toBe(200);
    const changed = await ctx.inject({ method: 'POST', url: '/api/v1/auth/password', headers: token, payload: { currentPassword: TEST_PASSWORD, newPassword: 'New-Passw0rd!' } });
    expect(changed.statusCode).toBe(204);
    expect((await me(token)).statusCode).toBe(401);
    expect(await feedStatus(url)).toBe(404);

    // An admin reset.
    const again = await ctx.login(p, 'New-Passw0rd!');
    token = { authorization: `Bearer ${(await again.post('/api/v1/auth/tokens', { name: '对接' })).json().token}` };
    url = (await again.post('/api/v1/tasks/feed-token')).json().url;
    expect((await me(token)).statusCode).toBe(200); // cached now, and must still end
    expect((await admin.put(`/api/v1/people/${p.id}/password`, { password: 'Reset-Passw0rd!' })).statusCode).toBe(204);
    expect((await me(token)).statusCode).toBe(401);
    expect(await feedStatus(url)).toBe(404);
    const listed = (await admin.get(`/api/v1/people/${p.id}/tokens`)).json().items as Array<{ revokedAt: string | null }>;
    expect(listed.length).toBe(2);
    expect(listed.every((t) => t.revokedAt)).toBe(true);

    // A deactivation ends everything at once.
    const third = await ctx.login(p, 'Reset-Passw0rd!');
    token = { authorization: `Bearer ${(await third.post('/api/v1/auth/tokens', { name: '对接' })).json().token}` };
    url = (await third.post('/api/v1/tasks/feed-token')).json().url;
    expect((await me(token)).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/people/${p.id}`, { active: false })).statusCode).toBe(200);
    expect((await me(token)).statusCode).toBe(401);
    expect((await third.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await feedStatus(url)).toBe(404);
  });

  it('an admin lists and revokes anyone’s tokens; nobody else may', async () => {
    const admin = await ctx.as(['admin']);
    const owner = await ctx.as(['staff']);
    const { id, token } = (await owner.post('/api/v1/auth/tokens', { name: '泄露的令牌' })).json();
    const items = (await admin.get(`/api/v1/people/${owner.person.id}/tokens`)).json().items;
    expect(items).toMatchObject([{ id, name: '泄露的令牌', revokedAt: null }]);
    expect(JSON.stringify(items)).not.toContain(token);
    expect((await ctx.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    expect((await owner.get(`/api/v1/people/${owner.person.id}/tokens`)).statusCode).toBe(403);
    expect((await owner.delete(`/api/v1/people/${owner.person.id}/tokens/${id}`)).statusCode).toBe(403);
    expect((await admin.delete(`/api/v1/people/${owner.person.id}/tokens/${id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/people/${owner.person.id}/tokens/${id}`)).statusCode).toBe(404);
    expect((await ctx.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    expect((await admin.get('/api/v1/people/99999999/tokens')).statusCode).toBe(404);
  });

  it('cannot revoke somebody else’s token (404)', async () => {
    const a = await ctx.as(['staff']);
    const b = await ctx.as(['staff']);
    const { id } = (await a.post('/api/v1/auth/tokens', { name: 'mine' })).json();
    expect((await b.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(404);
  });
});
