// Types of the shared cache handler (a plain .mjs file that Next loads outside the bundle).
export interface CacheHandlerValue {
  lastModified: number;
  value: unknown;
  cacheControl?: { revalidate: number | false; expire?: number };
}

export interface PostgresCacheHandlerContext {
  serverDistDir?: string;
  dev?: boolean;
  /** Tests: the database (otherwise DATABASE_URL). */
  databaseUrl?: string;
  /** Tests: the build (otherwise NEXT_CACHE_BUILD_ID or .next/BUILD_ID). */
  buildId?: string;
  [key: string]: unknown;
}

export default class PostgresCacheHandler {
  constructor(ctx?: PostgresCacheHandlerContext);
  readonly buildId: string;
  get(key: string, ctx?: Record<string, unknown>): Promise<CacheHandlerValue | null>;
  set(key: string, data: unknown, ctx?: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}

export function encodeValue(value: unknown): string;
export function decodeValue(text: string): unknown;
export function closeCachePools(): Promise<void>;
