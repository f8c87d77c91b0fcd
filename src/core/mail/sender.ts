import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { MailRow } from './outbox.ts';

/** Waits before the next try, growing: 1 min, 5 min, 30 min, 2 h, 6 h, then every 12 h. */
export const RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000];
export const MAX_ATTEMPTS = 10;
const BATCH = 20;

type Due = Pick<MailRow, 'to_address' | 'subject' | 'text_body' | 'html_body' | 'language' | 'headers' | 'tag'> & {
  id: number;
  attempts: number;
};

/** A mail the receiving server refused for good (an SMTP 5xx answer): the address should not be mailed again. */
export interface Bounce {
  address: string;
  tag: string | null;
  reason: string;
}

/** SMTP answers 5xx when a mail can never be delivered (no such user), 4xx when it may be later. */
const isPermanent = (err: unknown) => {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

/**
 * Delivers the outbox: through SMTP when SMTP_URL is set, otherwise as .eml files in
 * DATA_DIR/mail, where a new user can open them. A failed send stays in the outbox and is retried.
 */
export class MailSender {
  readonly mailDir: string;
  private readonly smtp: Transporter | undefined;
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private readonly bounceListeners: ((bounce: Bounce) => Promise<void>)[] = [];

  constructor(
    private readonly database: Database,
    private readonly config: Config,
    private readonly log?: FastifyBaseLogger,
  ) {
    this.mailDir = join(config.dataDir, 'mail');
    this.smtp = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
  }

  /** Polls the outbox every few seconds until stop(). */
  start(intervalMs = 5000): void {
    this.timer = setInterval(
      () => void this.deliverDue().catch((err) => this.log?.error({ err }, 'mail: delivery round failed')),
      intervalMs,
    );
    this.timer.unref();
  }

  /** Delivers soon, without waiting for the next poll; a no-op unless started. */
  wake(): void {
    if (this.timer) setImmediate(() => void this.deliverDue().catch((err) => this.log?.error({ err }, 'mail: delivery round failed')));
  }

  /** Tells a module of each permanent refusal, e.g. to stop mailing a newsletter subscriber. */
  onBounce(listener: (bounce: Bounce) => Promise<void>): void {
    this.bounceListeners.push(listener);
  }

  /** Records a bounce reported later, e.g. by the operator's bounce processor. */
  async bounced(bounce: Bounce): Promise<void> {
    for (const listener of this.bounceListeners) await listener(bounce);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => {});
    this.smtp?.close();
  }

  /** Sends what is due now; one round at a time per process. Returns how many were sent. */
  deliverDue(now = new Date()): Promise<number> {
    this.running ??= this.round(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async round(now: Date): Promise<number> {
    const { db } = this.database;
    const due = await db
      .selectFrom('mail_outbox')
      .select(['id', 'to_address', 'subject', 'text_body', 'html_body', 'language', 'attempts', 'headers', 'tag'])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now.toISOString())
      .orderBy('id')
      .limit(BATCH)
      .execute();
    let sent = 0;
    for (const mail of due) {
      // Claim it first, so that another process polling the same outbox does not send it too.
      const claimed = await db
        .updateTable('mail_outbox')
        .set({ status: 'sending' })
        .where('id', '=', mail.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      try {
        await this.send(mail);
        await db
          .updateTable('mail_outbox')
          .set({ status: 'sent', sent_at: new Date().toISOString(), attempts: mail.attempts + 1, last_error: null })
          .where('id', '=', mail.id)
          .execute();
        sent++;
      } catch (err) {
        const attempts = mail.attempts + 1;
        const permanent = isPermanent(err);
        const delay = RETRY_DELAYS_MS[Math.min(attempts - 1, RETRY_DELAYS_MS.length - 1)]!;
        await db
          .updateTable('mail_outbox')
          .set({
            status: permanent || attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            attempts,
            next_attempt_at: new Date(now.getTime() + delay).toISOString(),
            last_error: String((err as Error).message ?? err).slice(0, 1000),
          })
          .where('id', '=', mail.id)
          .execute();
        if (permanent) {
          this.log?.warn({ mailId: mail.id, err }, 'mail: refused for good');
          await this.bounced({ address: mail.to_address, tag: mail.tag, reason: String((err as Error).message).slice(0, 300) });
        } else this.log?.warn({ mailId: mail.id, attempts, err }, 'mail: send failed, will retry');
      }
    }
    return sent;
  }

  private async send(mail: Due): Promise<void> {
    const message = {
      from: this.config.mailFrom,
      to: mail.to_address,
      subject: mail.subject,
      text: mail.text_body,
      ...(mail.html_body ? { html: mail.html_body } : {}),
      headers: {
        'Content-Language': mail.language,
        'Auto-Submitted': 'auto-generated',
        ...(mail.headers ? (JSON.parse(mail.headers) as Record<string, string>) : {}),
      },
    };
    if (this.smtp) {
      await this.smtp.sendMail(message);
      return;
    }
    const info = await this.composer.sendMail(message);
    mkdirSync(this.mailDir, { recursive: true });
    writeFileSync(join(this.mailDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`), info.message as Buffer);
  }
}
