// The stages an import goes through, in order, as the import page shows them. Shared by the runner, which records
// the current one on the ImportJob row, and the page, which lists them all with the current one marked.

export const IMPORT_STAGES = [
  { name: "queued", label: "Waiting for the importer" },
  { name: "reading", label: "Reading the file" },
  { name: "finding claims", label: "Finding claims, entities and sources" },
  { name: "saving", label: "Saving the draft" },
  { name: "done", label: "Done" },
] as const;

export type ImportStageName = (typeof IMPORT_STAGES)[number]["name"];

export function stageIndex(name: string): number {
  return IMPORT_STAGES.findIndex((stage) => stage.name === name);
}
