// Environment the server needs, validated once with a message that says how to fix it.
import { z } from "zod";

const serverEnvSchema = z.object({
  DATABASE_URL: z
    .string({
      error:
        "DATABASE_URL is not set. Start the app with `npm run dev` (or `npm start`): it starts the embedded database and sets DATABASE_URL for you.",
    })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string."),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

// Parsed on first use rather than at import, so `next build` can load route modules without a database.
export function getServerEnv(): ServerEnv {
  if (!cached) {
    const parsed = serverEnvSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid server environment:\n${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}

const trustedProxiesSchema = z
  .string()
  .regex(
    /^\d{1,2}$/,
    "CLAIMDESK_TRUSTED_PROXIES must be the number of reverse proxies in front of ClaimDesk (0 when none).",
  )
  .transform(Number);

/**
 * CLAIMDESK_TRUSTED_PROXIES: how many reverse proxies in front of ClaimDesk append to X-Forwarded-For. Read on each
 * use, so a test can change it; 0 (the default) believes nothing a request says about its own address.
 */
export function trustedProxyCount(): number {
  const parsed = trustedProxiesSchema.safeParse(process.env.CLAIMDESK_TRUSTED_PROXIES ?? "0");
  if (!parsed.success) throw new Error(`Invalid server environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const publicUrlSchema = z.url({
  protocol: /^https?$/,
  error: "NEXTAUTH_URL must be the public URL people open ClaimDesk at, e.g. https://claims.example.org.",
});

/** The origin of NEXTAUTH_URL, where people reach ClaimDesk; null when unset. Read on each use, like the above. */
export function configuredPublicOrigin(): string | null {
  const value = process.env.NEXTAUTH_URL;
  if (!value) return null;
  const parsed = publicUrlSchema.safeParse(value);
  if (!parsed.success) throw new Error(`Invalid server environment:\n${z.prettifyError(parsed.error)}`);
  return new URL(parsed.data).origin;
}
