-- Code lists a declaration form chooses from (ethnic groups, nationalities, religions, relationships,
-- identity papers): one data file each under prisma/data/codelists, seeded here. An item is retired, never
-- deleted, so an old dossier's code still resolves; a dossier also keeps the label its applicant saw.
CREATE TABLE "code_list" (
    "id" VARCHAR(40) NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "code_list_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "code_list_item" (
    "list_id" VARCHAR(40) NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "retired" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "code_list_item_pkey" PRIMARY KEY ("list_id","code")
);

CREATE INDEX "code_list_item_list_id_position_idx" ON "code_list_item"("list_id", "position");

ALTER TABLE "code_list_item" ADD CONSTRAINT "code_list_item_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "code_list"("id") ON DELETE CASCADE ON UPDATE CASCADE;
