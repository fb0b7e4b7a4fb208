-- Issue 18, English: a procedure record stays Vietnamese; the priority procedures also get an English name and
-- summary, the portal's own unofficial translation (prisma/data/procedures-en.json), shown on English pages.
ALTER TABLE "procedure" ADD COLUMN "name_en" TEXT;
ALTER TABLE "procedure" ADD COLUMN "summary_en" TEXT;
