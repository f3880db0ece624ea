// The session next-auth hands out carries only the user's id (see the callbacks in lib/auth.ts).
import "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id?: string };
  }
}
