import { isIP } from 'node:net';

/**
 * Which network addresses a block may reach. A user-supplied URL must not let an agent read the host's own
 * services, the private network or the cloud metadata endpoint (SSRF), so every address a request connects
 * to is classified here; `BLOCKLOOM_HTTP_ALLOW_PRIVATE` lets an operator open chosen internal targets.
 */

/** An IP address as 4 (IPv4) or 16 (IPv6) bytes. */
interface IpBytes {
  family: 4 | 6;
  bytes: number[];
}

interface Cidr extends IpBytes {
  prefix: number;
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return undefined;
  const bytes = parts.map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : undefined;
}

function parseIpv6(text: string): number[] | undefined {
  let rest = text;
  let tail: number[] = [];
  // A trailing dotted quad (`::ffff:10.0.0.1`) stands for the last 32 bits.
  const lastColon = rest.lastIndexOf(':');
  if (rest.slice(lastColon + 1).includes('.')) {
    const v4 = parseIpv4(rest.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = v4;
    rest = `${rest.slice(0, lastColon + 1)}0:0`;
  }
  const halves = rest.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined) => (half ? half.split(':') : []);
  const head = groups(halves[0]);
  const end = groups(halves[1]);
  const missing = 8 - head.length - end.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...end];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return undefined;
  const bytes = all.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** Parses an IP literal (IPv6 may be bracketed and carry a `%zone`); undefined when it is not one. */
export function parseIp(text: string): IpBytes | undefined {
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) {
    const bytes = parseIpv4(bare);
    return bytes && { family: 4, bytes };
  }
  if (family === 6) {
    const bytes = parseIpv6(bare);
    return bytes && { family: 6, bytes };
  }
  return undefined;
}

function parseCidr(text: string): Cidr | undefined {
  const [address, prefixText, extra] = text.split('/');
  const ip = address === undefined ? undefined : parseIp(address);
  if (!ip || extra !== undefined) return undefined;
  const max = ip.family === 4 ? 32 : 128;
  if (prefixText === undefined) return { ...ip, prefix: max };
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  return prefix <= max ? { ...ip, prefix } : undefined;
}

function inCidr(ip: IpBytes, cidr: Cidr): boolean {
  if (ip.family !== cidr.family) return false;
  for (let bit = 0; bit < cidr.prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((ip.bytes[byte] ?? 0) & mask) !== ((cidr.bytes[byte] ?? 0) & mask)) return false;
  }
  return true;
}

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`bad built-in range ${text}`);
  return parsed;
}

/** Ranges no request may reach unless allowlisted, with the reason shown in the refusal. */
const forbiddenRanges: readonly (readonly [Cidr, string])[] = [
  [cidr('0.0.0.0/8'), 'an unspecified address'],
  [cidr('10.0.0.0/8'), 'a private address'],
  [cidr('100.64.0.0/10'), 'a carrier-grade NAT address'],
  [cidr('127.0.0.0/8'), 'a loopback address'],
  [cidr('169.254.0.0/16'), 'a link-local address (cloud metadata lives here)'],
  [cidr('172.16.0.0/12'), 'a private address'],
  [cidr('192.0.0.0/24'), 'an IETF protocol address'],
  [cidr('192.168.0.0/16'), 'a private address'],
  [cidr('198.18.0.0/15'), 'a benchmarking address'],
  [cidr('224.0.0.0/4'), 'a multicast address'],
  [cidr('240.0.0.0/4'), 'a reserved or broadcast address'],
  [cidr('::/128'), 'an unspecified address'],
  [cidr('::1/128'), 'a loopback address'],
  [cidr('fc00::/7'), 'a private address'],
  [cidr('fe80::/10'), 'a link-local address'],
  [cidr('fec0::/10'), 'a site-local address'],
  [cidr('ff00::/8'), 'a multicast address'],
];

/**
 * IPv6 prefixes that carry an IPv4 address in their last 32 bits: IPv4-mapped (`::ffff:127.0.0.1`),
 * IPv4-compatible (`::127.0.0.1`) and NAT64 (`64:ff9b::7f00:1`). Each reaches the embedded IPv4 host, so
 * the embedded address is what gets judged.
 */
const embeddingPrefixes: readonly Cidr[] = [cidr('::ffff:0:0/96'), cidr('::/96'), cidr('64:ff9b::/96')];

function embeddedIpv4(ip: IpBytes): IpBytes | undefined {
  if (ip.family !== 6 || !embeddingPrefixes.some((prefix) => inCidr(ip, prefix))) return undefined;
  return { family: 4, bytes: ip.bytes.slice(12) };
}

function rangeReason(ip: IpBytes): string | undefined {
  return forbiddenRanges.find(([range]) => inCidr(ip, range))?.[1];
}

/** Why an address is off limits, or undefined for a public address. */
export function forbiddenReason(address: string): string | undefined {
  const ip = parseIp(address);
  if (!ip) return 'not an IP address';
  const embedded = embeddedIpv4(ip);
  return rangeReason(ip) ?? (embedded && rangeReason(embedded));
}

/** Targets an operator exempted from the checks: hostnames, IPs and CIDR ranges. */
export interface AllowList {
  hosts: ReadonlySet<string>;
  ranges: readonly Cidr[];
}

/** Lower-cased, without a trailing dot or IPv6 brackets: how hostnames are compared. */
export function normalizeHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^\[(.*)\]$/, '$1');
}

/** Parses `BLOCKLOOM_HTTP_ALLOW_PRIVATE`: comma-separated hostnames, IPs or CIDRs (`10.0.0.0/8`). */
export function parseAllowList(text: string | undefined): AllowList {
  const hosts = new Set<string>();
  const ranges: Cidr[] = [];
  for (const entry of (text ?? '').split(',')) {
    const item = entry.trim();
    if (!item) continue;
    const range = parseCidr(item);
    if (range) ranges.push(range);
    else hosts.add(normalizeHost(item));
  }
  return { hosts, ranges };
}

export function isHostAllowed(list: AllowList, hostname: string): boolean {
  return list.hosts.has(normalizeHost(hostname));
}

export function isAddressAllowed(list: AllowList, address: string): boolean {
  const ip = parseIp(address);
  if (!ip) return false;
  const embedded = embeddedIpv4(ip);
  return list.ranges.some(
    (range) => inCidr(ip, range) || (embedded !== undefined && inCidr(embedded, range)),
  );
}
