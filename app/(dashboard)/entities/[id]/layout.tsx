import { recordLayout } from "@/components/records/record-layout";
import { entityNameOf } from "@/lib/data/records";

export default recordLayout("id", entityNameOf);
