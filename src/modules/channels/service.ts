import { appendAudit, type AuditContext } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { TtlCache } from '../../platform/cache.ts';
import type { CalendarService } from '../../platform/calendar/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { Message } from '../../platform/notify/channels.ts';
import { checkOutboundHost, OutboundRefused } from '../../platform/notify/outbound.ts';
import {
  ChannelRefused,
  httpSmsChannel,
  logSmsChannel,
  normalizeMobile,
  ROBOT_MESSAGES_PER_MINUTE,
  sendRobot,
  type RobotProvider,
  type SmsChannel,
} from '../../platform/notify/robots.ts';
import { DeliveryDeferred, type ChannelPlugin, type NotifyService, type QueuedNotification, type RoutedDelivery } from '../../platform/notify/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PolicyService } from '../../platform/policy/service.ts';
import { CHANNEL_ERRORS } from './errors.ts';
import { canManageRobotsAt, robotSight } from './policy.ts';
import { channelsFor, CHOOSABLE_KINDS, linkOf, lockedChannels, maskedMobile, PERSONAL_CHANNELS, quietUntil, robotCarries, smsText, type Choices } from './rules.ts';
import type { ChannelRobot } from './schema.ts';
import type { ChannelStore } from './store.ts';

export interface RobotInput {
  unitId: number;
  name: string;
  provider: RobotProvider;
  url: string;
  secret: string | null;
  kinds: string[];
  urgentOnly: boolean;
  mention: boolean;
}

export interface GatewayInput {
  kind: 'http' | 'log';
  url: string | null;
  method: 'POST' | 'PUT' | 'GET';
  headers: Record<string, string>;
  bodyTemplate: string;
  /** undefined keeps the stored secret; null removes it. */
  secret?: string | null | undefined;
}

export interface SettingsInput {
  choices: Record<string, string[]>;
  quietStart: string | null;
  quietEnd: string | null;
  digest: boolean;
  /** undefined leaves the mobile as it is; null removes it. */
  mobile?: string | null | undefined;
}

/** How long routing reuses what it read of the robots and the gateway (see ChannelService.routing). */
export const ROUTING_CACHE_MS = 5_000;

type RobotRow = Omit<ChannelRobot, 'createdBy'> & { unitPath: string; unitName: string };

