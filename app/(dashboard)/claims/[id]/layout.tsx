import { recordLayout } from "@/app/(dashboard)/_components/record-layout";
import { loadClaim } from "@/app/(dashboard)/_components/records";

export default recordLayout("id", loadClaim);
