import { DataTableSearchForm, DataTableSearchField } from "@/components/data-table/data-table-search-form";
import { Field, Select } from "@/components/ui/field";
import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import type { UserListQuery } from "@/lib/validations/users";

export function UserSearchForm({ query }: { query: UserListQuery }) {
  return (
    <DataTableSearchForm
      action="/admin/users"
      label="Find users"
      filtered={Boolean(query.q || query.role || query.status)}
    >
      <DataTableSearchField id="users-q" label="Name or email" value={query.q} />
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
    </DataTableSearchForm>
  );
}
