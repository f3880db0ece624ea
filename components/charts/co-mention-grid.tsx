// Which entities are named together: a heatmap drawn as an HTML table, so it is a real grid for screen readers
// and keyboards. Each cell is a link to the claims naming both entities; the diagonal holds each one's own count.
import Link from "next/link";
import { formatCount } from "@/lib/format";

export interface GridEntity {
  key: string;
  name: string;
}

export function CoMentionGrid({
  caption,
  entities,
  counts,
  hrefs,
}: {
  caption: string;
  entities: GridEntity[];
  counts: number[][];
  /** hrefs[i][j]: the claims behind counts[i][j]. */
  hrefs: (string | undefined)[][];
}) {
  const max = Math.max(1, ...counts.flatMap((row, i) => row.filter((_, j) => j !== i)));
  return (
    <div className="overflow-x-auto">
      <table className="border-separate border-spacing-1 text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <td />
            {entities.map((entity) => (
              <th
                key={entity.key}
                scope="col"
                className="h-28 w-11 align-bottom font-medium text-muted-foreground"
              >
                {/* Names stand upright in a narrow column, so eight of them fit a phone's width. */}
                <span
                  className="mx-auto block max-h-28 truncate [writing-mode:vertical-rl] rotate-180"
                  title={entity.name}
                >
                  {entity.name}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entities.map((row, i) => (
            <tr key={row.key}>
              <th
                scope="row"
                className="max-w-36 truncate pr-2 text-right font-medium text-muted-foreground"
                title={row.name}
              >
                {row.name}
              </th>
              {entities.map((column, j) => {
                const value = counts[i]?.[j] ?? 0;
                const href = hrefs[i]?.[j];
                const diagonal = i === j;
                const name = diagonal
                  ? `${row.name}: ${formatCount(value, "claim", "claims")}`
                  : `${row.name} and ${column.name}: ${formatCount(value, "claim", "claims")}`;
                // Off the diagonal, shade by the share of the largest pair; the diagonal stays neutral.
                const strength = diagonal ? 0 : Math.round((value / max) * 85);
                const cell = (
                  <span
                    className="grid size-11 place-items-center rounded-md tabular-nums"
                    style={{
                      background: diagonal
                        ? "var(--muted)"
                        : `color-mix(in oklch, var(--bar) ${strength}%, var(--surface))`,
                      color: strength > 50 ? "white" : undefined,
                    }}
                    title={name}
                  >
                    {value}
                  </span>
                );
                return (
                  <td key={column.key} className="p-0">
                    {href && value > 0 ? (
                      <Link
                        href={href}
                        prefetch={false}
                        aria-label={name}
                        className="block rounded-md hover:ring-2 hover:ring-ring"
                      >
                        {cell}
                      </Link>
                    ) : (
                      <span className={value === 0 ? "text-muted-foreground" : undefined}>{cell}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
