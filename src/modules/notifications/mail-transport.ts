import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../config/config.js';
import type { Logger } from '../../lib/logger.js';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

export interface MailTransport {
  /** What it is, for logs: `smtp host:port` or `files <dir>`. */
  readonly description: string;
  send(outboxId: number, message: MailMessage): Promise<void>;
  /** Forgets copies kept locally (development files) of these mails, for anonymisation. */
  forget(outboxIds: number[]): Promise<void>;
}

/**
 * SMTP through nodemailer when SMTP_HOST is set; in development without it, each message is written as
 * `<DATA_DIR>/mail/mail-<id>.eml` (open it in any mail client); otherwise null — there is no e-mail.
 */
export function createMailTransport(mail: Config['mail'], logger: Logger): MailTransport | null {
  if (mail.smtp) {
    const smtp = mail.smtp;
    const transporter = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    return {
      description: `smtp ${smtp.host}:${smtp.port}`,
      async send(_id, m) {
        await transporter.sendMail({ from: mail.from, to: m.to, subject: m.subject, text: m.text, attachments: m.attachments });
      },
      async forget() {
        // Sent mail lives in the recipients' mailboxes; nothing is kept here.
      },
    };
  }
  if (mail.devDir) {
    const dir = mail.devDir;
    const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    return {
      description: `files ${dir}`,
      async send(id, m) {
        const info = await transporter.sendMail({ from: mail.from, to: m.to, subject: m.subject, text: m.text, attachments: m.attachments });
        await fs.promises.mkdir(dir, { recursive: true });
        const file = path.join(dir, `mail-${id}.eml`);
        await fs.promises.writeFile(file, info.message as Buffer, { mode: 0o600 });
        logger.info({ file, to: m.to }, `✅ E-mail written to ${file}`);
      },
      async forget(ids) {
        await Promise.all(ids.map((id) => fs.promises.rm(path.join(dir, `mail-${id}.eml`), { force: true })));
      },
    };
  }
  return null;
}
