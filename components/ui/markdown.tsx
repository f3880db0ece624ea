// Markdown from people, rendered inert: raw HTML shows as text (no rehype-raw), links and images keep only web,
// mail and relative addresses, and images become links so a note cannot make the browser fetch anything.
import clsx from "clsx";
import Markdown, { type Components } from "react-markdown";

const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * The address as a browser would read it (it drops tabs, line breaks and leading controls, so "java\tscript:"
 * is javascript:), or null when it is neither a web, mail nor relative address.
 */
export function safeUrl(url: string): string | null {
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  if (!cleaned) return null;
  try {
    const resolved = new URL(cleaned, "https://relative.invalid/");
    return ALLOWED_PROTOCOLS.has(resolved.protocol) ? cleaned : null;
  } catch {
    return null;
  }
}

const LINK = "font-medium text-brand underline underline-offset-2 hover:no-underline";

const COMPONENTS: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="noopener noreferrer nofollow" className={LINK}>
        {children}
      </a>
    ) : (
      // A refused address leaves the words, visibly not a link.
      <span className="underline decoration-dotted underline-offset-2">{children}</span>
    ),
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} rel="noopener noreferrer nofollow" className={LINK}>
        {`Image: ${alt || src}`}
      </a>
    ) : (
      <span>{alt ? `Image: ${alt}` : null}</span>
    ),
  // A note's headings sit under the thread's own; they must not outrank the page's.
  h1: ({ children }) => <p className="font-semibold">{children}</p>,
  h2: ({ children }) => <p className="font-semibold">{children}</p>,
  h3: ({ children }) => <p className="font-semibold">{children}</p>,
  h4: ({ children }) => <p className="font-semibold">{children}</p>,
  h5: ({ children }) => <p className="font-semibold">{children}</p>,
  h6: ({ children }) => <p className="font-semibold">{children}</p>,
};

export function MarkdownText({ children, className }: { children: string; className?: string }) {
  return (
    <div
      className={clsx(
        "text-sm leading-relaxed break-words [&_blockquote]:border-l-2 [&_blockquote]:pl-3 [&_blockquote]:text-muted-foreground [&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em] [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:my-2 [&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-muted [&_pre]:p-3 [&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_ul]:list-disc [&_ul]:pl-5 [&>:first-child]:mt-0 [&>:last-child]:mb-0",
        className,
      )}
    >
      <Markdown urlTransform={safeUrl} components={COMPONENTS}>
        {children}
      </Markdown>
    </div>
  );
}
