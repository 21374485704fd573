// The SSRF guard: fetches to loopback, private, link-local and other special
// addresses are refused unless RUTA_ALLOW_HOSTS allows them. The check runs on
// the IP address the host name resolved to, at connect time, for every hop.
import { BlockList, isIP } from 'node:net';

const special = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) special.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32],
] as const) special.addSubnet(net, bits, 'ipv6');

/** Normalises IPv4-mapped IPv6 (::ffff:127.0.0.1) to plain IPv4. */
function plainIp(ip: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return m ? m[1]! : ip;
}

export function isSpecialAddress(ip: string): boolean {
  const addr = plainIp(ip);
  const family = isIP(addr);
  if (family === 0) return true; // not an address at all: refuse
  return special.check(addr, family === 4 ? 'ipv4' : 'ipv6');
}

type Rule = { kind: 'host'; host: string; port?: number } | { kind: 'cidr'; list: BlockList };

export class AllowList {
  private rules: Rule[] = [];

  /** What the list allows, as given ("127.0.0.1:8080,10.0.0.0/8"): lists alike share connections. */
  readonly spec: string;

  constructor(spec = '') {
    this.spec = spec.trim();
    for (const raw of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
      const cidr = /^([0-9a-f:.]+)\/(\d{1,3})$/i.exec(raw);
      if (cidr && isIP(cidr[1]!)) {
        const list = new BlockList();
        list.addSubnet(cidr[1]!, Number(cidr[2]), isIP(cidr[1]!) === 4 ? 'ipv4' : 'ipv6');
        this.rules.push({ kind: 'cidr', list });
        continue;
      }
      const hp = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(raw);
      const host = (hp?.[1] ?? raw).toLowerCase();
      // A bare IPv6 address has colons but no port.
      if (isIP(raw) === 6) this.rules.push({ kind: 'host', host: raw.toLowerCase() });
      else this.rules.push({ kind: 'host', host, port: hp?.[2] ? Number(hp[2]) : undefined });
    }
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): AllowList {
    return new AllowList(env.RUTA_ALLOW_HOSTS ?? '');
  }

  /** True when a special address may be fetched anyway, by host name, IP, host:port or CIDR. */
  allows(hostname: string, port: number, ip: string): boolean {
    const addr = plainIp(ip);
    const family = isIP(addr);
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return this.rules.some((r) => {
      if (r.kind === 'cidr') return family !== 0 && r.list.check(addr, family === 4 ? 'ipv4' : 'ipv6');
      if (r.port !== undefined && r.port !== port) return false;
      return r.host === host || r.host === addr;
    });
  }
}

export class BlockedAddressError extends Error {
  readonly code = 'blocked-address';
  constructor(hostname: string, ip: string) {
    super(
      `refused to fetch ${hostname} (${ip}): loopback, private and link-local addresses are blocked; ` +
        `add the host, host:port or CIDR to RUTA_ALLOW_HOSTS if this is intended`,
    );
  }
}

/** Throws BlockedAddressError unless `ip` is public or allowed. */
export function assertAddressAllowed(allow: AllowList, hostname: string, port: number, ip: string): void {
  if (isSpecialAddress(ip) && !allow.allows(hostname, port, ip)) throw new BlockedAddressError(hostname, ip);
}
