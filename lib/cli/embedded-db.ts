// `tsx lib/cli/embedded-db.ts [--data-dir D] [--port P]`: serves the embedded database in the foreground, for psql
// or any other PostgreSQL tool. Without --port it prefers the launcher's stable port.
import path from "node:path";
import { parseArgs } from "node:util";
import { defaultDataDir, startEmbeddedOnPreferredPort } from "@/lib/embedded/launcher";
import { startEmbeddedServer } from "@/lib/embedded/server";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "data-dir": { type: "string" }, port: { type: "string" } } });
  const dataDir = path.resolve(values["data-dir"] ?? defaultDataDir());
  const server =
    values.port === undefined
      ? await startEmbeddedOnPreferredPort(dataDir)
      : await startEmbeddedServer({ dataDir, port: parsePort(values.port) });

  console.log(`Embedded PostgreSQL (PGlite) serving ${dataDir}`);
  console.log(server.url);
  console.log("Press Ctrl-C to stop.");

  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be 0-65535, got ${text}`);
  }
  return port;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
