-- What the citizen saw, stored with the dossier at filing: the label of each chosen option or code-list item,
-- the full name of each address unit as of filing, a paper's file name; keyed by answer path. NULL for dossiers
-- filed before labels were stored (their labels are computed from reference data when shown).
ALTER TABLE "dossier" ADD COLUMN "answer_labels" JSONB;
