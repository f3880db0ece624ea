"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { SIGN_IN_DATABASE_UNAVAILABLE } from "@/lib/auth/sign-in-errors";

/** One message for every failure of the credentials, so the form never tells whether an email has an account. */
const FAILED =
  "Sign-in failed. Check your email and password. After several failed attempts sign-in pauses for 15 minutes.";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  // onSubmit rather than a form action: React resets a form after its action, and a failed attempt must keep
  // what was typed.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    startTransition(async () => {
      try {
        const result = await signIn("credentials", {
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
          redirect: false,
        });
        if (result?.error === SIGN_IN_DATABASE_UNAVAILABLE) {
          setError("The database is unavailable, so you could not be signed in. Try again in a moment.");
          return;
        }
        if (!result?.ok || result.error) {
          setError(FAILED);
          return;
        }
        router.replace(callbackUrl);
        router.refresh();
      } catch (error) {
        // fetch rejects with a TypeError when no answer came back; anything else was an answer it could not read.
        setError(
          error instanceof TypeError
            ? "The server could not be reached. Try again in a moment."
            : "The server could not handle the sign-in. Try again in a moment.",
        );
      }
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-label="Sign in">
      {error && <FormMessage tone="error">{error}</FormMessage>}
      <Field id="sign-in-email" label="Email">
        {(described) => (
          <Input
            id="sign-in-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            maxLength={254}
            {...described}
          />
        )}
      </Field>
      <Field id="sign-in-password" label="Password">
        {(described) => (
          <Input
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
            {...described}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" disabled={pending} className="mt-2 h-10">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
