import { recordLayout } from "@/app/(dashboard)/_components/record-layout";
import { loadEntity } from "@/app/(dashboard)/_components/records";

export default recordLayout("id", loadEntity);
