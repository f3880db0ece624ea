"use client";

// One account's controls: its name, its role, disable or enable. Each save names the version the row was shown
// at; a stale one is refused and the row reloads beside what was typed, which stays.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Select } from "@/components/ui/field";
import { changeUserRole, disableUser, enableUser, updateUser } from "@/lib/actions/users";
import type { ActionResult } from "@/lib/actions/result";
import { sendAction } from "@/lib/actions/send-action";
import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums.ts";

interface RowUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  version: number;
}

type Message = { tone: "error" | "success"; text: string };

export function UserRowActions({ user }: { user: RowUser }) {
  const router = useRouter();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [message, setMessage] = useState<Message | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const id = `user-${user.id}`;

  function save(run: () => Promise<ActionResult<unknown>>, done: string) {
    setMessage(null);
    setNameError(undefined);
    startTransition(async () => {
      const result = await sendAction(run);
      if (result.ok) {
        setMessage({ tone: "success", text: done });
        return;
      }
      setNameError(result.fieldErrors?.name?.[0]);
      setMessage({ tone: "error", text: result.error });
      // Show the account as it is now; the typed values are state and survive the refresh.
      if (result.stale) router.refresh();
    });
  }

  const ref = { id: user.id, version: user.version };

  return (
    <details className="group text-left sm:shrink-0">
      <summary
        aria-label={`Manage ${user.name}`}
        className="inline-flex h-8 cursor-pointer list-none items-center rounded-md border bg-surface px-2.5 text-sm font-medium shadow-xs hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none dark:shadow-none [&::-webkit-details-marker]:hidden"
      >
        Manage
      </summary>
      <div className="mt-3 flex w-full flex-col gap-4 rounded-lg border bg-background p-4 sm:w-80">
        <form
          aria-label={`Name of ${user.email}`}
          className="flex items-end gap-2"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            save(() => updateUser({ ...ref, name }), "Name saved.");
          }}
        >
          <Field id={`${id}-name`} label="Name" className="flex-1" error={nameError}>
            {(described) => (
              <Input
                id={`${id}-name`}
                value={name}
                maxLength={100}
                required
                onChange={(event) => setName(event.target.value)}
                {...described}
              />
            )}
          </Field>
          <Button type="submit" disabled={pending || name === user.name}>
            Save name
          </Button>
        </form>
        <form
          aria-label={`Role of ${user.email}`}
          className="flex items-end gap-2"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            save(() => changeUserRole({ ...ref, role }), `Role changed to ${ROLE_LABELS[role]}.`);
          }}
        >
          <Field id={`${id}-role`} label="Role" className="flex-1">
            {(described) => (
              <Select
                id={`${id}-role`}
                value={role}
                onChange={(event) => setRole(event.target.value as Role)}
                {...described}
              >
                {ROLES.map((option) => (
                  <option key={option} value={option}>
                    {ROLE_LABELS[option]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button type="submit" disabled={pending || role === user.role}>
            Change role
          </Button>
        </form>
        <div className="flex items-center justify-between gap-3 border-t pt-3">
          <p className="text-sm text-muted-foreground">
            {user.disabled ? "This account is disabled." : "Active."}
          </p>
          {user.disabled ? (
            <Button disabled={pending} onClick={() => save(() => enableUser(ref), "Account enabled.")}>
              Enable account
            </Button>
          ) : (
            <Button
              variant="danger"
              disabled={pending}
              onClick={() =>
                save(() => disableUser(ref), "Account disabled: it is signed out at its next request.")
              }
            >
              Disable account
            </Button>
          )}
        </div>
        <div aria-live="polite">
          {message ? <FormMessage tone={message.tone}>{message.text}</FormMessage> : null}
        </div>
      </div>
    </details>
  );
}
