// The file store's settings (lib/files/storage.ts fileStorageConfig): the local folder by default, S3 only with a
// bucket and keys, and every unusable setting named in the error (the start-up check lists the same problems).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileStorageConfig, fileStorageSettingProblems } from "@/lib/files/storage";

const S3 = {
  FILE_STORAGE: "s3",
  S3_BUCKET: "portal-files",
  S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
  S3_SECRET_ACCESS_KEY: "secret-example",
};

describe("file storage settings", () => {
  it("defaults to the local folder, with a 24-hour sweep grace", () => {
    expect(fileStorageConfig({})).toEqual({ kind: "local", dir: path.join(process.cwd(), ".data", "files"), sweepGraceHours: 24 });
    expect(fileStorageConfig({ FILE_STORAGE: "local", FILE_STORAGE_DIR: "/srv/files", FILE_SWEEP_GRACE_HOURS: "6" })).toEqual({
      kind: "local",
      dir: "/srv/files",
      sweepGraceHours: 6,
    });
    // An empty line in an env file is an unset setting.
    expect(fileStorageConfig({ FILE_STORAGE: "", FILE_SWEEP_GRACE_HOURS: "" }).kind).toBe("local");
  });

  it("makes S3 settings: AWS without an endpoint, another store with one", () => {
    expect(fileStorageConfig(S3)).toEqual({
      kind: "s3",
      region: "us-east-1",
      bucket: "portal-files",
      accessKeyId: "AKIAEXAMPLE",
      secretAccessKey: "secret-example",
      forcePathStyle: false,
      sweepGraceHours: 24,
    });
    expect(
      fileStorageConfig({ ...S3, S3_ENDPOINT: "http://127.0.0.1:9000", S3_REGION: "ap-southeast-1", S3_FORCE_PATH_STYLE: "true" }),
    ).toMatchObject({ endpoint: "http://127.0.0.1:9000", region: "ap-southeast-1", forcePathStyle: true });
  });

  it("names every problem of unusable settings", () => {
    expect(fileStorageSettingProblems({ FILE_STORAGE: "s3" })).toEqual([
      "S3_BUCKET is required when FILE_STORAGE=s3",
      "S3_ACCESS_KEY_ID is required when FILE_STORAGE=s3",
      "S3_SECRET_ACCESS_KEY is required when FILE_STORAGE=s3",
    ]);
    expect(fileStorageSettingProblems({ FILE_STORAGE: "ftp" })).toEqual(["FILE_STORAGE must be local or s3"]);
    expect(fileStorageSettingProblems({ ...S3, S3_ENDPOINT: "not a url" })).toEqual(["S3_ENDPOINT must be an http(s) URL"]);
    expect(fileStorageSettingProblems({ ...S3, S3_ENDPOINT: "ftp://store.example" })).toEqual(["S3_ENDPOINT must be an http(s) URL"]);
    expect(fileStorageSettingProblems({ ...S3, S3_FORCE_PATH_STYLE: "yes" })).toEqual(["S3_FORCE_PATH_STYLE must be true or false"]);
    for (const grace of ["0", "1.5", "-3", "day"])
      expect(fileStorageSettingProblems({ FILE_SWEEP_GRACE_HOURS: grace }), grace).toEqual([
        "FILE_SWEEP_GRACE_HOURS must be a whole number of hours, 1 or more",
      ]);
    expect(() => fileStorageConfig({ FILE_STORAGE: "s3", S3_BUCKET: "b" })).toThrow(
      /^Invalid file storage settings: S3_ACCESS_KEY_ID is required .*S3_SECRET_ACCESS_KEY is required/,
    );
    expect(fileStorageSettingProblems(S3)).toEqual([]);
  });
});
