import { recordLayout } from "@/app/(dashboard)/_components/record-layout";
import { hasSector } from "@/app/(dashboard)/_components/records";

export default recordLayout("slug", hasSector);
