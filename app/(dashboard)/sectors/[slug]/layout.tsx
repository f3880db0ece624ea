import { recordLayout } from "@/app/(dashboard)/_components/record-layout";
import { loadSector } from "@/app/(dashboard)/_components/records";

export default recordLayout("slug", loadSector);
