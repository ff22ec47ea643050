/** The home page's doors, one per kind of visitor; later pages are added here as they land. */
export interface HomeEntry {
  readonly title: string;
  readonly hint: string;
  readonly url: string;
}

export const homeEntries: HomeEntry[] = [];
