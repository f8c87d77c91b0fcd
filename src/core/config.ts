import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  secretKey: string;
  logLevel: string;
  trustProxy: boolean | string;
  rateLimitPerMinute: number;
  /** Brotli and gzip for what the portal answers; off when a reverse proxy compresses instead. */
  compression: boolean;
  /** Megabytes of whole anonymous answers kept in memory; 0 when PAGE_CACHE is off. */
  pageCacheMb: number;
  siteName: string;
  /** Map tiles: a URL template with {z}, {x} and {y}, and the attribution its provider asks for. */
  mapTileUrl: string;
  mapAttribution: string;
  /** Flags by different people that hide a text until a moderator looks at it. */
  flagThreshold: number;
  /** Reports one Open311 key may post in ten minutes; 0 for no limit (nor per address). */
  open311PostsPerKey: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const optional = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());

const schema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      error: 'must be one of development, production, test',
      // Production unless told otherwise: error details are only for `npm run dev` or an explicit setting.
    })
    .default('production'),
  PORT: z.coerce
    .number({ error: 'must be a whole number from 0 to 65535' })
    .int('must be a whole number from 0 to 65535')
    .min(0, 'must be a whole number from 0 to 65535')
    .max(65535, 'must be a whole number from 0 to 65535')
    .default(3000),
  HOST: z.string().min(1).default('localhost'),
  BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL, e.g. https://portal.example.eu' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:|file:)/, 'must start with postgres://, sqlite: or file:')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z
    .string()
    .max(200)
    .regex(/^[^<>\r\n]*<?[^\s@<>]+@[^\s@<>]+>?$/, 'must be an address like "Municipium <portal@example.eu>"')
    .optional(),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters long').optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  TRUST_PROXY: z.string().optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: 'must be a whole number (0 turns it off)' })
    .int('must be a whole number (0 turns it off)')
    .min(0, 'must be a whole number (0 turns it off)')
    .default(600),
  COMPRESSION: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  PAGE_CACHE: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  PAGE_CACHE_MB: z.coerce
    .number({ error: 'must be a whole number of megabytes from 1 to 4096' })
    .int('must be a whole number of megabytes from 1 to 4096')
    .min(1, 'must be a whole number of megabytes from 1 to 4096')
    .max(4096, 'must be a whole number of megabytes from 1 to 4096')
    .default(32),
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+\{z\}[^\s]*\{x\}[^\s]*\{y\}/, 'must be an http(s) URL template with {z}, {x} and {y}')
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_ATTRIBUTION: z.string().max(300).default('© OpenStreetMap contributors'),
  FLAG_THRESHOLD: z.coerce
    .number({ error: 'must be a whole number from 1 to 100' })
    .int('must be a whole number from 1 to 100')
    .min(1, 'must be a whole number from 1 to 100')
    .max(100, 'must be a whole number from 1 to 100')
    .default(3),
  OPEN311_POSTS_PER_KEY: z.coerce
    .number({ error: 'must be a whole number from 0 to 100000' })
    .int('must be a whole number from 0 to 100000')
    .min(0, 'must be a whole number from 0 to 100000')
    .max(100_000, 'must be a whole number from 0 to 100000')
    .default(60),
  SITE_NAME: z.string().min(1).max(80, 'must be at most 80 characters').default('Municipium'),
});

/** Reads the configuration from the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, optional(env[k])]));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message} (got "${input[String(i.path[0])]}")`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const v = parsed.data;
  const dataDir = resolve(v.DATA_DIR);
  const port = v.PORT;
  return {
    env: v.NODE_ENV,
    port,
    host: v.HOST,
    baseUrl: (v.BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    dataDir,
    databaseUrl: v.DATABASE_URL ?? `sqlite:${join(dataDir, 'municipium.sqlite')}`,
    smtpUrl: v.SMTP_URL,
    mailFrom: v.MAIL_FROM ?? `${v.SITE_NAME} <no-reply@${new URL(v.BASE_URL ?? 'http://localhost').hostname}>`,
    secretKey: v.SECRET_KEY ?? '',
    logLevel: v.LOG_LEVEL,
    trustProxy: parseTrustProxy(v.TRUST_PROXY),
    rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE,
    compression: v.COMPRESSION === 'on',
    pageCacheMb: v.PAGE_CACHE === 'on' ? v.PAGE_CACHE_MB : 0,
    siteName: v.SITE_NAME,
    mapTileUrl: v.MAP_TILE_URL,
    mapAttribution: v.MAP_ATTRIBUTION,
    flagThreshold: v.FLAG_THRESHOLD,
    open311PostsPerKey: v.OPEN311_POSTS_PER_KEY,
  };
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return value;
}

/**
 * Creates the data directory and fills in a secret that was not given, keeping it in the data
 * directory so that cookies and tokens stay valid across restarts.
 */
export function prepareDataDir(config: Config): Config {
  mkdirSync(config.dataDir, { recursive: true });
  if (config.secretKey) return config;
  const file = join(config.dataDir, 'secret.key');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  const secretKey = readFileSync(file, 'utf8').trim();
  if (secretKey.length < 32) throw new ConfigError(`Invalid configuration:\n  ${file} holds a secret shorter than 32 characters`);
  return { ...config, secretKey };
}
