/**
 * Outbound HTTP to addresses an admin typed in (webhooks, group robots): never to this machine,
 * its network's private ranges or a cloud's metadata service unless the deployment allows them
 * (MASHANG_OUTBOUND_ALLOW), judged after DNS resolution and again at every connection (a name
 * that resolved to a public address when saved may resolve to 127.0.0.1 later).
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

/** Ranges refused by default: loopback, private, shared (CGNAT, Alibaba's metadata at 100.100.100.200), link-local (169.254.169.254), multicast, reserved. */
const REFUSED = new net.BlockList();
for (const [net4, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  REFUSED.addSubnet(net4, bits, 'ipv4');
for (const [net6, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  REFUSED.addSubnet(net6, bits, 'ipv6');

/** CIDR ranges (`10.1.0.0/16`, `fd00::/8`, or one address) a deployment allows although they are refused by default. */
export function outboundAllowList(cidrs: readonly string[]): net.BlockList {
  const list = new net.BlockList();
  for (const raw of cidrs) {
    const [address = '', bitsText] = raw.trim().split('/');
    const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : null;
    const bits = bitsText === undefined ? (family === 'ipv4' ? 32 : 128) : Number(bitsText);
    if (!family || !Number.isInteger(bits) || bits < 0 || bits > (family === 'ipv4' ? 32 : 128)) throw new Error(`"${raw}" is not an address range (CIDR).`);
    list.addSubnet(address, bits, family);
  }
  return list;
}

/** An IPv4 address written as IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (m) return { address: m[1]!, family: 'ipv4' };
  return { address, family: net.isIPv4(address) ? 'ipv4' : 'ipv6' };
}

/** May Mashang connect to this IP address? */
export function addressAllowed(ip: string, allow: net.BlockList): boolean {
  const a = unmapped(ip);
  return !REFUSED.check(a.address, a.family) || allow.check(a.address, a.family);
}

export class OutboundRefused extends Error {}

/** Resolves a host name (or takes an IP literal) and refuses it when any address it has is not allowed. */
export async function checkOutboundHost(hostname: string, allow: net.BlockList): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(host) ? [host] : (await dns.promises.lookup(host, { all: true, verbatim: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new OutboundRefused(`cannot resolve ${host}`);
  if (addresses.some((a) => !addressAllowed(a, allow))) throw new OutboundRefused(`${host} resolves to an address that is not allowed`);
}

/** The `lookup` a request uses: the same judgement at the moment of connecting. */
function guardedLookup(allow: net.BlockList): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses;
      const bad = list.find((a) => !addressAllowed(a.address, allow));
      if (bad || list.length === 0) return callback(new OutboundRefused(`${hostname} resolves to an address that is not allowed`), '', 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/**
 * POSTs a body and resolves with the status code; redirects are not followed. An IP literal in
 * the URL is checked here (no lookup happens for it), a name by the guarded lookup.
 */
export async function postGuarded(url: string, headers: Record<string, string>, body: string, timeoutMs: number, allow: net.BlockList): Promise<number> {
  return (await postGuardedRead(url, headers, body, timeoutMs, allow)).status;
}

/** The answer's first bytes kept by postGuardedRead (group robots answer `{"errcode":0}` with HTTP 200 even when they refuse). */
const MAX_ANSWER_BYTES = 16 * 1024;

/** postGuarded, also resolving with the start of the answer's body (at most 16 KiB, UTF-8). */
export async function postGuardedRead(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  allow: net.BlockList,
  method: 'POST' | 'PUT' | 'GET' = 'POST',
): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && !addressAllowed(host, allow)) throw new OutboundRefused(`${host} is not allowed`);
  const request = u.protocol === 'https:' ? https.request : http.request;
  const payload = method === 'GET' ? '' : body;
  return new Promise((resolve, reject) => {
    const req = request(u, { method, headers: { ...headers, 'content-length': String(Buffer.byteLength(payload)) }, lookup: guardedLookup(allow), timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < MAX_ANSWER_BYTES) chunks.push(c);
        size += c.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(payload);
  });
}
