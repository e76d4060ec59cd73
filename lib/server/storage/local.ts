import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { isStorageKey, StorageKeyError } from "./keys";
import type { Storage, StoredObject } from "./index";

/**
 * Storage on the local disk under one directory: the object at `a/b` is the file
 * `<root>/a/b`, its content type beside it in `<root>/a/b.type`. Writes go to a
 * temporary file first and are renamed into place, so a reader never sees half a file.
 */
export class LocalStorage implements Storage {
  constructor(private readonly root: string) {}

  /** The file of a key, or null for a key that is refused or would leave the root. */
  private fileOf(key: string): string | null {
    if (!isStorageKey(key)) return null;
    const file = path.resolve(this.root, ...key.split("/"));
    return file.startsWith(this.root + path.sep) ? file : null;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const file = this.fileOf(key);
    if (!file || key.endsWith(".type")) throw new StorageKeyError();
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${randomBytes(6).toString("hex")}.partial`;
    await writeFile(temporary, bytes);
    await writeFile(`${file}.type`, contentType);
    await rename(temporary, file);
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.fileOf(key);
    if (!file || key.endsWith(".type")) return null;
    try {
      const [bytes, contentType] = await Promise.all([readFile(file), readFile(`${file}.type`, "utf8").catch(() => "application/octet-stream")]);
      return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), size: bytes.byteLength, contentType };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "EISDIR") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.fileOf(key);
    if (!file) return;
    await Promise.all([rm(file, { force: true }), rm(`${file}.type`, { force: true })]);
  }

  async exists(key: string): Promise<boolean> {
    const file = this.fileOf(key);
    if (!file || key.endsWith(".type")) return false;
    return stat(file).then((s) => s.isFile(), () => false);
  }
}
