import { once } from "node:events";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { init, type MailServer } from "smtp-tester";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { maskAddress, sendMail, type MailMessage, type MailSettings } from "./transport";

const BUYER = "tanaka.yuki@example.com";
const FROM = "Caravan <orders@shop.example>";

/** Bytes a text transfer would damage: NUL, lone CR and LF, CRLF, high bytes, a dot at a line start. */
const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n", "latin1"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)), Buffer.from("\r\n.\r\n%%EOF\n")]);

const MESSAGE: MailMessage = {
  to: BUYER,
  subject: "ご注文を承りました（注文番号 CV-7K3M-9QX2）",
  text: "شكرًا لطلبك من كارافان.\nرقم الطلب: CV-7K3M-9QX2",
  html: '<p dir="rtl" lang="ar">شكرًا لطلبك من كارافان.</p>',
};

function collectLogs() {
  const lines: string[] = [];
  return { lines, log: (line: string) => lines.push(line) };
}

/** No line may name the buyer or carry the message. */
function expectNothingPersonal(lines: string[]) {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).not.toContain(BUYER);
    expect(line).not.toContain("tanaka.yuki");
    expect(line).not.toContain("CV-7K3M-9QX2");
    expect(line).not.toContain("كارافان");
  }
}

async function listening(server: net.Server): Promise<number> {
  if (!server.listening) await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** A port nothing listens on: bound by the system, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  const port = await listening(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("maskAddress", () => {
  it("keeps the first letter and the domain only", () => {
    expect(maskAddress("tanaka.yuki@example.com")).toBe("t***@example.com");
    expect(maskAddress("x@example.com")).toBe("x***@example.com");
    expect(maskAddress("not an address")).toBe("***");
  });
});

describe("sendMail through SMTP", () => {
  let server: MailServer;
  let settings: MailSettings;

  beforeAll(async () => {
    server = init(0);
    settings = { smtpUrl: `smtp://127.0.0.1:${await listening(server.smtpServer.server)}`, from: FROM, outboxDir: "/nonexistent/never-written" };
  });
  afterEach(() => server.removeAll());
  afterAll(() => new Promise<void>((resolve) => server.stop(() => resolve())));

  it("delivers a Japanese subject, an Arabic body and a PDF intact", async () => {
    const { lines, log } = collectLogs();
    const arrival = server.captureOne(BUYER, { wait: 5000 });
    const result = await sendMail({ ...MESSAGE, attachments: [{ filename: "invoice-CV-7K3M-9QX2.pdf", content: PDF, contentType: "application/pdf" }] }, { settings, log });
    const { email } = await arrival;

    expect(result).toEqual({ ok: true, via: "smtp", messageId: expect.stringMatching(/^<.+@shop\.example>$/) });
    expect(email.headers.subject).toBe(MESSAGE.subject);
    expect(email.headers.from).toBe('"Caravan" <orders@shop.example>');
    expect(email.headers["message-id"]).toBe(result.ok ? result.messageId : undefined);
    expect(email.headers["auto-submitted"]).toBe("auto-generated");
    expect(email.body?.trim()).toBe(MESSAGE.text);
    expect(email.html).toContain("شكرًا لطلبك من كارافان.");
    expect(email.attachments).toHaveLength(1);
    const [pdf] = email.attachments;
    expect(pdf?.filename).toBe("invoice-CV-7K3M-9QX2.pdf");
    expect(pdf?.contentType).toBe("application/pdf");
    expect(Buffer.compare(pdf!.content, PDF)).toBe(0);
    expectNothingPersonal(lines);
    expect(lines.join("\n")).toContain("t***@example.com");
  });

  it("gives a retried message the same Message-ID", async () => {
    const keyed = { ...MESSAGE, idempotencyKey: "order-confirmation:ord_123" };
    const first = await sendMail(keyed, { settings, log: () => {} });
    const second = await sendMail(keyed, { settings, log: () => {} });
    const other = await sendMail({ ...keyed, idempotencyKey: "order-confirmation:ord_124" }, { settings, log: () => {} });
    expect(first.ok && second.ok && other.ok).toBe(true);
    expect(first).toEqual(second);
    expect(other).not.toEqual(first);
  });

  it("sends nothing to a recipient that is not exactly one address", async () => {
    const { lines, log } = collectLogs();
    for (const to of [`${BUYER}, someone@example.com`, "nobody", "Undisclosed: ;"]) {
      expect(await sendMail({ ...MESSAGE, to }, { settings, log })).toEqual({ ok: false, code: "MAIL_FAILED" });
    }
    await expect(server.captureOne("someone@example.com", { wait: 300 })).rejects.toThrow();
    expectNothingPersonal(lines);
  });
});

describe("sendMail when SMTP fails", () => {
  it("answers MAIL_FAILED when no server listens, and logs no address", async () => {
    const { lines, log } = collectLogs();
    const settings = { smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from: FROM, outboxDir: "/nonexistent" };
    await expect(sendMail(MESSAGE, { settings, log })).resolves.toEqual({ ok: false, code: "MAIL_FAILED" });
    expectNothingPersonal(lines);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ level: "error", via: "smtp", to: "t***@example.com", code: "ESOCKET" });
  });

  it("answers MAIL_FAILED when the server refuses the recipient, and masks the address its reply quotes", async () => {
    const server = init(0);
    server.smtpServer.onRcptTo = (address, _session, callback) => {
      callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox tanaka.yuki unavailable`), { responseCode: 550 }));
    };
    try {
      const { lines, log } = collectLogs();
      const settings = { smtpUrl: `smtp://127.0.0.1:${await listening(server.smtpServer.server)}`, from: FROM, outboxDir: "/nonexistent" };
      await expect(sendMail(MESSAGE, { settings, log })).resolves.toEqual({ ok: false, code: "MAIL_FAILED" });
      expectNothingPersonal(lines);
      expect(JSON.parse(lines.at(-1)!)).toMatchObject({ level: "error", via: "smtp", code: "EENVELOPE", responseCode: 550 });
    } finally {
      await new Promise<void>((resolve) => server.stop(() => resolve()));
    }
  });
});

