"use client";

// New account: controlled fields, so a refused save (a taken email, a short password) keeps everything typed.
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, FormMessage, Input, Select } from "@/components/ui/field";
import { createUser } from "@/lib/actions/users";
import { sendAction } from "@/lib/actions/send-action";
import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums.ts";

const EMPTY = { email: "", name: "", role: "VIEWER" as Role, password: "" };

export function CreateUserForm() {
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (key: keyof typeof EMPTY) => (value: string) =>
    setValues((current) => ({ ...current, [key]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const result = await sendAction(() => createUser(values));
      if (result.ok) {
        setValues(EMPTY);
        setErrors({});
        setMessage({
          tone: "success",
          text: `Created ${ROLE_LABELS[result.data.role].toLowerCase()} account for ${result.data.email}. Give them the password by a separate channel.`,
        });
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage({ tone: "error", text: result.error });
      }
    });
  }

  return (
    <Card>
      <section aria-labelledby="create-user-heading">
        <CardHeader>
          <CardTitle id="create-user-heading">New account</CardTitle>
          <CardDescription>The person signs in with this email and password.</CardDescription>
        </CardHeader>
        <CardContent>
          <form
            aria-labelledby="create-user-heading"
            className="flex flex-col gap-4"
            onSubmit={onSubmit}
            noValidate
          >
            <Field id="new-user-email" label="Email" error={errors.email?.[0]}>
              {(described) => (
                <Input
                  id="new-user-email"
                  type="email"
                  autoComplete="off"
                  value={values.email}
                  onChange={(event) => set("email")(event.target.value)}
                  {...described}
                />
              )}
            </Field>
            <Field id="new-user-name" label="Name" error={errors.name?.[0]}>
              {(described) => (
                <Input
                  id="new-user-name"
                  autoComplete="off"
                  value={values.name}
                  maxLength={100}
                  onChange={(event) => set("name")(event.target.value)}
                  {...described}
                />
              )}
            </Field>
            <Field id="new-user-role" label="Role" error={errors.role?.[0]}>
              {(described) => (
                <Select
                  id="new-user-role"
                  value={values.role}
                  onChange={(event) => set("role")(event.target.value)}
                  {...described}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field
              id="new-user-password"
              label="Initial password"
              hint="At least 12 characters."
              error={errors.password?.[0]}
            >
              {(described) => (
                <Input
                  id="new-user-password"
                  type="password"
                  autoComplete="new-password"
                  value={values.password}
                  onChange={(event) => set("password")(event.target.value)}
                  {...described}
                />
              )}
            </Field>
            <div aria-live="polite">
              {message ? <FormMessage tone={message.tone}>{message.text}</FormMessage> : null}
            </div>
            <Button type="submit" variant="primary" disabled={pending}>
              {pending ? "Creating…" : "Create account"}
            </Button>
          </form>
        </CardContent>
      </section>
    </Card>
  );
}
