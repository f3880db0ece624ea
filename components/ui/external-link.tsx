import { ExternalLinkIcon } from "@/components/ui/icons";

/** Only web addresses become links: a stored "javascript:" or malformed URL is shown as text, never followed. */
export function ExternalLink({ url }: { url: string }) {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
    return <span className="break-all text-muted-foreground">{url}</span>;
  }
  return (
    <a
      href={parsed.href}
      target="_blank"
      rel="noopener noreferrer"
      className="inline-flex items-center gap-1 font-medium text-brand underline-offset-4 hover:underline"
    >
      {parsed.host.replace(/^www\./, "")}
      <ExternalLinkIcon className="size-3.5" />
      <span className="sr-only">(opens in a new tab)</span>
    </a>
  );
}