describe("sendMail into the outbox", () => {
  let dir: string;
  const at = new Date("2026-11-28T14:30:05.123Z");

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "caravan-outbox-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("writes one parseable .eml, named by its UTC time, with the headers SMTP would carry", async () => {
    const { lines, log } = collectLogs();
    const result = await sendMail({ ...MESSAGE, attachments: [{ filename: "invoice.pdf", content: PDF, contentType: "application/pdf" }] }, { settings: { from: FROM, outboxDir: path.join(dir, "outbox") }, log, now: () => at });

    expect(result).toMatchObject({ ok: true, via: "outbox" });
    const files = await readdir(path.join(dir, "outbox"));
    expect(files).toEqual([expect.stringMatching(/^20261128T143005\.123Z-[0-9a-f]{12}\.eml$/)]);
    const raw = await readFile(path.join(dir, "outbox", files[0]!));
    expect(raw.toString("latin1")).toMatch(/^[\x21-\x7e][^\n]*\r\n/);
    expect(raw.toString("latin1")).not.toMatch(/[^\r]\n/);

    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(MESSAGE.subject);
    expect(mail.from?.text).toBe('"Caravan" <orders@shop.example>');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual([BUYER]);
    expect(mail.date?.toISOString()).toBe("2026-11-28T14:30:05.000Z");
    expect(mail.messageId).toBe(result.ok ? result.messageId : undefined);
    expect(mail.headers.get("mime-version")).toBe("1.0");
    expect(mail.text?.trim()).toBe(MESSAGE.text);
    expect(mail.html).toContain("شكرًا لطلبك من كارافان.");
    expect(Buffer.compare(mail.attachments[0]!.content, PDF)).toBe(0);
    expectNothingPersonal(lines);
  });

  it("keeps one file per idempotency key", async () => {
    const options = { settings: { from: FROM, outboxDir: dir }, log: () => {}, now: () => at };
    const keyed = { ...MESSAGE, idempotencyKey: "order-confirmation:ord_123" };
    const first = await sendMail(keyed, options);
    const again = await sendMail(keyed, { ...options, now: () => new Date("2026-11-28T15:00:00Z") });
    await sendMail(MESSAGE, options);
    expect(again).toEqual(first);
    expect((await readdir(dir)).filter((name) => name.endsWith(".eml"))).toHaveLength(2);
  });

  it("answers MAIL_FAILED when the outbox cannot be written", async () => {
    const { lines, log } = collectLogs();
    const blocker = path.join(dir, "a-file");
    await writeFile(blocker, "");
    await expect(sendMail(MESSAGE, { settings: { from: FROM, outboxDir: path.join(blocker, "outbox") }, log })).resolves.toEqual({ ok: false, code: "MAIL_FAILED" });
    expectNothingPersonal(lines);
  });
});
