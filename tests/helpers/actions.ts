// Every server action of the app by name, for tests that hold each one to the same rule.
import * as annotationActions from "@/lib/actions/annotations";
import * as catalogActions from "@/lib/actions/catalog";
import * as documentActions from "@/lib/actions/documents";
import * as reviewActions from "@/lib/actions/review";
import * as savedViewActions from "@/lib/actions/saved-views";
import * as userActions from "@/lib/actions/users";

type Action = (input: never) => Promise<unknown>;

export const EVERY_ACTION = Object.entries({
  ...annotationActions,
  ...catalogActions,
  ...documentActions,
  ...reviewActions,
  ...savedViewActions,
  ...userActions,
}) as [string, Action][];
