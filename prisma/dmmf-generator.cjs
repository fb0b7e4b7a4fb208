// A Prisma generator that writes the parsed data model (DMMF) to a JSON file.
// The drift test compares it with the migrated database, since the schema engine cannot run here.
const { generatorHandler } = require("@prisma/generator-helper");
const fs = require("node:fs");
const path = require("node:path");

generatorHandler({
  onManifest: () => ({ prettyName: "DMMF snapshot", defaultOutput: "../lib/generated/dmmf.json" }),
  onGenerate: async (options) => {
    const out = options.generator.output?.value;
    if (!out) throw new Error("dmmf generator: no output path");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(options.dmmf.datamodel, null, 2));
  },
});
