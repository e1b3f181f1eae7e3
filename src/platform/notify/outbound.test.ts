import { describe, expect, it } from 'vitest';
import { addressAllowed, checkOutboundHost, outboundAllowList, OutboundRefused } from './outbound.ts';

const none = outboundAllowList([]);

describe('outbound addresses', () => {
  it('refuses loopback, private, shared, link-local, metadata, multicast and unspecified addresses, v4 and v6', () => {
    for (const ip of ['127.0.0.1', '127.255.0.9', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.100.100.200', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::5', 'ff02::1', '::ffff:127.0.0.1', '::ffff:169.254.169.254']) {
      expect(addressAllowed(ip, none), ip).toBe(false);
    }
    for (const ip of ['8.8.8.8', '203.119.129.1', '172.32.0.1', '100.128.0.1', '2400:3200::1']) expect(addressAllowed(ip, none), ip).toBe(true);
  });

  it('lets a deployment allow its intranet receiver by range, and nothing more', () => {
    const allow = outboundAllowList(['10.20.0.0/16', '192.168.1.5']);
    expect(addressAllowed('10.20.3.4', allow)).toBe(true);
    expect(addressAllowed('10.21.0.1', allow)).toBe(false);
    expect(addressAllowed('192.168.1.5', allow)).toBe(true);
    expect(addressAllowed('192.168.1.6', allow)).toBe(false);
    for (const bad of ['10.0.0.0/33', 'example.com', '10.0.0.0/x', '']) expect(() => outboundAllowList([bad])).toThrow(/CIDR/);
  });

  it('judges a name by every address it resolves to, and literals as written', async () => {
    await expect(checkOutboundHost('localhost', none)).rejects.toBeInstanceOf(OutboundRefused);
    await expect(checkOutboundHost('[::1]', none)).rejects.toBeInstanceOf(OutboundRefused);
    await expect(checkOutboundHost('no-such-host.invalid', none)).rejects.toBeInstanceOf(OutboundRefused);
    await expect(checkOutboundHost('8.8.8.8', none)).resolves.toBeUndefined();
  });
});
