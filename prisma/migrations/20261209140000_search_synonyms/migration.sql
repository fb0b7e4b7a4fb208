-- What citizens call a procedure, mapped to the words of its official name: "sổ đỏ" → "giấy chứng nhận
-- quyền sử dụng đất", "bằng lái" → "giấy phép lái xe". Edited by VPCP administrators; the seed adds pairs
-- that are missing and never overwrites an edited one.
CREATE TABLE "search_synonym" (
    "id" SERIAL NOT NULL,
    -- What people type, as written (with diacritics).
    "phrase" TEXT NOT NULL,
    -- portal_fold(phrase): what a folded query is matched against, whole words only.
    "phrase_key" TEXT NOT NULL,
    -- The words of the official name it stands for, as written.
    "official" TEXT NOT NULL,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_synonym_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "search_synonym_phrase_key_key" ON "search_synonym"("phrase_key");
ALTER TABLE "search_synonym" ADD CONSTRAINT "search_synonym_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
