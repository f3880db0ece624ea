import { describe, expect, it } from "vitest";
import { diffAuditValues, formatAuditValue } from "@/lib/domain/audit-diff";

describe("diffAuditValues", () => {
  it("keeps the fields that changed, in recorded order, and drops the ones that did not", () => {
    expect(
      diffAuditValues(
        { email: "a@b.org", role: "VIEWER", sectors: ["x"] },
        { email: "a@b.org", role: "ADMIN", sectors: ["x", "y"] },
      ),
    ).toEqual([
      { field: "role", before: "VIEWER", after: "ADMIN" },
      { field: "sectors", before: ["x"], after: ["x", "y"] },
    ]);
  });

  it("shows a creation as after-only fields and a deletion as before-only ones", () => {
    expect(diffAuditValues(null, { name: "View" })).toEqual([{ field: "name", after: "View" }]);
    expect(diffAuditValues({ name: "View" }, null)).toEqual([{ field: "name", before: "View" }]);
  });

  it("reads a bare value as one field", () => {
    expect(diffAuditValues("old", "new")).toEqual([{ field: "value", before: "old", after: "new" }]);
  });
});

describe("formatAuditValue", () => {
  it("writes every kind of value as one line", () => {
    expect(formatAuditValue(null)).toBe("—");
    expect(formatAuditValue(undefined)).toBe("—");
    expect(formatAuditValue(true)).toBe("yes");
    expect(formatAuditValue(["a", "b"])).toBe("a, b");
    expect(formatAuditValue([])).toBe("(none)");
    expect(formatAuditValue(3)).toBe("3");
    expect(formatAuditValue({ k: 1 })).toBe('{"k":1}');
  });
});
