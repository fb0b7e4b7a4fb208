-- The 2016 programme run by the Government Office: the yearly priority list of level-3/4 services with the
-- agencies' comments, dated milestones, and inspections of agencies with their follow-ups.

-- CreateEnum
CREATE TYPE "PriorityListStatus" AS ENUM ('DRAFT', 'CONSULTING', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE');

-- CreateEnum
CREATE TYPE "InspectionStatus" AS ENUM ('PLANNED', 'DONE', 'CANCELLED');

-- CreateTable
CREATE TABLE "priority_list" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "PriorityListStatus" NOT NULL DEFAULT 'DRAFT',
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "priority_list_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "priority_list_entry" (
    "id" SERIAL NOT NULL,
    "list_id" INTEGER NOT NULL,
    "procedure_id" INTEGER NOT NULL,
    "target_level" SMALLINT NOT NULL,
    "note" TEXT,

    CONSTRAINT "priority_list_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "priority_list_comment" (
    "id" SERIAL NOT NULL,
    "list_id" INTEGER NOT NULL,
    "entry_id" INTEGER,
    "agency_id" INTEGER NOT NULL,
    "author_name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "priority_list_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "due_date" DATE NOT NULL,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'PLANNED',
    "done_on" DATE,
    "note" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspection" (
    "id" SERIAL NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "planned_on" DATE NOT NULL,
    "scope" TEXT NOT NULL,
    "status" "InspectionStatus" NOT NULL DEFAULT 'PLANNED',
    "conducted_on" DATE,
    "findings" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspection_follow_up" (
    "id" SERIAL NOT NULL,
    "inspection_id" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "due_date" DATE NOT NULL,
    "done_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inspection_follow_up_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "priority_list_year_idx" ON "priority_list"("year");

-- CreateIndex
CREATE UNIQUE INDEX "priority_list_entry_list_id_procedure_id_key" ON "priority_list_entry"("list_id", "procedure_id");

-- CreateIndex
CREATE INDEX "priority_list_entry_procedure_id_idx" ON "priority_list_entry"("procedure_id");

-- CreateIndex
CREATE INDEX "priority_list_comment_list_id_created_at_idx" ON "priority_list_comment"("list_id", "created_at");

-- CreateIndex
CREATE INDEX "priority_list_comment_entry_id_idx" ON "priority_list_comment"("entry_id");

-- CreateIndex
CREATE INDEX "priority_list_comment_agency_id_idx" ON "priority_list_comment"("agency_id");

-- CreateIndex
CREATE UNIQUE INDEX "milestone_code_key" ON "milestone"("code");

-- CreateIndex
CREATE INDEX "milestone_due_date_idx" ON "milestone"("due_date");

-- CreateIndex
CREATE INDEX "inspection_agency_id_idx" ON "inspection"("agency_id");

-- CreateIndex
CREATE INDEX "inspection_status_planned_on_idx" ON "inspection"("status", "planned_on");

-- CreateIndex
CREATE INDEX "inspection_follow_up_inspection_id_idx" ON "inspection_follow_up"("inspection_id");

-- CreateIndex
CREATE INDEX "inspection_follow_up_done_on_due_date_idx" ON "inspection_follow_up"("done_on", "due_date");

-- AddForeignKey
ALTER TABLE "priority_list_entry" ADD CONSTRAINT "priority_list_entry_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "priority_list"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "priority_list_entry" ADD CONSTRAINT "priority_list_entry_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "priority_list_comment" ADD CONSTRAINT "priority_list_comment_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "priority_list"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "priority_list_comment" ADD CONSTRAINT "priority_list_comment_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "priority_list_entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "priority_list_comment" ADD CONSTRAINT "priority_list_comment_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_follow_up" ADD CONSTRAINT "inspection_follow_up_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Targets are online levels 3 and 4 only; an agency's end date, if any, is after its start, and it is not its own successor.
ALTER TABLE "priority_list_entry" ADD CONSTRAINT "priority_list_entry_target_level_check" CHECK ("target_level" IN (3, 4));
ALTER TABLE "agency" ADD CONSTRAINT "agency_validity_check" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "agency" ADD CONSTRAINT "agency_successor_not_self_check" CHECK ("successor_id" IS NULL OR "successor_id" <> "id");
