"use client";

import { useEffect } from "react";

/**
 * Scrolls to the element the URL's fragment names ("#claim-12"). The browser does this by itself only when the
 * element is in the first bytes it receives; the reader streams in behind its loading skeleton, so the element
 * may arrive after the browser has given up.
 */
export function ScrollToTarget() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView({ block: "center" });
  }, []);
  return null;
}
