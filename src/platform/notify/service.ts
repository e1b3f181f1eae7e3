import type { BlockList } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { sql, type ExpressionBuilder } from 'kysely';
import { appendAudit, type AuditContext, type AuditRider } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import { PREPARE } from '../db/prepared.ts';
import type { Db, Executor } from '../db/index.ts';
import type { Database } from '../db/schema.ts';
import { badRequest, notFound, PLATFORM_ERRORS } from '../errors.ts';
import { postWebhook, type EmailChannel, type Message } from './channels.ts';
import { checkOutboundHost, OutboundRefused } from './outbound.ts';

/**
 * A notification to queue. `kind` is "<module>.<event>" (e.g. "tasks.assigned"); webhooks
 * subscribe by kind, so modules add kinds without touching the platform.
 */
export interface NewNotification {
  recipientId: number;
  kind: string;
  title: string;
  body: string;
  objectType?: string;
  objectId?: string | number;
  /** Goes at once on every channel, quiet hours or not (the caller's policy says which notices are urgent). */
  urgent?: boolean;
}

/** Entries written by one statement (see queue). */
const QUEUE_SLICE = 2000;

/**
 * Which active webhook `w` wants inbox entry `n`: all kinds (none listed), the kind itself, or a
 * listed prefix `tasks.*`. Shared by `queue` and `queueWith`, so both paths deliver alike.
 */
const WEBHOOK_WANTS = sql<boolean>`w.active and (cardinality(w.kinds) = 0 or n.kind = any(w.kinds)
  or exists (select 1 from unnest(w.kinds) k where right(k, 2) = '.*' and starts_with(n.kind, left(k, -1))))`;

/** One inbox entry per person, kind and object in a batch: the same event reaching someone by two paths (responsible person and unit head) arrives once. */
export function withoutDuplicates(items: NewNotification[]): NewNotification[] {
  const seen = new Map<string, NewNotification>();
  const out: NewNotification[] = [];
  for (const n of items) {
    if (n.objectId === undefined || n.objectType === undefined) {
      out.push(n);
      continue;
    }
    const key = `${n.recipientId}\u0000${n.kind}\u0000${n.objectType}\u0000${String(n.objectId)}`;
    const first = seen.get(key);
    if (first) {
      if (n.urgent) first.urgent = true;
      continue;
    }
    const copy = { ...n };
    seen.set(key, copy);
    out.push(copy);
  }
  return out;
}

export interface NotifyOptions {
  email: EmailChannel | null;
  /** Delay before retry n (1-based); after the last, the delivery is marked failed. */
  retryDelaysMs: number[];
  webhookTimeoutMs: number;
  /** Ranges outbound deliveries may reach although refused by default (MASHANG_OUTBOUND_ALLOW). */
  outboundAllow: BlockList;
  logger?: FastifyBaseLogger;
}

/**
 * Further channels (group robots, SMS), plugged in by a module: `route` decides, inside the
 * queueing transaction, which deliveries the new inbox entries get (and which recipients do
 * not want e-mail for a kind); `send` delivers one. The platform keeps the outbox: retries,
 * leases, recorded failures. No business rule lives here.
 */
export interface ChannelPlugin {
  /** `email`: whether mail is sent at all (a person's choice not to get mail matters only then). */
  route(trx: Executor, rows: QueuedNotification[], now: Date, opts: { email: boolean }): Promise<{ deliveries: RoutedDelivery[]; noEmail: number[] }>;
  /**
   * Whether `route` could route anything now (a robot, a gateway or mail); false lets the inbox
   * entries ride on the audit entry's statement (`NotifyService.queueWith`). Absent: always true.
   */
  routes?(trx: Executor, opts: { email: boolean }): Promise<boolean>;
  send(delivery: { id: number; channel: 'robot' | 'sms'; target: string }, message: Message, now: Date): Promise<void>;
}

export interface QueuedNotification {
  id: number;
  recipientId: number;
  kind: string;
  objectType: string | null;
  objectId: string | null;
  /** True when the notice must go at once (quiet hours do not hold it back): set by the caller. */
  urgent: boolean;
}

export interface RoutedDelivery {
  notificationId: number;
  channel: 'robot' | 'sms';
  /** What the plugin needs to find the receiver again (`robot:<id>`, `sms:<personId>`); never a secret or a mobile. */
  target: string;
  /** Later than now to hold it back (quiet hours). */
  nextAttemptAt: Date;
}

