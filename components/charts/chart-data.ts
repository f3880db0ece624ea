// The shape every bar chart and its "show as table" twin read: categories with a count per series, and where
// each count leads.

export interface ChartDatum {
  key: string;
  label: string;
  /** A page about the category itself (a sector's page), linked from its name in the table. */
  href?: string;
  /** Shown under the label in the table, e.g. the document a section belongs to. */
  detail?: string;
  values: Record<string, number>;
  /** The claims behind each count; a zero never links. */
  hrefs: Record<string, string | undefined>;
  /** Drawn faintly: a category the filters leave out of the table (a sector not chosen). */
  muted?: boolean;
}
