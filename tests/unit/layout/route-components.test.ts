// A route's _components folder serves that route only: what a second route needs lives in components/ (or lib/),
// where a newcomer looks for shared code. Read off the import statements of app/, components/ and lib/.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** The imported files of a module, as paths from the repository root; packages are left out. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((match) => match[1]!);
  return specifiers.flatMap((specifier) => {
    if (specifier.startsWith("@/")) return [specifier.slice(2)];
    if (specifier.startsWith(".")) return [path.relative(ROOT, path.resolve(path.dirname(file), specifier))];
    return [];
  });
}

/** The route folder a file belongs to: its folder, above any private (_underscore) folder. */
function routeOf(file: string): string {
  const parts = path.dirname(file).split(path.sep);
  const privateAt = parts.findIndex((part) => part.startsWith("_"));
  return (privateAt === -1 ? parts : parts.slice(0, privateAt)).join("/");
}

describe("route _components", () => {
  const files = ["app", "components", "lib"]
    .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
    .map((file) => path.relative(ROOT, file));

  it("finds the imports it checks", () => {
    const imports = files.flatMap((file) => importsOf(path.join(ROOT, file)));
    expect(imports).toContain("app/(dashboard)/claims/_components/claims-table");
  });

  it("are imported by their own route only", () => {
    const crossings = files.flatMap((file) =>
      importsOf(path.join(ROOT, file))
        .filter((target) => target.includes("/_components/"))
        .filter((target) => target.split("/_components/")[0] !== routeOf(file))
        .map((target) => `${file} imports ${target}`),
    );
    expect(crossings).toEqual([]);
  });
});
