import { recordLayout } from "@/app/(dashboard)/_components/record-layout";
import { sectorNameOf } from "@/app/(dashboard)/_components/records";

export default recordLayout("slug", sectorNameOf);
