// Finds a server action's id in the production build, as the browser finds it in the page's code: for requests the
// bench and the tests send the way the app's forms do.
import fs from "node:fs";
import path from "node:path";

export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const entry = Object.entries(manifest.node).find(
    ([, action]) => action.filename === filename && action.exportedName === exportedName,
  );
  if (!entry) throw new Error(`the build has no server action ${exportedName} from ${filename}`);
  return entry[0];
}
