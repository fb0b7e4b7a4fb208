// A local S3-compatible server for tests (s3rver, on 127.0.0.1, a free port, a temporary folder), with the
// settings that point the app's file store at it. s3rver is unmaintained since 2021 and is for tests only
// (docs/storage.md); the portal's S3 adapter talks to it as it would to AWS, MinIO or any other store.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export interface LocalS3 {
  endpoint: string;
  /** FILE_STORAGE=s3 and the S3_* settings for the first bucket. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startLocalS3(buckets: string[]): Promise<LocalS3> {
  if (buckets.length === 0) throw new Error("startLocalS3 needs at least one bucket");
  // The SDK warns on Node 20 about releases after January 2027; the tests run on the Node the project pins.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "portal-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    // Port 0: the system picks a free one, and run() says which.
    port: 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  let address;
  try {
    address = await server.run();
  } catch (err) {
    await fs.rm(directory, { recursive: true, force: true });
    throw err;
  }
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    env: {
      FILE_STORAGE: "s3",
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_BUCKET: buckets[0]!,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    },
    async stop() {
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}
