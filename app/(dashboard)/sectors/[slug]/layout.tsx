import { recordLayout } from "@/components/records/record-layout";
import { sectorNameOf } from "@/lib/data/records";

export default recordLayout("slug", sectorNameOf);
