import { describe, expect, it } from 'vitest';
import { forbiddenReason, isAddressAllowed, isHostAllowed, parseAllowList, parseIp } from './ip-policy';

describe('forbiddenReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fd00::1', 'private'],
    ['fc00::', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:10.1.2.3]', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:100.64.0.1', 'carrier-grade NAT'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::a00:5', 'private'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(forbiddenReason(address)).toContain(reason);
  });

  it.each([
    '8.8.8.8',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
  ])('lets the public address %s through', (address) => {
    expect(forbiddenReason(address)).toBeUndefined();
  });

  it('treats a non-address as forbidden', () => {
    expect(forbiddenReason('example.com')).toBe('not an IP address');
  });
});

describe('parseIp', () => {
  it('reads IPv4, IPv6 with :: and a trailing dotted quad', () => {
    expect(parseIp('1.2.3.4')).toEqual({ family: 4, bytes: [1, 2, 3, 4] });
    expect(parseIp('::ffff:1.2.3.4')?.bytes.slice(10)).toEqual([255, 255, 1, 2, 3, 4]);
    expect(parseIp('2001:db8::1')?.bytes).toEqual([32, 1, 13, 184, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('rejects what is not an address', () => {
    expect(parseIp('1.2.3')).toBeUndefined();
    expect(parseIp('256.1.1.1')).toBeUndefined();
    expect(parseIp('localhost')).toBeUndefined();
  });
});

describe('allow list', () => {
  const list = parseAllowList(' Internal.Example. , 10.0.0.5, 192.168.0.0/16 ,fd00::/8,,');

  it('matches hostnames case-insensitively, ignoring a trailing dot', () => {
    expect(isHostAllowed(list, 'internal.example')).toBe(true);
    expect(isHostAllowed(list, 'INTERNAL.example.')).toBe(true);
    expect(isHostAllowed(list, 'other.example')).toBe(false);
  });

  it('matches single IPs and CIDR ranges, in IPv4-mapped form too', () => {
    expect(isAddressAllowed(list, '10.0.0.5')).toBe(true);
    expect(isAddressAllowed(list, '10.0.0.6')).toBe(false);
    expect(isAddressAllowed(list, '192.168.44.1')).toBe(true);
    expect(isAddressAllowed(list, '::ffff:192.168.44.1')).toBe(true);
    expect(isAddressAllowed(list, 'fd12::1')).toBe(true);
    expect(isAddressAllowed(list, 'fc00::1')).toBe(false);
  });

  it('reads a malformed range as a hostname, which matches no address', () => {
    const odd = parseAllowList('10.0.0.0/99');
    expect(isAddressAllowed(odd, '10.0.0.1')).toBe(false);
    expect(isHostAllowed(odd, '10.0.0.0/99')).toBe(true);
  });
});