/** What the API shows of a robot: never its secret, and its address without the token or key. */
export function robotView(r: RobotRow) {
  return {
    id: r.id,
    unitId: r.unitId,
    unitName: r.unitName,
    name: r.name,
    provider: r.provider,
    url: maskedUrl(r.url),
    hasSecret: r.secret !== null,
    kinds: r.kinds,
    urgentOnly: r.urgentOnly,
    mention: r.mention,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * A robot address with its credential hidden: the query values (DingTalk's access_token, WeCom's
 * key) and the path's last segment (Feishu's hook token, `/open-apis/bot/v2/hook/<token>`).
 */
export function maskedUrl(url: string): string {
  const u = new URL(url);
  for (const k of [...u.searchParams.keys()]) u.searchParams.set(k, '***');
  const segments = u.pathname.split('/');
  const last = segments.length - 1;
  if (segments[last] && segments[last].length >= 20) segments[last] = '***';
  u.pathname = segments.join('/');
  return u.toString().replace(/%2A%2A%2A/g, '***');
}

/**
 * 通知渠道: group robots per unit, the SMS gateway, each person's channels and quiet hours, and
 * the routing that the platform's outbox calls inside every queueing transaction (ChannelPlugin).
 */
export class ChannelService implements ChannelPlugin {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly policy: PolicyService,
    private readonly notify: NotifyService,
    private readonly org: OrgService,
    private readonly store: ChannelStore,
    private readonly publicUrl: string,
  ) {}

  /**
   * The group robots and the SMS gateway as routing reads them in every queueing transaction:
   * kept for a few seconds (as sessions are), forgotten at once when this node changes them, seen
   * within that time when another node (or the CLI) does.
   */
  private readonly routing = new TtlCache<'routing', { gateway: Awaited<ReturnType<ChannelStore['gateway']>>; robots: Awaited<ReturnType<ChannelStore['activeRobots']>> }>(ROUTING_CACHE_MS, 1);

  // ---- routing (inside the queueing transaction) ----

  private routingOf(trx: Executor) {
    return this.routing.get('routing', async () => ({ gateway: await this.store.gateway(trx), robots: await this.store.activeRobots(trx) }));
  }

  /** Whether route would route anything: a gateway, a robot or mail (from the same cache). */
  async routes(trx: Executor, opts: { email: boolean }): Promise<boolean> {
    if (opts.email) return true;
    const { gateway, robots } = await this.routingOf(trx);
    return !!gateway || robots.length > 0;
  }

  async route(trx: Executor, rows: QueuedNotification[], now: Date, opts: { email: boolean }): Promise<{ deliveries: RoutedDelivery[]; noEmail: number[] }> {
    const { gateway, robots } = await this.routingOf(trx);
    // No robot, no gateway, no mail server: every entry stays in the inbox, nothing to decide
    // (and no statement to send inside the writer's transaction).
    if (!gateway && robots.length === 0 && !opts.email) return { deliveries: [], noEmail: [] };
    const people = new Map((await this.store.recipients(trx, [...new Set(rows.map((r) => r.recipientId))])).map((p) => [p.id, p]));
    const cal = await this.calendar.get(trx);
    const deliveries: RoutedDelivery[] = [];
    const noEmail: number[] = [];
    // One group message per robot and event, mentioning every recipient of it in the robot's unit.
    const groups = new Map<string, { robotId: number; notificationId: number; mention: number[] }>();
    for (const n of rows) {
      const p = people.get(n.recipientId);
      // Someone no longer in post gets the inbox entry (kept with the record) and nothing else.
      if (!p?.active) continue;
      const policy = await this.policy.forUnitPath(p.unitPath, trx);
      const choices = (p.choices ?? {}) as Choices;
      const channels = channelsFor(n.kind, choices, policy, n.urgent);
      const wait = n.urgent ? null : quietUntil(now, { start: p.quietStart ?? policy.notify.quietStart, end: p.quietEnd ?? policy.notify.quietEnd }, cal);
      if (!channels.has('email')) noEmail.push(n.id);
      if (channels.has('sms') && gateway && normalizeMobile(p.phone)) {
        deliveries.push({ notificationId: n.id, channel: 'sms', target: `sms:${p.id}`, nextAttemptAt: wait ?? now });
      }
      for (const r of robots) {
        if (!p.unitPath.startsWith(r.unitPath) || !robotCarries(r, n.kind, n.urgent)) continue;
        const key = `${r.id}\u0000${n.kind}\u0000${n.objectType ?? ''}\u0000${n.objectId ?? `#${n.id}`}`;
        const g = groups.get(key);
        if (g) {
          if (r.mention) g.mention.push(p.id);
        } else groups.set(key, { robotId: r.id, notificationId: n.id, mention: r.mention ? [p.id] : [] });
      }
    }
    for (const g of groups.values()) {
      deliveries.push({ notificationId: g.notificationId, channel: 'robot', target: `robot:${g.robotId}@${[...new Set(g.mention)].join(',')}`, nextAttemptAt: now });
    }
    return { deliveries, noEmail };
  }

  // ---- sending (after commit, from the outbox) ----

  async send(d: { id: number; channel: 'robot' | 'sms'; target: string }, m: Message, now: Date): Promise<void> {
    const link = linkOf(this.publicUrl, m.objectType, m.objectId);
    if (d.channel === 'sms') {
      const personId = Number(/^sms:(\d+)$/.exec(d.target)?.[1]);
      const person = await this.store.personWithUnit(this.db, personId);
      const mobile = normalizeMobile(person?.phone);
      if (!person || !mobile) throw new Error('no mobile on file');
      const sms = await this.smsChannel();
      if (!sms) throw new Error('no SMS gateway is configured');
      const policy = await this.policy.forUnitPath(person.unitPath);
      await sms.send(mobile, smsText(m.title, link, policy.notify.smsMaxChars, m.kind), now);
      return;
    }
    const parsed = /^robot:(\d+)@([\d,]*)$/.exec(d.target);
    if (!parsed) throw new Error('bad robot delivery target');
    const robot = await this.store.robot(this.db, Number(parsed[1]));
    if (!robot?.active) throw new Error('robot removed or disabled');
    // 20 messages a minute per robot: wait for the oldest in the window to leave it, never drop.
    const sent = await this.store.sentSince(this.db, robot.id, new Date(now.getTime() - 60_000));
    if (sent.length >= ROBOT_MESSAGES_PER_MINUTE) {
      const oldest = sent[sent.length - ROBOT_MESSAGES_PER_MINUTE]!.sentAt!;
      throw new DeliveryDeferred(new Date(oldest.getTime() + 60_000 + 1));
    }
    const ids = parsed[2] ? parsed[2].split(',').map(Number) : [];
    const mobiles = (await this.store.phones(this.db, ids)).map((p) => normalizeMobile(p.phone)).filter((x): x is string => x !== null);
    const { allow, timeoutMs } = this.notify.outbound;
    await sendRobot(robot, { title: m.title, text: m.body, link, mobiles }, now, timeoutMs, allow);
  }

  private async smsChannel(): Promise<SmsChannel | null> {
    const g = await this.store.gateway(this.db);
    if (!g) return null;
    const { allow, timeoutMs, logger } = this.notify.outbound;
    if (g.kind === 'log') return logSmsChannel((e) => logger?.info(e, 'SMS (log-only gateway)'));
    if (!g.url) return null;
    return httpSmsChannel({ url: g.url, method: g.method, headers: g.headers, bodyTemplate: g.bodyTemplate, secret: g.secret }, timeoutMs, allow);
  }

  // ---- robots ----

  async listRobots(actor: Actor) {
    return (await this.store.robots(this.db, robotSight(actor))).map(robotView);
  }

  private async checkUrl(url: string): Promise<void> {
    try {
      await checkOutboundHost(new URL(url).hostname, this.notify.outbound.allow);
    } catch (err) {
      if (!(err instanceof OutboundRefused)) throw err;
      throw new AppError(CHANNEL_ERRORS.CHANNEL_URL_REFUSED, '不能向本机、内网或云元数据地址推送 (the robot address must reach a public address, or one the deployment allows in MASHANG_OUTBOUND_ALLOW).', { field: 'url' });
    }
  }

  async createRobot(ctx: AuditContext, actor: Actor, input: RobotInput) {
    const unit = await this.org.getUnit(actor, input.unitId).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404) throw badRequest(`单位 ${input.unitId} 不存在 (unit does not exist).`, { field: 'unitId' });
      throw err;
    });
    if (!canManageRobotsAt(actor, unit.path)) throw forbidden('只能为本辖区的单位配置群机器人 (robots only for units in your region).');
    await this.checkUrl(input.url);
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await this.store.insertRobot(trx, { ...input, createdBy: actor.personId, createdAt: ctx.now });
      await appendAudit(trx, ctx, {
        action: 'channel_robot.create',
        objectType: 'channel_robot',
        objectId: id,
        // The address's token and the secret are credentials: neither goes to the audit log.
        after: { unitId: input.unitId, name: input.name, provider: input.provider, url: maskedUrl(input.url), hasSecret: input.secret !== null, kinds: input.kinds, urgentOnly: input.urgentOnly },
      });
      return id;
    });
    this.routing.clear();
    return robotView((await this.store.robot(this.db, id))!);
  }

  private async robotFor(actor: Actor, id: number, db: Executor = this.db): Promise<RobotRow> {
    const r = await this.store.robot(db, id);
    if (!r) throw notFound(CHANNEL_ERRORS.CHANNEL_ROBOT_NOT_FOUND, id);
    if (!canManageRobotsAt(actor, r.unitPath)) throw forbidden('该群机器人不在本辖区 (the robot belongs to a unit outside your region).');
    return r;
  }

  async updateRobot(ctx: AuditContext, actor: Actor, id: number, patch: Partial<Pick<RobotInput, 'name' | 'kinds' | 'urgentOnly' | 'mention' | 'secret' | 'url'>> & { active?: boolean | undefined }) {
    if (patch.url !== undefined) await this.checkUrl(patch.url);
    await this.db.transaction().execute(async (trx) => {
      await this.robotFor(actor, id, trx);
      const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      if (Object.keys(set).length) await this.store.updateRobot(trx, id, set);
      const { secret, url, ...logged } = set as typeof patch;
      await appendAudit(trx, ctx, { action: 'channel_robot.update', objectType: 'channel_robot', objectId: id, after: { ...logged, ...(url ? { url: maskedUrl(url) } : {}), ...(secret !== undefined ? { secretChanged: true } : {}) } });
    });
    this.routing.clear();
    return robotView((await this.store.robot(this.db, id))!);
  }

  async disableRobot(ctx: AuditContext, actor: Actor, id: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.robotFor(actor, id, trx);
      await this.store.updateRobot(trx, id, { active: false });
      await appendAudit(trx, ctx, { action: 'channel_robot.disable', objectType: 'channel_robot', objectId: id });
    });
    this.routing.clear();
  }

  /** 发送测试消息: sent now, not through the outbox; the answer says whether the robot accepted it. */
  async testRobot(ctx: AuditContext, actor: Actor, id: number): Promise<{ ok: boolean; error: string | null }> {
    const r = await this.robotFor(actor, id);
    const { allow, timeoutMs, logger } = this.notify.outbound;
    const message = {
      title: '马上 测试消息 (test message)',
      text: `这是一条来自马上督查督办平台的测试消息，发送人：${actor.name}。\n(A test message from Mashang.)`,
      link: `${this.publicUrl.replace(/\/+$/, '')}/`,
      mobiles: [],
    };
    const result = await sendRobot(r, message, this.clock.now(), timeoutMs, allow).then(
      () => ({ ok: true, error: null }),
      (err: unknown) => {
        logger?.warn({ robotId: id, detail: err instanceof Error ? err.message : String(err) }, 'robot test message failed');
        // The robot's own refusal (HTTP status, errcode) helps whoever configures it; a connection's detail would map the network.
        return { ok: false, error: err instanceof ChannelRefused ? err.message : '无法连接到群机器人地址 (could not reach the robot; see the server log)' };
      },
    );
    await this.db.transaction().execute((trx) => appendAudit(trx, ctx, { action: 'channel_robot.test', objectType: 'channel_robot', objectId: id, after: result }));
    return result;
  }

  // ---- SMS gateway ----

  async gatewayView() {
    const g = await this.store.gateway(this.db);
    if (!g) return { configured: false, kind: 'log' as const, url: null, method: 'POST' as const, headerNames: [], bodyTemplate: '', hasSecret: false, updatedAt: null };
    return {
      configured: true,
      kind: g.kind,
      url: g.url ? maskedUrl(g.url) : null,
      method: g.method,
      // Header values often carry the gateway's key: their names only.
      headerNames: Object.keys(g.headers),
      bodyTemplate: g.bodyTemplate,
      hasSecret: g.secret !== null,
      updatedAt: g.updatedAt.toISOString(),
    };
  }

  async saveGateway(ctx: AuditContext, actor: Actor, input: GatewayInput) {
    if (input.kind === 'http') {
      if (!input.url) throw badRequest('HTTP 短信网关需要地址 (an HTTP gateway needs its URL).', { field: 'url' });
      await this.checkUrl(input.url);
      if (!input.bodyTemplate.includes('{mobile}') || !input.bodyTemplate.includes('{text}')) throw badRequest('模板须包含 {mobile} 和 {text} (the body template needs {mobile} and {text}).', { field: 'bodyTemplate' });
    }
    await this.db.transaction().execute(async (trx) => {
      const before = await this.store.gateway(trx);
      const secret = input.secret === undefined ? (before?.secret ?? null) : input.secret;
      await this.store.saveGateway(trx, { kind: input.kind, url: input.kind === 'http' ? input.url : null, method: input.method, headers: input.headers, bodyTemplate: input.bodyTemplate, secret, updatedBy: actor.personId, updatedAt: ctx.now });
      await appendAudit(trx, ctx, {
        action: 'channel_sms_gateway.save',
        objectType: 'channel_sms_gateway',
        objectId: 1,
        after: { kind: input.kind, url: input.url ? maskedUrl(input.url) : null, method: input.method, headerNames: Object.keys(input.headers), hasSecret: secret !== null },
      });
    });
    this.routing.clear();
    return this.gatewayView();
  }

  /** A test SMS to the caller's own mobile (or the one given, when the caller is an admin). */
  async testSms(ctx: AuditContext, actor: Actor, mobile: string | undefined): Promise<{ ok: boolean; error: string | null; mobile: string }> {
    let to = mobile === undefined ? null : normalizeMobile(mobile);
    if (mobile !== undefined && !to) throw new AppError(CHANNEL_ERRORS.CHANNEL_BAD_MOBILE, '手机号码格式不正确 (not a mainland China mobile number).', { field: 'mobile' });
    if (!to) to = normalizeMobile((await this.store.personWithUnit(this.db, actor.personId))?.phone);
    if (!to) throw conflict(CHANNEL_ERRORS.CHANNEL_SMS_UNAVAILABLE, '没有可用的手机号码 (no mobile number: give one or set yours in 通知设置).');
    const sms = await this.smsChannel();
    if (!sms) throw conflict(CHANNEL_ERRORS.CHANNEL_SMS_UNAVAILABLE, '尚未配置短信网关 (no SMS gateway is configured).');
    const { logger } = this.notify.outbound;
    const result = await sms.send(to, smsText('测试短信 (test)', `${this.publicUrl.replace(/\/+$/, '')}/`, 70), this.clock.now()).then(
      () => ({ ok: true, error: null }),
      (err: unknown) => {
        logger?.warn({ detail: err instanceof Error ? err.message : String(err) }, 'SMS test failed');
        return { ok: false, error: err instanceof ChannelRefused ? err.message : '无法连接到短信网关 (could not reach the gateway; see the server log)' };
      },
    );
    await this.db.transaction().execute((trx) => appendAudit(trx, ctx, { action: 'channel_sms_gateway.test', objectType: 'channel_sms_gateway', objectId: 1, after: { ...result, mobile: maskedMobile(to) } }));
    return { ...result, mobile: maskedMobile(to)! };
  }

  // ---- personal settings ----

  async settings(actor: Actor) {
    const [row, person, policy, gateway] = await Promise.all([
      this.store.setting(this.db, actor.personId),
      this.store.personWithUnit(this.db, actor.personId),
      this.policy.forUnitPath(actor.unitPath),
      this.store.gateway(this.db),
    ]);
    const choices = (row?.choices ?? {}) as Choices;
    return {
      kinds: CHOOSABLE_KINDS.map((kind) => {
        const on = channelsFor(kind, choices, policy, false);
        const locked = lockedChannels(kind, policy);
        return { kind, email: { on: on.has('email'), locked: locked.includes('email') }, sms: { on: on.has('sms'), locked: locked.includes('sms') } };
      }),
      quietStart: row?.quietStart ?? policy.notify.quietStart,
      quietEnd: row?.quietEnd ?? policy.notify.quietEnd,
      defaultQuiet: { start: policy.notify.quietStart, end: policy.notify.quietEnd },
      digest: row?.digest ?? true,
      digestAt: policy.notify.digestAt,
      // The person's own number, in clear: they need to see what they typed.
      mobile: person?.phone ?? null,
      hasEmail: Boolean(person?.email),
      smsAvailable: gateway !== undefined,
      urgentChannels: policy.notify.urgentChannels,
    };
  }

  async saveSettings(ctx: AuditContext, actor: Actor, input: SettingsInput) {
    for (const [kind, chans] of Object.entries(input.choices)) {
      if (!(CHOOSABLE_KINDS as readonly string[]).includes(kind)) throw badRequest(`未知的通知类型 ${kind.slice(0, 60)} (unknown notification kind).`, { field: 'choices' });
      if (chans.some((c) => !(PERSONAL_CHANNELS as readonly string[]).includes(c))) throw badRequest('渠道只能是 email 或 sms (channels are email or sms).', { field: 'choices' });
    }
    let mobile: string | null | undefined;
    if (input.mobile !== undefined && input.mobile !== null && input.mobile.trim() !== '') {
      mobile = normalizeMobile(input.mobile);
      if (!mobile) throw new AppError(CHANNEL_ERRORS.CHANNEL_BAD_MOBILE, '手机号码格式不正确 (not a mainland China mobile number).', { field: 'mobile' });
    } else if (input.mobile !== undefined) mobile = null;
    await this.db.transaction().execute(async (trx) => {
      await this.store.saveSetting(trx, { personId: actor.personId, choices: input.choices, quietStart: input.quietStart, quietEnd: input.quietEnd, digest: input.digest, updatedAt: ctx.now });
      if (mobile !== undefined) await this.org.setOwnPhone(trx, ctx, actor.personId, mobile);
      await appendAudit(trx, ctx, { action: 'channel_setting.save', objectType: 'person', objectId: actor.personId, after: { choices: input.choices, quietStart: input.quietStart, quietEnd: input.quietEnd, digest: input.digest } });
    });
    return this.settings(actor);
  }
}