/** Thrown by a channel that may not send yet (a robot's rate limit): the delivery waits, its attempts unchanged. */
export class DeliveryDeferred extends Error {
  constructor(readonly until: Date) {
    super(`deferred until ${until.toISOString()}`);
  }
}

export const DEFAULT_RETRY_DELAYS_MS = [10_000, 60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000];
/** A claimed delivery is invisible to other nodes for this long (a crashed sender's lease runs out). */
const LEASE_MS = 5 * 60_000;

/**
 * Inbox and outbound channels. `queue` writes the inbox entries and their deliveries in the
 * caller's transaction (an outbox): nothing is sent for a write that rolled back, and a send that
 * fails never fails the request. `deliverDue` sends after commit, retrying with backoff.
 */
export class NotifyService {
  private running: Promise<number> | null = null;
  /** Deliveries were queued on this node since the last kick. */
  private queued = false;
  /** deliverDue was asked for while a run was under way. */
  private again = false;
  private channels: ChannelPlugin | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly opts: NotifyOptions,
  ) {}

  /**
   * Writes the inbox entries and their webhook deliveries in one statement (the webhooks are
   * matched in SQL, so no per-write read of the webhook table), then the email deliveries when
   * an email channel is set. Kinds match exactly, by `module.*`, or every kind when empty.
   */
  /** What a channel plugin needs to go out the same way: the outbound rules, the timeout and the log. */
  get outbound(): { allow: BlockList; timeoutMs: number; logger: FastifyBaseLogger | undefined } {
    return { allow: this.opts.outboundAllow, timeoutMs: this.opts.webhookTimeoutMs, logger: this.opts.logger };
  }

  /** Plugs in the robot and SMS channels (once, by the channels module). */
  useChannels(plugin: ChannelPlugin): void {
    this.channels = plugin;
  }

  async queue(trx: Executor, all: NewNotification[]): Promise<void> {
    if (all.length === 0) return;
    const items = withoutDuplicates(all);
    // One statement binds at most 65,535 parameters (seven an entry): a province-wide job (the
    // monthly field-day warnings of 13,000 leaders) queues in slices, in the same transaction.
    if (items.length > QUEUE_SLICE) {
      for (let i = 0; i < items.length; i += QUEUE_SLICE) await this.queue(trx, items.slice(i, i + QUEUE_SLICE));
      return;
    }
    const now = this.clock.now();
    const inserted = await trx
      .with('n', (db) =>
        db
          .insertInto('notification')
          .values(
            items.map((n) => ({
              recipientId: n.recipientId,
              kind: n.kind,
              title: n.title,
              body: n.body,
              objectType: n.objectType ?? null,
              objectId: n.objectId === undefined ? null : String(n.objectId),
              createdAt: now,
            })),
          )
          .returning(['id', 'recipientId', 'kind', 'objectType', 'objectId']),
      )
      .with('d', (db) =>
        db
          .insertInto('delivery')
          .columns(['notificationId', 'channel', 'target', 'webhookId', 'status', 'nextAttemptAt', 'createdAt'])
          .expression((eb) =>
            eb
              .selectFrom('n')
              .innerJoin('webhook as w', (j) =>
                j.on(WEBHOOK_WANTS),
              )
              .select((eb) => [
                'n.id',
                sql.lit('webhook').as('channel'),
                'w.url',
                'w.id as webhookId',
                sql.lit('pending').as('status'),
                eb.val(now).as('nextAttemptAt'),
                eb.val(now).as('createdAt'),
              ]),
          )
          .returning('id'),
      )
      .selectFrom('n')
      .select(['n.id', 'n.recipientId', 'n.kind', 'n.objectType', 'n.objectId', (eb) => eb.selectFrom('d').select((e) => e.fn.countAll<number>().as('c')).as('webhookDeliveries')])
      .modifyEnd(PREPARE)
      .execute();
    let queued = Number(inserted[0]?.webhookDeliveries ?? 0);
    let noEmail = new Set<number>();
    if (this.channels) {
      // The statement returns the entries in the order of the values (one multi-row insert).
      const rows = inserted.map((n, i) => ({ id: n.id, recipientId: n.recipientId, kind: n.kind, objectType: n.objectType, objectId: n.objectId, urgent: items[i]?.urgent ?? false }));
      const routed = await this.channels.route(trx, rows, now, { email: !!this.opts.email });
      noEmail = new Set(routed.noEmail);
      if (routed.deliveries.length) {
        await trx
          .insertInto('delivery')
          .values(routed.deliveries.map((d) => ({ notificationId: d.notificationId, channel: d.channel, target: d.target, webhookId: null, status: 'pending' as const, nextAttemptAt: d.nextAttemptAt, createdAt: now })))
          .execute();
        queued += routed.deliveries.length;
      }
    }
    if (this.opts.email) {
      const emails = new Map(
        (await trx.selectFrom('person').select(['id', 'email']).where('id', 'in', [...new Set(items.map((i) => i.recipientId))]).where('email', 'is not', null).execute()).map(
          (p) => [p.id, p.email!],
        ),
      );
      const deliveries = inserted
        .filter((n) => emails.has(n.recipientId) && !noEmail.has(n.id))
        .map((n) => ({ notificationId: n.id, channel: 'email' as const, target: emails.get(n.recipientId)!, webhookId: null, status: 'pending' as const, nextAttemptAt: now, createdAt: now }));
      if (deliveries.length) await trx.insertInto('delivery').values(deliveries).execute();
      queued += deliveries.length;
    }
    if (queued) this.queued = true;
  }

  /**
   * Queues `all` as an `AuditRider` of the caller's audit entry when it can (issue #21): the inbox
   * entries and their webhook deliveries are then CTEs of the statement that appends the entry
   * (the last of the transaction), not a statement of their own. Pass what it returns to
   * `appendAuditWith` in the same transaction, which must append exactly one entry for the
   * riders to share its statement (otherwise they run by themselves before the entries), and
   * must not be skipped: nothing is written until then. When the channels may route these
   * entries (a robot, an SMS gateway, mail), which needs their ids, or when there are more than
   * one statement holds, they are queued at once (as `queue`) and nothing is returned.
   */
  async queueWith(trx: Executor, all: NewNotification[]): Promise<AuditRider[]> {
    if (all.length === 0) return [];
    const items = withoutDuplicates(all);
    const email = !!this.opts.email;
    if (items.length > QUEUE_SLICE || email || (this.channels && (this.channels.routes ? await this.channels.routes(trx, { email }) : true))) {
      await this.queue(trx, items);
      return [];
    }
    const now = this.clock.now();
    const rows = JSON.stringify(
      items.map((n) => ({ r: n.recipientId, k: n.kind, t: n.title, b: n.body, ot: n.objectType ?? null, oi: n.objectId === undefined ? null : String(n.objectId) })),
    );
    return [
      {
        // The entries from one JSON parameter: one statement text whatever their number (prepared once).
        ctes: (tag) => {
          const n = sql.raw(`${tag}n`);
          return sql`${n} as (
              insert into notification (recipient_id, kind, title, body, object_type, object_id, created_at)
              select x.r, x.k, x.t, x.b, x.ot, x.oi, ${now}::timestamptz
              from jsonb_to_recordset(${rows}::jsonb) as x(r integer, k text, t text, b text, ot text, oi text)
              returning id, kind),
            ${sql.raw(`${tag}d`)} as (
              insert into delivery (notification_id, channel, target, webhook_id, status, next_attempt_at, created_at)
              select n.id, 'webhook', w.url, w.id, 'pending', ${now}::timestamptz, ${now}::timestamptz
              from ${n} n join webhook w on ${WEBHOOK_WANTS}
              returning id)`;
        },
        result: (tag) => sql`(select count(*)::integer from ${sql.raw(`${tag}d`)})`,
        done: (deliveries) => {
          if (Number(deliveries) > 0) this.queued = true;
        },
      },
    ];
  }

  /**
   * Starts delivery in the background when this node queued something since the last kick (the
   * `deliveries` job sends the rest, retries included); safe to call after every commit.
   */
  kick(): void {
    if (!this.queued) return;
    this.queued = false;
    void this.deliverDue().catch((err) => this.opts.logger?.error({ err }, 'notification delivery failed'));
  }

  /** Resolves when no delivery run is under way (before the database closes). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => 0);
  }

  /** Sends what is due, in batches; returns how many deliveries were attempted. One run at a time per node. */
  deliverDue(batch = 50): Promise<number> {
    if (this.running) {
      // A run is under way and may have claimed its last batch already: go again after it.
      this.again = true;
      return this.running;
    }
    this.running = this.runDeliveries(batch).finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.deliverDue(batch).catch((err) => this.opts.logger?.error({ err }, 'notification delivery failed'));
      }
    });
    return this.running;
  }

  private async runDeliveries(batch: number): Promise<number> {
    let attempted = 0;
    for (;;) {
      const now = this.clock.now();
      // Claim a batch by pushing its next attempt past a lease: other nodes skip it meanwhile.
      const claimed = await this.db
        .updateTable('delivery')
        .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('delivery')
            .select('id')
            .where('status', '=', 'pending')
            .where('nextAttemptAt', '<=', now)
            .orderBy('nextAttemptAt')
            .limit(batch)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute();
      if (claimed.length === 0) return attempted;
      for (const d of claimed) {
        attempted += 1;
        await this.attempt(d);
      }
    }
  }

  private async attempt(d: { id: number; notificationId: number; channel: 'email' | 'webhook' | 'robot' | 'sms'; target: string; webhookId: number | null; attempts: number }) {
    try {
      const message = await this.message(d.notificationId);
      if (d.channel === 'robot' || d.channel === 'sms') {
        if (!this.channels) throw new Error('no channel plugin for robots and SMS');
        await this.channels.send({ id: d.id, channel: d.channel, target: d.target }, message, this.clock.now());
      } else if (d.channel === 'email') {
        if (!this.opts.email) throw new Error('no SMTP server is configured (MASHANG_SMTP_URL)');
        await this.opts.email.send(d.target, message);
      } else {
        const hook = d.webhookId ? await this.db.selectFrom('webhook').select(['secret', 'active']).where('id', '=', d.webhookId).executeTakeFirst() : undefined;
        if (!hook?.active) throw new Error('webhook removed or disabled');
        await postWebhook(d.target, hook.secret, d.id, message, this.opts.webhookTimeoutMs, this.opts.outboundAllow, this.clock.now());
      }
      await this.db.updateTable('delivery').set({ status: 'sent', attempts: d.attempts + 1, sentAt: this.clock.now(), lastError: null }).where('id', '=', d.id).execute();
    } catch (err) {
      if (err instanceof DeliveryDeferred) {
        // Not an attempt: the channel asked to wait (a robot's 20 messages a minute).
        await this.db.updateTable('delivery').set({ nextAttemptAt: err.until }).where('id', '=', d.id).execute();
        return;
      }
      const attempts = d.attempts + 1;
      const delay = this.opts.retryDelaysMs[attempts - 1];
      const detail = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      this.opts.logger?.warn({ deliveryId: d.id, channel: d.channel, attempts, detail }, 'delivery attempt failed');
      // What the API shows: a webhook's failure without the connection's detail (refused, timed
      // out, answered 404 would map the network behind it); the detail goes to the server's log.
      const lastError = d.channel !== 'email' ? '投递未被接收方确认 (the receiver did not accept the delivery; see the server log)' : detail;
      await this.db
        .updateTable('delivery')
        .set({
          attempts,
          lastError,
          status: delay === undefined ? 'failed' : 'pending',
          nextAttemptAt: new Date(this.clock.now().getTime() + (delay ?? 0)),
        })
        .where('id', '=', d.id)
        .execute();
    }
  }

  private async message(notificationId: number): Promise<Message> {
    const n = await this.db
      .selectFrom('notification as n')
      .innerJoin('person as p', 'p.id', 'n.recipientId')
      .select(['n.id', 'n.kind', 'n.title', 'n.body', 'n.objectType', 'n.objectId', 'n.createdAt', 'p.id as pid', 'p.login', 'p.name'])
      .where('n.id', '=', notificationId)
      .executeTakeFirstOrThrow();
    return {
      notificationId: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      objectType: n.objectType,
      objectId: n.objectId,
      recipient: { id: n.pid, login: n.login, name: n.name },
      createdAt: n.createdAt.toISOString(),
    };
  }

  inbox(personId: number, opts: { unreadOnly: boolean; kinds?: string[]; exceptKinds?: string[]; beforeId?: number; limit: number }) {
    let q = this.db.selectFrom('notification').selectAll().where('recipientId', '=', personId);
    if (opts.unreadOnly) q = q.where('readAt', 'is', null);
    // Kinds are checked (module.kind or module.*) before they get here: a wildcard is a prefix
    // match, by starts_with as the webhooks' kinds are matched (a LIKE would read `_` as a wildcard).
    const kindIs = (k: string) => (eb: ExpressionBuilder<Database, 'notification'>) => (k.endsWith('.*') ? eb(sql<boolean>`starts_with(kind, ${k.slice(0, -1)})`, '=', true) : eb('kind', '=', k));
    if (opts.kinds?.length) q = q.where((eb) => eb.or(opts.kinds!.map((k) => kindIs(k)(eb))));
    if (opts.exceptKinds?.length) q = q.where((eb) => eb.not(eb.or(opts.exceptKinds!.map((k) => kindIs(k)(eb)))));
    if (opts.beforeId) q = q.where('id', '<', opts.beforeId);
    return q.orderBy('id', 'desc').limit(opts.limit).execute();
  }

  /** The person's notifications counted by kind (all and unread), for an inbox grouped by kind. */
  async inboxKinds(personId: number): Promise<{ kind: string; total: number; unread: number }[]> {
    const rows = await this.db
      .selectFrom('notification')
      .select((eb) => ['kind', eb.fn.countAll<number>().as('total'), eb.fn.count<number>('id').filterWhere('readAt', 'is', null).as('unread')])
      .where('recipientId', '=', personId)
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    return rows.map((r) => ({ kind: r.kind, total: Number(r.total), unread: Number(r.unread) }));
  }

  async unreadCount(personId: number): Promise<number> {
    const r = await this.db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('recipientId', '=', personId).where('readAt', 'is', null).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Marks one of the person's notifications read (or all, with id null). Returns how many changed. */
  async markRead(ctx: AuditContext, personId: number, id: number | null): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      let q = trx.updateTable('notification').set({ readAt: ctx.now }).where('recipientId', '=', personId).where('readAt', 'is', null);
      if (id !== null) {
        const exists = await trx.selectFrom('notification').select('id').where('id', '=', id).where('recipientId', '=', personId).executeTakeFirst();
        if (!exists) throw notFound(PLATFORM_ERRORS.NOTIFICATION_NOT_FOUND, id);
        q = q.where('id', '=', id);
      }
      const res = await q.executeTakeFirst();
      const changed = Number(res.numUpdatedRows);
      if (changed > 0) await appendAudit(trx, ctx, { action: 'notification.read', objectType: 'notification', objectId: id ?? 'all', after: { count: changed } });
      return changed;
    });
  }

  listWebhooks() {
    return this.db.selectFrom('webhook').select(['id', 'name', 'url', 'kinds', 'active', 'createdAt']).orderBy('id').execute();
  }

  /** Registers a webhook; an address outbound deliveries may not reach (after DNS resolution) is a 400. */
  async createWebhook(ctx: AuditContext, w: { name: string; url: string; secret: string; kinds: string[] }) {
    try {
      await checkOutboundHost(new URL(w.url).hostname, this.opts.outboundAllow);
    } catch (err) {
      if (!(err instanceof OutboundRefused)) throw err;
      throw badRequest('不能向本机、内网或云元数据地址推送 (the webhook URL must reach a public address, or one the deployment allows in MASHANG_OUTBOUND_ALLOW).', { field: 'url' });
    }
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('webhook')
        .values({ ...w, createdAt: ctx.now })
        .returning(['id', 'name', 'url', 'kinds', 'active', 'createdAt'])
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, { action: 'webhook.create', objectType: 'webhook', objectId: row.id, after: { name: w.name, url: w.url, kinds: w.kinds } });
      return row;
    });
  }

  async disableWebhook(ctx: AuditContext, id: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.updateTable('webhook').set({ active: false }).where('id', '=', id).returning('id').executeTakeFirst();
      if (!row) throw notFound(PLATFORM_ERRORS.WEBHOOK_NOT_FOUND, id);
      await appendAudit(trx, ctx, { action: 'webhook.disable', objectType: 'webhook', objectId: id });
    });
  }

  /** Deliveries, newest first; `beforeId` continues a page. */
  listDeliveries(opts: { status?: 'pending' | 'sent' | 'failed'; beforeId?: number; limit: number }) {
    let q = this.db.selectFrom('delivery').selectAll();
    if (opts.status) q = q.where('status', '=', opts.status);
    if (opts.beforeId) q = q.where('id', '<', opts.beforeId);
    return q.orderBy('id', 'desc').limit(opts.limit).execute();
  }
}

