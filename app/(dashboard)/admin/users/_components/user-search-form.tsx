import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import type { UserListQuery } from "@/lib/validations/users";

/** A plain GET form: every filtered list has an address, and filtering works before any script loads. */
export function UserSearchForm({ query }: { query: UserListQuery }) {
  const filtered = Boolean(query.q || query.role || query.status);
  return (
    <form
      role="search"
      aria-label="Find users"
      action="/admin/users"
      method="get"
      className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end"
    >
      <Field id="users-q" label="Name or email" className="sm:min-w-56 sm:flex-1">
        {(described) => (
          <Input
            id="users-q"
            name="q"
            type="search"
            defaultValue={query.q}
            maxLength={200}
            autoComplete="off"
            {...described}
          />
        )}
      </Field>
      <Field id="users-role" label="Role" className="sm:w-40">
        {(described) => (
          <Select id="users-role" name="role" defaultValue={query.role ?? ""} {...described}>
            <option value="">Any role</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="users-status" label="Status" className="sm:w-40">
        {(described) => (
          <Select id="users-status" name="status" defaultValue={query.status ?? ""} {...described}>
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="disabled">Disabled</option>
          </Select>
        )}
      </Field>
      <div className="flex items-center gap-2">
        <Button type="submit" variant="primary" className="h-10">
          Search
        </Button>
        {filtered ? (
          <Link
            href="/admin/users"
            className="inline-flex h-10 items-center rounded-md px-3 text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground"
          >
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
