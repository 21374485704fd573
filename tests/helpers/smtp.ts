// A real SMTP server (smtp-server) on 127.0.0.1 that parses what it receives (mailparser).
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface TestSmtp {
  url: string;
  messages: ParsedMail[];
  /** Called once a whole message is in, before the server answers 250. */
  onMessage?: (m: ParsedMail) => void | Promise<void>;
  close(): Promise<void>;
}

export async function startSmtp(opts: { user?: string; pass?: string } = {}): Promise<TestSmtp> {
  const user = opts.user ?? 'ruta';
  const pass = opts.pass ?? 'secret';
  const t: TestSmtp = { url: '', messages: [], close: async () => {} };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: false,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === pass) cb(null, { user });
      else cb(new Error('bad credentials'));
    },
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then(async (m) => {
          t.messages.push(m);
          await t.onMessage?.(m);
          cb();
        })
        .catch((e: Error) => cb(e));
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  t.url = `smtp://${user}:${pass}@127.0.0.1:${port}`;
  t.close = () => new Promise((r) => server.close(() => r()));
  return t;
}
