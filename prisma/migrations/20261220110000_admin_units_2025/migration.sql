-- The 2025 reorganisation's map beside the old one. Until 30 June 2025 addresses were province → district →
-- ward (THREE_LEVEL); from 1 July 2025 they are province → commune (TWO_LEVEL). The same code can name
-- different units on the two maps (a new commune keeps one predecessor's code, a new province too), so a unit
-- is keyed by its map and its code, and old addresses keep resolving on the map they were written on.
CREATE TYPE "AdminUnitMap" AS ENUM ('THREE_LEVEL', 'TWO_LEVEL');

ALTER TABLE "admin_unit"
  ADD COLUMN "map" "AdminUnitMap" NOT NULL DEFAULT 'THREE_LEVEL',
  ADD COLUMN "valid_from" DATE,
  ADD COLUMN "valid_to" DATE,
  ADD COLUMN "predecessors" VARCHAR(5)[] DEFAULT ARRAY[]::VARCHAR(5)[];
ALTER TABLE "admin_unit" ALTER COLUMN "map" DROP DEFAULT;

-- The rows already loaded are the three-level map, in force until the reorganisation took effect.
UPDATE "admin_unit" SET "valid_to" = DATE '2025-07-01';

ALTER TABLE "admin_unit" DROP CONSTRAINT "admin_unit_pkey";
ALTER TABLE "admin_unit" ADD CONSTRAINT "admin_unit_pkey" PRIMARY KEY ("map", "code");
DROP INDEX "admin_unit_parent_code_name_idx";
CREATE INDEX "admin_unit_map_parent_code_name_idx" ON "admin_unit"("map", "parent_code", "name");
