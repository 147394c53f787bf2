import { describe, expect, it } from 'vitest';
import { clientAddress, fastifyTrustProxy } from '../../src/http/client-address.js';
import { networkKey, normaliseAddress, parseRange } from '../../src/shared/ip-address.js';

describe('normaliseAddress', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['::', '::'],
    ['::1', '::1'],
    ['1::', '1::'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['::FFFF:c000:0201', '192.0.2.1'],
    ['0:0:0:0:0:ffff:c000:201', '192.0.2.1'],
    ['::192.0.2.1', '::c000:201'],
    ['64:ff9b::192.0.2.1', '64:ff9b::c000:201'],
    ['fe80::1%eth0', 'fe80::1'],
    ['fe80::1%25', 'fe80::1'],
  ])('%s is %s', (text, expected) => {
    expect(normaliseAddress(text)).toBe(expected);
  });

  it.each([
    '1.2.3.4:80',
    '[2001:db8::1]:443',
    '[::1]',
    '01.2.3.4',
    '1.2.3.04',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '::ffff:01.2.3.4',
    '1.2.3.4%eth0',
    'fe80::1%',
    'fe80::1%eth0<b>',
    ' 1.2.3.4',
    '1.2.3.4 ',
    '<b>x</b>',
    'unknown',
    '',
    '2001:db8::1::2',
    '12345::1',
  ])('refuses %j', (text) => {
    expect(normaliseAddress(text)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(normaliseAddress(undefined)).toBeNull();
    expect(normaliseAddress(null)).toBeNull();
  });
});

describe('networkKey', () => {
  it('is the address for IPv4 and the /64 for IPv6', () => {
    expect(networkKey('192.0.2.1')).toBe('192.0.2.1');
    expect(networkKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(networkKey('2001:db8:1:2::ffff')).toBe('2001:db8:1:2::/64');
    expect(networkKey('2001:db8::1')).toBe('2001:db8::/64');
    expect(networkKey('::1')).toBe('::/64');
    expect(networkKey('2001:db8:1:3::1')).not.toBe(networkKey('2001:db8:1:2::1'));
  });
});

describe('parseRange', () => {
  it.each([
    ['203.0.113.0/24', { address: '203.0.113.0', prefix: 24, family: 'ipv4' }],
    ['203.0.113.9', { address: '203.0.113.9', prefix: 32, family: 'ipv4' }],
    [' 2001:DB8::/32 ', { address: '2001:db8::', prefix: 32, family: 'ipv6' }],
    ['2001:db8::1', { address: '2001:db8::1', prefix: 128, family: 'ipv6' }],
    ['0.0.0.0/0', { address: '0.0.0.0', prefix: 0, family: 'ipv4' }],
    ['::ffff:192.0.2.0/120', { address: '192.0.2.0', prefix: 24, family: 'ipv4' }],
  ])('reads %s', (text, expected) => {
    expect(parseRange(text)).toEqual(expected);
  });

  it.each([
    '300.1.2.3/8',
    '1.2.3.4/33',
    '2001:db8::/129',
    '1.2.3.4/',
    '1.2.3.4/2/3',
    '1.2.3.4/-1',
    '1.2.3.4/0x10',
    'fe80::1%eth0/64',
    '::ffff:1.2.3.0/64',
    '01.2.3.4/32',
    'x',
  ])('refuses %j', (text) => {
    expect(parseRange(text)).toBeNull();
  });
});

describe('clientAddress', () => {
  const request = (ip: string | undefined, remoteAddress: string | undefined) => ({ ip, socket: { remoteAddress } }) as Parameters<typeof clientAddress>[0];

  it('normalises what Fastify found', () => {
    expect(clientAddress(request('::ffff:198.51.100.4', '10.0.0.2'))).toEqual({ address: '198.51.100.4', network: '198.51.100.4' });
    expect(clientAddress(request('2001:DB8:1:2::9', '10.0.0.2'))).toEqual({ address: '2001:db8:1:2::9', network: '2001:db8:1:2::/64' });
  });

  it('falls back to the socket’s peer when the forwarded value is not an address', () => {
    for (const forged of ['1.2.3.4:80', '01.2.3.4', '<b>x</b>', 'unknown', '']) {
      expect(clientAddress(request(forged, '::ffff:10.0.0.2')).address).toBe('10.0.0.2');
    }
  });

  it('has one shared address for a request with none at all', () => {
    expect(clientAddress(request(undefined, undefined))).toEqual({ address: '0.0.0.0', network: '0.0.0.0' });
  });
});

describe('fastifyTrustProxy', () => {
  it('passes false, true and proxy lists through and turns a hop count into a trust function', () => {
    expect(fastifyTrustProxy(false)).toBe(false);
    expect(fastifyTrustProxy(true)).toBe(true);
    expect(fastifyTrustProxy(['10.0.0.0/8', '::1'])).toEqual(['10.0.0.0/8', '::1']);
    const twoHops = fastifyTrustProxy(2) as (address: string, hop: number) => boolean;
    expect([0, 1, 2, 3].map((hop) => twoHops('10.0.0.2', hop))).toEqual([true, true, false, false]);
  });
});
