// next-auth needs a secret to sign session tokens and the public URL to build its redirects. Operators set
// NEXTAUTH_SECRET and NEXTAUTH_URL; a fresh clone gets a random secret kept beside the embedded database (so
// sessions survive a restart) and the local URL of the port Next.js will listen on.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataRoot } from "@/lib/embedded/launcher";

const SECRET_FILE = path.join(dataRoot, "auth-secret");

export function authEnv(nextArgs: string[]): Record<string, string> {
  return {
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${listenPort(nextArgs)}`,
  };
}

function localSecret(): string {
  try {
    return fs.readFileSync(SECRET_FILE, "utf8").trim();
  } catch {
    const secret = randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    fs.writeFileSync(SECRET_FILE, secret, { mode: 0o600 });
    return secret;
  }
}

function listenPort(nextArgs: string[]): string {
  const flag = nextArgs.findIndex((arg) => arg === "-p" || arg === "--port");
  return (flag >= 0 ? nextArgs[flag + 1] : undefined) ?? process.env.PORT ?? "3000";
}
