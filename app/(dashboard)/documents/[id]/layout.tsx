import { recordLayout } from "@/components/records/record-layout";
import { documentTitleOf } from "@/lib/data/records";

export default recordLayout("id", documentTitleOf);
