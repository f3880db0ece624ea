import { DataTableSearchForm } from "@/components/data-table/data-table-search-form";
import { Field, Input, Select } from "@/components/ui/field";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from "@/lib/data/audit";
import type { AuditQuery } from "@/lib/validations/audit";
import { TARGET_LABELS } from "./audit-labels";

export function AuditFilters({
  query,
  actors,
}: {
  query: AuditQuery;
  actors: { id: number; name: string; email: string }[];
}) {
  return (
    <DataTableSearchForm
      action="/admin/audit"
      label="Filter the audit log"
      filtered={Boolean(
        query.actorId || query.action || query.targetType || query.claimId || query.from || query.to,
      )}
      submitLabel="Filter"
      clearLabel="Clear filters"
      note={<p className="ml-auto text-xs text-muted-foreground">Days are in UTC.</p>}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(3,minmax(0,1fr))_8rem_10rem_10rem] lg:items-end"
      actionsClassName="sm:col-span-2 lg:col-span-6"
    >
      <Field id="audit-actor" label="Who">
        {(described) => (
          <Select id="audit-actor" name="actor" defaultValue={query.actorId ?? ""} {...described}>
            <option value="">Anyone</option>
            {actors.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name} ({person.email})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="audit-action" label="Action">
        {(described) => (
          <Select id="audit-action" name="action" defaultValue={query.action ?? ""} {...described}>
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="audit-target" label="Record type">
        {(described) => (
          <Select id="audit-target" name="target" defaultValue={query.targetType ?? ""} {...described}>
            <option value="">Any record</option>
            {AUDIT_TARGET_TYPES.map((type) => (
              <option key={type} value={type}>
                {TARGET_LABELS[type]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="audit-claim" label="Claim id">
        {(described) => (
          <Input
            id="audit-claim"
            name="claim"
            inputMode="numeric"
            pattern="[0-9]*"
            defaultValue={query.claimId ?? ""}
            {...described}
          />
        )}
      </Field>
      <Field id="audit-from" label="From">
        {(described) => (
          <Input id="audit-from" name="from" type="date" defaultValue={query.from ?? ""} {...described} />
        )}
      </Field>
      <Field id="audit-to" label="To">
        {(described) => (
          <Input id="audit-to" name="to" type="date" defaultValue={query.to ?? ""} {...described} />
        )}
      </Field>
    </DataTableSearchForm>
  );
}
