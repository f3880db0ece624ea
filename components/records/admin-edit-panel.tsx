"use client";

// The admin edit forms of the claim, entity and source pages: a collapsed panel, and the state every one of them
// needs. Fields are controlled, so a refused save (bad input, someone else's newer version) keeps what was typed;
// the record's version ("token") is the one the form was opened at, until a save or a reload after a refusal.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/result";
import { sendAction } from "@/lib/actions/send-action";

export function AdminEditPanel({
  title,
  description,
  children,
}: {
  title: string;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card>
      <details className="group">
        <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-xl px-5 py-4 text-base font-semibold tracking-tight outline-none focus-visible:ring-2 focus-visible:ring-ring sm:px-6 [&::-webkit-details-marker]:hidden">
          {title}
          <span aria-hidden className="text-sm font-normal text-muted-foreground group-open:hidden">
            Admin
          </span>
        </summary>
        <div className="flex flex-col gap-4 border-t px-5 py-5 sm:px-6">
          <p className="text-sm text-muted-foreground">{description}</p>
          {children}
        </div>
      </details>
    </Card>
  );
}

export function useRecordForm<Values extends object, Token, Saved>({
  initial,
  token: currentToken,
  save,
  tokenOf,
}: {
  initial: Values;
  /** The record's version as the page last read it. */
  token: Token;
  save: (values: Values, token: Token) => Promise<ActionResult<Saved>>;
  tokenOf: (saved: Saved) => Token;
}) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [token, setToken] = useState(currentToken);
  const [reloading, setReloading] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  // After a stale refusal the page reloads; the newer version it brings is the one the next save starts from.
  if (reloading && currentToken !== token) {
    setToken(currentToken);
    setReloading(false);
  }

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((current) => ({ ...current, [key]: value }));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const result = await sendAction(() => save(values, token));
      if (result.ok) {
        setToken(tokenOf(result.data));
        setErrors({});
        setMessage({ tone: "success", text: "Saved." });
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setMessage({ tone: "error", text: result.error });
      if (result.stale) {
        setReloading(true);
        router.refresh();
      }
    });
  }

  return { values, set, errors, message, pending, onSubmit };
}

export function RecordFormFooter({
  message,
  pending,
}: {
  message: { tone: "error" | "success"; text: string } | null;
  pending: boolean;
}) {
  return (
    <>
      <div aria-live="polite">
        {message ? <FormMessage tone={message.tone}>{message.text}</FormMessage> : null}
      </div>
      <Button type="submit" variant="primary" disabled={pending} className="self-start">
        {pending ? "Saving…" : "Save changes"}
      </Button>
    </>
  );
}
