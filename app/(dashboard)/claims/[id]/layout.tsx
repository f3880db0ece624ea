import { recordLayout } from "@/components/records/record-layout";
import { claimTextOf } from "@/lib/data/records";

export default recordLayout("id", claimTextOf);
