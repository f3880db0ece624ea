import { recordLayout } from "@/app/(dashboard)/_components/record-layout";
import { hasRecord } from "@/app/(dashboard)/_components/records";

export default recordLayout("id", hasRecord("claim"));
