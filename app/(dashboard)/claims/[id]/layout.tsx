import { recordLayout } from "@/app/(dashboard)/_components/record-layout";
import { claimTextOf } from "@/app/(dashboard)/_components/records";

export default recordLayout("id", claimTextOf);
