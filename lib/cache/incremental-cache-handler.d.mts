/** Types of the page cache handler (plain JavaScript, loaded by Next at run time). */
export declare const CHANNEL: string;
export declare const REPLAY_WINDOW_HOURS: number;
export declare function shouldStore(key: string, data: { kind: string; status?: number } | null | undefined): boolean;
export declare function expireTags(tags: readonly string[], at?: number): void;
export declare function startListener(url?: string): void;
declare const CaravanCacheHandler: unknown;
export default CaravanCacheHandler;
