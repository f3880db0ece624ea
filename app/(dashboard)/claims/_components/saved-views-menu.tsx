"use client";

// The toolbar's "Views" menu: apply a saved view (a link to its filters), save the filters on screen under a name,
// and rename, share or delete one's own (an admin: anyone's). Fields are controlled, so a refused save keeps what
// was typed.
import Link from "next/link";
import { use, useState, useTransition, type FormEvent } from "react";
import { ToneBadge } from "@/components/ui/tone-badge";
import { DataTablePopover } from "@/components/data-table/data-table-popover";
import { Button } from "@/components/ui/button";
import { FormMessage, Input } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/result";
import { createSavedView, deleteSavedView, renameSavedView, shareSavedView } from "@/lib/actions/saved-views";
import { sendAction } from "@/lib/actions/send-action";
import type { SavedViewItem } from "@/lib/data/saved-views";
import { serializeClaimsQuery } from "@/lib/validations/claims";
import { useClaimsQuery } from "@/components/claims/claims-query-context";

type Message = { tone: "error" | "success"; text: string };

export function SavedViewsMenu({ views: viewsPromise }: { views: Promise<SavedViewItem[]> }) {
  const views = use(viewsPromise);
  return (
    <DataTablePopover
      popup="dialog"
      align="end"
      panelClassName="w-[22rem] p-3"
      trigger={
        <>
          Views
          {views.length ? (
            <span className="rounded bg-muted px-1 text-xs text-muted-foreground tabular-nums">
              {views.length}
            </span>
          ) : null}
        </>
      }
    >
      {(close) => <SavedViewsPanel views={views} close={close} />}
    </DataTablePopover>
  );
}

function SavedViewsPanel({ views, close }: { views: SavedViewItem[]; close: () => void }) {
  const { query } = useClaimsQuery();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, startTransition] = useTransition();

  function run(action: () => Promise<ActionResult<unknown>>, done: string, onDone?: () => void) {
    setMessage(null);
    startTransition(async () => {
      const result = await sendAction(action);
      if (result.ok) {
        onDone?.();
        setMessage({ tone: "success", text: done });
      } else {
        setMessage({ tone: "error", text: Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.error });
      }
    });
  }

  function onSave(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    run(
      () => createSavedView({ name: trimmed, query: serializeClaimsQuery(query).toString(), shared }),
      `Saved “${trimmed}”${shared ? ", shared with the team" : ""}.`,
      () => {
        setName("");
        setShared(false);
      },
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <section aria-labelledby="saved-views-heading" className="flex flex-col gap-1.5">
        <h2
          id="saved-views-heading"
          className="px-1 text-xs font-medium tracking-wide text-muted-foreground uppercase"
        >
          Saved views
        </h2>
        {views.length === 0 ? (
          <p className="px-1 text-sm text-muted-foreground">
            No saved views yet. Set the filters you use often, then save them below.
          </p>
        ) : (
          <ul className="flex max-h-72 flex-col gap-1 overflow-y-auto">
            {views.map((view) => (
              <SavedViewRow key={view.id} view={view} close={close} run={run} pending={pending} />
            ))}
          </ul>
        )}
      </section>
      <form
        aria-label="Save the current view"
        className="flex flex-col gap-2 border-t pt-3"
        onSubmit={onSave}
      >
        <label htmlFor="saved-view-name" className="text-sm font-medium">
          Save the current filters as
        </label>
        <Input
          id="saved-view-name"
          value={name}
          maxLength={80}
          placeholder="e.g. Huawei chips, unreviewed"
          onChange={(event) => setName(event.target.value)}
          data-autofocus
        />
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={shared}
            onChange={(event) => setShared(event.target.checked)}
            className="size-4 accent-brand"
          />
          Share with the team
        </label>
        <Button type="submit" variant="primary" disabled={pending || !name.trim()}>
          Save view
        </Button>
      </form>
      <div aria-live="polite">
        {message ? <FormMessage tone={message.tone}>{message.text}</FormMessage> : null}
      </div>
    </div>
  );
}

function SavedViewRow({
  view,
  close,
  run,
  pending,
}: {
  view: SavedViewItem;
  close: () => void;
  run: (action: () => Promise<ActionResult<unknown>>, done: string, onDone?: () => void) => void;
  pending: boolean;
}) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(view.name);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const ref = { id: view.id, version: view.version };

  return (
    <li className="rounded-md px-1 py-1.5 hover:bg-muted/50">
      <div className="flex items-center gap-2">
        <Link
          href={view.query ? `/claims?${view.query}` : "/claims"}
          onClick={() => close()}
          className="min-w-0 flex-1 truncate rounded-sm font-medium text-brand underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
        >
          {view.name}
        </Link>
        {view.shared ? <ToneBadge tone="info">Shared</ToneBadge> : null}
      </div>
      {view.canManage ? null : <p className="text-xs text-muted-foreground">Shared by {view.owner.name}</p>}
      {view.canManage ? (
        renaming ? (
          <form
            aria-label={`Rename ${view.name}`}
            className="mt-1.5 flex items-center gap-1.5"
            onSubmit={(event) => {
              event.preventDefault();
              run(
                () => renameSavedView({ ...ref, name: name.trim() }),
                `Renamed to “${name.trim()}”.`,
                () => setRenaming(false),
              );
            }}
          >
            <Input
              aria-label="New name"
              value={name}
              maxLength={80}
              className="h-8"
              onChange={(event) => setName(event.target.value)}
              autoFocus
            />
            <Button type="submit" className="h-8 px-2.5" disabled={pending || !name.trim()}>
              Save
            </Button>
            <Button className="h-8 px-2.5" variant="ghost" onClick={() => setRenaming(false)}>
              Cancel
            </Button>
          </form>
        ) : (
          <div className="mt-1 flex flex-wrap items-center gap-1">
            <Button variant="ghost" className="h-7 px-2 text-xs" onClick={() => setRenaming(true)}>
              Rename<span className="sr-only"> {view.name}</span>
            </Button>
            <Button
              variant="ghost"
              className="h-7 px-2 text-xs"
              disabled={pending}
              onClick={() =>
                run(
                  () => shareSavedView({ ...ref, shared: !view.shared }),
                  view.shared ? `“${view.name}” is private now.` : `“${view.name}” is shared with the team.`,
                )
              }
            >
              {view.shared ? "Unshare" : "Share"}
              <span className="sr-only"> {view.name}</span>
            </Button>
            {confirmDelete ? (
              <>
                <Button
                  variant="danger"
                  className="h-7 px-2 text-xs"
                  disabled={pending}
                  onClick={() => run(() => deleteSavedView(ref), `Deleted “${view.name}”.`)}
                >
                  Confirm delete<span className="sr-only"> {view.name}</span>
                </Button>
                <Button variant="ghost" className="h-7 px-2 text-xs" onClick={() => setConfirmDelete(false)}>
                  Keep
                </Button>
              </>
            ) : (
              <Button variant="ghost" className="h-7 px-2 text-xs" onClick={() => setConfirmDelete(true)}>
                Delete<span className="sr-only"> {view.name}</span>
              </Button>
            )}
          </div>
        )
      ) : null}
    </li>
  );
}
