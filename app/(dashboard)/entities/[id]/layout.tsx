import { recordLayout } from "@/app/(dashboard)/_components/record-layout";
import { entityNameOf } from "@/app/(dashboard)/_components/records";

export default recordLayout("id", entityNameOf);
