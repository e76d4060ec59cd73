/**
 * The store's outgoing mail: the one module that speaks SMTP (README, "Mail").
 *
 * With `SMTP_URL` set, a message goes to that server. Without it (development, the
 * demo store, tests) the same RFC 822 message, built by the same composer, is written
 * as an `.eml` file into the outbox directory, where it can be opened as it would
 * have arrived. Delivery problems come back as a result, never as an exception: a
 * confirmation that could not be sent must not undo the order that caused it.
 *
 * Logs are one JSON line per message and never hold a recipient address (masked as
 * `t***@example.com`), a body or a credential.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { createTransport } from "nodemailer";
import addressparser from "nodemailer/lib/addressparser";
import { serverEnv } from "@/lib/env";

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface MailMessage {
  /** One recipient address. */
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
  /**
   * The same key always gives the same Message-ID, so a retried send is recognisable as
   * the same message; the outbox keeps only the first file per key. (An SMTP server may
   * still deliver a retry twice: the caller records what it has sent.)
   */
  idempotencyKey?: string;
}

export type SendMailResult = { ok: true; messageId: string; via: "smtp" | "outbox" } | { ok: false; code: "MAIL_FAILED" };

export interface MailSettings {
  /** `smtp://` or `smtps://`, credentials in the URL; unset writes to the outbox. */
  smtpUrl?: string;
  /** The From header: `orders@example.com` or `Caravan <orders@example.com>`. */
  from: string;
  /** Where outbox files go, relative to the working directory unless absolute. */
  outboxDir: string;
}

export interface SendMailOptions {
  /** Where mail goes; default from the environment (SMTP_URL, MAIL_FROM, CARAVAN_OUTBOX_DIR). */
  settings?: MailSettings;
  /** Receives one JSON line per message (default: standard output, errors on standard error). */
  log?: (line: string) => void;
  /** The Date header and the outbox file's timestamp. */
  now?: () => Date;
}

/** Each SMTP stage gets a bounded wait: a stuck server must not hold a checkout for minutes. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, dnsTimeout: 10_000 };

const EMAIL_PATTERN = /[^\s@<>()"',;:/]+@[^\s@<>()"',;]+/g;

/** `tanaka@example.com` -> `t***@example.com`: enough to tell messages apart in a log, not enough to contact anyone. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${address[0]}***${address.slice(at)}`;
}

/** A server's error text with every address in it masked (replies often quote the recipient). */
function scrub(text: string, recipient: string): string {
  let scrubbed = text.replace(EMAIL_PATTERN, maskAddress);
  const localPart = recipient.slice(0, recipient.lastIndexOf("@"));
  if (localPart.length >= 3) scrubbed = scrubbed.split(localPart).join("***");
  return scrubbed;
}

function settingsFromEnv(): MailSettings {
  const env = serverEnv();
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: env.CARAVAN_OUTBOX_DIR };
}

/** The single address in `value`, or undefined when it holds none, several, or a group. */
function singleAddress(value: string): string | undefined {
  const parsed = addressparser(value);
  const only = parsed.length === 1 ? parsed[0] : undefined;
  if (!only || "group" in only || !/^[^\s@]+@[^\s@]+$/.test(only.address)) return undefined;
  return only.address;
}

function senderDomain(from: string): string {
  const address = singleAddress(from);
  return address ? address.slice(address.lastIndexOf("@") + 1) : "caravan.localhost";
}

function shortHash(value: string, length: number): string {
  return createHash("sha256").update(value).digest("hex").slice(0, length);
}

/** `20261128T143005.123Z`: sorts by time, and is a valid file name everywhere. */
function fileTimestamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, "");
}

interface Delivery {
  message: MailMessage;
  recipient: string;
  settings: MailSettings;
  at: Date;
  /** Fixed when the message has an idempotency key; nodemailer's own otherwise. */
  messageId?: string;
}

