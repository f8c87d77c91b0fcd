import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * How providers read an address's local part: which separator starts a tag they ignore, and
 * whether dots count. One person with one mailbox gets one vote however they spell it.
 */
interface Provider {
  tag: string | null;
  dots: boolean;
  /** The domain that stands for all of the provider's aliases. */
  canonical?: string;
}

const GMAIL: Provider = { tag: '+', dots: false, canonical: 'gmail.com' };
const PLUS: Provider = { tag: '+', dots: true };
const YAHOO: Provider = { tag: '-', dots: true };

export const PROVIDERS: Record<string, Provider> = {
  'gmail.com': GMAIL,
  'googlemail.com': GMAIL,
  'outlook.com': PLUS,
  'hotmail.com': PLUS,
  'live.com': PLUS,
  'msn.com': PLUS,
  'icloud.com': { tag: '+', dots: true, canonical: 'icloud.com' },
  'me.com': { tag: '+', dots: true, canonical: 'icloud.com' },
  'mac.com': { tag: '+', dots: true, canonical: 'icloud.com' },
  'proton.me': { tag: '+', dots: true, canonical: 'proton.me' },
  'protonmail.com': { tag: '+', dots: true, canonical: 'proton.me' },
  'pm.me': { tag: '+', dots: true, canonical: 'proton.me' },
  'fastmail.com': PLUS,
  'fastmail.fm': PLUS,
  'gmx.de': PLUS,
  'gmx.net': PLUS,
  'web.de': PLUS,
  'posteo.de': PLUS,
  'mailbox.org': PLUS,
  'yandex.com': PLUS,
  'yahoo.com': YAHOO,
  'yahoo.fr': YAHOO,
  'yahoo.de': YAHOO,
  'ymail.com': YAHOO,
};

/** The address a mailbox receives at: lower case, and the spellings its provider ignores removed. */
export function normaliseAddress(address: string): string {
  const email = address.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (at < 1) return email;
  let local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const provider = PROVIDERS[domain];
  if (!provider) return email;
  if (provider.tag) {
    const cut = local.indexOf(provider.tag);
    if (cut > 0) local = local.slice(0, cut);
  }
  if (!provider.dots) local = local.replaceAll('.', '');
  return `${local}@${provider.canonical ?? domain}`;
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

// The list ships inside the package (index.json) and is updated with it: nothing is fetched at run time.
const DISPOSABLE = new Set<string>(createRequire(import.meta.url)('disposable-email-domains') as string[]);

/** Whether an address is at a throwaway-mail service, or at a subdomain of one. */
export function isDisposable(address: string): boolean {
  const parts = domainOf(address).split('.');
  for (let i = 0; i < parts.length - 1; i++) if (DISPOSABLE.has(parts.slice(i).join('.'))) return true;
  return false;
}

/**
 * The shape of an address that scripts make by the hundred: a name followed by digits at one
 * domain (anna1@, anna2@…). Empty for an address without trailing digits.
 */
export function addressPattern(normalised: string): string {
  const m = /^(.*?)\d+@(.+)$/.exec(normalised);
  return m ? `${m[1]}#@${m[2]}` : '';
}

/** The network an address belongs to: its IPv4 /24 or its IPv6 /64, as written for hashing. */
export function networkOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const v4 = mapped ? mapped[1]! : ip;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(ip)) return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
  return ip;
}

function expandIPv6(ip: string): string[] {
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const a = head ? head.split(':') : [];
  const b = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...a, ...Array(8 - a.length - b.length).fill('0'), ...b] : a;
  return groups.map((g) => g.replace(/^0+(?=.)/, ''));
}

/** A keyed hash: equal inputs match each other, and nobody without the secret learns the input. */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`awards:${purpose}:${value}`).digest('hex').slice(0, 64);
}
