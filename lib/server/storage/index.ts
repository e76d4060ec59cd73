// No `server-only` here: the job runner also starts outside Next (scripts, tests).
import path from "node:path";
import { serverEnv } from "@/lib/env";
import { LocalStorage } from "./local";

export { isStorageKey, newStorageId, StorageKeyError } from "./keys";

/**
 * The store's file storage: product image originals and renditions, and the files
 * digital products deliver. Everything is addressed by a key the store makes itself
 * (`newStorageKey`), never by a name or path a visitor sent, so no upload can reach
 * outside its place (`isStorageKey` refuses `..`, absolute paths, backslashes and
 * anything but lower-case letters, digits, `-`, `_` and `.` in `/`-separated parts).
 *
 * Nothing here decides who may read an object: public images are served by
 * app/media/[...path]/route.ts only for READY images it finds in the database; digital
 * files are never served from a public path.
 *
 * An S3-compatible store implements the same four calls with one bucket and the key as
 * the object key: `put` is PutObject (with ContentType and ContentLength), `get` is
 * GetObject (its Body stream and ContentLength; NoSuchKey gives null), `delete` is
 * DeleteObject (deleting a missing key is not an error), `exists` is HeadObject (404
 * gives false). It is chosen by CARAVAN_STORAGE in `getStorage` below.
 */
export interface StoredObject {
  bytes: Uint8Array;
  size: number;
  contentType: string;
}

export interface Storage {
  /** Writes (or overwrites) the object at `key`. Throws on a key `isStorageKey` refuses. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, size and content type; null when there is none (or the key is refused). */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; a missing one is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

let configured: Storage | undefined;

/** The store's configured storage (CARAVAN_STORAGE, today only `local` under CARAVAN_STORAGE_DIR). */
export function getStorage(): Storage {
  if (!configured) {
    const env = serverEnv();
    // CARAVAN_STORAGE has one value today; an S3-compatible store would be chosen here.
    if (env.CARAVAN_STORAGE === "local") configured = new LocalStorage(path.resolve(env.CARAVAN_STORAGE_DIR));
    else throw new Error(`unknown CARAVAN_STORAGE ${String(env.CARAVAN_STORAGE)}`);
  }
  return configured;
}