function composed(delivery: Delivery) {
  const { message, settings, at } = delivery;
  return {
    from: settings.from,
    to: delivery.recipient,
    subject: message.subject,
    text: message.text,
    html: message.html,
    date: at,
    messageId: delivery.messageId,
    // RFC 3834: an automatic message; out-of-office replies should not answer it.
    headers: { "Auto-Submitted": "auto-generated" },
    attachments: message.attachments?.map(({ filename, content, contentType }) => ({ filename, content, contentType })),
  };
}

async function sendSmtp(delivery: Delivery, smtpUrl: string): Promise<{ messageId: string }> {
  const transport = createTransport({ ...SMTP_TIMEOUTS, url: smtpUrl });
  try {
    const info = await transport.sendMail(composed(delivery));
    return { messageId: info.messageId };
  } finally {
    transport.close();
  }
}

async function writeOutbox(delivery: Delivery): Promise<{ messageId: string; file: string }> {
  const dir = path.resolve(delivery.settings.outboxDir);
  const fixedId = delivery.messageId;
  const id = fixedId === undefined ? randomBytes(6).toString("hex") : shortHash(fixedId, 12);
  await mkdir(dir, { recursive: true });
  if (fixedId !== undefined) {
    const existing = (await readdir(dir)).find((name) => name.endsWith(`-${id}.eml`));
    if (existing) return { messageId: fixedId, file: path.join(dir, existing) };
  }
  // The same composer as SMTP, asked for the finished message instead of a connection.
  const transport = createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const info = await transport.sendMail(composed(delivery));
  const file = path.join(dir, `${fileTimestamp(delivery.at)}-${id}.eml`);
  // Written beside, then renamed: whoever lists the outbox never opens half a message.
  const partial = `${file}.partial`;
  await writeFile(partial, info.message);
  await rename(partial, file);
  return { messageId: info.messageId, file };
}

/**
 * Sends one message: through SMTP when the settings name a server, else into the outbox.
 * Resolves `{ ok: false, code: "MAIL_FAILED" }` when the server refuses it, cannot be
 * reached, or the outbox cannot be written; never rejects for a delivery problem.
 */
export async function sendMail(message: MailMessage, options: SendMailOptions = {}): Promise<SendMailResult> {
  const settings = options.settings ?? settingsFromEnv();
  const write = (level: "info" | "error", fields: Record<string, unknown>) => {
    const line = JSON.stringify({ level, time: new Date().toISOString(), ...fields });
    if (options.log) options.log(line);
    else if (level === "error") console.error(line);
    else console.log(line);
  };
  const via = settings.smtpUrl ? "smtp" : "outbox";
  const masked = maskAddress(message.to.trim());

  const recipient = singleAddress(message.to);
  if (!recipient) {
    write("error", { message: "mail not sent: the recipient is not one address", via, to: masked, code: "INVALID_RECIPIENT" });
    return { ok: false, code: "MAIL_FAILED" };
  }

  const at = (options.now ?? (() => new Date()))();
  const key = message.idempotencyKey;
  const messageId = key === undefined ? undefined : `<${shortHash(`message:${key}`, 32)}@${senderDomain(settings.from)}>`;
  const delivery: Delivery = { message, recipient, settings, at, messageId };

  try {
    if (settings.smtpUrl) {
      const sent = await sendSmtp(delivery, settings.smtpUrl);
      write("info", { message: "mail sent", via, to: masked, messageId: sent.messageId });
      return { ok: true, messageId: sent.messageId, via };
    }
    const written = await writeOutbox(delivery);
    write("info", { message: "mail written to the outbox", via, to: masked, messageId: written.messageId, file: written.file });
    return { ok: true, messageId: written.messageId, via };
  } catch (error) {
    const err = error as { message?: unknown; code?: unknown; responseCode?: unknown; command?: unknown };
    write("error", {
      message: "mail delivery failed",
      via,
      to: masked,
      code: typeof err.code === "string" ? err.code : undefined,
      responseCode: typeof err.responseCode === "number" ? err.responseCode : undefined,
      command: typeof err.command === "string" ? scrub(err.command, recipient) : undefined,
      error: typeof err.message === "string" ? scrub(err.message, recipient) : undefined,
    });
    return { ok: false, code: "MAIL_FAILED" };
  }
}
