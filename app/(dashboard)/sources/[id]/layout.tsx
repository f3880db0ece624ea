import { recordLayout } from "@/components/records/record-layout";
import { sourceTitleOf } from "@/lib/data/records";

export default recordLayout("id", sourceTitleOf);
