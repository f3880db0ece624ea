/**
 * Where sign-in and the signed-in user's menu go; the accounts issue fills it. A server component so it
 * can read the session directly. Empty until then: no placeholder control that does nothing.
 */
export function AccountSlot() {
  return <div role="group" aria-label="Account" className="flex items-center empty:hidden" />;
}
