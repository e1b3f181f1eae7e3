import path from 'node:path';

/** Settings from the environment; the README lists each one. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  secureCookies: boolean;
  logLevel: string;
  /** How often the escalation scan runs (MASHANG_ESCALATION_EVERY_MS). */
  escalationEveryMs: number;
  /** HTTP worker processes (MASHANG_WORKERS): more than one needs a PostgreSQL server. */
  workers: number;
  /** Address ranges (CIDR) webhooks may reach although refused by default: an intranet receiver (MASHANG_OUTBOUND_ALLOW, comma-separated). */
  outboundAllow: string[];
  /** This installation's host name (MASHANG_HOST_NAME), for identifiers such as calendar UIDs; never taken from a request's Host header. */
  hostName: string;
  /** The address people open Mashang at (MASHANG_PUBLIC_URL), for links in robot messages and SMS; default https://<host name>. */
  publicUrl: string;
}

/** The most worker processes `serve` starts. */
export const MAX_WORKERS = 64;

/** A worker count from the environment or the command line: 1 … MAX_WORKERS. */
export function parseWorkers(value: string | undefined, from: string): number {
  if (value === undefined || value === '') return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) throw new Error(`${from}="${value}" is not a number of workers (1–${MAX_WORKERS}).`);
  return n;
}

/** A DNS host name (letters, digits, hyphens, dots); the default `mashang.local`. */
export function hostNameFrom(value: string | undefined): string {
  if (value === undefined || value === '') return 'mashang.local';
  if (!/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(value)) throw new Error(`MASHANG_HOST_NAME="${value}" is not a host name.`);
  return value.toLowerCase();
}

/** An http(s) address without query or fragment (MASHANG_PUBLIC_URL); default https://<host name>. */
export function publicUrlFrom(value: string | undefined, hostName: string): string {
  if (value === undefined || value === '') return `https://${hostName}`;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol) || new URL(value).search || new URL(value).hash) throw new Error(`MASHANG_PUBLIC_URL="${value}" is not an http(s) address.`);
  return value.replace(/\/+$/, '');
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT="${env.PORT}" is not a port number.`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.MASHANG_DATA_DIR ?? './data'),
    smtpUrl: env.MASHANG_SMTP_URL || undefined,
    mailFrom: env.MASHANG_MAIL_FROM ?? 'Mashang <mashang@localhost>',
    secureCookies: env.MASHANG_SECURE_COOKIES ? env.MASHANG_SECURE_COOKIES === '1' : env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    escalationEveryMs: Math.max(1000, Number(env.MASHANG_ESCALATION_EVERY_MS ?? 60_000) || 60_000),
    workers: parseWorkers(env.MASHANG_WORKERS, 'MASHANG_WORKERS'),
    hostName: hostNameFrom(env.MASHANG_HOST_NAME),
    publicUrl: publicUrlFrom(env.MASHANG_PUBLIC_URL, hostNameFrom(env.MASHANG_HOST_NAME)),
    outboundAllow: (env.MASHANG_OUTBOUND_ALLOW ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  };
}
