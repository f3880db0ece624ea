"use client";

// A trigger button and the panel it opens under it: the shared behaviour of the kit's filter, column and
// typeahead menus. Escape, a click outside or Tab out of the panel closes it; Escape gives focus back to
// the trigger so a keyboard user never lands at the top of the page.
import { clsx } from "clsx";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface DataTablePopoverProps {
  /** Visible content of the trigger; its text is the trigger's accessible name unless `label` is set. */
  trigger: ReactNode;
  label?: string;
  /** What the panel holds, for assistive technology: a list of options, a menu or a small dialog. */
  popup: "listbox" | "menu" | "dialog";
  align?: "start" | "end";
  triggerClassName?: string;
  panelClassName?: string;
  /** The trigger stands out while its filter is applied, so active filters are visible at a glance. */
  active?: boolean;
  children: (close: () => void) => ReactNode;
}

export const TRIGGER_CLASS =
  "inline-flex h-8 items-center gap-1.5 rounded-md border bg-surface px-2.5 text-sm font-medium whitespace-nowrap text-foreground shadow-xs transition-colors hover:bg-muted aria-expanded:bg-muted data-active:border-brand/40 data-active:bg-brand-soft/60 dark:shadow-none";

/**
 * Runs once when a panel opens (a module-level function keeps the ref stable, so re-renders do not re-run it).
 * On a narrow screen a panel opened near the edge would run off it: it slides back in. Then its first control
 * (marked data-autofocus, else the first focusable one) takes focus.
 */
function placeAndFocus(node: HTMLDivElement | null) {
  if (!node) return;
  const margin = 8;
  const { left, right } = node.getBoundingClientRect();
  const shift = Math.max(margin - left, Math.min(0, window.innerWidth - margin - right));
  if (shift) node.style.translate = `${shift}px 0`;
  const target =
    node.querySelector<HTMLElement>("[data-autofocus]") ??
    node.querySelector<HTMLElement>("input, button, [tabindex]:not([tabindex='-1'])");
  target?.focus({ preventScroll: true });
}

export function DataTablePopover({
  trigger,
  label,
  popup,
  align = "start",
  triggerClassName,
  panelClassName,
  active,
  children,
}: DataTablePopoverProps) {
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const buttonId = useId();
  const panelId = useId();

  // A pointer press anywhere else dismisses the panel, as with any menu.
  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !container.current?.contains(event.target)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function close({ focusTrigger = true } = {}) {
    setOpen(false);
    // By id rather than a ref: `close` is handed to the panel's render function.
    if (focusTrigger) document.getElementById(buttonId)?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  }

  function onTriggerKeyDown(event: KeyboardEvent) {
    // Menus open from the keyboard with the arrow keys too, as native selects do.
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && !open) {
      event.preventDefault();
      setOpen(true);
    }
  }

  return (
    <div
      ref={container}
      className="relative"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Tabbing out of the panel closes it; focus moving inside it does not.
        if (
          open &&
          event.relatedTarget instanceof Node &&
          !container.current?.contains(event.relatedTarget)
        ) {
          close({ focusTrigger: false });
        }
      }}
    >
      <button
        id={buttonId}
        type="button"
        aria-label={label}
        aria-haspopup={popup}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-active={active || undefined}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={onTriggerKeyDown}
        className={clsx(TRIGGER_CLASS, triggerClassName)}
      >
        {trigger}
      </button>
      {open ? (
        <div
          id={panelId}
          ref={placeAndFocus}
          role={popup === "dialog" ? "dialog" : undefined}
          aria-labelledby={popup === "dialog" ? buttonId : undefined}
          className={clsx(
            "absolute top-full z-30 mt-1.5 w-64 max-w-[calc(100vw-1rem)] rounded-lg border bg-surface p-1 text-sm shadow-lg",
            align === "end" ? "right-0" : "left-0",
            panelClassName,
          )}
        >
          {children(() => close())}
        </div>
      ) : null}
    </div>
  );
}
