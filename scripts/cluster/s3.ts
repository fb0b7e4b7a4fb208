// The local S3-compatible server for the cluster proof (s3rver: for tests only, never production). A
// stand-in until tests/support/s3.ts `startLocalS3(buckets)` lands; the harness prefers that one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export interface LocalS3 {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * The storage helper's starter (tests/support/s3.ts `startLocalS3(buckets)`) when this checkout has it, read
 * tolerantly (an `endpoint` or `url`, a `stop` or `close`); otherwise the small one below.
 */
export async function startLocalS3OrOwn(port: number, buckets: string[]): Promise<LocalS3 & { via: string }> {
  const shared = path.join(process.cwd(), "tests", "support", "s3.ts");
  if (fs.existsSync(shared)) {
    const mod = (await import(shared)) as { startLocalS3?: (b: string[]) => Promise<Record<string, unknown>> };
    if (mod.startLocalS3) {
      const s = await mod.startLocalS3(buckets);
      const endpoint = (s.endpoint ?? s.url) as string | undefined;
      const stop = (s.stop ?? s.close) as (() => Promise<void>) | undefined;
      if (endpoint && stop) return { endpoint, stop: () => stop.call(s), via: "tests/support/s3.ts" };
    }
  }
  return { ...(await startS3(port, buckets)), via: "scripts/cluster/s3.ts" };
}

export async function startS3(port: number, buckets: string[]): Promise<LocalS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "cluster-s3-"));
  const server = new S3rver({
    port,
    address: "127.0.0.1",
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
