import PostalMime, { type Email } from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  messages: Email[];
  /** The newest message to this address, waiting for it to arrive. */
  messageTo(address: string, timeoutMs?: number): Promise<Email>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free local port that keeps every message it receives, parsed. It answers
 * 550 (no such mailbox) for the `refuse` addresses, as a receiving server does for one that is gone.
 */
export async function startSmtp(port = 0, { refuse = [] as string[] } = {}): Promise<TestSmtp> {
  const messages: Email[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refuse.includes(address.address)) return callback();
      callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        PostalMime.parse(Buffer.concat(chunks)).then((m) => {
          messages.push(m);
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    messages,
    async messageTo(to, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.filter((m) => m.to?.some((a) => a.address === to)).at(-1);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`no mail to ${to}; got: ${messages.map((m) => `${m.to?.[0]?.address} "${m.subject}"`).join(', ')}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link of a mail's text that goes to this path, e.g. "/confirm/". */
export function linkIn(mail: Email, path: string): string {
  const url = (mail.text ?? '').match(/https?:\/\/\S+/g)?.find((u) => u.includes(path));
  if (!url) throw new Error(`no link to ${path} in:\n${mail.text}`);
  return url;
}
